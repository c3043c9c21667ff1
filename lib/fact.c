/* fact.c: building facts: slots, evidence, lookup of an equal fact. */
#include <string.h>

#include "alloc.h"
#include "fact.h"

int
kkachi__push_ptr(void ***arr, size_t *n, size_t *cap, void *p)
{
  if (*n == *cap) {
    size_t c = *cap ? *cap * 2 : 8;
    void **a = kkachi__realloc(*arr, c * sizeof *a);
    if (!a)
      return KKACHI_ENOMEM;
    *arr = a;
    *cap = c;
  }
  (*arr)[(*n)++] = p;
  return 0;
}

/* Adds a copy of s to a string list unless it is there already. */
int
kkachi__add_unique(char ***list, size_t *n, const char *s)
{
  size_t i, cap;
  char *c;
  for (i = 0; i < *n; i++)
    if (!strcmp((*list)[i], s))
      return 0;
  if (!(c = kkachi__strdup(s)))
    return KKACHI_ENOMEM;
  cap = *n;
  if (kkachi__push_ptr((void ***)list, n, &cap, c)) {
    kkachi__free(c);
    return KKACHI_ENOMEM;
  }
  return 0;
}

int
kkachi__fact_add_ev(kk_fact *f, const kk_evidence *ev)
{
  size_t i;
  for (i = 0; i < f->nev; i++)
    if (f->ev[i].begin == ev->begin && f->ev[i].end == ev->end)
      return 0;
  if (f->nev == KK_MAX_EVIDENCE)
    return 0;
  if (f->nev == f->capev) {
    size_t cap = f->capev ? f->capev * 2 : 2;
    kk_evidence *p = kkachi__realloc(f->ev, cap * sizeof *p);
    if (!p)
      return KKACHI_ENOMEM;
    f->ev = p;
    f->capev = cap;
  }
  f->ev[f->nev++] = *ev;
  return 0;
}

int
kkachi__fact_add_mention(kk_fact *f, const kk_mention *m)
{
  kk_evidence ev;
  memset(&ev, 0, sizeof ev);
  ev.begin = m->begin;
  ev.end = m->end;
  ev.rule_id = m->rule->id;
  ev.sentence = m->sentence;
  return kkachi__fact_add_ev(f, &ev);
}

int
kkachi__fact_set(kk_fact *f, const char *role, const char *value)
{
  size_t i;
  char *v;
  if (!value)
    return 0;
  for (i = 0; i < f->nslots; i++)
    if (!strcmp(f->slot[i].role, role))
      return 0; /* the first value read stays */
  if (f->nslots == KK_MAX_SLOTS)
    return KKACHI_ELIMIT;
  if (!(v = kkachi__strdup(value)))
    return KKACHI_ENOMEM;
  f->slot[f->nslots].role = role;
  f->slot[f->nslots].value = v;
  f->nslots++;
  return 0;
}

int
kkachi__fact_new(kkachi_result *r, const char *family, kk_fact **out)
{
  kk_fact *f = kkachi__calloc(1, sizeof *f);
  if (!f)
    return KKACHI_ENOMEM;
  f->family = family;
  if (kkachi__push_ptr((void ***)&r->facts, &r->nfacts, &r->capfacts, f)) {
    kkachi__free(f);
    return KKACHI_ENOMEM;
  }
  *out = f;
  return 0;
}

int
kkachi__same(const char *a, const char *b)
{
  return (!a && !b) || (a && b && !strcmp(a, b));
}

int
kkachi__last_words(const char *outer, const char *inner)
{
  size_t n, m;
  if (!outer || !inner)
    return 0;
  n = strlen(outer);
  m = strlen(inner);
  return m > 0 && n > m + 1 && outer[n - m - 1] == ' '
         && !strcmp(outer + n - m, inner);
}

/* Finds an earlier fact of the family whose roles equal the given ones. */
kk_fact *
kkachi__fact_find(kkachi_result *r, const char *family,
                  const char *const *roles, const char *const *values,
                  size_t n)
{
  size_t i, k;
  for (i = 0; i < r->nfacts; i++) {
    kk_fact *f = r->facts[i];
    if (f->dropped || strcmp(f->family, family))
      continue;
    for (k = 0; k < n; k++)
      if (!kkachi__same(kkachi__slot(f->slot, f->nslots, roles[k]), values[k]))
        break;
    if (k == n)
      return f;
  }
  return NULL;
}

int
kkachi__fact_fold(kk_fact *from, kk_fact *into)
{
  size_t k;
  for (k = 0; k < from->nev; k++)
    if (kkachi__fact_add_ev(into, &from->ev[k]))
      return KKACHI_ENOMEM;
  from->dropped = 1;
  return 0;
}
