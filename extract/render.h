/* render.h: N-Triples and N-Quads written by the worker threads, each
 * article's lines in memory, so that the thread that writes the output
 * only copies bytes. */
#ifndef KK_RENDER_H
#define KK_RENDER_H

#include <stddef.h>

#include "kkachi.h"

typedef struct render render;

/* Makes a writer of format for each of the n engines (borrowed, one per
 * worker), with evidence and text as kkachi_writer_set_evidence and
 * kkachi_writer_set_text take them. *out is NULL, and 0 returned, for a
 * format whose articles are not self-contained lines (Turtle). */
int render_new(render **out, kkachi_engine **engines, int n,
               const char *format, int evidence, int text);

/* Writes r's graph with worker's writer; *bytes (malloc'ed, the caller's)
 * and *n get the lines. Called by that worker's thread only. */
int render_article(render *rd, int worker, const kkachi_result *r,
                   char **bytes, size_t *n);

/* NULL is allowed. */
void render_free(render *rd);

#endif
