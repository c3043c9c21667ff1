/* shacl_terms.c: terms of a namespace used in data but not defined by
 * the vocabulary, reported as validation results. */
#include <string.h>

#include "iri.h"
#include "rdfgraph.h"
#include "shacl.h"
#include "strmap.h"

#define KK_TERMS_SHAPE "https://w3id.org/kkachi/shapes#DefinedTerms"

static librdf_node *
iri(kkachi_graph *g, const char *s)
{
  return librdf_new_node_from_uri_string(g->world, (const unsigned char *)s);
}

/* Sets the report's sh:conforms to false. */
static int
not_conforming(kkachi_graph *report, librdf_node *rep)
{
  kk_shacl v;
  librdf_node *c;
  librdf_uri *b;
  memset(&v, 0, sizeof v);
  v.w = report->world;
  c = kkachi__sh_one(&v, report->model, rep, SH "conforms");
  if (c) {
    librdf_statement *st = librdf_new_statement_from_nodes(
        report->world, librdf_new_node_from_node(rep),
        iri(report, SH "conforms"), c);
    if (st) {
      librdf_model_remove_statement(report->model, st);
      librdf_free_statement(st);
    }
  }
  b = librdf_new_uri(report->world, (const unsigned char *)NS_XSD "boolean");
  if (!b)
    return KKACHI_ENOMEM;
  c = librdf_new_node_from_typed_literal(
      report->world, (const unsigned char *)"false", NULL, b);
  librdf_free_uri(b);
  return kkachi__sh_add(&v, report->model, rep, SH "conforms", c);
}

static int
report_term(kkachi_graph *report, librdf_node *rep, librdf_node *focus,
            librdf_node *pred, librdf_node *term)
{
  kk_shacl v;
  librdf_node *r = librdf_new_node(report->world);
  int rc = r ? 0 : KKACHI_ENOMEM;
  memset(&v, 0, sizeof v);
  v.w = report->world;
  if (!rc)
    rc = kkachi__sh_add(&v, report->model, rep, SH "result",
                        librdf_new_node_from_node(r));
  if (!rc)
    rc = kkachi__sh_add(&v, report->model, r, NS_RDF "type",
                        iri(report, SH "ValidationResult"));
  if (!rc)
    rc = kkachi__sh_add(&v, report->model, r, SH "focusNode",
                        librdf_new_node_from_node(focus));
  if (!rc)
    rc = kkachi__sh_add(&v, report->model, r, SH "resultPath",
                        librdf_new_node_from_node(pred));
  if (!rc)
    rc = kkachi__sh_add(&v, report->model, r, SH "value",
                        librdf_new_node_from_node(term));
  if (!rc)
    rc = kkachi__sh_add(&v, report->model, r, SH "sourceConstraintComponent",
                        iri(report, KK_NS "DefinedTermConstraintComponent"));
  if (!rc)
    rc = kkachi__sh_add(&v, report->model, r, SH "sourceShape",
                        iri(report, KK_TERMS_SHAPE));
  if (!rc)
    rc = kkachi__sh_add(&v, report->model, r, SH "resultSeverity",
                        iri(report, SH "Violation"));
  if (!rc)
    rc = kkachi__sh_add(
        &v, report->model, r, SH "resultMessage",
        librdf_new_node_from_literal(
            report->world,
            (const unsigned char *)"term not defined by the vocabulary", "en",
            0));
  if (r)
    librdf_free_node(r);
  return rc;
}

/* Whether node is an IRI in ns that vocab does not describe. */
static int
undefined(kkachi_graph *vocab, librdf_node *node, const char *ns)
{
  librdf_statement *pat;
  librdf_stream *st;
  const char *s;
  int found;
  if (!librdf_node_is_resource(node))
    return 0;
  s = (const char *)librdf_uri_as_string(librdf_node_get_uri(node));
  if (strncmp(s, ns, strlen(ns)))
    return 0;
  pat = librdf_new_statement_from_nodes(
      vocab->world, librdf_new_node_from_node(node), NULL, NULL);
  if (!pat)
    return 0;
  st = librdf_model_find_statements(vocab->model, pat);
  found = st && !librdf_stream_end(st);
  if (st)
    librdf_free_stream(st);
  librdf_free_statement(pat);
  return !found;
}

int
kkachi_check_terms(kkachi_graph *data, kkachi_graph *vocab, const char *ns,
                   kkachi_graph *report, size_t *count)
{
  kk_shacl v;
  kk_nodes reps = { 0 };
  kk_strmap *seen = NULL;
  librdf_stream *st;
  librdf_node *t;
  size_t n = 0;
  int rc;

  memset(&v, 0, sizeof v);
  v.w = report->world;
  if (count)
    *count = 0;
  t = kkachi__sh_iri(&v, SH "ValidationReport");
  rc = t ? kkachi__sh_subjects(&v, report->model, NS_RDF "type", t, &reps)
         : KKACHI_ENOMEM;
  if (t)
    librdf_free_node(t);
  if (!rc && reps.n != 1)
    rc = KKACHI_EINVAL;
  if (!rc)
    rc = kkachi__strmap_new(&seen);
  st = rc ? NULL : librdf_model_as_stream(data->model);
  while (st && !rc && !librdf_stream_end(st)) {
    librdf_statement *s = librdf_stream_get_object(st);
    librdf_node *p = librdf_statement_get_predicate(s);
    librdf_node *o = librdf_statement_get_object(s);
    librdf_node *bad = undefined(vocab, p, ns)   ? p
                       : undefined(vocab, o, ns) ? o
                                                 : NULL;
    if (bad) { /* each undefined term once */
      const char *k
          = (const char *)librdf_uri_as_string(librdf_node_get_uri(bad));
      if (!kkachi__strmap_get(seen, k, strlen(k))) {
        rc = kkachi__strmap_put(seen, k, strlen(k), seen);
        if (!rc)
          rc = report_term(report, reps.v[0], librdf_statement_get_subject(s),
                           p, bad);
        n++;
      }
    }
    librdf_stream_next(st);
  }
  if (st)
    librdf_free_stream(st);
  if (!rc && n)
    rc = not_conforming(report, reps.v[0]);
  if (count)
    *count = n;
  kkachi__strmap_free(seen);
  kkachi__nodes_clear(&reps);
  return rc;
}
