/* pool.h: articles extracted by worker threads, each with an engine of
 * its own, and handed back in the order they were read. */
#ifndef KK_POOL_H
#define KK_POOL_H

#include "kkachi.h"

/* Receives one article in reading order, with its result (which may be
 * NULL when rc is not 0), the path it was read from, and the bytes a
 * render function made of it (NULL when none); takes ownership of a, r
 * and bytes. */
typedef void (*pool_deliver_fn)(kkachi_article *a, kkachi_result *r, int rc,
                                const char *path, char *bytes, size_t n,
                                void *user_data);

/* Turns a result into output bytes in worker thread number worker, after
 * extraction: *bytes is malloc'ed. Returns 0 or a KKACHI_E* code, which
 * is delivered as the article's. */
typedef int (*pool_render_fn)(int worker, const kkachi_result *r,
                              char **bytes, size_t *n, void *user_data);

typedef struct pool pool;

/* Starts n worker threads on the engines (borrowed; one each, compiled),
 * or none when n is 0: then main extracts as articles come. At most
 * 4 * n articles wait at a time. Returns 0 or a KKACHI_E* code. */
int pool_start(pool **out, kkachi_engine *main, kkachi_engine **engines,
               int n, pool_deliver_fn fn, void *user_data);

/* Has the workers render each result with fn (before the first submit;
 * only with threads). */
void pool_set_render(pool *p, pool_render_fn fn, void *user_data);

/* Queues an article (taken over) read from path (borrowed until it is
 * delivered); may deliver earlier ones first. */
int pool_submit(pool *p, kkachi_article *a, const char *path);

/* Delivers what is left, stops the threads and frees the pool. NULL is
 * allowed. */
void pool_finish(pool *p);

#endif
