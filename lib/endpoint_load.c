/* endpoint_load.c: an RDF file cut into its graphs (each run of statements
 * with the same graph) and sent to a SPARQL server. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "endpoint.h"
#include "engine.h"

typedef struct run_state {
  kkachi_endpoint *ep;
  const char *path;
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
    if (rc == KKACHI_EAUTH || rc == KKACHI_ENOMEM || rc == KKACHI_ERDF)
      rs->rc = rc;
  }
  clear_run(rs);
}

static void
on_statement(void *user_data, raptor_statement *st)
{
  run_state *rs = user_data;
  raptor_term *g = st->graph ? st->graph : rs->file_graph;
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

static void
on_log(void *user_data, raptor_log_message *msg)
{
  run_state *rs = user_data;
  int line = msg->locator ? raptor_locator_line(msg->locator) : 0;
  int col = msg->locator ? raptor_locator_column(msg->locator) : 0;
  if (msg->level < RAPTOR_LOG_LEVEL_ERROR)
    return;
  if (!rs->rc)
    rs->rc = KKACHI_ESYNTAX;
  kkachi__log(&rs->ep->e->log, KKACHI_LOG_ERROR, rs->path,
              line > 0 ? (unsigned long)line : 0,
              col > 0 ? (unsigned long)col + 1 : 0, "%s", msg->text);
}

static const char *
syntax_of(const char *path)
{
  size_t n = strlen(path);
  if (n > 3 && !strcmp(path + n - 3, ".nq"))
    return "nquads";
  if (n > 5 && !strcmp(path + n - 5, ".trig"))
    return "trig";
  if (n > 3 && !strcmp(path + n - 3, ".nt"))
    return "ntriples";
  if (!strcmp(path, "-"))
    return "nquads"; /* what kkachi extract -f nquads writes */
  return "turtle";
}

/* Parses the file, sending each complete run. A run cut short by an error
 * is not sent: it would replace a whole graph with part of it. */
static void
parse(run_state *rs, FILE *fp, const char *syntax, const char *base_iri)
{
  raptor_world *rw = rs->ep->rw;
  raptor_parser *p = raptor_new_parser(rw, syntax);
  raptor_uri *base = raptor_new_uri(rw, (const unsigned char *)base_iri);
  if (!p || !base ||
      !(rs->file_graph = raptor_new_term_from_uri(rw, base))) {
    rs->rc = KKACHI_ERDF;
    goto done;
  }
  raptor_world_set_log_handler(rw, rs, on_log);
  raptor_parser_set_statement_handler(p, rs, on_statement);
  if (raptor_parser_parse_file_stream(p, fp, NULL, base) && !rs->rc)
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
  kk_buf iri = KK_BUF_INIT;
  run_state rs;
  char *real = NULL;
  FILE *fp;
  int rc;

  memset(&rs, 0, sizeof rs);
  rs.ep = ep;
  rs.path = path;
  ep->failed = 0;
  fp = strcmp(path, "-") ? fopen(path, "rb") : stdin;
  if (!fp) {
    kkachi__log(&ep->e->log, KKACHI_LOG_ERROR, path, 0, 0,
                "cannot open: %s", strerror(errno));
    return KKACHI_EIO;
  }
  real = strcmp(path, "-") ? realpath(path, NULL) : NULL;
  if (kkachi__buf_printf(&iri, "file://%s", real ? real : "/dev/stdin"))
    rs.rc = KKACHI_ENOMEM;
  else
    parse(&rs, fp, syntax ? syntax : syntax_of(path), iri.data);
  rc = kkachi_endpoint_flush(ep);
  if (rc == KKACHI_EAUTH || rc == KKACHI_ENOMEM)
    rs.rc = rc;
  if (graphs)
    *graphs = ep->graphs - g0;
  if (triples)
    *triples = ep->triples - t0;
  if (rs.file_graph)
    raptor_free_term(rs.file_graph);
  kkachi__free(rs.st);
  kkachi__buf_free(&iri);
  free(real);
  if (fp != stdin)
    fclose(fp);
  if (rs.rc)
    return rs.rc;
  return rs.failed || ep->failed ? (ep->failed ? ep->failed : KKACHI_EHTTP)
                                 : 0;
}
