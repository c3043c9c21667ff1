/* store_load.c: RDF files and extracted articles into a store, each
 * named graph replacing the store's graph of that name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "graph.h"
#include "rdfsource.h"
#include "store.h"

typedef struct load_state {
  kkachi_store *s;
  kk_rdfsource *src;
  librdf_node *file_graph; /* for triples outside any graph */
  kk_replacer *rep;
  raptor_term *last; /* the last graph the filter was asked about */
  int want;          /* and its answer */
  size_t graphs, triples;
  int rc;
} load_state;

/* Whether the store's filter wants graph g. */
static int
wanted(load_state *ls, raptor_term *g)
{
  if (!ls->s->filter)
    return 1;
  if (ls->last && raptor_term_equals(ls->last, g))
    return ls->want;
  if (ls->last)
    raptor_free_term(ls->last);
  ls->last = raptor_term_copy(g);
  ls->want = g->type != RAPTOR_TERM_TYPE_URI
             || ls->s->filter((const char *)raptor_uri_as_string(g->value.uri),
                              ls->s->user_data);
  return ls->want;
}

static void
on_statement(void *user_data, raptor_statement *st)
{
  load_state *ls = user_data;
  raptor_statement t = *st;
  raptor_term *g = st->graph ? st->graph : ls->file_graph;
  int fresh;
  if (!ls->rc && ls->src->errors)
    ls->rc = KKACHI_ESYNTAX;
  if (ls->rc || !wanted(ls, g))
    return;
  t.graph = NULL;
  ls->rc = kkachi__replacer_graph(ls->rep, g, &fresh);
  if (!ls->rc)
    ls->rc = kkachi__replacer_add(ls->rep, &t);
  ls->graphs += (size_t)fresh;
  ls->triples++;
}

/* Parses fp into the store, in one transaction where the storage has
 * them (SQLite: one commit instead of one a statement, and none of it
 * when something failed). */
static void
parse_into(load_state *ls)
{
  raptor_world *rw = librdf_world_get_raptor(ls->s->world);
  const unsigned char *iri = (const unsigned char *)ls->src->iri.data;
  raptor_parser *p = raptor_new_parser(rw, ls->src->syntax);
  raptor_uri *base = raptor_new_uri(rw, iri);
  int txn;

  ls->file_graph = librdf_new_node_from_uri_string(ls->s->world, iri);
  if (!base || !ls->file_graph || !p) {
    ls->rc = KKACHI_ERDF;
    goto done;
  }
  txn = !librdf_model_transaction_start(ls->s->model);
  raptor_world_set_log_handler(rw, ls->src, kkachi__rdfsource_on_log);
  raptor_parser_set_statement_handler(p, ls, on_statement);
  if ((raptor_parser_parse_file_stream(p, ls->src->fp, NULL, base) ||
       ls->src->errors) && !ls->rc)
    ls->rc = KKACHI_ESYNTAX;
  raptor_world_set_log_handler(rw, NULL, NULL);
  if (!ls->rc && kkachi__replacer_finish(ls->rep))
    ls->rc = KKACHI_ERDF;
  if (txn && ls->rc)
    librdf_model_transaction_rollback(ls->s->model);
  else if (txn && librdf_model_transaction_commit(ls->s->model))
    ls->rc = KKACHI_EIO;
done:
  if (p)
    raptor_free_parser(p);
  if (base)
    raptor_free_uri(base);
}

/* Writes the file, checked already, into the store: any failure now is
 * the store's, which then takes nothing more. */
static int
write_file(kkachi_store *s, load_state *ls)
{
  kk_quiet q;

  kkachi__store_hush(s, &q);
  ls->rc = kkachi__replacer_new(&ls->rep, s);
  if (!ls->rc)
    parse_into(ls);
  if (!ls->rc && librdf_model_sync(s->model))
    ls->rc = KKACHI_EIO;
  if (!(ls->rc = kkachi__store_unhush(s, &q, ls->rc)))
    return 0;
  if (!s->why[0])
    snprintf(s->why, sizeof s->why, "%s", kkachi_strerror(ls->rc));
  s->broken = 1; /* told on closing */
  return KKACHI_ERDF;
}

int
kkachi_store_load(kkachi_store *s, const char *path, const char *syntax,
                  size_t *graphs, size_t *triples)
{
  kk_rdfsource src;
  load_state ls;
  int rc;

  if (s->broken)
    return KKACHI_ERDF;
  memset(&ls, 0, sizeof ls);
  ls.s = s;
  ls.src = &src;
  if ((rc = kkachi__rdfsource_open(&src, &s->engine->log, path, syntax,
                                     "nquads"))) /* as extract -f nquads */
    return rc;
  if (!(rc = kkachi__store_check(s, &src)))
    rc = write_file(s, &ls);
  if (graphs)
    *graphs = rc ? 0 : ls.graphs;
  if (triples)
    *triples = rc ? 0 : ls.triples;
  kkachi__replacer_free(ls.rep);
  if (ls.file_graph)
    librdf_free_node(ls.file_graph);
  if (ls.last)
    raptor_free_term(ls.last);
  kkachi__rdfsource_close(&src);
  return rc;
}

/* Puts the statements of tmp into the store as the new version of g. */
static int
replace_with(kkachi_store *s, librdf_node *g, librdf_model *tmp)
{
  librdf_stream *st = NULL;
  kk_replacer *rep;
  int fresh, txn = 0, rc = kkachi__replacer_new(&rep, s);

  if (!rc) {
    txn = !librdf_model_transaction_start(s->model);
    rc = kkachi__replacer_graph(rep, g, &fresh);
  }
  if (!rc && !(st = librdf_model_as_stream(tmp)))
    rc = KKACHI_ERDF;
  for (; !rc && !librdf_stream_end(st); librdf_stream_next(st))
    rc = kkachi__replacer_add(rep, librdf_stream_get_object(st));
  if (st)
    librdf_free_stream(st);
  if (!rc)
    rc = kkachi__replacer_finish(rep);
  if (txn && rc)
    librdf_model_transaction_rollback(s->model);
  else if (txn && librdf_model_transaction_commit(s->model))
    rc = KKACHI_EIO;
  kkachi__replacer_free(rep);
  return rc;
}

int
kkachi_store_add(kkachi_store *s, const kkachi_result *r, int evidence)
{
  kk_article_graph ag;
  kk_quiet q;
  int rc;

  if (s->broken)
    return KKACHI_ERDF;
  if ((rc = kkachi__article_graph(&ag, s->engine, r, evidence)))
    return rc;
  kkachi__store_hush(s, &q);
  rc = kkachi__store_unhush(s, &q, replace_with(s, ag.name, ag.model));
  kkachi__article_graph_free(&ag);
  if (rc) {
    if (!s->why[0])
      snprintf(s->why, sizeof s->why, "%s", kkachi_strerror(rc));
    s->broken = 1; /* told on closing */
  }
  return rc;
}
