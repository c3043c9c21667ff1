/* store.h: the store's private state, shared by its files. */
#ifndef KK_STORE_H
#define KK_STORE_H

#include <librdf.h>

#include "buf.h"
#include "engine.h"
#include "rdfsource.h"

/* Berkeley DB's messages kept off stderr (store_quiet.c). */
typedef struct kk_quiet {
  int saved, fd;
} kk_quiet;

struct kkachi_store {
  kkachi_engine *engine;
  librdf_world *world;
  librdf_storage *storage;
  librdf_model *model;
  size_t added, removed; /* statements, since the store was opened */
  int flags;             /* KKACHI_STORE_* */
  int lock;              /* the lock file, or -1 */
  char *where;           /* the folder or file, for messages */
  char *dir;             /* a folder store's folder */
  kk_buf cur, next;      /* its current generation; the one written */
  int open;              /* opened: its failures are logged on closing */
  int broken;            /* a write failed: nothing more is written */
  kk_quiet *hushed;      /* while opening, writing or closing */
  kkachi_graph_fn report;
  kkachi_graph_filter_fn filter;
  void *user_data;
  char why[512]; /* the reason of the last failure */
};

/* Takes the lock (path) of a store opened for writing (exclusive) or
 * reading (shared), waiting unless KKACHI_STORE_NOWAIT; a wait is logged
 * against where. A reader that cannot make the lock file goes without:
 * nobody can write there. On failure, s->why says why (store_lock.c). */
int kkachi__store_lock(kkachi_store *s, const char *path, const char *where);
void kkachi__store_unlock(kkachi_store *s);

/* The generations of a folder store (store_gen.c). The current one's
 * name goes to *cur: a folder in dir, "." for an older kkachi's store
 * kept in dir itself, "" for no store. */
int kkachi__gen_current(kkachi_store *s, const char *dir, kk_buf *cur);

/* Removes what killed loads left, and makes a copy of cur, whose name
 * goes to *next, for a load to write. */
int kkachi__gen_begin(kkachi_store *s, const char *dir, const char *cur,
                      kk_buf *next);

/* Makes next the current generation, on disk, and removes cur. */
int kkachi__gen_commit(kkachi_store *s, const char *dir, const char *next,
                       const char *cur);

/* Removes next (its load failed). */
void kkachi__gen_abort(const char *dir, const char *next);

void kkachi__quiet_begin(kk_quiet *q);

/* Lets what is written reach stderr again (pause 1), or not (0). */
void kkachi__quiet_pause(kk_quiet *q, int pause);

/* Puts stderr back, passing on what was not Berkeley DB's; the first of
 * its lines goes to why when that is empty. Returns the number of them. */
int kkachi__quiet_end(kk_quiet *q, char *why, size_t n);

/* Starts and ends a call that writes or opens s: Redland's and Berkeley
 * DB's complaints are kept in s->why instead of printed (store.c). end
 * returns KKACHI_ERDF when there was one, or rc. */
void kkachi__store_hush(kkachi_store *s, kk_quiet *q);
int kkachi__store_unhush(kkachi_store *s, kk_quiet *q, int rc);

/* Reads src to its end with its parser, storing nothing, and rewinds it,
 * so that a file which does not parse to its end changes nothing; stdin
 * is kept meanwhile in a temporary file, which becomes src->fp
 * (store_check.c). */
int kkachi__store_check(kkachi_store *s, kk_rdfsource *src);

/* Checks that the SQLite file at path has Redland's tables and gives it
 * the indexes Redland's storage lacks (store_sqlite.c). On failure, why
 * gets the reason (n bytes with the NUL). */
int kkachi__store_sqlite_prepare(const char *path, char *why, size_t n);

/* Checks, without writing, that the SQLite file at path has Redland's
 * tables. */
int kkachi__store_sqlite_check(const char *path, char *why, size_t n);

/* Makes every SQLite connection of the process, Redland's too, wait for
 * a lock instead of failing at once. */
void kkachi__store_sqlite_wait(void);

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
