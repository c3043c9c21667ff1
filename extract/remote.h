/* remote.h: the options that point kkachi load, query and extract --load
 * at a SPARQL server, and the lists of graphs a load did not send. */
#ifndef KK_REMOTE_H
#define KK_REMOTE_H

#include <getopt.h>
#include <stdio.h>

#include "kkachi.h"
#include "output.h"

/* getopt_long codes of the shared options. */
enum {
  OPT_ENDPOINT = 0x100, OPT_UPDATE, OPT_USER, OPT_AUTH, OPT_RETRIES,
  OPT_BATCH, OPT_FAILED, OPT_ONLY, OPT_TIMEOUT
};

#define REMOTE_LONG_OPTIONS                                                   \
  { "endpoint", required_argument, NULL, OPT_ENDPOINT },                     \
      { "update-endpoint", required_argument, NULL, OPT_UPDATE },            \
      { "user", required_argument, NULL, OPT_USER },                         \
      { "auth", required_argument, NULL, OPT_AUTH },                         \
      { "retries", required_argument, NULL, OPT_RETRIES },                   \
      { "batch", required_argument, NULL, OPT_BATCH },                       \
      { "failed", required_argument, NULL, OPT_FAILED },                     \
      { "only", required_argument, NULL, OPT_ONLY },                         \
      { "timeout", required_argument, NULL, OPT_TIMEOUT }

/* The help text of the shared load options. */
#define REMOTE_LOAD_HELP                                                      \
  "      --endpoint URL    a SPARQL 1.1 Graph Store (HTTP PUT per graph)\n"   \
  "      --update-endpoint URL\n"                                             \
  "                        SPARQL 1.1 Update, used when there is no Graph\n"  \
  "                        Store (batched DROP SILENT GRAPH + INSERT DATA)\n" \
  "      --user NAME       log in as NAME with the password in\n"            \
  "                        $KKACHI_PASSWORD (without --user: ~/.netrc)\n"    \
  "      --auth KIND       any (default), basic or digest\n"                  \
  "      --retries N       extra attempts after 5xx or a lost connection\n"   \
  "                        (default 3, waiting 0.25 s, then twice as long)\n" \
  "      --timeout S       give an attempt up after S seconds without\n"     \
  "                        connecting or a byte either way (default 60);\n"  \
  "                        a server that still does not answer after the\n" \
  "                        retries ends the load, the rest not loaded\n"    \
  "      --batch N         triples per Update request (default 20000)\n"      \
  "      --failed FILE     write the IRIs of graphs not loaded there\n"       \
  "      --only FILE       load only the graphs listed there (as --failed\n"  \
  "                        wrote them), e.g. to finish a failed load\n"

typedef struct remote_opts {
  kkachi_endpoint_options ep;
  int query_mode;          /* --endpoint is a query URL */
  const char *failed_path; /* --failed */
  const char *only_path;   /* --only */
  char **only;             /* its IRIs, sorted */
  size_t nonly;
  kk_output failed;
  int failed_open;
  size_t nfailed;
  int fatal;               /* KKACHI_EAUTH or KKACHI_ETIMEOUT once met */
  char fatal_why[320];     /* what the server said then */
} remote_opts;

/* Sets defaults; query_mode makes --endpoint the SPARQL query URL. */
void remote_init(remote_opts *r, int query_mode);

/* Takes one getopt_long result: 1 when it was a remote option, 0 when
 * not, or an exit status (printed) for a bad value. */
int remote_option(remote_opts *r, int c, const char *arg);

/* Whether a server was named. */
int remote_active(const remote_opts *r);

/* Opens the client with the password from the environment, the --only
 * list and the --failed file. Returns an exit status. */
int remote_open(kkachi_endpoint **out, kkachi_engine *e, remote_opts *r);

/* Reads the --only list and opens the --failed file, for a server or a
 * store. Returns an exit status. */
int remote_lists_open(remote_opts *r);

/* The filter and report callbacks of a server or a store (user_data: the
 * remote_opts): graphs in the --only list; graphs not loaded counted and
 * written to the --failed file. */
int remote_want(const char *graph, void *user_data);
void remote_report(const char *graph, size_t triples, int rc,
                   const char *why, void *user_data);

/* Says how many graphs did not load, and closes the lists. Returns 0, or
 * -1 when the --failed list could not be written. */
int remote_lists_close(remote_opts *r);

/* Sends what is batched, says (once) why the server took nothing more
 * and how many graphs did not load (r->nfailed keeps the count, r->fatal
 * the reason, then the status is 2), closes the client and the lists.
 * Returns 0, or -1 when the --failed list could not be written. */
int remote_close(remote_opts *r, kkachi_endpoint *ep);

#endif
