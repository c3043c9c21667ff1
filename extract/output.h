/* output.h: output files written whole or not at all. */
#ifndef KK_OUTPUT_H
#define KK_OUTPUT_H

#include <stdio.h>

/* How an output reaches its file. */
enum {
  OUTPUT_STDOUT, /* standard output, as it is */
  OUTPUT_RENAME, /* a temporary file renamed onto the target */
  OUTPUT_COPY,   /* a temporary file copied into the target (hard links) */
  OUTPUT_STREAM  /* written in place: a FIFO, a device */
};

typedef struct kk_output {
  FILE *fp;
  const char *path;  /* as named (borrowed); NULL: stdout */
  char target[4096]; /* path with its symbolic links followed */
  char tmp[4096];    /* the temporary file, "" when there is none */
  int kind;          /* OUTPUT_* */
  int existed;       /* the target was there before */
  int slot;          /* its entry among the pending files, or -1 */
  int failed;        /* a write error was reported */
} kk_output;

/* Opens path for writing (stdout when path is NULL or "-"). A symbolic
 * link is followed; a regular file is written into a temporary file
 * beside its target, with the mode (and, where allowed, owner) of the
 * file it replaces, or 0666 less the umask; a FIFO or device is written
 * in place. Returns 0, or prints an error and returns -1. */
int output_open(kk_output *o, const char *path);

/* Whether writing has failed so far (without flushing); the first time,
 * prints the error. Returns 0 or -1. */
int output_failed(kk_output *o);

/* Flushes and closes. Unless discard is set or writing failed, the
 * temporary file replaces the target (renamed, or copied into it when
 * the target has other hard links); otherwise it is removed and the
 * previous file stays. Returns 0, or prints an error and returns -1. */
int output_close(kk_output *o, int discard);

#endif
