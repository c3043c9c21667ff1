/* corpus.h: the input files of a run, folders walked for articles. */
#ifndef KK_CORPUS_H
#define KK_CORPUS_H

#include <stddef.h>

typedef struct corpus {
  char **paths; /* owned */
  char **names; /* owned: the path below the folder it was found in, or
                   NULL for a file named as it is */
  size_t n, cap;
  unsigned long long bytes; /* their sizes, when all are regular files */
  int sized;                /* 0 once stdin or a pipe is among them */
} corpus;

void corpus_init(corpus *c);

/* Adds path: a file (or "-") as it is; a folder by every file below it
 * (sorted, hidden ones left out) whose name ends in .txt, .jsonl,
 * .html or .htm, whose articles are named by their path below the
 * folder. Returns 0, or -1 after printing why. */
int corpus_add(corpus *c, const char *path);

void corpus_free(corpus *c);

#endif
