/* endpoint.c: graphs sent to a SPARQL server, one per request by the Graph
 * Store Protocol (PUT replaces) or batched in SPARQL Update requests
 * (DROP SILENT GRAPH, then INSERT DATA). */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "endpoint.h"
#include "engine.h"
#include "graph.h"

#define DEFAULT_BATCH 20000u

static int
dup_opt(char **out, const char *s)
{
  *out = NULL;
  if (!s || !*s)
    return 0;
  return (*out = kkachi__strdup(s)) ? 0 : KKACHI_ENOMEM;
}

static int
io_byte(void *user_data, const int byte)
{
  kkachi_endpoint *ep = user_data;
  char c = (char)byte;
  return kkachi__buf_append(ep->out, &c, 1) ? 1 : 0;
}

static int
io_bytes(void *user_data, const void *ptr, size_t size, size_t nmemb)
{
  kkachi_endpoint *ep = user_data;
  return kkachi__buf_append(ep->out, ptr, size * nmemb) ? 0 : (int)nmemb;
}

/* Version 2: raptor only takes a handler for writing from version 2 on. */
static const raptor_iostream_handler io_handler = {
  2, NULL, NULL, io_byte, io_bytes, NULL, NULL, NULL
};

int
kkachi_endpoint_open(kkachi_endpoint **out, kkachi_engine *e,
                     const kkachi_endpoint_options *o)
{
  kkachi_endpoint *ep;
  int rc;
  *out = NULL;
  if (!(ep = kkachi__calloc(1, sizeof *ep)))
    return KKACHI_ENOMEM;
  ep->e = e;
  ep->batch_max = o->batch ? o->batch : DEFAULT_BATCH;
  if ((rc = dup_opt(&ep->gsp, o->graph_store)) ||
      (rc = dup_opt(&ep->update, o->update)) ||
      (rc = dup_opt(&ep->query, o->query)) ||
      (rc = kkachi__strmap_new(&ep->sent)))
    goto fail;
  ep->use_update = !ep->gsp;
  rc = KKACHI_ERDF;
  if (!(ep->world = kkachi__engine_world(e)) ||
      !(ep->rw = librdf_world_get_raptor(ep->world)) ||
      !(ep->io = raptor_new_iostream_from_handler(ep->rw, ep, &io_handler)))
    goto fail;
  if ((rc = kkachi__http_new(&ep->http, o->user, o->password, o->auth,
                             o->retries < 0 ? 3 : o->retries,
                             o->backoff_ms > 0 ? o->backoff_ms : 250,
                             o->timeout)))
    goto fail;
  *out = ep;
  return 0;
fail:
  kkachi_endpoint_free(ep);
  return rc;
}

static void
drop_pending(kkachi_endpoint *ep)
{
  size_t i;
  for (i = 0; i < ep->npending; i++)
    kkachi__free(ep->pending[i].iri);
  ep->npending = 0;
  ep->batch_triples = 0;
  kkachi__buf_reset(&ep->batch);
  kkachi__buf_reset(&ep->drop);
}

void
kkachi_endpoint_free(kkachi_endpoint *ep)
{
  if (!ep)
    return;
  drop_pending(ep);
  kkachi__free(ep->pending);
  kkachi__buf_free(&ep->batch);
  kkachi__buf_free(&ep->drop);
  kkachi__buf_free(&ep->body);
  kkachi__buf_free(&ep->term);
  if (ep->io)
    raptor_free_iostream(ep->io);
  kkachi__strmap_free(ep->sent);
  kkachi__http_free(ep->http);
  kkachi__free(ep->gsp);
  kkachi__free(ep->update);
  kkachi__free(ep->query);
  kkachi__free(ep);
}

void
kkachi_endpoint_set_callbacks(kkachi_endpoint *ep, kkachi_graph_fn report,
                              kkachi_graph_filter_fn filter, void *user_data)
{
  ep->report = report;
  ep->filter = filter;
  ep->user_data = user_data;
}

/* Whether an outcome means the server will take nothing more. */
static int
is_fatal(int rc)
{
  return rc == KKACHI_EAUTH || rc == KKACHI_ETIMEOUT;
}

/* Records the outcome of one graph: counted, reported, logged (but for a
 * fatal one, which the caller says once for all). */
static void
outcome(kkachi_endpoint *ep, const char *iri, size_t triples, int rc,
        const char *why)
{
  if (!rc) {
    ep->graphs++;
    ep->triples += triples;
  } else if (is_fatal(rc)) {
    ep->failed = rc;
    if (!ep->fatal)
      ep->fatal = rc;
  } else {
    if (!is_fatal(ep->failed))
      ep->failed = rc;
    kkachi__log(&ep->e->log, KKACHI_LOG_ERROR, NULL, 0, 0,
                "<%s> not loaded: %s", iri, why ? why : kkachi_strerror(rc));
  }
  if (ep->report)
    ep->report(iri, triples, rc, rc ? why : NULL, ep->user_data);
}

/* What a failed answer says: its status and the first line of its body,
 * control characters escaped (\xNN) so that a server cannot write to the
 * terminal. */
static void
why_of(char *why, long status, const kk_buf *ans)
{
  const unsigned char *s =
      (const unsigned char *)(ans->data ? ans->data : "");
  size_t n;
  while (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t')
    s++;
  n = (size_t)snprintf(why, KK_WHY_MAX, "HTTP %ld%s", status,
                       *s && *s != '\n' && *s != '\r' ? ": " : "");
  for (; *s && *s != '\n' && *s != '\r' && n + 5 < KK_WHY_MAX; s++)
    if (*s < 0x20 || *s == 0x7f)
      n += (size_t)snprintf(why + n, KK_WHY_MAX - n, "\\x%02x", *s);
    else
      why[n++] = (char)*s;
  why[n] = '\0';
}

int
kkachi__endpoint_answer(long status, const kk_buf *ans, char *why)
{
  if (status >= 200 && status < 300)
    return 0;
  why_of(why, status, ans);
  return status == 401 || status == 403 ? KKACHI_EAUTH : KKACHI_EHTTP;
}

/* Writes one term as Turtle 2013 / SPARQL by raptor's escaping writer,
 * which escapes what must be and keeps UTF-8 as it is (some servers do
 * not read \u escapes in IRIs). */
static int
write_term(raptor_term *t, raptor_iostream *io)
{
  return raptor_term_escaped_write(t, t->type == RAPTOR_TERM_TYPE_LITERAL
                                          ? RAPTOR_ESCAPED_WRITE_TURTLE_LITERAL
                                          : RAPTOR_ESCAPED_WRITE_TURTLE_URI,
                                   io);
}

/* The statements as Turtle triples (no prefixes, no base: also valid
 * inside INSERT DATA), into out (emptied first). */
static int
serialize(kkachi_endpoint *ep, raptor_statement **st, size_t n, kk_buf *out)
{
  raptor_iostream *io = ep->io;
  size_t i;
  kkachi__buf_reset(out);
  ep->out = out;
  for (i = 0; i < n; i++)
    if (write_term(st[i]->subject, io) ||
        raptor_iostream_write_byte(' ', io) ||
        write_term(st[i]->predicate, io) ||
        raptor_iostream_write_byte(' ', io) ||
        write_term(st[i]->object, io) ||
        raptor_iostream_counted_string_write(" .\n", 3, io))
      return KKACHI_ENOMEM;
  return kkachi__buf_append(out, "", 0);
}

/* One term alone, written as serialize writes it, into out. */
static int
serialize_term(kkachi_endpoint *ep, raptor_term *t, kk_buf *out)
{
  kkachi__buf_reset(out);
  ep->out = out;
  if (write_term(t, ep->io))
    return KKACHI_ENOMEM;
  return kkachi__buf_append(out, "", 0);
}

/* The batch as one Update request: one DELETE for every graph it
 * replaces (a DROP SILENT GRAPH each costs a server far more), then one
 * INSERT DATA with a GRAPH block for each graph. */
static int
batch_form(kkachi_endpoint *ep, kk_buf *form)
{
  kk_buf u = KK_BUF_INIT;
  int rc = 0;
  if (ep->drop.len)
    rc = kkachi__buf_printf(&u, "DELETE { GRAPH ?g { ?s ?p ?o } } WHERE {\n"
                            "VALUES ?g {\n%s}\nGRAPH ?g { ?s ?p ?o } } ;\n",
                            ep->drop.data);
  if (!rc)
    rc = kkachi__buf_printf(&u, "INSERT DATA {\n%s}\n", ep->batch.data);
  if (!rc)
    rc = kkachi__buf_puts(form, "update=");
  if (!rc)
    rc = kkachi__http_escape(ep->http, form, u.data, u.len);
  kkachi__buf_free(&u);
  return rc;
}

/* Sends the Update batch; every graph in it shares the outcome. */
int
kkachi_endpoint_flush(kkachi_endpoint *ep)
{
  kk_buf form = KK_BUF_INIT, ans = KK_BUF_INIT;
  char why[KK_WHY_MAX] = "";
  const char *net = NULL;
  long status = 0;
  size_t i;
  int rc;

  if (!ep->npending)
    return 0;
  rc = batch_form(ep, &form);
  if (!rc)
    rc = kkachi__http_request(ep->http, "POST", ep->update,
                              "application/x-www-form-urlencoded", form.data,
                              form.len, NULL, &status, &ans, NULL, &net);
  if (!rc)
    rc = kkachi__endpoint_answer(status, &ans, why);
  else if (net)
    snprintf(why, sizeof why, "%s", net);
  kkachi__http_set_retrying(ep->http, rc != KKACHI_ENET);
  for (i = 0; i < ep->npending; i++)
    outcome(ep, ep->pending[i].iri, ep->pending[i].triples, rc,
            why[0] ? why : NULL);
  drop_pending(ep);
  kkachi__buf_free(&form);
  kkachi__buf_free(&ans);
  return rc;
}

/* Adds a graph to the batch: to those it replaces (unless it was replaced
 * earlier in this run) and its triples as a GRAPH block. */
static int
batch_graph(kkachi_endpoint *ep, const char *iri, const unsigned char *term,
            size_t tlen, const unsigned char *nt, size_t ntlen, size_t n,
            int replace)
{
  kk_pending *p;
  int rc = 0;
  if (ep->npending && ep->batch_triples + n > ep->batch_max)
    kkachi_endpoint_flush(ep); /* its graphs' outcomes are reported */
  if (ep->fatal) {
    outcome(ep, iri, n, ep->fatal, NULL);
    return ep->fatal;
  }
  if (ep->npending == ep->cappending) {
    size_t nc = ep->cappending ? ep->cappending * 2 : 16;
    if (!(p = kkachi__realloc(ep->pending, nc * sizeof *p)))
      return KKACHI_ENOMEM;
    ep->pending = p;
    ep->cappending = nc;
  }
  if (replace)
    rc = kkachi__buf_printf(&ep->drop, "%.*s\n", (int)tlen,
                            (const char *)term);
  if (!rc)
    rc = kkachi__buf_printf(&ep->batch, "GRAPH %.*s {\n", (int)tlen,
                            (const char *)term);
  if (!rc)
    rc = kkachi__buf_append(&ep->batch, (const char *)nt, ntlen);
  if (!rc)
    rc = kkachi__buf_puts(&ep->batch, "}\n");
  if (!rc && !(ep->pending[ep->npending].iri = kkachi__strdup(iri)))
    rc = KKACHI_ENOMEM;
  if (rc)
    return rc;
  ep->pending[ep->npending++].triples = n;
  ep->batch_triples += n;
  return ep->batch_triples >= ep->batch_max ? kkachi_endpoint_flush(ep) : 0;
}

/* PUT (replace) or POST (add) one graph by the Graph Store Protocol.
 * *missing is set when the server has no Graph Store there. */
static int
gsp_graph(kkachi_endpoint *ep, const char *iri, const unsigned char *nt,
          size_t ntlen, size_t n, int replace, int *missing)
{
  kk_buf url = KK_BUF_INIT, ans = KK_BUF_INIT;
  char why[KK_WHY_MAX] = "";
  const char *net = NULL;
  long status = 0;
  int rc;

  *missing = 0;
  rc = kkachi__buf_printf(&url, "%s%cgraph=", ep->gsp,
                          strchr(ep->gsp, '?') ? '&' : '?');
  if (!rc)
    rc = kkachi__http_escape(ep->http, &url, iri, strlen(iri));
  if (!rc)
    rc = kkachi__http_request(ep->http, replace ? "PUT" : "POST", url.data,
                              "text/turtle", (const char *)nt, ntlen, NULL,
                              &status, &ans, NULL, &net);
  if (!rc) {
    *missing = ep->update && !ep->graphs &&
               (status == 404 || status == 405 || status == 415 ||
                status == 501);
    rc = kkachi__endpoint_answer(status, &ans, why);
  } else if (net)
    snprintf(why, sizeof why, "%s", net);
  kkachi__http_set_retrying(ep->http, rc != KKACHI_ENET);
  if (!*missing)
    outcome(ep, iri, n, rc, why[0] ? why : NULL);
  kkachi__buf_free(&url);
  kkachi__buf_free(&ans);
  return rc;
}

int
kkachi__endpoint_send(kkachi_endpoint *ep, raptor_term *graph,
                      raptor_statement **st, size_t n)
{
  const char *iri = (const char *)raptor_uri_as_string(graph->value.uri);
  size_t ilen = strlen(iri);
  int rc, replace, missing = 0;

  if (ep->filter && !ep->filter(iri, ep->user_data))
    return 0;
  if (ep->fatal) { /* listed as not loaded, not sent */
    outcome(ep, iri, n, ep->fatal, NULL);
    return ep->fatal;
  }
  replace = !kkachi__strmap_get(ep->sent, iri, ilen);
  if ((rc = kkachi__strmap_put(ep->sent, iri, ilen, ep)) ||
      (rc = serialize(ep, st, n, &ep->body)))
    return rc;
  if (!ep->use_update) {
    rc = gsp_graph(ep, iri, (const unsigned char *)ep->body.data,
                   ep->body.len, n, replace, &missing);
    if (!missing)
      return rc;
    kkachi__log(&ep->e->log, KKACHI_LOG_WARNING, ep->gsp, 0, 0,
                "no Graph Store here; using SPARQL Update at %s", ep->update);
    ep->use_update = 1;
  }
  if ((rc = serialize_term(ep, graph, &ep->term)))
    return rc;
  return batch_graph(ep, iri, (const unsigned char *)ep->term.data,
                     ep->term.len, (const unsigned char *)ep->body.data,
                     ep->body.len, n, replace);
}

int
kkachi_endpoint_add(kkachi_endpoint *ep, const kkachi_result *r, int evidence)
{
  kk_article_graph ag;
  librdf_stream *s = NULL;
  raptor_statement **sts = NULL;
  size_t n = 0, cap = 0;
  int rc;

  if ((rc = kkachi__article_graph(&ag, ep->e, r, evidence)))
    goto done;
  if (!(s = librdf_model_as_stream(ag.model))) {
    rc = KKACHI_ERDF;
    goto done;
  }
  while (!rc && !librdf_stream_end(s)) {
    if (n == cap) {
      raptor_statement **p = kkachi__realloc(sts, (cap ? cap * 2 : 64) *
                                                      sizeof *p);
      if (!p) {
        rc = KKACHI_ENOMEM;
        break;
      }
      sts = p;
      cap = cap ? cap * 2 : 64;
    }
    /* librdf_statement is raptor_statement: a copy keeps its terms */
    if (!(sts[n] = raptor_statement_copy(librdf_stream_get_object(s))))
      rc = KKACHI_ENOMEM;
    else
      n++;
    librdf_stream_next(s);
  }
  if (!rc)
    rc = kkachi__endpoint_send(ep, ag.name, sts, n);
done:
  while (n)
    raptor_free_statement(sts[--n]);
  kkachi__free(sts);
  if (s)
    librdf_free_stream(s);
  kkachi__article_graph_free(&ag);
  return rc;
}
