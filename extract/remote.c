/* remote.c: the options that point kkachi at a SPARQL server, and the
 * lists of graphs a load did not send. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "remote.h"

#define MAX_ONLY_LINE 8192

void
remote_init(remote_opts *r, int query_mode)
{
  memset(r, 0, sizeof *r);
  r->query_mode = query_mode;
  r->ep.retries = -1;
}

static int
number(const char *opt, const char *arg, long lo, long hi, long *out)
{
  char *end;
  long v;
  errno = 0;
  v = strtol(arg, &end, 10);
  if (errno || end == arg || *end || v < lo || v > hi) {
    cli_error("%s is a number from %ld to %ld, not '%s'", opt, lo, hi, arg);
    return EXIT_FAILED;
  }
  *out = v;
  return 0;
}

/* Whether url names a user (and maybe a password) before its host: curl
 * would use it, and messages would print it. */
static int
has_userinfo(const char *url)
{
  const char *s = strstr(url, "://");
  s = s ? s + 3 : url;
  for (; *s && *s != '/' && *s != '?' && *s != '#'; s++)
    if (*s == '@')
      return 1;
  return 0;
}

int
remote_option(remote_opts *r, int c, const char *arg)
{
  long v = 0;
  if ((c == OPT_ENDPOINT || c == OPT_UPDATE) && has_userinfo(arg)) {
    /* the URL itself is not printed: it may hold a password */
    cli_error("%s: a URL may not hold a user or password; use --user NAME "
              "with $KKACHI_PASSWORD, or ~/.netrc",
              c == OPT_ENDPOINT ? "--endpoint" : "--update-endpoint");
    return EXIT_FAILED;
  }
  switch (c) {
  case OPT_ENDPOINT:
    if (r->query_mode)
      r->ep.query = arg;
    else
      r->ep.graph_store = arg;
    return 1;
  case OPT_UPDATE: r->ep.update = arg; return 1;
  case OPT_USER: r->ep.user = arg; return 1;
  case OPT_FAILED: r->failed_path = arg; return 1;
  case OPT_ONLY: r->only_path = arg; return 1;
  case OPT_AUTH:
    if (!strcmp(arg, "any"))
      r->ep.auth = KKACHI_AUTH_ANY;
    else if (!strcmp(arg, "basic"))
      r->ep.auth = KKACHI_AUTH_BASIC;
    else if (!strcmp(arg, "digest"))
      r->ep.auth = KKACHI_AUTH_DIGEST;
    else {
      cli_error("--auth is any, basic or digest, not '%s'", arg);
      return EXIT_FAILED;
    }
    return 1;
  case OPT_RETRIES:
    if (number("--retries", arg, 0, 20, &v))
      return EXIT_FAILED;
    r->ep.retries = (int)v;
    return 1;
  case OPT_BATCH:
    if (number("--batch", arg, 1, 10000000, &v))
      return EXIT_FAILED;
    r->ep.batch = (size_t)v;
    return 1;
  case OPT_TIMEOUT:
    if (number("--timeout", arg, 1, 86400, &v))
      return EXIT_FAILED;
    r->ep.timeout = v;
    return 1;
  default: return 0;
  }
}

int
remote_active(const remote_opts *r)
{
  return r->ep.graph_store || r->ep.update || r->ep.query;
}

static int
cmp_str(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads the --only list: one IRI a line, with or without <>. */
static int
read_only(remote_opts *r)
{
  char line[MAX_ONLY_LINE];
  size_t cap = 0;
  FILE *fp = fopen(r->only_path, "r");
  if (!fp) {
    cli_error("%s: cannot open: %s", r->only_path, strerror(errno));
    return EXIT_FAILED;
  }
  while (fgets(line, sizeof line, fp)) {
    char *s = line, *e = line + strlen(line);
    while (e > s && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' '))
      *--e = '\0';
    if (*s == '<' && e > s + 1 && e[-1] == '>') {
      s++;
      *--e = '\0';
    }
    if (!*s || *s == '#')
      continue;
    if (r->nonly == cap) {
      char **p = realloc(r->only, (cap = cap ? cap * 2 : 64) * sizeof *p);
      if (!p)
        break;
      r->only = p;
    }
    if (!(r->only[r->nonly] = strdup(s)))
      break;
    r->nonly++;
  }
  if (ferror(fp) || !feof(fp)) {
    cli_error("%s: cannot read the list", r->only_path);
    fclose(fp);
    return EXIT_FAILED;
  }
  fclose(fp);
  qsort(r->only, r->nonly, sizeof *r->only, cmp_str);
  return 0;
}

int
remote_want(const char *graph, void *user_data)
{
  remote_opts *r = user_data;
  if (!r->only_path)
    return 1;
  return bsearch(&graph, r->only, r->nonly, sizeof *r->only, cmp_str) != NULL;
}

void
remote_report(const char *graph, size_t triples, int rc, const char *why,
              void *user_data)
{
  remote_opts *r = user_data;
  (void)triples;
  if (!rc)
    return;
  /* the library has logged the others; a fatal one is said once */
  if ((rc == KKACHI_EAUTH || rc == KKACHI_ETIMEOUT) && !r->fatal) {
    r->fatal = rc;
    snprintf(r->fatal_why, sizeof r->fatal_why, "%s", why ? why : "");
  }
  r->nfailed++;
  if (r->failed_open)
    fprintf(r->failed.fp, "%s\n", graph);
}

int
remote_lists_open(remote_opts *r)
{
  int rc;
  if (r->only_path && (rc = read_only(r)))
    return rc;
  if (r->failed_path) {
    if (output_open(&r->failed, r->failed_path))
      return EXIT_FAILED;
    r->failed_open = 1;
  }
  return 0;
}

int
remote_open(kkachi_endpoint **out, kkachi_engine *e, remote_opts *r)
{
  int rc;
  *out = NULL;
  r->ep.password = getenv("KKACHI_PASSWORD");
  if (r->ep.password && !*r->ep.password)
    r->ep.password = NULL;
  if ((rc = remote_lists_open(r)))
    return rc;
  if ((rc = kkachi_endpoint_open(out, e, &r->ep))) {
    cli_error("cannot start the client: %s", kkachi_strerror(rc));
    return EXIT_FAILED;
  }
  kkachi_endpoint_set_callbacks(*out, remote_report, remote_want, r);
  return 0;
}

/* The one message for a server that will take nothing more. */
static void
say_fatal(const remote_opts *r)
{
  const char *url = r->ep.graph_store ? r->ep.graph_store : r->ep.update;
  if (r->fatal == KKACHI_EAUTH)
    cli_error("%s: the server refused the credentials (%s); nothing more "
              "sent", url, r->fatal_why);
  else
    cli_error("%s: no answer within %ld s, %d attempts; nothing more sent",
              url, r->ep.timeout > 0 ? r->ep.timeout : 60,
              1 + (r->ep.retries < 0 ? 3 : r->ep.retries));
}

int
remote_close(remote_opts *r, kkachi_endpoint *ep)
{
  if (ep)
    kkachi_endpoint_flush(ep);
  kkachi_endpoint_free(ep);
  if (r->fatal)
    say_fatal(r);
  return remote_lists_close(r);
}

int
remote_lists_close(remote_opts *r)
{
  size_t i;
  int rc = 0;
  if (r->nfailed)
    cli_error("%lu graphs not loaded%s%s", (unsigned long)r->nfailed,
              r->failed_path ? "; listed in " : "",
              r->failed_path ? r->failed_path : "");
  if (r->failed_open && output_close(&r->failed, 0))
    rc = -1;
  r->failed_open = 0;
  for (i = 0; i < r->nonly; i++)
    free(r->only[i]);
  free(r->only);
  r->only = NULL;
  r->nonly = 0;
  return rc;
}
