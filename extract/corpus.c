/* corpus.c: the input files of a run, folders walked for articles. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "corpus.h"

#define MAX_DEPTH 64

/* Adds path; name (may be NULL) is what its articles are named by. */
static int
push(corpus *c, const char *path, const char *name)
{
  char *copy, *ncopy = NULL;
  if (c->n == c->cap) {
    size_t nc = c->cap ? c->cap * 2 : 64;
    char **p = realloc(c->paths, nc * sizeof *p);
    char **q = p ? realloc(c->names, nc * sizeof *q) : NULL;
    if (p)
      c->paths = p;
    if (!q)
      return -1;
    c->names = q;
    c->cap = nc;
  }
  if (!(copy = strdup(path)) || (name && !(ncopy = strdup(name)))) {
    free(copy);
    return -1;
  }
  c->paths[c->n] = copy;
  c->names[c->n++] = ncopy;
  return 0;
}

static int
wanted(const char *name)
{
  size_t n = strlen(name);
  return (n > 4 && !strcmp(name + n - 4, ".txt")) ||
         (n > 6 && !strcmp(name + n - 6, ".jsonl")) ||
         (n > 5 && !strcmp(name + n - 5, ".html")) ||
         (n > 4 && !strcmp(name + n - 4, ".htm"));
}

static int
by_name(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds the articles' files below dir, in name order; root_len is the
 * length of the folder named on the command line and its slash, so that
 * articles are named by their path below it (two folders may hold files
 * of the same name). */
static int
walk(corpus *c, const char *dir, size_t root_len, int depth)
{
  DIR *d;
  struct dirent *de;
  char **names = NULL;
  size_t n = 0, cap = 0, i;
  int rc = 0;

  if (depth > MAX_DEPTH) {
    cli_error("%s: folders nested too deep", dir);
    return -1;
  }
  if (!(d = opendir(dir))) {
    cli_error("%s: cannot open the folder: %s", dir, strerror(errno));
    return -1;
  }
  while (!rc && (de = readdir(d))) {
    size_t len;
    if (de->d_name[0] == '.')
      continue;
    len = strlen(dir) + strlen(de->d_name) + 2;
    if (n == cap) {
      char **p = realloc(names, (cap = cap ? cap * 2 : 32) * sizeof *p);
      if (!p) {
        rc = -1;
        break;
      }
      names = p;
    }
    if (!(names[n] = malloc(len)))
      rc = -1;
    else
      snprintf(names[n++], len, "%s/%s", dir, de->d_name);
  }
  closedir(d);
  if (names)
    qsort(names, n, sizeof *names, by_name);
  for (i = 0; !rc && i < n; i++) {
    struct stat st;
    if (stat(names[i], &st) != 0)
      continue; /* gone, or a dangling link */
    if (S_ISDIR(st.st_mode))
      rc = walk(c, names[i], root_len, depth + 1);
    else if (S_ISREG(st.st_mode) && wanted(names[i])) {
      rc = push(c, names[i], names[i] + root_len);
      c->bytes += (unsigned long long)st.st_size;
    }
  }
  for (i = 0; i < n; i++)
    free(names[i]);
  free(names);
  return rc;
}

void
corpus_init(corpus *c)
{
  memset(c, 0, sizeof *c);
  c->sized = 1;
}

int
corpus_add(corpus *c, const char *path)
{
  struct stat st;
  if (strcmp(path, "-") && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
    return walk(c, path, strlen(path) + 1, 0);
  if (!strcmp(path, "-") || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
    c->sized = 0;
  else
    c->bytes += (unsigned long long)st.st_size;
  return push(c, path, NULL);
}

void
corpus_free(corpus *c)
{
  size_t i;
  for (i = 0; i < c->n; i++) {
    free(c->paths[i]);
    free(c->names[i]);
  }
  free(c->paths);
  free(c->names);
  memset(c, 0, sizeof *c);
}
