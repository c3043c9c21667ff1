/* w3c.c: runs the W3C SHACL Core test suite: for each test, validates its
 * data graph against its shapes graph and compares the report with the
 * expected one (conforms, and the results as a multiset of focus node,
 * path, value, component, shape and severity, with blank-node paths
 * compared by structure). Prints "N passed, N failed". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "rdfgraph.h"
#include "shacl.h"

#define MF "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
#define SHT "http://www.w3.org/ns/shacl-test#"
#define RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

static kkachi_engine *engine;
static kk_shacl ctx; /* for the look-up helpers only */
static int passed, failed, verbose;

static void
log_fn(int level, const char *file, unsigned long line, unsigned long col,
       const char *msg, void *ud)
{
  (void)ud;
  if (verbose || level == KKACHI_LOG_ERROR)
    fprintf(stderr, "%s:%lu:%lu: %s\n", file ? file : "-", line, col, msg);
}

/* A stable text for a node: IRIs and literals as written, blank nodes by
 * what they say when they describe a path (lists, sh:inversePath...). */
static int
sig(librdf_model *m, librdf_node *n, kk_buf *b, int depth)
{
  kk_nodes list = { 0 };
  librdf_node *x;
  size_t i;
  int rc = 0;
  ctx.shapes = m;
  if (depth > 20)
    return kkachi__buf_puts(b, "...");
  if (!n)
    return kkachi__buf_puts(b, "-");
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
  if ((x = kkachi__sh_one(&ctx, m, n, RDF "first"))) {
    librdf_free_node(x);
    rc = kkachi__sh_list(&ctx, m, n, &list);
    rc = rc ? rc : kkachi__buf_puts(b, "(");
    for (i = 0; i < list.n && !rc; i++)
      rc = sig(m, list.v[i], b, depth + 1) || kkachi__buf_puts(b, " ");
    kkachi__nodes_clear(&list);
    return rc ? rc : kkachi__buf_puts(b, ")");
  }
  {
    static const char *const forms[]
        = { "inversePath", "alternativePath", "zeroOrMorePath",
            "oneOrMorePath", "zeroOrOnePath" };
    for (i = 0; i < 5; i++) {
      char iri[128];
      snprintf(iri, sizeof iri, SH "%s", forms[i]);
      if ((x = kkachi__sh_one(&ctx, m, n, iri))) {
        rc = kkachi__buf_printf(b, "%s[", forms[i]);
        rc = rc ? rc : sig(m, x, b, depth + 1);
        librdf_free_node(x);
        return rc ? rc : kkachi__buf_puts(b, "]");
      }
    }
  }
  return kkachi__buf_printf(b, "_:%s", librdf_node_get_blank_identifier(n));
}

static int
by_text(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted signatures of the results of report node rep in m, and its
 * sh:conforms; returns the count. */
static size_t
results_of(librdf_model *m, librdf_node *rep, char ***out, int *conforms)
{
  static const char *const props[]
      = { "focusNode",   "resultPath",    "value", "sourceConstraintComponent",
          "sourceShape", "resultSeverity" };
  kk_nodes res = { 0 };
  librdf_node *c = kkachi__sh_one(&ctx, m, rep, SH "conforms");
  size_t i, k, n;
  char **sigs;

  *conforms
      = c && !strcmp((const char *)librdf_node_get_literal_value(c), "true");
  if (c)
    librdf_free_node(c);
  kkachi__sh_objects(&ctx, m, rep, SH "result", &res);
  n = res.n;
  sigs = calloc(n ? n : 1, sizeof *sigs);
  for (i = 0; i < n; i++) {
    kk_buf b = KK_BUF_INIT;
    for (k = 0; k < 6; k++) {
      char iri[128];
      librdf_node *x;
      snprintf(iri, sizeof iri, SH "%s", props[k]);
      x = kkachi__sh_one(&ctx, m, res.v[i], iri);
      sig(m, x, &b, 0);
      kkachi__buf_puts(&b, " | ");
      if (x)
        librdf_free_node(x);
    }
    sigs[i] = kkachi__buf_steal(&b);
  }
  kkachi__nodes_clear(&res);
  qsort(sigs, n, sizeof *sigs, by_text);
  *out = sigs;
  return n;
}

static void
free_sigs(char **s, size_t n)
{
  size_t i;
  for (i = 0; i < n; i++)
    free(s[i]);
  free(s);
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

static void
run_test(kkachi_graph *file, const char *file_path, librdf_node *test)
{
  librdf_node *action = kkachi__sh_one(&ctx, file->model, test, MF "action");
  librdf_node *expect = kkachi__sh_one(&ctx, file->model, test, MF "result");
  librdf_node *dn = NULL, *sn = NULL;
  kkachi_graph *data = NULL, *shapes = NULL, *report = NULL;
  char *dpath = NULL, *spath = NULL, **want = NULL, **got = NULL;
  size_t nwant = 0, ngot = 0, i;
  int wc = 0, gc = 0, conforms = 0, ok = 0, rc;
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
  /* a graph named by the test file itself is that very parse, so that
   * blank nodes of shapes and expected report are the same */
  if (!strcmp(dpath, spath) && !strcmp(dpath, file_path)) {
    rc = kkachi_validate(file, file, &conforms, &report);
  } else {
    if ((strcmp(dpath, file_path) && load(dpath, &data))
        || (strcmp(spath, file_path) && load(spath, &shapes)))
      goto done;
    rc = kkachi_validate(data ? data : file, shapes ? shapes : file, &conforms,
                         &report);
  }
  if (rc) {
    fprintf(stderr, "  %s: validation failed: %s\n", name,
            kkachi_strerror(rc));
    goto done;
  }
  nwant = results_of(file->model, expect, &want, &wc);
  {
    kk_nodes reps = { 0 };
    librdf_node *t = kkachi__sh_iri(&ctx, SH "ValidationReport");
    kkachi__sh_subjects(&ctx, report->model, RDF "type", t, &reps);
    librdf_free_node(t);
    if (reps.n == 1)
      ngot = results_of(report->model, reps.v[0], &got, &gc);
    kkachi__nodes_clear(&reps);
  }
  ok = wc == gc && wc == conforms && nwant == ngot;
  for (i = 0; ok && i < nwant; i++)
    ok = !strcmp(want[i], got[i]);
  if (!ok || verbose) {
    fprintf(stderr, "  %s: %s (conforms %d, want %d)\n", name,
            ok ? "ok" : "FAILED", gc, wc);
    for (i = 0; !ok && i < nwant; i++)
      fprintf(stderr, "    want %s\n", want[i]);
    for (i = 0; !ok && i < ngot; i++)
      fprintf(stderr, "    got  %s\n", got[i]);
  }
done:
  if (ok)
    passed++;
  else
    failed++;
  free_sigs(want, nwant);
  free_sigs(got, ngot);
  free(dpath);
  free(spath);
  librdf_node *all[4] = { action, expect, dn, sn };
  for (i = 0; i < 4; i++)
    if (all[i])
      librdf_free_node(all[i]);
  kkachi_graph_free(data);
  kkachi_graph_free(shapes);
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
  const char *shared = getenv("SHARED");
  char path[4096];

  verbose = argc > 1 && !strcmp(argv[1], "-v");
  snprintf(path, sizeof path, "%s/data/shacl-core/manifest.ttl",
           shared ? shared : "../shared");
  if (!fopen(path, "r")) { /* the suite is not here: skip */
    fprintf(stderr, "SKIP: %s is not there\n", path);
    return 77;
  }
  if (kkachi_engine_new(&engine))
    return 1;
  kkachi_engine_set_log(engine, log_fn, NULL);
  run_file(path);
  printf("%d passed, %d failed\n", passed, failed);
  kkachi_engine_free(engine);
  return failed ? 1 : 0;
}
