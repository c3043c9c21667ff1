/* shacl_run.c: the validation of a data graph: shapes with targets, focus
 * nodes, and the W3C validation report. */
#include <string.h>

#include "alloc.h"
#include "engine.h"
#include "iri.h"
#include "rdfgraph.h"
#include "shacl.h"

#define RDFS_NS "http://www.w3.org/2000/01/rdf-schema#"
/* at most this many triples describe one result's path */
#define KK_PATH_TRIPLES 10000

/* Subjects (or objects) of every triple with predicate p in model m. */
static int
ends_of(kk_shacl *v, librdf_model *m, librdf_node *p, int subjects,
        kk_nodes *out)
{
  librdf_statement *pat = librdf_new_statement_from_nodes(
      v->w, NULL, librdf_new_node_from_node(p), NULL);
  librdf_stream *st = pat ? librdf_model_find_statements(m, pat) : NULL;
  int rc = pat && st ? 0 : KKACHI_ENOMEM;
  while (st && !rc && !librdf_stream_end(st)) {
    librdf_statement *t = librdf_stream_get_object(st);
    rc = kkachi__nodes_add(out, subjects ? librdf_statement_get_subject(t)
                                         : librdf_statement_get_object(t));
    librdf_stream_next(st);
  }
  if (st)
    librdf_free_stream(st);
  if (pat)
    librdf_free_statement(pat);
  return rc;
}

/* The shapes that have targets: explicit ones, and classes that are
 * shapes (implicit class targets). */
static int
target_shapes(kk_shacl *v, kk_nodes *out)
{
  static const char *const preds[]
      = { SH "targetNode", SH "targetClass", SH "targetSubjectsOf",
          SH "targetObjectsOf" };
  librdf_node *rdfs_class = kkachi__sh_iri(v, RDFS_NS "Class");
  kk_nodes classes = { 0 };
  size_t i;
  int rc = 0;

  for (i = 0; i < 4 && !rc; i++) {
    librdf_node *p = kkachi__sh_iri(v, preds[i]);
    rc = p ? ends_of(v, v->shapes, p, 1, out) : KKACHI_ENOMEM;
    if (p)
      librdf_free_node(p);
  }
  if (!rc && rdfs_class)
    rc = kkachi__sh_subjects(v, v->shapes, NS_RDF "type", rdfs_class,
                             &classes);
  for (i = 0; i < classes.n && !rc; i++) {
    librdf_node *ns = kkachi__sh_iri(v, SH "NodeShape");
    librdf_node *ps = kkachi__sh_iri(v, SH "PropertyShape");
    kk_nodes types = { 0 };
    rc = kkachi__sh_objects(v, v->shapes, classes.v[i], NS_RDF "type", &types);
    if (!rc
        && (kkachi__nodes_has(&types, ns) || kkachi__nodes_has(&types, ps)))
      rc = kkachi__nodes_add(out, classes.v[i]);
    kkachi__nodes_clear(&types);
    librdf_free_node(ns);
    librdf_free_node(ps);
  }
  kkachi__nodes_clear(&classes);
  if (rdfs_class)
    librdf_free_node(rdfs_class);
  return rc;
}

/* Instances of cls and of its subclasses in the data graph. */
static int
instances(kk_shacl *v, librdf_node *cls, kk_nodes *out)
{
  kk_nodes classes = { 0 };
  size_t i;
  int rc = kkachi__nodes_add(&classes, cls);
  for (i = 0; i < classes.n && !rc; i++) { /* grows: all subclasses */
    rc = kkachi__sh_subjects(v, v->data, RDFS_NS "subClassOf", classes.v[i],
                             &classes);
    if (!rc)
      rc = kkachi__sh_subjects(v, v->data, NS_RDF "type", classes.v[i], out);
  }
  kkachi__nodes_clear(&classes);
  return rc;
}

static int
focus_nodes(kk_shacl *v, librdf_node *shape, kk_nodes *out)
{
  kk_nodes t = { 0 };
  size_t i;
  int rc = kkachi__sh_objects(v, v->shapes, shape, SH "targetNode", out);
  if (!rc)
    rc = kkachi__sh_objects(v, v->shapes, shape, SH "targetClass", &t);
  for (i = 0; i < t.n && !rc; i++)
    rc = instances(v, t.v[i], out);
  kkachi__nodes_clear(&t);
  if (!rc) { /* implicit: the shape is a class */
    librdf_node *cls = kkachi__sh_iri(v, RDFS_NS "Class");
    kk_nodes types = { 0 };
    rc = kkachi__sh_objects(v, v->shapes, shape, NS_RDF "type", &types);
    if (!rc && cls && kkachi__nodes_has(&types, cls))
      rc = instances(v, shape, out);
    kkachi__nodes_clear(&types);
    if (cls)
      librdf_free_node(cls);
  }
  if (!rc)
    rc = kkachi__sh_objects(v, v->shapes, shape, SH "targetSubjectsOf", &t);
  for (i = 0; i < t.n && !rc; i++)
    rc = ends_of(v, v->data, t.v[i], 1, out);
  kkachi__nodes_clear(&t);
  if (!rc)
    rc = kkachi__sh_objects(v, v->shapes, shape, SH "targetObjectsOf", &t);
  for (i = 0; i < t.n && !rc; i++)
    rc = ends_of(v, v->data, t.v[i], 0, out);
  kkachi__nodes_clear(&t);
  return rc;
}

/* ---- the report ---- */

/* A copy of a path in the report (*out, new): an IRI as it is; a blank
 * node (a list, sh:inversePath ...) as a new blank node with copies of
 * what it says in the shapes graph. Each result gets its own copy, so
 * that the report is a tree: Turtle writers can then put every list in
 * place, as sh:resultPath ( ... ), where a list met twice comes out, in
 * raptor 2.0.15, as a statement "( ... ) ." that no Turtle reader takes.
 * *budget bounds the triples copied (a path may share its parts). */
static int
copy_path(kk_shacl *v, librdf_model *m, librdf_node *node, int depth,
          size_t *budget, librdf_node **out)
{
  librdf_statement *pat;
  librdf_stream *st;
  int rc = 0;
  *out = NULL;
  if (!librdf_node_is_blank(node))
    return (*out = librdf_new_node_from_node(node)) ? 0 : KKACHI_ENOMEM;
  if (depth > KK_SHACL_MAX_DEPTH)
    return KKACHI_ESYNTAX;
  if (!(*out = librdf_new_node(v->w))) /* a new blank node */
    return KKACHI_ENOMEM;
  pat = librdf_new_statement_from_nodes(v->w, librdf_new_node_from_node(node),
                                        NULL, NULL);
  st = pat ? librdf_model_find_statements(v->shapes, pat) : NULL;
  if (!st)
    rc = KKACHI_ENOMEM;
  while (st && !rc && !librdf_stream_end(st)) {
    librdf_statement *t = librdf_stream_get_object(st);
    librdf_uri *p = librdf_node_get_uri(librdf_statement_get_predicate(t));
    librdf_node *o = NULL;
    if (!*budget)
      rc = KKACHI_ESYNTAX;
    else {
      --*budget;
      rc = copy_path(v, m, librdf_statement_get_object(t), depth + 1, budget,
                     &o);
    }
    if (!rc) /* takes o */
      rc = kkachi__sh_add(v, m, *out, (const char *)librdf_uri_as_string(p),
                          o);
    else if (o)
      librdf_free_node(o);
    librdf_stream_next(st);
  }
  if (st)
    librdf_free_stream(st);
  if (pat)
    librdf_free_statement(pat);
  return rc;
}

static int
write_result(kk_shacl *v, librdf_model *m, librdf_node *report,
             const kk_result *x)
{
  librdf_node *r = librdf_new_node(v->w); /* a new blank node */
  kk_nodes msgs = { 0 };
  char comp[128];
  size_t i;
  int rc;

  if (!r)
    return KKACHI_ENOMEM;
  snprintf(comp, sizeof comp, SH "%s", x->component);
  rc = kkachi__sh_add(v, m, report, SH "result", librdf_new_node_from_node(r));
  if (!rc)
    rc = kkachi__sh_add(v, m, r, NS_RDF "type",
                        kkachi__sh_iri(v, SH "ValidationResult"));
  if (!rc)
    rc = kkachi__sh_add(v, m, r, SH "focusNode",
                        librdf_new_node_from_node(x->focus));
  if (!rc)
    rc = kkachi__sh_add(v, m, r, SH "sourceConstraintComponent",
                        kkachi__sh_iri(v, comp));
  if (!rc)
    rc = kkachi__sh_add(v, m, r, SH "sourceShape",
                        librdf_new_node_from_node(x->shape));
  if (!rc)
    rc = kkachi__sh_add(v, m, r, SH "resultSeverity",
                        librdf_new_node_from_node(x->severity));
  if (!rc && x->value)
    rc = kkachi__sh_add(v, m, r, SH "value",
                        librdf_new_node_from_node(x->value));
  if (!rc && x->path) {
    size_t budget = KK_PATH_TRIPLES;
    librdf_node *path = NULL;
    rc = copy_path(v, m, x->path, 0, &budget, &path);
    if (!rc) /* takes path */
      rc = kkachi__sh_add(v, m, r, SH "resultPath", path);
    else if (path)
      librdf_free_node(path);
  }
  if (!rc)
    rc = kkachi__sh_objects(v, v->shapes, x->shape, SH "message", &msgs);
  for (i = 0; i < msgs.n && !rc; i++)
    rc = kkachi__sh_add(v, m, r, SH "resultMessage",
                        librdf_new_node_from_node(msgs.v[i]));
  kkachi__nodes_clear(&msgs);
  librdf_free_node(r);
  return rc;
}

static int
write_report(kk_shacl *v, kkachi_graph *g, const kk_results *res)
{
  librdf_node *report = librdf_new_node(v->w);
  librdf_uri *xsd_bool
      = librdf_new_uri(v->w, (const unsigned char *)NS_XSD "boolean");
  size_t i;
  int rc = report && xsd_bool ? 0 : KKACHI_ENOMEM;

  if (!rc)
    rc = kkachi__sh_add(v, g->model, report, NS_RDF "type",
                        kkachi__sh_iri(v, SH "ValidationReport"));
  if (!rc)
    rc = kkachi__sh_add(v, g->model, report, SH "conforms",
                        librdf_new_node_from_typed_literal(
                            v->w,
                            (const unsigned char *)(res->n ? "false" : "true"),
                            NULL, xsd_bool));
  for (i = 0; i < res->n && !rc; i++)
    rc = write_result(v, g->model, report, &res->v[i]);
  if (report)
    librdf_free_node(report);
  if (xsd_bool)
    librdf_free_uri(xsd_bool);
  return rc;
}

int
kkachi_validate(kkachi_graph *data, kkachi_graph *shapes, int *conforms,
                kkachi_graph **report)
{
  kk_shacl v;
  kk_results res = { 0 };
  kk_nodes targets = { 0 }, focus = { 0 };
  size_t i, k;
  int rc;

  *conforms = 0;
  if (report)
    *report = NULL;
  memset(&v, 0, sizeof v);
  v.w = data->world;
  v.log = &data->engine->log;
  v.data = data->model;
  v.shapes = shapes->model;
  v.out = &res;
  rc = target_shapes(&v, &targets);
  for (i = 0; i < targets.n && !rc; i++) {
    kkachi__nodes_clear(&focus);
    rc = focus_nodes(&v, targets.v[i], &focus);
    for (k = 0; k < focus.n && !rc; k++)
      rc = kkachi__sh_validate_shape(&v, targets.v[i], focus.v[k]);
  }
  if (!rc && v.failure)
    rc = KKACHI_ESYNTAX;
  if (!rc) {
    *conforms = res.n == 0;
    if (report && !(rc = kkachi_graph_new(report, data->engine)))
      rc = write_report(&v, *report, &res);
  }
  if (rc && report && *report) {
    kkachi_graph_free(*report);
    *report = NULL;
  }
  kkachi__nodes_clear(&targets);
  kkachi__nodes_clear(&focus);
  kkachi__results_clear(&res);
  return rc;
}
