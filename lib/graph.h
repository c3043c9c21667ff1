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

#endif
