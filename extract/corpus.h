/* corpus.h: the input files of a run, folders walked for articles. */
#ifndef KK_CORPUS_H
#define KK_CORPUS_H

#include <stddef.h>
#include <sys/types.h>

typedef struct corpus {
  char **paths; /* owned; the articles are named by these paths */
  size_t n, cap;
  struct corpus_dir {
    dev_t dev;
    ino_t ino;
  } *dirs; /* owned: the folders walked, each once */
  size_t ndirs, dircap;
  unsigned long long bytes; /* their sizes, when all are regular files */
  int sized;                /* 0 once stdin or a pipe is among them */
} corpus;

void corpus_init(corpus *c);

/* Adds path: a file (or "-") as it is; a folder by every file below it
 * (sorted, hidden ones left out, each folder walked once however many
 * links lead to it) whose name ends in .txt, .jsonl, .html or .htm.
 * Returns 0, or -1 after printing why. */
int corpus_add(corpus *c, const char *path);

void corpus_free(corpus *c);

#endif
