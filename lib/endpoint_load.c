/* endpoint_load.c: an RDF file cut into its graphs (each run of statements
 * with the same graph) and sent to a SPARQL server. */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "endpoint.h"
#include "engine.h"
#include "rdfsource.h"

typedef struct run_state {
  kkachi_endpoint *ep;
  const char *path;
  kk_rdfsource *src;
  raptor_term *file_graph; /* for triples outside any graph */
  raptor_term *graph;      /* of the run being collected (a reference) */
  raptor_statement **st;
  size_t n, cap;
  int rc;      /* the file's own error, or a fatal one: stop */
  int failed;  /* some graph was not loaded */
} run_state;

static void
clear_run(run_state *rs)
{
  while (rs->n)
    raptor_free_statement(rs->st[--rs->n]);
  if (rs->graph)
    raptor_free_term(rs->graph);
  rs->graph = NULL;
}

/* Sends the run collected so far. */
static void
send_run(run_state *rs)
{
  int rc;
  if (!rs->graph)
    return;
  if (rs->graph->type != RAPTOR_TERM_TYPE_URI) {
    kkachi__log(&rs->ep->e->log, KKACHI_LOG_ERROR, rs->path, 0, 0,
                "a graph named by a blank node cannot be sent; skipped");
    rs->failed = 1;
  } else if ((rc = kkachi__endpoint_send(rs->ep, rs->graph, rs->st, rs->n))) {
    rs->failed = 1;
    /* after a fatal answer the rest is still read, to list its graphs */
    if (rc == KKACHI_ENOMEM || rc == KKACHI_ERDF)
      rs->rc = rc;
  }
  clear_run(rs);
}

static void
on_statement(void *user_data, raptor_statement *st)
{
  run_state *rs = user_data;
  raptor_term *g = st->graph ? st->graph : rs->file_graph;
  if (!rs->rc && rs->src->errors)
    rs->rc = KKACHI_ESYNTAX;
  if (rs->rc)
    return;
  if (rs->graph && !raptor_term_equals(rs->graph, g))
    send_run(rs);
  if (rs->rc)
    return;
  if (!rs->graph && !(rs->graph = raptor_term_copy(g))) {
    rs->rc = KKACHI_ENOMEM;
    return;
  }
  if (rs->n == rs->cap) {
    size_t nc = rs->cap ? rs->cap * 2 : 256;
    raptor_statement **p = kkachi__realloc(rs->st, nc * sizeof *p);
    if (!p) {
      rs->rc = KKACHI_ENOMEM;
      return;
    }
    rs->st = p;
    rs->cap = nc;
  }
  if (!(rs->st[rs->n] = raptor_statement_copy(st)))
    rs->rc = KKACHI_ENOMEM;
  else
    rs->n++;
}

/* Parses the file, sending each complete run. A run cut short by an error
 * is not sent: it would replace a whole graph with part of it. */
static void
parse(run_state *rs)
{
  raptor_world *rw = rs->ep->rw;
  raptor_parser *p = raptor_new_parser(rw, rs->src->syntax);
  raptor_uri *base =
      raptor_new_uri(rw, (const unsigned char *)rs->src->iri.data);
  if (!p || !base ||
      !(rs->file_graph = raptor_new_term_from_uri(rw, base))) {
    rs->rc = KKACHI_ERDF;
    goto done;
  }
  raptor_world_set_log_handler(rw, rs->src, kkachi__rdfsource_on_log);
  raptor_parser_set_statement_handler(p, rs, on_statement);
  if ((raptor_parser_parse_file_stream(p, rs->src->fp, NULL, base) ||
       rs->src->errors) && !rs->rc)
    rs->rc = KKACHI_ESYNTAX;
  raptor_world_set_log_handler(rw, NULL, NULL);
  if (!rs->rc)
    send_run(rs);
  else if (rs->graph && rs->rc == KKACHI_ESYNTAX) {
    kkachi__log(&rs->ep->e->log, KKACHI_LOG_ERROR, rs->path, 0, 0,
                "<%s> not loaded: the file ends in an error inside it",
                raptor_uri_as_string(rs->graph->value.uri));
    rs->failed = 1;
  }
done:
  clear_run(rs);
  if (p)
    raptor_free_parser(p);
  if (base)
    raptor_free_uri(base);
}

int
kkachi_endpoint_load(kkachi_endpoint *ep, const char *path,
                     const char *syntax, size_t *graphs, size_t *triples)
{
  size_t g0 = ep->graphs, t0 = ep->triples;
  kk_rdfsource src;
  run_state rs;
  int rc;

  memset(&rs, 0, sizeof rs);
  rs.ep = ep;
  rs.path = path;
  rs.src = &src;
  ep->failed = 0;
  if ((rc = kkachi__rdfsource_open(&src, &ep->e->log, path, syntax,
                                     "nquads"))) /* as extract -f nquads */
    return rc;
  parse(&rs);
  if (kkachi_endpoint_flush(ep) == KKACHI_ENOMEM)
    rs.rc = KKACHI_ENOMEM;
  if (graphs)
    *graphs = ep->graphs - g0;
  if (triples)
    *triples = ep->triples - t0;
  if (rs.file_graph)
    raptor_free_term(rs.file_graph);
  kkachi__free(rs.st);
  kkachi__rdfsource_close(&src);
  if (rs.rc)
    return rs.rc;
  if (ep->fatal)
    return ep->fatal;
  return rs.failed || ep->failed ? (ep->failed ? ep->failed : KKACHI_EHTTP)
                                 : 0;
}
