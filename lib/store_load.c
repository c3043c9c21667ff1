/* store_load.c: RDF files and extracted articles into a store, each
 * named graph replacing the store's graph of that name. */
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
  size_t graphs, triples;
  int rc;
} load_state;

static void
on_statement(void *user_data, raptor_statement *st)
{
  load_state *ls = user_data;
  raptor_statement t = *st;
  int fresh;
  if (!ls->rc && ls->src->errors)
    ls->rc = KKACHI_ESYNTAX;
  if (ls->rc)
    return;
  t.graph = NULL;
  ls->rc = kkachi__replacer_graph(
      ls->rep, st->graph ? st->graph : ls->file_graph, &fresh);
  if (!ls->rc)
    ls->rc = kkachi__replacer_add(ls->rep, &t);
  ls->graphs += (size_t)fresh;
  ls->triples++;
}

/* Parses fp into the store, in one transaction where the storage has
 * them (SQLite: one commit instead of one a statement). */
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
  /* what was read before a syntax error replaces its graph */
  if ((!ls->rc || ls->rc == KKACHI_ESYNTAX) && kkachi__replacer_finish(ls->rep)
      && !ls->rc)
    ls->rc = KKACHI_ERDF;
  if (txn && librdf_model_transaction_commit(ls->s->model) && !ls->rc)
    ls->rc = KKACHI_EIO;
done:
  if (p)
    raptor_free_parser(p);
  if (base)
    raptor_free_uri(base);
}

int
kkachi_store_load(kkachi_store *s, const char *path, const char *syntax,
                  size_t *graphs, size_t *triples)
{
  kk_rdfsource src;
  load_state ls;
  int rc;

  memset(&ls, 0, sizeof ls);
  ls.s = s;
  ls.src = &src;
  if ((rc = kkachi__rdfsource_open(&src, &s->engine->log, path, syntax,
                                     "nquads"))) /* as extract -f nquads */
    return rc;
  ls.rc = kkachi__replacer_new(&ls.rep, s);
  if (!ls.rc)
    parse_into(&ls);
  if (!ls.rc && librdf_model_sync(s->model))
    ls.rc = KKACHI_EIO;
  if (graphs)
    *graphs = ls.graphs;
  if (triples)
    *triples = ls.triples;
  kkachi__replacer_free(ls.rep);
  if (ls.file_graph)
    librdf_free_node(ls.file_graph);
  kkachi__rdfsource_close(&src);
  return ls.rc;
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
  if (txn && librdf_model_transaction_commit(s->model) && !rc)
    rc = KKACHI_EIO;
  kkachi__replacer_free(rep);
  return rc;
}

int
kkachi_store_add(kkachi_store *s, const kkachi_result *r, int evidence)
{
  kk_article_graph ag;
  int rc = kkachi__article_graph(&ag, s->engine, r, evidence);
  if (!rc)
    rc = replace_with(s, ag.name, ag.model);
  kkachi__article_graph_free(&ag);
  return rc;
}
