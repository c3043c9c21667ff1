/* store.h: the store's private state, shared by its files. */
#ifndef KK_STORE_H
#define KK_STORE_H

#include <librdf.h>

#include "engine.h"

struct kkachi_store {
  kkachi_engine *engine;
  librdf_world *world;
  librdf_storage *storage;
  librdf_model *model;
  size_t added, removed; /* statements, since the store was opened */
};

#endif
