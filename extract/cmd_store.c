/* cmd_store.c: kkachi load and kkachi query, on an embedded store. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define MAX_QUERY (1 << 20)

static const char *
default_store(void)
{
  const char *s = getenv("KKACHI_STORE");
  return s && *s ? s : "kkachi.store";
}

static void
load_help(FILE *fp)
{
  fputs("usage: kkachi load [--store SPEC] [FILE...]\n"
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
        "\n"
        "exit status: 0 done, 1 some files could not be loaded, 2 nothing done\n"
        "(the store could not be opened)\n",
        fp);
}

static kkachi_store *
open_store(kkachi_engine **e, const char *spec)
{
  kkachi_store *s = NULL;
  if (kkachi_engine_new(e))
    return NULL;
  kkachi_engine_set_log(*e, cli_log, NULL);
  if (kkachi_store_open(&s, *e, spec)) {
    kkachi_engine_free(*e);
    *e = NULL;
    return NULL;
  }
  return s;
}

int
cmd_load(int argc, char **argv)
{
  static const struct option longs[] = {
      {"store", required_argument, NULL, 's'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  const char *spec = default_store();
  kkachi_engine *e = NULL;
  kkachi_store *s;
  size_t graphs = 0, triples = 0, added, removed;
  int c, i, status = EXIT_DONE;

  optind = 1;
  while ((c = getopt_long(argc, argv, "h", longs, NULL)) != -1) {
    if (c == 's')
      spec = optarg;
    else if (c == 'h') {
      load_help(stdout);
      return EXIT_DONE;
    } else {
      load_help(stderr);
      return EXIT_FAILED;
    }
  }
  if (!(s = open_store(&e, spec)))
    return EXIT_FAILED;
  for (i = optind; i < argc || (i == optind && optind == argc); i++) {
    size_t g = 0, t = 0;
    const char *path = i < argc ? argv[i] : "-";
    if (kkachi_store_load(s, path, NULL, &g, &t))
      status = EXIT_FINDING; /* reported with its location */
    graphs += g;
    triples += t;
  }
  /* what changed, not the store's size: counting the statements of a
   * Berkeley DB store reads all of it */
  kkachi_store_changes(s, &added, &removed);
  fprintf(stderr,
          "kkachi: loaded %lu graphs, %lu triples into %s (%lu added, "
          "%lu removed)\n",
          (unsigned long)graphs, (unsigned long)triples, spec,
          (unsigned long)added, (unsigned long)removed);
  kkachi_store_free(s);
  kkachi_engine_free(e);
  return status;
}

static void
query_help(FILE *fp)
{
  fputs("usage: kkachi query [--store SPEC] [--results FORMAT] QUERY|-\n"
        "\n"
        "Runs a SPARQL query (the text, '-' for stdin, or @FILE) on a store\n"
        "and prints the results.\n"
        "\n"
        "  --store SPEC       as for kkachi load\n"
        "  --results FORMAT   table (default), csv, tsv, json or xml\n"
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

int
cmd_query(int argc, char **argv)
{
  static const struct option longs[] = {
      {"store", required_argument, NULL, 's'},
      {"results", required_argument, NULL, 'r'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  const char *spec = default_store(), *format = "table";
  kkachi_engine *e = NULL;
  kkachi_store *s;
  char *q;
  int c, rc;

  optind = 1;
  while ((c = getopt_long(argc, argv, "h", longs, NULL)) != -1) {
    if (c == 's')
      spec = optarg;
    else if (c == 'r')
      format = optarg;
    else if (c == 'h') {
      query_help(stdout);
      return EXIT_DONE;
    } else {
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
  if (!(q = query_text(argv[optind])))
    return EXIT_FAILED;
  if (!(s = open_store(&e, spec))) {
    free(q);
    return EXIT_FAILED;
  }
  rc = kkachi_store_query(s, q, format, stdout);
  if (rc)
    cli_error("query failed: %s", rc == KKACHI_ESYNTAX
                                      ? "the query is not valid SPARQL"
                                      : kkachi_strerror(rc));
  free(q);
  kkachi_store_free(s);
  kkachi_engine_free(e);
  return rc ? EXIT_FAILED : EXIT_DONE;
}
