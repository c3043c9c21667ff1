/* endpoint.h: the state of a SPARQL server client, shared by the loading
 * and querying halves. */
#ifndef KK_ENDPOINT_H
#define KK_ENDPOINT_H

#include <librdf.h>

#include "buf.h"
#include "http.h"
#include "kkachi.h"
#include "strmap.h"

/* A graph waiting in an Update batch. */
typedef struct kk_pending {
  char *iri;
  size_t triples;
} kk_pending;

struct kkachi_endpoint {
  kkachi_engine *e;
  librdf_world *world;
  raptor_world *rw;
  kk_http *http;
  char *gsp, *update, *query;
  int use_update;    /* no GSP URL, or the server had none there */
  size_t batch_max;  /* triples per Update request */
  kk_buf drop;       /* the graphs the batch replaces, as terms */
  kk_buf batch;      /* the GRAPH blocks of the batch's INSERT DATA */
  kk_pending *pending;
  size_t npending, cappending, batch_triples;
  raptor_iostream *io; /* raptor's term writer into *out, no allocation
                          per write */
  kk_buf *out;
  kk_buf body, term;   /* reused for each graph */
  kk_strmap *sent;   /* graphs replaced in this run: later runs add */
  kkachi_graph_fn report;
  kkachi_graph_filter_fn filter;
  void *user_data;
  size_t graphs, triples; /* loaded, over the client's life */
  int failed;        /* the worst outcome since the last load began */
  int fatal;         /* KKACHI_EAUTH or KKACHI_ETIMEOUT once met: nothing
                        more is sent */
};

#define KK_WHY_MAX 300

/* Maps a server's answer to an outcome: 0 for 2xx, KKACHI_EAUTH for 401
 * and 403, KKACHI_EHTTP otherwise, with why (KK_WHY_MAX bytes) filled in
 * with the status and the first line of the answer. */
int kkachi__endpoint_answer(long status, const kk_buf *ans, char *why);

/* Sends (or batches) the n statements of one graph, named by graph (their
 * own graph terms are ignored); the statements stay the caller's.
 * Returns 0, the graph's error (reported already), KKACHI_EAUTH or
 * KKACHI_ETIMEOUT (once met, every later graph is only reported as not
 * loaded), or KKACHI_ENOMEM, after which nothing more should be sent. */
int kkachi__endpoint_send(kkachi_endpoint *ep, raptor_term *graph,
                          raptor_statement **st, size_t n);

#endif
