/* progress.h: a progress line on a terminal while articles are read, and
 * a summary line when they are done. */
#ifndef KK_PROGRESS_H
#define KK_PROGRESS_H

#include <stddef.h>

#include "kkachi.h"

#define PROGRESS_FAMILIES 8

typedef struct progress {
  int on;                    /* write the lines at all */
  double start, last;        /* seconds */
  unsigned long articles, errors;
  unsigned long long bytes, total; /* total 0: unknown */
  char family[PROGRESS_FAMILIES][32];
  unsigned long facts[PROGRESS_FAMILIES];
} progress;

/* mode: -1 never (--quiet), 1 always (--progress), 0 when stderr is a
 * terminal. total is the input size in bytes, 0 when unknown. */
void progress_init(progress *p, int mode, unsigned long long total);

/* Counts one article (its text's size in bytes) and its facts. */
void progress_article(progress *p, size_t bytes, const kkachi_result *r);

/* Clears the progress line before something else is written to stderr. */
void progress_clear(progress *p);

/* Counts an input that could not be read. */
void progress_error(progress *p);

/* Clears the progress line and writes the summary line. */
void progress_end(progress *p);

#endif
