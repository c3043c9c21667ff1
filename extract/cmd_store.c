/* cmd_store.c: kkachi load and kkachi query, on an embedded store or a
 * SPARQL server. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "remote.h"

#define MAX_QUERY (1 << 20)

static void
load_help(FILE *fp)
{
  fputs("usage: kkachi load [--store SPEC | --endpoint URL] [FILE...]\n"
        "\n"
        "Loads RDF (N-Quads, TriG, Turtle, N-Triples, by the ending; stdin\n"
        "with none or '-', read as N-Quads) into a store. Each named graph\n"
        "replaces the store's graph of that name (kkachi writes one graph per\n"
        "article), so loading again changes nothing and an edited article\n"
        "replaces its old facts; triples outside any graph belong to a graph\n"
        "named by the file.\n"
        "\n"
        "  --store SPEC  a folder (default $KKACHI_STORE or ./kkachi.store)\n"
        "                holding a Berkeley DB store with named graphs,\n"
        "                sqlite:PATH for one SQLite file, or\n"
        "                NAME:ARG:OPTIONS for another Redland storage\n"
        "  --no-wait     fail at once when another kkachi uses the store,\n"
        "                instead of waiting for it\n"
        REMOTE_LOAD_HELP
        "                (--failed and --only work with --store too)\n"
        "\n"
        "exit status: 0 done, 1 some files or graphs could not be loaded\n"
        "(each is named on stderr; a file that does not parse to its end\n"
        "changes nothing), 2 nothing done (usage, no file loaded into a\n"
        "store, the store cannot be opened or written, the server refused\n"
        "the credentials)\n",
        fp);
}

static kkachi_store *
open_store(kkachi_engine **e, const char *spec, int flags)
{
  kkachi_store *s = NULL;
  if (kkachi_engine_new(e))
    return NULL;
  kkachi_engine_set_log(*e, cli_log, NULL);
  if (kkachi_store_open_with(&s, *e, spec, flags)) {
    kkachi_engine_free(*e);
    *e = NULL;
    return NULL;
  }
  return s;
}

/* The line a load ends with; changes is "" or " (A added, R removed)". */
static void
summary(const char *where, const char *changes, size_t graphs,
        size_t triples, double t0)
{
  double dt = cli_now() - t0;
  cli_error("loaded %lu graphs, %lu triples into %s%s in %.2f s "
            "(%.0f triples/s)", (unsigned long)graphs, (unsigned long)triples,
            where, changes, dt, dt > 0 ? (double)triples / dt : 0.0);
}

/* Loads every file into a server; returns the exit status. */
static int
load_remote(remote_opts *r, int first, int argc, char **argv)
{
  kkachi_engine *e = NULL;
  kkachi_endpoint *ep = NULL;
  size_t graphs = 0, triples = 0;
  double t0 = cli_now();
  int i, rc, status;

  if (kkachi_engine_new(&e))
    return EXIT_FAILED;
  kkachi_engine_set_log(e, cli_log, NULL);
  if ((status = remote_open(&ep, e, r)))
    goto done;
  for (i = first; i < argc || (i == first && first == argc); i++) {
    size_t g = 0, t = 0;
    rc = kkachi_endpoint_load(ep, i < argc ? argv[i] : "-", NULL, &g, &t);
    graphs += g;
    triples += t;
    if (rc) /* after a fatal answer, later files are read to list them */
      status = EXIT_FINDING;
  }
  summary(r->ep.graph_store ? r->ep.graph_store : r->ep.update, "", graphs,
          triples, t0);
done:
  if (remote_close(r, ep) || r->fatal)
    status = EXIT_FAILED;
  kkachi_engine_free(e);
  return status;
}

/* Loads every file into a store; returns the exit status. */
static int
load_store(remote_opts *r, const char *spec, int flags, int first, int argc,
           char **argv)
{
  kkachi_engine *e = NULL;
  kkachi_store *s;
  size_t graphs = 0, triples = 0, added, removed;
  double t0 = cli_now();
  char changes[64];
  int i, rc, status, loaded = 0;

  if ((status = remote_lists_open(r)))
    return status;
  if (!(s = open_store(&e, spec, flags))) {
    remote_lists_close(r);
    return EXIT_FAILED;
  }
  kkachi_store_set_callbacks(s, remote_report, remote_want, r);
  for (i = first; i < argc || (i == first && first == argc); i++) {
    size_t g = 0, t = 0;
    rc = kkachi_store_load(s, i < argc ? argv[i] : "-", NULL, &g, &t);
    if (rc == KKACHI_ERDF || rc == KKACHI_ENOMEM) {
      status = EXIT_FAILED; /* the store's fault: said on closing */
      break;
    }
    if (rc)
      status = EXIT_FINDING; /* reported with its location */
    loaded += !rc;
    graphs += g;
    triples += t;
  }
  /* what changed, not the store's size: counting the statements of a
   * Berkeley DB store reads all of it */
  kkachi_store_changes(s, &added, &removed);
  snprintf(changes, sizeof changes, " (%lu added, %lu removed)",
           (unsigned long)added, (unsigned long)removed);
  if (kkachi_store_close(s))
    status = EXIT_FAILED;
  else
    summary(spec, changes, graphs, triples, t0);
  if (status == EXIT_FINDING && !loaded)
    status = EXIT_FAILED; /* no file loaded: nothing useful done */
  kkachi_engine_free(e);
  if (remote_lists_close(r))
    status = EXIT_FAILED;
  return status;
}

int
cmd_load(int argc, char **argv)
{
  static const struct option longs[] = {
      {"store", required_argument, NULL, 's'},
      {"no-wait", no_argument, NULL, 'W'},
      {"help", no_argument, NULL, 'h'},
      REMOTE_LONG_OPTIONS,
      {NULL, 0, NULL, 0}};
  const char *spec = NULL;
  remote_opts r;
  int c, rc, flags = 0;

  remote_init(&r, 0);
  optind = 1;
  while ((c = getopt_long(argc, argv, "h", longs, NULL)) != -1) {
    if (c == 's')
      spec = optarg;
    else if (c == 'W')
      flags |= KKACHI_STORE_NOWAIT;
    else if (c == 'h') {
      load_help(stdout);
      return EXIT_DONE;
    } else if ((rc = remote_option(&r, c, optarg)) != 1) {
      if (!rc)
        load_help(stderr);
      return EXIT_FAILED;
    }
  }
  if (remote_active(&r)) {
    if (spec) {
      cli_error("--store and --endpoint exclude each other");
      return EXIT_FAILED;
    }
    return load_remote(&r, optind, argc, argv);
  }
  return load_store(&r, spec ? spec : cli_default_store(), flags, optind,
                    argc, argv);
}

static void
query_help(FILE *fp)
{
  fputs("usage: kkachi query [--store SPEC | --endpoint URL] "
        "[--results FORMAT]\n"
        "                    QUERY|-|@FILE\n"
        "\n"
        "Runs a SPARQL query (the text, '-' for stdin, or @FILE) on a store\n"
        "or a server and prints the results.\n"
        "\n"
        "  --store SPEC       as for kkachi load\n"
        "  --endpoint URL     a SPARQL 1.1 query service (form-encoded POST)\n"
        "  --user NAME        log in as NAME ($KKACHI_PASSWORD; without\n"
        "                     --user, the host's line in ~/.netrc)\n"
        "  --auth KIND        any (default), basic or digest\n"
        "  --timeout S        give up after S seconds without an answer\n"
        "                     (default 60)\n"
        "  --retries N        extra attempts after 5xx or a lost connection\n"
        "  --results FORMAT   table (default), csv, tsv, json or xml\n"
        "  --no-wait          fail at once while a kkachi load writes the\n"
        "                     store, instead of waiting for it\n"
        "\n"
        "exit status: 0 done, 2 the query or the store could not be used\n",
        fp);
}

/* The query text: as given, from stdin ("-"), or from a file ("@F"). */
static char *
query_text(const char *arg)
{
  FILE *fp = NULL;
  char *buf;
  size_t n;
  if (strcmp(arg, "-") && arg[0] != '@')
    return strdup(arg);
  fp = !strcmp(arg, "-") ? stdin : fopen(arg + 1, "rb");
  if (!fp) {
    cli_error("%s: cannot open", arg + 1);
    return NULL;
  }
  buf = malloc(MAX_QUERY + 1);
  n = buf ? fread(buf, 1, MAX_QUERY, fp) : 0;
  if (fp != stdin)
    fclose(fp);
  if (!buf)
    return NULL;
  buf[n] = '\0';
  return buf;
}

/* Runs the query on a server; returns the library's code. */
static int
query_remote(remote_opts *r, const char *q, const char *format)
{
  kkachi_engine *e = NULL;
  kkachi_endpoint *ep = NULL;
  int rc = KKACHI_ENOMEM;
  if (kkachi_engine_new(&e))
    return rc;
  kkachi_engine_set_log(e, cli_log, NULL);
  if (remote_open(&ep, e, r))
    rc = KKACHI_EINVAL;
  else
    rc = kkachi_endpoint_query(ep, q, format, stdout);
  remote_close(r, ep);
  kkachi_engine_free(e);
  return rc;
}

/* The embedded store's messages about the query text carry a line and
 * column but no file: the query's source is named here. */
static void
query_log(int level, const char *file, unsigned long line, unsigned long col,
          const char *msg, void *user_data)
{
  cli_log(level, file || !line ? file : (const char *)user_data, line, col,
          msg, NULL);
}

int
cmd_query(int argc, char **argv)
{
  static const struct option longs[] = {
      {"store", required_argument, NULL, 's'},
      {"results", required_argument, NULL, 'r'},
      {"no-wait", no_argument, NULL, 'W'},
      {"help", no_argument, NULL, 'h'},
      REMOTE_LONG_OPTIONS,
      {NULL, 0, NULL, 0}};
  const char *spec = NULL, *format = "table";
  kkachi_engine *e = NULL;
  kkachi_store *s;
  remote_opts r;
  char *q;
  int c, rc, flags = KKACHI_STORE_READ;

  remote_init(&r, 1);
  optind = 1;
  while ((c = getopt_long(argc, argv, "h", longs, NULL)) != -1) {
    if (c == 's')
      spec = optarg;
    else if (c == 'r')
      format = optarg;
    else if (c == 'W')
      flags |= KKACHI_STORE_NOWAIT;
    else if (c == 'h') {
      query_help(stdout);
      return EXIT_DONE;
    } else if ((rc = remote_option(&r, c, optarg)) != 1) {
      if (!rc)
        query_help(stderr);
      return EXIT_FAILED;
    }
  }
  if (strcmp(format, "table") && strcmp(format, "csv") &&
      strcmp(format, "tsv") && strcmp(format, "json") && strcmp(format, "xml")) {
    cli_error("--results is table, csv, tsv, json or xml, not '%s'", format);
    return EXIT_FAILED;
  }
  if (optind != argc - 1) {
    query_help(stderr);
    return EXIT_FAILED;
  }
  if (spec && remote_active(&r)) {
    cli_error("--store and --endpoint exclude each other");
    return EXIT_FAILED;
  }
  if (!(q = query_text(argv[optind])))
    return EXIT_FAILED;
  if (remote_active(&r)) {
    if (!r.ep.query) {
      cli_error("kkachi query needs --endpoint (the query service URL)");
      free(q);
      return EXIT_FAILED;
    }
    rc = query_remote(&r, q, format);
    /* the server's errors are logged with its answer already */
    if (rc == KKACHI_ENOMEM || rc == KKACHI_EIO)
      cli_error("query failed: %s", kkachi_strerror(rc));
    free(q);
    return rc ? EXIT_FAILED : EXIT_DONE;
  }
  if (!(s = open_store(&e, spec ? spec : cli_default_store(), flags))) {
    free(q);
    return EXIT_FAILED;
  }
  kkachi_engine_set_log(e, query_log,
                        argv[optind][0] == '@' ? argv[optind] + 1
                        : strcmp(argv[optind], "-") ? "query" : "stdin");
  rc = kkachi_store_query(s, q, format, stdout);
  if (rc && rc != KKACHI_EINVAL) /* EINVAL: said where */
    cli_error("query failed: %s", rc == KKACHI_ESYNTAX
                                      ? "the query is not valid SPARQL"
                                      : kkachi_strerror(rc));
  free(q);
  if (kkachi_store_close(s))
    rc = KKACHI_ERDF;
  kkachi_engine_free(e);
  return rc ? EXIT_FAILED : EXIT_DONE;
}
