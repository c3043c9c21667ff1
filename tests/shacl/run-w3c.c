/* run-w3c.c: runs the W3C SHACL Core test suite shipped in tests/shacl/w3c/:
 * for each test, validates its data graph against its shapes graph,
 * writes the report as Turtle (as kkachi validate does), parses that text
 * again, and compares it with the expected report as the suite does: the
 * same sh:conforms, and results that match one to one on focus node,
 * path, value, component, shape and severity (sh:resultMessage aside),
 * blank-node paths by their structure and other blank nodes by a
 * consistent renaming. Prints "N passed, N failed". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "rdfgraph.h"
#include "shacl.h"

#define MF "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
#define SHT "http://www.w3.org/ns/shacl-test#"
#define RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define XSD "http://www.w3.org/2001/XMLSchema#"
#define W3C_TESTS 98 /* in the shipped suite: fewer means some were lost */
#define NFIELDS 7

static kkachi_engine *engine;
static kk_shacl ctx; /* for the look-up helpers only */
static int passed, failed, verbose;

/* The fields of a result that are compared; the last one lists the
 * predicates a result should not have. */
static const char *const fields[NFIELDS - 1]
    = { "focusNode",   "resultPath",    "value", "sourceConstraintComponent",
        "sourceShape", "resultSeverity" };

/* One result: each field's text; a field that is one blank node (not a
 * path) is a variable, named by the node's identifier in var[]. */
typedef struct rsig {
  char *text[NFIELDS];
  char *var[NFIELDS];
} rsig;

static void
log_fn(int level, const char *file, unsigned long line, unsigned long col,
       const char *msg, void *ud)
{
  (void)ud;
  if (verbose || level == KKACHI_LOG_ERROR)
    fprintf(stderr, "%s:%lu:%lu: %s\n", file ? file : "-", line, col, msg);
}

static int
by_text(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int sig(librdf_model *m, librdf_node *n, kk_buf *b, int depth);

/* A blank node by what it says (a path: lists, sh:inversePath...): its
 * predicates and objects, sorted, so that two copies of one path, or a
 * path shared and a path repeated, read the same. */
static int
blank_sig(librdf_model *m, librdf_node *n, kk_buf *b, int depth)
{
  librdf_statement *pat = librdf_new_statement_from_nodes(
      ctx.w, librdf_new_node_from_node(n), NULL, NULL);
  librdf_stream *st = pat ? librdf_model_find_statements(m, pat) : NULL;
  char *parts[64];
  size_t np = 0, i;
  int rc = st ? 0 : -1;
  while (st && !rc && !librdf_stream_end(st) && np < 64) {
    librdf_statement *t = librdf_stream_get_object(st);
    kk_buf one = KK_BUF_INIT;
    rc = sig(m, librdf_statement_get_predicate(t), &one, depth + 1)
         || kkachi__buf_puts(&one, " ")
         || sig(m, librdf_statement_get_object(t), &one, depth + 1);
    parts[np++] = kkachi__buf_steal(&one);
    librdf_stream_next(st);
  }
  qsort(parts, np, sizeof *parts, by_text);
  rc = rc ? rc : kkachi__buf_puts(b, "[");
  for (i = 0; i < np; i++) {
    if (!rc && parts[i])
      rc = kkachi__buf_printf(b, "%s%s", i ? "; " : "", parts[i]);
    free(parts[i]);
  }
  if (st)
    librdf_free_stream(st);
  if (pat)
    librdf_free_statement(pat);
  return rc ? rc : kkachi__buf_puts(b, "]");
}

/* A stable text for a node: IRIs and literals as written, blank nodes by
 * structure. */
static int
sig(librdf_model *m, librdf_node *n, kk_buf *b, int depth)
{
  if (depth > 64)
    return kkachi__buf_puts(b, "...");
  if (librdf_node_is_resource(n))
    return kkachi__buf_printf(b, "<%s>",
                              librdf_uri_as_string(librdf_node_get_uri(n)));
  if (librdf_node_is_literal(n)) {
    librdf_uri *dt = librdf_node_get_literal_value_datatype_uri(n);
    const char *lang = librdf_node_get_literal_value_language(n);
    return kkachi__buf_printf(
        b, "\"%s\"%s%s%s", librdf_node_get_literal_value(n), lang ? "@" : "",
        lang ? lang : "", dt ? (const char *)librdf_uri_as_string(dt) : "");
  }
  return blank_sig(m, n, b, depth);
}

/* Field k of result r: its values' texts, sorted, or a variable. */
static void
field_of(librdf_model *m, librdf_node *r, size_t k, rsig *out)
{
  char iri[128];
  kk_nodes vals = { 0 };
  kk_buf b = KK_BUF_INIT;
  char **texts;
  size_t i;

  snprintf(iri, sizeof iri, SH "%s", fields[k]);
  kkachi__sh_objects(&ctx, m, r, iri, &vals);
  if (vals.n == 1 && librdf_node_is_blank(vals.v[0]) && k != 1) {
    out->var[k] = strdup(
        (const char *)librdf_node_get_blank_identifier(vals.v[0]));
    out->text[k] = strdup("_");
    kkachi__nodes_clear(&vals);
    return;
  }
  texts = calloc(vals.n + 1, sizeof *texts);
  for (i = 0; i < vals.n; i++) {
    kk_buf one = KK_BUF_INIT;
    sig(m, vals.v[i], &one, 0);
    texts[i] = kkachi__buf_steal(&one);
  }
  qsort(texts, vals.n, sizeof *texts, by_text);
  kkachi__buf_printf(&b, "#%lu", (unsigned long)vals.n);
  for (i = 0; i < vals.n; i++) {
    kkachi__buf_printf(&b, " %s", texts[i] ? texts[i] : "?");
    free(texts[i]);
  }
  free(texts);
  out->text[k] = kkachi__buf_steal(&b);
  kkachi__nodes_clear(&vals);
}

/* The predicates of result r that the suite does not compare and that a
 * report should not hold either. */
static char *
extras_of(librdf_model *m, librdf_node *r)
{
  librdf_statement *pat = librdf_new_statement_from_nodes(
      ctx.w, librdf_new_node_from_node(r), NULL, NULL);
  librdf_stream *st = pat ? librdf_model_find_statements(m, pat) : NULL;
  kk_buf b = KK_BUF_INIT;
  size_t k;
  kkachi__buf_puts(&b, "");
  while (st && !librdf_stream_end(st)) {
    librdf_node *p
        = librdf_statement_get_predicate(librdf_stream_get_object(st));
    const char *s = (const char *)librdf_uri_as_string(librdf_node_get_uri(p));
    int known = !strcmp(s, RDF "type") || !strcmp(s, SH "resultMessage");
    for (k = 0; k < NFIELDS - 1 && !known; k++)
      known = !strncmp(s, SH, strlen(SH))
              && !strcmp(s + strlen(SH), fields[k]);
    if (!known)
      kkachi__buf_printf(&b, " <%s>", s);
    librdf_stream_next(st);
  }
  if (st)
    librdf_free_stream(st);
  if (pat)
    librdf_free_statement(pat);
  return kkachi__buf_steal(&b);
}

static void
free_sigs(rsig *s, size_t n)
{
  size_t i, k;
  for (i = 0; s && i < n; i++)
    for (k = 0; k < NFIELDS; k++) {
      free(s[i].text[k]);
      free(s[i].var[k]);
    }
  free(s);
}

/* The results of report node rep in m, and its sh:conforms (1, 0, or -1
 * when it is not one xsd:boolean); returns the count. */
static size_t
results_of(librdf_model *m, librdf_node *rep, rsig **out, int *conforms)
{
  kk_nodes res = { 0 }, c = { 0 };
  librdf_uri *dt;
  size_t i, k, n;
  rsig *sigs;

  kkachi__sh_objects(&ctx, m, rep, SH "conforms", &c);
  *conforms = -1;
  dt = c.n == 1 && librdf_node_is_literal(c.v[0])
           ? librdf_node_get_literal_value_datatype_uri(c.v[0])
           : NULL;
  if (dt && !strcmp((const char *)librdf_uri_as_string(dt), XSD "boolean")
      && kkachi__sh_well_formed(c.v[0]))
    *conforms = !strcmp(
        (const char *)librdf_node_get_literal_value(c.v[0]), "true");
  kkachi__nodes_clear(&c);
  kkachi__sh_objects(&ctx, m, rep, SH "result", &res);
  n = res.n;
  sigs = calloc(n ? n : 1, sizeof *sigs);
  for (i = 0; i < n; i++) {
    for (k = 0; k < NFIELDS - 1; k++)
      field_of(m, res.v[i], k, &sigs[i]);
    sigs[i].text[NFIELDS - 1] = extras_of(m, res.v[i]);
  }
  kkachi__nodes_clear(&res);
  *out = sigs;
  return n;
}

/* A renaming of blank nodes, expected to written, both ways one to one. */
typedef struct renaming {
  const char *from[2 * 32 * NFIELDS], *to[2 * 32 * NFIELDS];
  size_t n;
} renaming;

/* Whether result a can be result b, extending ren (on failure ren may
 * have grown: the caller restores its count). */
static int
unify(const rsig *a, const rsig *b, renaming *ren)
{
  size_t k, i;
  for (k = 0; k < NFIELDS; k++) {
    int bound = 0;
    if (strcmp(a->text[k], b->text[k]) || !a->var[k] != !b->var[k])
      return 0;
    if (!a->var[k])
      continue;
    for (i = 0; i < ren->n; i++) {
      int f = !strcmp(ren->from[i], a->var[k]);
      int t = !strcmp(ren->to[i], b->var[k]);
      if (f != t)
        return 0;
      bound |= f;
    }
    if (!bound) {
      if (ren->n == sizeof ren->from / sizeof ren->from[0])
        return 0;
      ren->from[ren->n] = a->var[k];
      ren->to[ren->n++] = b->var[k];
    }
  }
  return 1;
}

/* Whether the expected results from i on can be matched to unused
 * written ones: a search over one-to-one matchings. */
static int
match(const rsig *want, const rsig *got, size_t n, size_t i, char *used,
      renaming *ren)
{
  size_t j, saved = ren->n;
  if (i == n)
    return 1;
  for (j = 0; j < n; j++) {
    if (used[j])
      continue;
    if (unify(&want[i], &got[j], ren)) {
      used[j] = 1;
      if (match(want, got, n, i + 1, used, ren))
        return 1;
      used[j] = 0;
    }
    ren->n = saved;
  }
  return 0;
}

/* The report as kkachi validate writes it, parsed again into *out. */
static int
reread(kkachi_graph *report, kkachi_graph **out)
{
  const char *tmp = getenv("TMPDIR");
  char path[4096];
  FILE *fp;
  int fd, rc;

  snprintf(path, sizeof path, "%s/w3c-report.XXXXXX.ttl", tmp ? tmp : "/tmp");
  if ((fd = mkstemps(path, 4)) < 0 || !(fp = fdopen(fd, "w"))) {
    perror(path);
    return -1;
  }
  rc = kkachi_graph_write(report, fp, "turtle");
  if (fclose(fp) || rc)
    rc = -1;
  if (!rc && verbose) {
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "cat '%s' >&2", path);
    if (system(cmd))
      rc = -1;
  }
  if (!rc && !(rc = kkachi_graph_new(out, engine)))
    rc = kkachi_graph_load(*out, path, "turtle");
  unlink(path);
  return rc;
}

/* Compares the report written for a test with the expected one. */
static int
compare(kkachi_graph *file, librdf_node *expect, kkachi_graph *written,
        const char *name)
{
  kk_nodes reps = { 0 };
  librdf_node *t = kkachi__sh_iri(&ctx, SH "ValidationReport");
  rsig *want = NULL, *got = NULL;
  size_t nwant, ngot = 0, i, k;
  int wc, gc = -2, ok;
  char *used;
  renaming ren = { .n = 0 };

  nwant = results_of(file->model, expect, &want, &wc);
  kkachi__sh_subjects(&ctx, written->model, RDF "type", t, &reps);
  librdf_free_node(t);
  if (reps.n == 1)
    ngot = results_of(written->model, reps.v[0], &got, &gc);
  kkachi__nodes_clear(&reps);
  used = calloc(ngot + 1, 1);
  ok = wc == gc && nwant == ngot && match(want, got, nwant, 0, used, &ren);
  free(used);
  if (!ok || verbose) {
    fprintf(stderr, "  %s: %s (conforms %d, want %d)\n", name,
            ok ? "ok" : "FAILED", gc, wc);
    for (i = 0; !ok && i < nwant + ngot; i++) {
      const rsig *s = i < nwant ? &want[i] : &got[i - nwant];
      fprintf(stderr, "    %s", i < nwant ? "want" : "got ");
      for (k = 0; k < NFIELDS; k++)
        fprintf(stderr, " %s%s |", s->text[k], s->var[k] ? s->var[k] : "");
      fputc('\n', stderr);
    }
  }
  free_sigs(want, nwant);
  free_sigs(got, ngot);
  return ok;
}

/* The file a relative IRI of the manifest names. */
static char *
file_of(librdf_node *n)
{
  const char *iri = (const char *)librdf_uri_as_string(librdf_node_get_uri(n));
  return strncmp(iri, "file://", 7) ? NULL : strdup(iri + 7);
}

static int
load(const char *path, kkachi_graph **out)
{
  if (kkachi_graph_new(out, engine))
    return -1;
  return kkachi_graph_load(*out, path, "turtle");
}

/* Validates the test's data against its shapes; *report gets the report
 * as written and read again. */
static int
validate(kkachi_graph *file, const char *file_path, const char *dpath,
         const char *spath, kkachi_graph **report)
{
  kkachi_graph *data = NULL, *shapes = NULL, *made = NULL;
  int conforms, rc = -1;

  /* a graph named by the test file itself is that very parse, so that
   * blank nodes of shapes and expected report are the same */
  if ((strcmp(dpath, file_path) && load(dpath, &data))
      || (strcmp(spath, file_path) && load(spath, &shapes)))
    goto done;
  rc = kkachi_validate(data ? data : file, shapes ? shapes : file, &conforms,
                       &made);
  if (rc)
    fprintf(stderr, "  validation failed: %s\n", kkachi_strerror(rc));
  else if ((rc = reread(made, report)))
    fprintf(stderr, "  the written report cannot be read again\n");
done:
  kkachi_graph_free(data);
  kkachi_graph_free(shapes);
  kkachi_graph_free(made);
  return rc;
}

static void
run_test(kkachi_graph *file, const char *file_path, librdf_node *test)
{
  librdf_node *action = kkachi__sh_one(&ctx, file->model, test, MF "action");
  librdf_node *expect = kkachi__sh_one(&ctx, file->model, test, MF "result");
  librdf_node *dn = NULL, *sn = NULL;
  kkachi_graph *report = NULL;
  char *dpath = NULL, *spath = NULL;
  size_t i;
  int ok = 0;
  const char *name
      = (const char *)librdf_uri_as_string(librdf_node_get_uri(test));

  if (!action || !expect)
    goto done;
  dn = kkachi__sh_one(&ctx, file->model, action, SHT "dataGraph");
  sn = kkachi__sh_one(&ctx, file->model, action, SHT "shapesGraph");
  dpath = dn ? file_of(dn) : NULL;
  spath = sn ? file_of(sn) : NULL;
  if (!dpath || !spath)
    goto done;
  if (validate(file, file_path, dpath, spath, &report)) {
    fprintf(stderr, "  %s: FAILED\n", name);
    goto done;
  }
  ok = compare(file, expect, report, name);
done:
  if (ok)
    passed++;
  else
    failed++;
  free(dpath);
  free(spath);
  librdf_node *all[4] = { action, expect, dn, sn };
  for (i = 0; i < 4; i++)
    if (all[i])
      librdf_free_node(all[i]);
  kkachi_graph_free(report);
}

static void
run_file(const char *path)
{
  kkachi_graph *g = NULL;
  kk_nodes incl = { 0 }, tests = { 0 };
  librdf_node *t;
  size_t i;

  if (load(path, &g)) {
    fprintf(stderr, "  %s: cannot load\n", path);
    failed++;
    kkachi_graph_free(g);
    return;
  }
  ctx.w = g->world;
  /* manifests include others; test files hold sht:Validate entries */
  {
    librdf_statement *pat = librdf_new_statement_from_nodes(
        g->world, NULL, kkachi__sh_iri(&ctx, MF "include"), NULL);
    librdf_stream *st = librdf_model_find_statements(g->model, pat);
    while (st && !librdf_stream_end(st)) {
      kkachi__nodes_add(
          &incl, librdf_statement_get_object(librdf_stream_get_object(st)));
      librdf_stream_next(st);
    }
    if (st)
      librdf_free_stream(st);
    librdf_free_statement(pat);
  }
  t = kkachi__sh_iri(&ctx, SHT "Validate");
  kkachi__sh_subjects(&ctx, g->model, RDF "type", t, &tests);
  librdf_free_node(t);
  for (i = 0; i < tests.n; i++)
    run_test(g, path, tests.v[i]);
  for (i = 0; i < incl.n; i++) {
    char *f = file_of(incl.v[i]);
    if (f)
      run_file(f);
    free(f);
  }
  kkachi__nodes_clear(&incl);
  kkachi__nodes_clear(&tests);
  kkachi_graph_free(g);
}

int
main(int argc, char **argv)
{
  const char *src = getenv("SRCDIR");
  char path[4096];
  FILE *fp;

  verbose = argc > 1 && !strcmp(argv[1], "-v");
  snprintf(path, sizeof path, "%s/tests/shacl/w3c/manifest.ttl",
           src ? src : KK_SRCDIR);
  if (!(fp = fopen(path, "r"))) {
    perror(path);
    return 1;
  }
  fclose(fp);
  if (kkachi_engine_new(&engine))
    return 1;
  kkachi_engine_set_log(engine, log_fn, NULL);
  run_file(path);
  printf("%d passed, %d failed\n", passed, failed);
  kkachi_engine_free(engine);
  if (passed + failed != W3C_TESTS) {
    fprintf(stderr, "%d tests run, not the %d of the suite\n",
            passed + failed, W3C_TESTS);
    return 1;
  }
  return failed ? 1 : 0;
}
