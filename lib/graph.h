/* graph.h: one article's facts as an RDF model. */
#ifndef KK_GRAPH_H
#define KK_GRAPH_H

#include <librdf.h>

#include "kkachi.h"

/* What kkachi__graph_build writes besides the facts. */
enum { KK_GRAPH_EVIDENCE = 1, KK_GRAPH_TEXT = 2 };

/* Adds the article's graph to model (the caller's). evidence is a set of
 * KK_GRAPH_* bits: without KK_GRAPH_EVIDENCE, no kk:Evidence nodes; with
 * KK_GRAPH_TEXT, the article's text as nif:isString. *article_iri gets a copy of the article IRI (the
 * caller frees it with kkachi__free). */
int kkachi__graph_build(librdf_model *model, kkachi_engine *e,
                        const kkachi_result *r, int evidence,
                        char **article_iri);

/* One article's graph in a model of its own, named by the article. */
typedef struct kk_article_graph {
  librdf_storage *storage;
  librdf_model *model;
  librdf_node *name; /* the article's IRI */
} kk_article_graph;

/* Builds the article's graph into a new in-memory model (*out is the
 * caller's: kkachi__article_graph_free, also after a failure). */
int kkachi__article_graph(kk_article_graph *out, kkachi_engine *e,
                          const kkachi_result *r, int evidence);

void kkachi__article_graph_free(kk_article_graph *ag);

#endif
