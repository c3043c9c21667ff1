/* corpus.c: the input files of a run, folders walked for articles. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "corpus.h"

#define MAX_DEPTH 64

/* Adds path. */
static int
push(corpus *c, const char *path)
{
  char *copy;
  if (c->n == c->cap) {
    size_t nc = c->cap ? c->cap * 2 : 64;
    char **p = realloc(c->paths, nc * sizeof *p);
    if (!p)
      return -1;
    c->paths = p;
    c->cap = nc;
  }
  if (!(copy = strdup(path)))
    return -1;
  c->paths[c->n++] = copy;
  return 0;
}

/* Whether the folder st was walked before (a link back up the tree, or
 * a second way to one folder); if not, remembers it. -1: no memory. */
static int
walked(corpus *c, const struct stat *st)
{
  size_t i;
  for (i = 0; i < c->ndirs; i++)
    if (c->dirs[i].dev == st->st_dev && c->dirs[i].ino == st->st_ino)
      return 1;
  if (c->ndirs == c->dircap) {
    size_t nc = c->dircap ? c->dircap * 2 : 16;
    struct corpus_dir *p = realloc(c->dirs, nc * sizeof *p);
    if (!p)
      return -1;
    c->dirs = p;
    c->dircap = nc;
  }
  c->dirs[c->ndirs].dev = st->st_dev;
  c->dirs[c->ndirs++].ino = st->st_ino;
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

/* Adds the articles' files below dir, in name order, each folder once. */
static int
walk(corpus *c, const char *dir, int depth)
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
    else /* "dir/" given: no second slash */
      snprintf(names[n++], len, "%s%s%s", dir,
               dir[strlen(dir) - 1] == '/' ? "" : "/", de->d_name);
  }
  closedir(d);
  if (names)
    qsort(names, n, sizeof *names, by_name);
  for (i = 0; !rc && i < n; i++) {
    struct stat st;
    if (stat(names[i], &st) != 0)
      continue; /* gone, or a dangling link */
    if (S_ISDIR(st.st_mode)) {
      int seen = walked(c, &st);
      rc = seen < 0 ? -1 : seen ? 0 : walk(c, names[i], depth + 1);
    } else if (S_ISREG(st.st_mode) && wanted(names[i])) {
      rc = push(c, names[i]);
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
  if (strcmp(path, "-") && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
    int seen = walked(c, &st);
    return seen < 0 ? -1 : seen ? 0 : walk(c, path, 0);
  }
  if (!strcmp(path, "-") || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
    c->sized = 0;
  else
    c->bytes += (unsigned long long)st.st_size;
  return push(c, path);
}

void
corpus_free(corpus *c)
{
  size_t i;
  for (i = 0; i < c->n; i++)
    free(c->paths[i]);
  free(c->paths);
  free(c->dirs);
  memset(c, 0, sizeof *c);
}
