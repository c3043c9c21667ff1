/* seen.c: the article ids of a run, each with where it was first read. */
#include "seen.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct seen_entry {
  char *id, *where; /* owned; NULL: an empty slot */
};

static size_t
hash(const char *s)
{
  uint64_t h = 14695981039346656037ULL; /* FNV-1a: ids are not hostile */
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 1099511628211ULL;
  return (size_t)h;
}

static seen_entry *
slot(seen_entry *slots, size_t cap, const char *id)
{
  size_t i = hash(id) & (cap - 1);
  while (slots[i].id && strcmp(slots[i].id, id))
    i = (i + 1) & (cap - 1);
  return &slots[i];
}

static int
grow(seen *s)
{
  size_t nc = s->cap ? s->cap * 2 : 256, i;
  seen_entry *p = calloc(nc, sizeof *p);
  if (!p)
    return -1;
  for (i = 0; i < s->cap; i++)
    if (s->slots[i].id)
      *slot(p, nc, s->slots[i].id) = s->slots[i];
  free(s->slots);
  s->slots = p;
  s->cap = nc;
  return 0;
}

void
seen_init(seen *s)
{
  memset(s, 0, sizeof *s);
}

int
seen_add(seen *s, const char *id, const char *where, const char **first)
{
  seen_entry *e;
  if ((s->n + 1) * 2 > s->cap && grow(s))
    return -1;
  e = slot(s->slots, s->cap, id);
  if (e->id) {
    *first = e->where;
    return 1;
  }
  e->id = strdup(id);
  e->where = strdup(where);
  if (!e->id || !e->where) {
    free(e->id);
    free(e->where);
    e->id = e->where = NULL;
    return -1;
  }
  s->n++;
  return 0;
}

void
seen_free(seen *s)
{
  size_t i;
  for (i = 0; i < s->cap; i++) {
    free(s->slots[i].id);
    free(s->slots[i].where);
  }
  free(s->slots);
  memset(s, 0, sizeof *s);
}
