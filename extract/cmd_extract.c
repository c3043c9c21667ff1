/* cmd_extract.c: kkachi extract: articles in, one RDF document out. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "output.h"
#include "corpus.h"
#include "seen.h"
#include "pool.h"
#include "progress.h"
#include "remote.h"
#include "dot.h"
#include "svg.h"
#include "explain.h"
#include "render.h"

#define MAX_PATHS 64
#define MAX_JOBS 64

typedef struct opts {
  const char *out, *format, *base, *lang;
  double time_limit; /* CPU seconds per article; < 0: the engine's */
  const char *rules[MAX_PATHS], *add[MAX_PATHS];
  int nrules, nadd;
  int input, evidence, explain, text;
  const char *svg; /* draw the picture into this file */
  int progress; /* -1 --quiet, 1 --progress, 0 on a terminal */
  int jobs;     /* articles extracted at once */
  const char *load; /* a store to put the articles in, or NULL */
  remote_opts remote; /* or a server */
} opts;

static void
help(FILE *fp)
{
  fputs("usage: kkachi extract [OPTIONS] [FILE...]\n"
        "\n"
        "Reads articles (FILE, or stdin with none or '-'; a folder gives every\n"
        "*.txt, *.jsonl, *.html and *.htm below it, in name order) and\n"
        "writes their facts as RDF.\n"
        "\n"
        "  -o, --output FILE     write there (whole or not at all)\n"
        "  -f, --format FMT      turtle (default), ntriples, nquads, rdfxml,\n"
        "                        json (RDF/JSON), dot (a Graphviz picture)\n"
        "      --svg FILE        also draw the facts into FILE (Graphviz)\n"
        "      --input KIND      text, jsonl or html (default: by the ending)\n"
        "      --base IRI        base of minted IRIs\n"
        "                        (default https://w3id.org/kkachi/id/)\n"
        "      --time-limit S    stop matching an article after S seconds\n"
        "                        of CPU, with a warning (default 10, 0 none)\n"
        "      --rules PATH      load these rules instead of the installed\n"
        "                        ones (repeatable; a file or a folder)\n"
        "      --add-rules PATH  load these rules too (repeatable)\n"
        "      --rules-unsafe    let their gazetteer and include paths leave\n"
        "                        the folders loaded and the installed data\n"
        "                        folder\n"
        "      --lang LANG       ko, en or auto (default auto)\n"
        "      --no-evidence     leave out kk:Evidence nodes\n"
        "      --with-text       write each article's text as nif:isString\n"
        "      --explain         print a table of facts instead of RDF\n"
        "  -j, --jobs N          extract N articles at once, in threads (the\n"
        "                        output keeps the input order)\n"
        "      --progress        a progress line and a summary on stderr\n"
        "                        (the default when stderr is a terminal)\n"
        "      --quiet           neither\n"
        "      --load[=STORE]    put each article's graph into a store (as\n"
        "                        kkachi load does) instead of writing RDF;\n"
        "                        with --endpoint, into a SPARQL server:\n"
        REMOTE_LOAD_HELP
        "  -h, --help            this text\n"
        "\n"
        "exit status: 0 done, 1 some articles could not be read (the rest\n"
        "were written), 2 nothing done\n",
        fp);
}

static int
parse(opts *o, int argc, char **argv)
{
  static const struct option longs[]
      = { { "output", required_argument, NULL, 'o' },
          { "format", required_argument, NULL, 'f' },
          { "input", required_argument, NULL, 'i' },
          { "base", required_argument, NULL, 'b' },
          { "time-limit", required_argument, NULL, 'W' },
          { "rules", required_argument, NULL, 'r' },
          { "add-rules", required_argument, NULL, 'a' },
          { "rules-unsafe", no_argument, NULL, 'U' },
          { "lang", required_argument, NULL, 'l' },
          { "no-evidence", no_argument, NULL, 'n' },
          { "explain", no_argument, NULL, 'x' },
          { "svg", required_argument, NULL, 'S' },
          { "with-text", no_argument, NULL, 'T' },
          { "progress", no_argument, NULL, 'P' },
          { "jobs", required_argument, NULL, 'j' },
          { "quiet", no_argument, NULL, 'q' },
          { "load", optional_argument, NULL, 'L' },
          { "help", no_argument, NULL, 'h' },
          REMOTE_LONG_OPTIONS,
          { NULL, 0, NULL, 0 } };
  int c, rc;

  memset(o, 0, sizeof *o);
  remote_init(&o->remote, 0);
  o->format = "turtle";
  o->evidence = 1;
  optind = 1;
  o->jobs = 1;
  o->time_limit = -1;
  while ((c = getopt_long(argc, argv, "o:f:j:h", longs, NULL)) != -1) {
    switch (c) {
    case 'o': o->out = optarg; break;
    case 'f': o->format = optarg; break;
    case 'b': o->base = optarg; break;
    case 'W': {
      char *end;
      o->time_limit = strtod(optarg, &end);
      if (end == optarg || *end || !(o->time_limit >= 0)) {
        cli_error("--time-limit: '%s' is not a number of seconds", optarg);
        return EXIT_FAILED;
      }
      break;
    }
    case 'l': o->lang = optarg; break;
    case 'n': o->evidence = 0; break;
    case 'x': o->explain = 1; break;
    case 'S': o->svg = optarg; break;
    case 'T': o->text = 1; break;
    case 'P': o->progress = 1; break;
    case 'j': {
      char *end;
      long v = strtol(optarg, &end, 10);
      if (end == optarg || *end || v < 1 || v > MAX_JOBS) {
        cli_error("--jobs is a number from 1 to %d, not '%s'", MAX_JOBS,
                  optarg);
        return EXIT_FAILED;
      }
      o->jobs = (int)v;
      break;
    }
    case 'q': o->progress = -1; break;
    case 'U': cli_set_rules_unsafe(1); break;
    case 'L': o->load = optarg ? optarg : cli_default_store(); break;
    case 'h': help(stdout); return -1;
    case 'i':
      if (!strcmp(optarg, "text"))
        o->input = KKACHI_INPUT_TEXT;
      else if (!strcmp(optarg, "jsonl"))
        o->input = KKACHI_INPUT_JSONL;
      else if (!strcmp(optarg, "html"))
        o->input = KKACHI_INPUT_HTML;
      else {
        cli_error("--input is text, jsonl or html, not '%s'", optarg);
        return EXIT_FAILED;
      }
      break;
    case 'r':
    case 'a':
      if ((c == 'r' ? o->nrules : o->nadd) == MAX_PATHS) {
        cli_error("too many rule paths (at most %d)", MAX_PATHS);
        return EXIT_FAILED;
      }
      if (c == 'r')
        o->rules[o->nrules++] = optarg;
      else
        o->add[o->nadd++] = optarg;
      break;
    default:
      if ((rc = remote_option(&o->remote, c, optarg)) == 1)
        break;
      if (!rc)
        help(stderr);
      return EXIT_FAILED;
    }
  }
  if (remote_active(&o->remote) && o->load &&
      o->load != cli_default_store()) {
    cli_error("--load=STORE and --endpoint exclude each other");
    return EXIT_FAILED;
  }
  if (remote_active(&o->remote) && o->explain) {
    cli_error("--explain and --endpoint exclude each other");
    return EXIT_FAILED;
  }
  if (strcmp(o->format, "turtle") && strcmp(o->format, "ntriples")
      && strcmp(o->format, "nquads") && strcmp(o->format, "rdfxml")
      && strcmp(o->format, "json") && strcmp(o->format, "dot")) {
    cli_error("unknown format '%s' (turtle, ntriples, nquads, rdfxml, json, "
              "dot)", o->format);
    return EXIT_FAILED;
  }
  if (o->lang && strcmp(o->lang, "ko") && strcmp(o->lang, "en")
      && strcmp(o->lang, "auto")) {
    cli_error("--lang is ko, en or auto, not '%s'", o->lang);
    return EXIT_FAILED;
  }
  return 0;
}

/* Where extracted articles go, and how the run is doing. */
typedef struct sink {
  kkachi_writer *w;
  kkachi_store *store;
  kkachi_endpoint *ep;
  FILE *fp;
  kk_output *out; /* where fp writes */
  const opts *o;
  progress *pg;
  dot *pic;    /* the picture being drawn, or NULL */
  int status;  /* the worst so far */
  int broken;  /* the output could not be written: read no more */
  size_t written; /* articles delivered whole */
} sink;

/* Whether to read no more articles. */
static int
stopped(const sink *k)
{
  return k->broken;
}

/* Whether writing the output has failed: then the run stops, with one
 * message (an article's own error would repeat it for every article). */
static int
output_broken(sink *k)
{
  if (!k->broken && ferror(k->fp)) {
    progress_clear(k->pg); /* before the message */
    output_failed(k->out);
    k->broken = 1;
    k->status = EXIT_FAILED;
  }
  return k->broken;
}

/* Whether the output is the picture (-f dot), rather than a table, a
 * store or a server, which take the facts whatever the format. */
static int
picture_only(const sink *k)
{
  return !strcmp(k->o->format, "dot") && !k->o->explain && !k->store
         && !k->ep;
}

/* Writes, stores or sends one article's facts (pool_deliver_fn). */
static void
deliver(kkachi_article *a, kkachi_result *r, int rc, const char *path,
        char *bytes, size_t nbytes, void *user_data)
{
  sink *k = user_data;
  const opts *o = k->o;
  if (output_broken(k))
    goto done;
  if (!rc && k->pic)
    rc = dot_add(k->pic, r);
  if (!rc && picture_only(k))
    ; /* the picture is the output, written at the end */
  else if (!rc && bytes) /* lines a worker wrote */
    rc = fwrite(bytes, 1, nbytes, k->fp) == nbytes ? 0 : KKACHI_EIO;
  else if (!rc)
    rc = o->explain ? explain_article(k->fp, a, r)
         : k->ep    ? kkachi_endpoint_add(k->ep, r, o->evidence)
         : k->store ? kkachi_store_add(k->store, r, o->evidence)
                    : kkachi_writer_add(k->w, r);
  if (output_broken(k))
    goto done;
  if (rc == KKACHI_EAUTH || rc == KKACHI_ETIMEOUT) {
    /* said once at the end; later articles are listed, not sent */
    k->status = EXIT_FAILED;
    progress_error(k->pg);
  } else if (k->ep && rc && rc != KKACHI_ENOMEM) { /* logged with it */
    k->status = k->status > EXIT_FINDING ? k->status : EXIT_FINDING;
    progress_error(k->pg);
  } else if (rc) {
    progress_clear(k->pg);
    cli_error("%s: article %s: %s", path, kkachi_article_id(a),
              kkachi_strerror(rc));
    k->status = k->status > EXIT_FINDING ? k->status : EXIT_FINDING;
    progress_error(k->pg);
  } else {
    progress_article(k->pg, kkachi_article_size(a), r);
    k->written++;
  }
done:
  free(bytes);
  kkachi_result_free(r);
  kkachi_article_free(a);
}

/* Writes an article's lines in its worker (pool_render_fn). */
static int
render_one(int worker, const kkachi_result *r, char **bytes, size_t *n,
           void *user_data)
{
  return render_article(user_data, worker, r, bytes, n);
}

/* Warns about an article read with a warning (a date left out) or with
 * an id an earlier article had; both make the status 1. */
static void
check_article(sink *k, seen *ids, kkachi_reader *rd, const kkachi_article *a,
              const char *path, unsigned long line, unsigned long col)
{
  char loc[4200];
  const char *first = NULL, *msg = kkachi_reader_message(rd);
  int rc;

  if (line)
    snprintf(loc, sizeof loc, "%s:%lu:%lu", path, line, col);
  else
    snprintf(loc, sizeof loc, "%s", path);
  if (*msg) {
    progress_clear(k->pg);
    cli_error("%s: warning: %s", loc, msg);
    k->status = k->status > EXIT_FINDING ? k->status : EXIT_FINDING;
  }
  rc = seen_add(ids, kkachi_article_id(a), loc, &first);
  if (rc) {
    progress_clear(k->pg);
    if (rc > 0)
      cli_error("%s: warning: article id '%s' was read before, at %s: "
                "their facts share one IRI", loc, kkachi_article_id(a), first);
    else
      cli_error("%s: %s", loc, kkachi_strerror(KKACHI_ENOMEM));
    k->status = k->status > EXIT_FINDING ? k->status : EXIT_FINDING;
  }
}

/* Reads every article of one input into the pool. */
static void
read_input(pool *pl, sink *k, seen *ids, const char *path)
{
  kkachi_reader *rd = NULL;
  int rc;

  if ((rc = kkachi_reader_open(&rd, path, k->o->input))) {
    int err = errno; /* why the file did not open */
    kkachi_reader_free(rd);
    progress_clear(k->pg);
    if (rc == KKACHI_EIO)
      cli_error("%s: cannot open: %s", path, strerror(err));
    else
      cli_error("%s: %s", path, kkachi_strerror(rc));
    progress_error(k->pg);
    k->status = k->status > EXIT_FINDING ? k->status : EXIT_FINDING;
    return;
  }
  while (!stopped(k)) {
    kkachi_article *a = NULL;
    unsigned long line = 0, col = 0;
    size_t off = 0;

    rc = kkachi_reader_next(rd, &a, &line, &col, &off);
    if (rc) {
      progress_clear(k->pg);
      if (line)
        cli_error("%s:%lu:%lu: %s", path, line, col,
                  kkachi_reader_message(rd));
      else
        cli_error("%s: %s", path, kkachi_reader_message(rd));
      k->status = k->status > EXIT_FINDING ? k->status : EXIT_FINDING;
      progress_error(k->pg);
      if (rc == KKACHI_EIO || rc == KKACHI_ENOMEM)
        break;
      continue;
    }
    if (!a)
      break;
    check_article(k, ids, rd, a, path, line, col);
    if (k->o->lang)
      kkachi_article_set(a, "lang", k->o->lang);
    pool_submit(pl, a, path);
  }
  kkachi_reader_free(rd);
}

/* Reads the whole corpus through a pool of o->jobs workers (none for
 * one job), each with an engine of its own. */
static void
run_all(kkachi_engine *e, const corpus *c, sink *k)
{
  kkachi_engine *engines[MAX_JOBS] = { NULL };
  int n = k->o->jobs > 1 ? k->o->jobs : 0, made = 0, i;
  pool *pl = NULL;
  render *rd = NULL;
  seen ids;
  size_t f;

  seen_init(&ids);
  for (; made < n; made++) {
    if (cli_engine(&engines[made], k->o->rules, k->o->nrules, k->o->add,
                   k->o->nadd) ||
        (k->o->base && kkachi_engine_set_base(engines[made], k->o->base)) ||
        (k->o->time_limit >= 0 &&
         kkachi_engine_set_time_limit(engines[made], k->o->time_limit))) {
      if (engines[made])
        kkachi_engine_free(engines[made]);
      k->status = EXIT_FAILED;
      goto done;
    }
  }
  /* N-Triples and N-Quads written to a file or stdout: the workers
   * write the lines too */
  if (n && k->w && !k->o->explain && render_new(&rd, engines, n, k->o->format, k->o->evidence,
                              k->o->text)) {
    cli_error("cannot start the %s writers", k->o->format);
    k->status = EXIT_FAILED;
    goto done;
  }
  if (pool_start(&pl, e, engines, n, deliver, k)) {
    cli_error("cannot start %d threads", n);
    k->status = EXIT_FAILED;
    goto done;
  }
  if (rd)
    pool_set_render(pl, render_one, rd);
  for (f = 0; f < c->n && !stopped(k); f++)
    read_input(pl, k, &ids, c->paths[f]);
done:
  pool_finish(pl); /* delivers what is left */
  seen_free(&ids);
  render_free(rd);
  for (i = 0; i < made; i++)
    kkachi_engine_free(engines[i]);
}

/* Opens -o and --svg, once it is known that Graphviz can draw the
 * picture. Returns an exit status; on EXIT_DONE the caller closes both
 * (close_outputs). */
static int
open_outputs(const opts *o, kk_output *out, kk_output *svg)
{
  memset(svg, 0, sizeof *svg);
  if (o->svg && !svg_available()) {
    cli_error("%s: cannot draw the picture: Graphviz (dot) is not installed",
              o->svg);
    return EXIT_FAILED;
  }
  if (output_open(out, o->out))
    return EXIT_FAILED;
  if (o->svg && output_open(svg, o->svg)) {
    output_close(out, 1);
    return EXIT_FAILED;
  }
  return EXIT_DONE;
}

/* Draws the picture, then puts the outputs in place unless the run
 * failed; when it read no article, files that were there stay. Returns
 * the run's status, worst, or EXIT_FAILED. */
static int
close_outputs(const opts *o, dot *pic, kk_output *out, kk_output *svg,
              int worst, size_t written)
{
  char why[128];
  why[0] = '\0';
  if (o->svg && pic && worst != EXIT_FAILED && fflush(svg->fp))
    snprintf(why, sizeof why, "%s", strerror(errno));
  if (o->svg && pic && worst != EXIT_FAILED
      && (why[0] || svg_draw(pic, fileno(svg->fp), why, sizeof why))) {
    cli_error("%s: cannot draw the picture: %s", o->svg, why);
    worst = EXIT_FAILED;
  }
  if (o->svg
      && output_close(svg, worst == EXIT_FAILED || (!written && svg->existed)))
    worst = EXIT_FAILED;
  if (output_close(out, worst == EXIT_FAILED || (!written && out->existed)))
    worst = EXIT_FAILED;
  return worst;
}

int
cmd_extract(int argc, char **argv)
{
  kkachi_engine *e = NULL;
  kkachi_writer *w = NULL;
  dot *pic = NULL;
  kkachi_store *store = NULL;
  kkachi_endpoint *ep = NULL;
  kk_output out, svg;
  corpus c;
  progress pg;
  opts o;
  size_t written = 0;
  int status, rc, worst = EXIT_DONE;

  if ((status = parse(&o, argc, argv)))
    return status < 0 ? EXIT_DONE : status;
  if ((status = cli_engine(&e, o.rules, o.nrules, o.add, o.nadd)))
    return status;
  if (o.time_limit >= 0)
    (void)kkachi_engine_set_time_limit(e, o.time_limit);
  if (o.base && (rc = kkachi_engine_set_base(e, o.base))) {
    cli_error("--base: '%s' is not an IRI ending in '/' or '#'", o.base);
    kkachi_engine_free(e);
    return EXIT_FAILED;
  }
  corpus_init(&c);
  for (rc = optind; rc < argc || (rc == optind && optind == argc); rc++)
    if (corpus_add(&c, rc < argc ? argv[rc] : "-")) {
      corpus_free(&c);
      kkachi_engine_free(e);
      return EXIT_FAILED;
    }
  progress_init(&pg, o.progress, c.sized ? c.bytes : 0);
  if (open_outputs(&o, &out, &svg)) {
    corpus_free(&c);
    kkachi_engine_free(e);
    return EXIT_FAILED;
  }
  if (remote_active(&o.remote)) {
    if ((worst = remote_open(&ep, e, &o.remote)))
      goto done;
  } else if (o.load && kkachi_store_open(&store, e, o.load)) {
    worst = EXIT_FAILED;
    goto done;
  }
  if ((o.svg || !strcmp(o.format, "dot")) && dot_new(&pic)) {
    worst = EXIT_FAILED;
    goto done;
  }
  if (!o.explain && !store && !ep && strcmp(o.format, "dot") &&
      (rc = kkachi_writer_new(&w, e, out.fp, o.format))) {
    cli_error("cannot start the %s writer: %s", o.format, kkachi_strerror(rc));
    worst = EXIT_FAILED;
    goto done;
  }
  if (w) {
    kkachi_writer_set_evidence(w, o.evidence);
    kkachi_writer_set_text(w, o.text);
  }
  {
    sink k = { w, store, ep, out.fp, &out, &o, &pg, pic, EXIT_DONE, 0, 0 };
    run_all(e, &c, &k);
    worst = k.status > worst ? k.status : worst;
    written = k.written;
    if (picture_only(&k) && !k.broken && dot_write(pic, out.fp))
      worst = EXIT_FAILED; /* reported by output_failed below */
  }
  if (ep && kkachi_endpoint_flush(ep) == KKACHI_EAUTH)
    worst = EXIT_FAILED;
  if (w && kkachi_writer_finish(w)) {
    if (!output_failed(&out))
      cli_error("cannot write the output");
    worst = EXIT_FAILED;
  }
  if (output_failed(&out))
    worst = EXIT_FAILED;
done:
  kkachi_writer_free(w);
  if (kkachi_store_close(store)) /* logged; the store is as it was */
    worst = EXIT_FAILED;
  if (remote_active(&o.remote)) {
    if (remote_close(&o.remote, ep))
      worst = EXIT_FAILED;
    else if (o.remote.fatal)
      worst = EXIT_FAILED;
    else if (o.remote.nfailed && worst < EXIT_FINDING)
      worst = EXIT_FINDING;
  }
  worst = close_outputs(&o, pic, &out, &svg, worst, written);
  dot_free(pic);
  progress_end(&pg);
  corpus_free(&c);
  kkachi_engine_free(e);
  return worst;
}
