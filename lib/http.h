/* http.h: one reused HTTP connection (libcurl) with auth and bounded
 * retries, for talking to SPARQL servers. */
#ifndef KK_HTTP_H
#define KK_HTTP_H

#include <stddef.h>

#include "buf.h"
#include "kkachi.h"

typedef struct kk_http kk_http;

/* Creates a client. user and password may be NULL; when user is NULL the
 * credentials for the host come from ~/.netrc (or $NETRC) if it has them
 * (curl does not read it for a password when a user is set).
 * auth is a KKACHI_AUTH_* value; retries is the number of extra attempts
 * after a 5xx answer or a connection error, with backoff_ms doubling from
 * its value; an attempt fails after timeout_s seconds (0: 60) without
 * connecting, or without a byte sent or received. Takes copies of the
 * strings. *out becomes owned by the caller (kkachi__http_free). */
int kkachi__http_new(kk_http **out, const char *user, const char *password,
                     int auth, int retries, long backoff_ms, long timeout_s);

/* Frees the client. NULL is allowed. */
void kkachi__http_free(kk_http *h);

/* One request: method ("PUT", "POST", "DELETE"), url, a body of len bytes
 * with its content type (NULL body: none), and an Accept header (may be
 * NULL). The answer's status goes to *status, its body to *answer (which
 * stays the caller's; may be NULL), its content type to *ctype (a copy,
 * the caller frees it with kkachi__free; may be NULL).
 * Returns 0 when the server answered (whatever the status), KKACHI_ENET
 * when it could not be reached after every retry, KKACHI_ETIMEOUT when
 * the last attempt timed out; why (may be NULL)
 * gets a short text, owned by the client, valid until the next call. */
int kkachi__http_request(kk_http *h, const char *method, const char *url,
                         const char *ctype_in, const char *body, size_t len,
                         const char *accept, long *status, kk_buf *answer,
                         char **ctype, const char **why);

/* Percent-encodes s for a query string or a form (application/x-www-form-
 * urlencoded, RFC 3986 unreserved characters kept) onto b. */
int kkachi__http_escape(kk_http *h, kk_buf *b, const char *s, size_t len);

/* Tells the next requests not to retry (the server was found gone) or to
 * retry again (it answered). */
void kkachi__http_set_retrying(kk_http *h, int on);

#endif
