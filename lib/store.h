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

/* Checks that the SQLite file at path has Redland's tables and gives it
 * the indexes Redland's storage lacks (store_sqlite.c). On failure, why
 * gets the reason (n bytes with the NUL). */
int kkachi__store_sqlite_prepare(const char *path, char *why, size_t n);

/* New versions of named graphs, put into a store by difference
 * (store_replace.c). */
typedef struct kk_replacer kk_replacer;

int kkachi__replacer_new(kk_replacer **out, kkachi_store *s);
void kkachi__replacer_free(kk_replacer *r);

/* The statements that follow belong to the new version of graph (which
 * is copied). *fresh is 1 when this replacer had not met it. */
int kkachi__replacer_graph(kk_replacer *r, librdf_node *graph, int *fresh);

/* A statement (copied) of the current graph's new version: added unless
 * the store holds it. */
int kkachi__replacer_add(kk_replacer *r, librdf_statement *statement);

/* The new versions are complete: removes from the store what they lack. */
int kkachi__replacer_finish(kk_replacer *r);

#endif
