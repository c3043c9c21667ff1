/* rdfgraph.h: an RDF graph loaded from files, for validation. */
#ifndef KK_RDFGRAPH_H
#define KK_RDFGRAPH_H

#include <librdf.h>

#include "kkachi.h"

struct kkachi_graph {
  kkachi_engine *engine;
  librdf_world *world;
  librdf_storage *storage;
  librdf_model *model;
};

#endif
