/* dot.h: pictures of the facts, as Graphviz DOT with readable labels
 * (names, titles, program names, stage counts) instead of IRIs. */
#ifndef KK_DOT_H
#define KK_DOT_H

#include <stdio.h>

#include "kkachi.h"

typedef struct dot dot;

/* Starts a picture; *out is the caller's (dot_free). */
int dot_new(dot **out);

/* Adds an article's facts. Entities of one name are one node across
 * articles; an edge said twice is drawn once. */
int dot_add(dot *d, const kkachi_result *r);

/* Writes the whole picture to fp. */
int dot_write(const dot *d, FILE *fp);

/* NULL is allowed. */
void dot_free(dot *d);

#endif
