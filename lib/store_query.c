/* store_query.c: SPARQL on the embedded store with rasqal, results as a
 * table or in rasqal's result formats. */
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "sparql_scan.h"
#include "store.h"
#include "table.h"

/* A value as a person reads it: IRIs in <>, literals as written (as the
 * tables of server results show them). */
static int
add_cell(kk_table *t, librdf_node *n)
{
  if (!n)
    return kkachi__table_add(t, NULL);
  if (librdf_node_is_resource(n))
    return kkachi__table_add_term(
        t, KK_CELL_IRI,
        (const char *)librdf_uri_as_string(librdf_node_get_uri(n)));
  if (librdf_node_is_blank(n))
    return kkachi__table_add_term(
        t, KK_CELL_BLANK, (const char *)librdf_node_get_blank_identifier(n));
  return kkachi__table_add_term(
      t, KK_CELL_LITERAL, (const char *)librdf_node_get_literal_value(n));
}

/* Select results as an aligned table; ASK answers as true or false. */
static int
print_table(librdf_query_results *r, FILE *fp)
{
  int cols = librdf_query_results_get_bindings_count(r), k, rc;
  kk_table *t = NULL;

  if (librdf_query_results_is_boolean(r)) {
    fputs(librdf_query_results_get_boolean(r) > 0 ? "true\n" : "false\n", fp);
    return 0;
  }
  if (cols <= 0)
    return 0;
  if ((rc = kkachi__table_new(&t, (size_t)cols)))
    return rc;
  for (k = 0; !rc && k < cols; k++)
    rc = kkachi__table_add(t, librdf_query_results_get_binding_name(r, k));
  while (!rc && !librdf_query_results_finished(r)) {
    for (k = 0; !rc && k < cols; k++) {
      librdf_node *node = librdf_query_results_get_binding_value(r, k);
      rc = add_cell(t, node);
      if (node)
        librdf_free_node(node);
    }
    librdf_query_results_next(r);
  }
  if (!rc)
    rc = kkachi__table_print(t, fp);
  kkachi__table_free(t);
  return rc;
}

/* rasqal 0.9.33 keeps the values an aggregate has seen with DISTINCT in
 * a binary tree that orders IRIs (and literals differing only in language
 * or datatype) by their addresses in memory, so a value seen again is
 * often not found and counted twice: COUNT(DISTINCT ?g) over 300 graphs
 * gave 653 or 2204. SELECT DISTINCT is done another way and is right, so
 * such queries are refused with that way out rather than answered. */
static int
refuse_distinct_aggregate(kkachi_store *s, const char *sparql)
{
  unsigned long line, col;
  size_t n;
  const char *agg =
      kkachi__sparql_distinct_aggregate(sparql, &n, &line, &col);

  if (!agg)
    return 0;
  kkachi__log(&s->engine->log, KKACHI_LOG_ERROR, NULL, line, col,
              "%.*s(DISTINCT ...) is refused: the embedded "
              "store's SPARQL engine (rasqal) miscounts DISTINCT in "
              "aggregates; aggregate over a subquery instead, as in "
              "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?x WHERE "
              "{ ... } }",
              (int)n, agg);
  return KKACHI_EINVAL;
}

int
kkachi_store_query(kkachi_store *s, const char *sparql, const char *format,
                   FILE *fp)
{
  librdf_query *q = NULL;
  librdf_query_results *r = NULL;
  int rc = 0;

  if ((rc = refuse_distinct_aggregate(s, sparql)))
    return rc;
  q = librdf_new_query(s->world, "sparql", NULL,
                       (const unsigned char *)sparql, NULL);
  if (!q)
    return KKACHI_ESYNTAX; /* rasqal has said where */
  r = librdf_query_execute(q, s->model);
  if (!r)
    rc = KKACHI_ESYNTAX;
  else if (librdf_query_results_is_graph(r)) {
    librdf_stream *st = librdf_query_results_as_stream(r);
    librdf_serializer *ser =
        librdf_new_serializer(s->world, "ntriples", NULL, NULL);
    if (!st || !ser ||
        librdf_serializer_serialize_stream_to_file_handle(ser, fp, NULL, st))
      rc = KKACHI_EIO;
    if (ser)
      librdf_free_serializer(ser);
    if (st)
      librdf_free_stream(st);
  } else if (!strcmp(format, "table"))
    rc = print_table(r, fp);
  else if (librdf_query_results_to_file_handle2(r, fp, format, NULL, NULL,
                                                NULL)) {
    kkachi__log(&s->engine->log, KKACHI_LOG_ERROR, NULL, 0, 0,
                "cannot write the results as %s", format);
    rc = KKACHI_EINVAL;
  }
  if (r)
    librdf_free_query_results(r);
  librdf_free_query(q);
  return rc;
}
