/* http.c: one reused libcurl connection with auth and bounded retries. */
#include <curl/curl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "alloc.h"
#include "http.h"

struct kk_http {
  CURL *curl;
  char *user, *password;
  int auth;
  int retries, retrying;
  long backoff_ms, timeout_s;
  curl_off_t moved;    /* bytes sent and received in this attempt */
  double moved_at;     /* when that last changed */
  int stalled;         /* the attempt was given up for it */
  char err[CURL_ERROR_SIZE];
  char why[CURL_ERROR_SIZE + 64];
  char agent[48];
};

static size_t
on_data(char *p, size_t size, size_t n, void *user_data)
{
  kk_buf *b = user_data;
  if (b && kkachi__buf_append(b, p, size * n))
    return 0; /* makes curl fail with CURLE_WRITE_ERROR */
  return size * n;
}

static double
now_s(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Gives the attempt up once no byte went either way for timeout_s: curl's
 * own low-speed check averages over seconds of samples, which the bytes
 * of the request keep above any limit long after the server went quiet. */
static int
on_progress(void *user_data, curl_off_t dltotal, curl_off_t dlnow,
            curl_off_t ultotal, curl_off_t ulnow)
{
  kk_http *h = user_data;
  (void)dltotal;
  (void)ultotal;
  if (dlnow + ulnow != h->moved) {
    h->moved = dlnow + ulnow;
    h->moved_at = now_s();
  } else if (now_s() - h->moved_at >= (double)h->timeout_s) {
    h->stalled = 1;
    return 1; /* makes curl fail with CURLE_ABORTED_BY_CALLBACK */
  }
  return 0;
}

int
kkachi__http_new(kk_http **out, const char *user, const char *password,
                 int auth, int retries, long backoff_ms, long timeout_s)
{
  kk_http *h;
  *out = NULL;
  if (curl_global_init(CURL_GLOBAL_DEFAULT))
    return KKACHI_ENET;
  if (!(h = kkachi__calloc(1, sizeof *h))) {
    curl_global_cleanup();
    return KKACHI_ENOMEM;
  }
  snprintf(h->agent, sizeof h->agent, "kkachi/%s", kkachi_version());
  h->auth = auth;
  h->retries = retries < 0 ? 0 : retries;
  h->retrying = 1;
  h->backoff_ms = backoff_ms > 0 ? backoff_ms : 0;
  h->timeout_s = timeout_s > 0 ? timeout_s : 60;
  if ((user && !(h->user = kkachi__strdup(user))) ||
      (password && !(h->password = kkachi__strdup(password))) ||
      !(h->curl = curl_easy_init())) {
    kkachi__http_free(h);
    return KKACHI_ENOMEM;
  }
  *out = h;
  return 0;
}

void
kkachi__http_free(kk_http *h)
{
  if (!h)
    return;
  if (h->curl)
    curl_easy_cleanup(h->curl);
  if (h->password) /* do not leave it lying in freed memory */
    memset(h->password, 0, strlen(h->password));
  kkachi__free(h->user);
  kkachi__free(h->password);
  kkachi__free(h);
  curl_global_cleanup();
}

void
kkachi__http_set_retrying(kk_http *h, int on)
{
  h->retrying = on;
}

static long
auth_bits(int auth)
{
  switch (auth) {
  case KKACHI_AUTH_BASIC: return (long)CURLAUTH_BASIC;
  case KKACHI_AUTH_DIGEST: return (long)CURLAUTH_DIGEST;
  default: return (long)(CURLAUTH_BASIC | CURLAUTH_DIGEST);
  }
}

/* Sets the options of one request on the reused handle. */
static int
setup(kk_http *h, const char *method, const char *url,
      struct curl_slist *headers, const char *body, size_t len, kk_buf *ans)
{
  CURL *c = h->curl;
  int bad = 0;
  bad |= curl_easy_setopt(c, CURLOPT_URL, url) != CURLE_OK;
  bad |= curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L) != CURLE_OK;
  /* a server that accepts and never answers fails the attempt after
   * timeout_s without a byte either way; a slow but steady transfer of a
   * large graph may take as long as it needs */
  bad |= curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, h->timeout_s)
         != CURLE_OK;
  bad |= curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress)
         != CURLE_OK;
  bad |= curl_easy_setopt(c, CURLOPT_XFERINFODATA, h) != CURLE_OK;
  bad |= curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L) != CURLE_OK;
  bad |= curl_easy_setopt(c, CURLOPT_USERAGENT, h->agent) != CURLE_OK;
  bad |= curl_easy_setopt(c, CURLOPT_ERRORBUFFER, h->err) != CURLE_OK;
  bad |= curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data) != CURLE_OK;
  bad |= curl_easy_setopt(c, CURLOPT_WRITEDATA, ans) != CURLE_OK;
  bad |= curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers) != CURLE_OK;
  bad |= curl_easy_setopt(c, CURLOPT_HTTPAUTH, auth_bits(h->auth)) != CURLE_OK;
  bad |= curl_easy_setopt(c, CURLOPT_NETRC, (long)CURL_NETRC_OPTIONAL)
         != CURLE_OK;
  if (h->user) {
    bad |= curl_easy_setopt(c, CURLOPT_USERNAME, h->user) != CURLE_OK;
    if (h->password) /* curl reads ~/.netrc only when no user is set */
      bad |= curl_easy_setopt(c, CURLOPT_PASSWORD, h->password) != CURLE_OK;
  }
  bad |= curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE,
                          (curl_off_t)(body ? len : 0)) != CURLE_OK;
  bad |= curl_easy_setopt(c, CURLOPT_POSTFIELDS, body ? body : "")
         != CURLE_OK;
  bad |= curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST,
                          strcmp(method, "POST") ? method : NULL) != CURLE_OK;
  return bad ? KKACHI_ENET : 0;
}

/* Whether a failed transfer is worth another try. */
static int
transient(CURLcode rc)
{
  return rc == CURLE_COULDNT_CONNECT || rc == CURLE_SEND_ERROR ||
         rc == CURLE_RECV_ERROR || rc == CURLE_GOT_NOTHING ||
         rc == CURLE_OPERATION_TIMEDOUT || rc == CURLE_PARTIAL_FILE ||
         rc == CURLE_COULDNT_RESOLVE_HOST;
}

static void
pause_ms(long ms)
{
  struct timespec ts;
  ts.tv_sec = ms / 1000;
  ts.tv_nsec = (ms % 1000) * 1000000L;
  while (nanosleep(&ts, &ts) != 0)
    ;
}

static int
headers_for(struct curl_slist **out, const char *ctype, const char *accept)
{
  kk_buf b = KK_BUF_INIT;
  struct curl_slist *l = NULL, *n;
  int rc = 0;
  /* no "Expect: 100-continue" round trip before each body */
  if (!(n = curl_slist_append(l, "Expect:")))
    rc = KKACHI_ENOMEM;
  l = n ? n : l;
  if (!rc && ctype) {
    rc = kkachi__buf_printf(&b, "Content-Type: %s", ctype);
    if (!rc && !(n = curl_slist_append(l, b.data)))
      rc = KKACHI_ENOMEM;
    l = n ? n : l;
  }
  kkachi__buf_reset(&b);
  if (!rc && accept) {
    rc = kkachi__buf_printf(&b, "Accept: %s", accept);
    if (!rc && !(n = curl_slist_append(l, b.data)))
      rc = KKACHI_ENOMEM;
    l = n ? n : l;
  }
  kkachi__buf_free(&b);
  *out = l;
  return rc;
}

int
kkachi__http_request(kk_http *h, const char *method, const char *url,
                     const char *ctype_in, const char *body, size_t len,
                     const char *accept, long *status, kk_buf *answer,
                     char **ctype, const char **why)
{
  struct curl_slist *headers = NULL;
  CURLcode crc = CURLE_OK;
  int rc, attempt;
  long wait = h->backoff_ms;

  *status = 0;
  h->why[0] = '\0';
  if (ctype)
    *ctype = NULL;
  if (why)
    *why = NULL;
  if ((rc = headers_for(&headers, ctype_in, accept)))
    goto done;
  for (attempt = 0;; attempt++) {
    h->err[0] = '\0';
    if (answer)
      kkachi__buf_reset(answer);
    if ((rc = setup(h, method, url, headers, body, len, answer)))
      goto done;
    h->moved = 0;
    h->moved_at = now_s();
    h->stalled = 0;
    crc = curl_easy_perform(h->curl);
    if (crc == CURLE_ABORTED_BY_CALLBACK && h->stalled)
      crc = CURLE_OPERATION_TIMEDOUT;
    *status = 0;
    if (crc == CURLE_OK)
      curl_easy_getinfo(h->curl, CURLINFO_RESPONSE_CODE, status);
    if (attempt >= h->retries || !h->retrying ||
        (crc == CURLE_OK && *status < 500 && *status != 429) ||
        (crc != CURLE_OK && !transient(crc)))
      break;
    pause_ms(wait);
    wait = wait * 2 + 1;
  }
  if (crc != CURLE_OK) {
    if (h->stalled)
      snprintf(h->why, sizeof h->why, "no byte either way for %ld s",
               h->timeout_s);
    else
      snprintf(h->why, sizeof h->why, "%s",
               h->err[0] ? h->err : curl_easy_strerror(crc));
    rc = crc == CURLE_WRITE_ERROR          ? KKACHI_ENOMEM
         : crc == CURLE_OPERATION_TIMEDOUT ? KKACHI_ETIMEOUT
                                           : KKACHI_ENET;
    goto done;
  }
  if (ctype) {
    char *ct = NULL;
    curl_easy_getinfo(h->curl, CURLINFO_CONTENT_TYPE, &ct);
    if (ct && !(*ctype = kkachi__strdup(ct)))
      rc = KKACHI_ENOMEM;
  }
done:
  if (why && rc)
    *why = h->why[0] ? h->why : kkachi_strerror(rc);
  curl_slist_free_all(headers);
  return rc;
}

int
kkachi__http_escape(kk_http *h, kk_buf *b, const char *s, size_t len)
{
  static const char hex[] = "0123456789ABCDEF";
  size_t i;
  int rc = 0;
  (void)h;
  for (i = 0; !rc && i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
        (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
        c == '~') {
      char ch = (char)c;
      rc = kkachi__buf_append(b, &ch, 1);
    } else {
      char esc[3] = { '%', hex[c >> 4], hex[c & 15] };
      rc = kkachi__buf_append(b, esc, 3);
    }
  }
  return rc;
}
