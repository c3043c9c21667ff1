/* graph.h: one article's facts as an RDF model. */
#ifndef KK_GRAPH_H
#define KK_GRAPH_H

#include <librdf.h>

#include "kkachi.h"

/* Adds the article's graph to model (the caller's). evidence 0 leaves out
 * kk:Evidence nodes. *article_iri gets a copy of the article IRI (the
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
