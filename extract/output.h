/* output.h: output files written whole or not at all. */
#ifndef KK_OUTPUT_H
#define KK_OUTPUT_H

#include <stdio.h>

typedef struct kk_output {
  FILE *fp;
  const char *path; /* NULL: stdout */
  char tmp[4096];
} kk_output;

/* Opens a temporary file beside path (or stdout when path is NULL).
 * Returns 0, or prints an error and returns -1. */
int output_open(kk_output *o, const char *path);

/* Flushes and closes; renames the temporary file onto path unless
 * discard is set or writing failed, in which case it is removed and the
 * previous file stays. Returns 0, or prints an error and returns -1. */
int output_close(kk_output *o, int discard);

#endif
