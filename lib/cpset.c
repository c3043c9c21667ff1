/* cpset.c: code point sets as sorted, merged ranges. */
#include "cpset.h"

#include <string.h>

#include "alloc.h"
#include "kkachi.h"

void
kkachi__cpset_clear(kk_cpset *s)
{
  kkachi__free(s->r);
  memset(s, 0, sizeof *s);
}

/* The index of the first range whose end reaches lo - 1 or past: where
 * [lo, ..] goes, merged with what touches it. */
static size_t
first_reaching(const kk_cpset *s, uint32_t lo)
{
  size_t a = 0, b = s->n;
  while (a < b) {
    size_t m = a + (b - a) / 2;
    if (s->r[2 * m + 1] + 1 < lo)
      a = m + 1;
    else
      b = m;
  }
  return a;
}

int
kkachi__cpset_add(kk_cpset *s, uint32_t lo, uint32_t hi)
{
  size_t i = first_reaching(s, lo), j = i;
  if (lo > hi || hi > KK_CP_MAX)
    return KKACHI_EINVAL;
  /* ranges i..j-1 touch or overlap [lo, hi]: they become one */
  while (j < s->n && s->r[2 * j] <= (hi == KK_CP_MAX ? hi : hi + 1))
    j++;
  if (j > i) {
    if (s->r[2 * i] < lo)
      lo = s->r[2 * i];
    if (s->r[2 * j - 1] > hi)
      hi = s->r[2 * j - 1];
    memmove(s->r + 2 * i + 2, s->r + 2 * j, 2 * (s->n - j) * sizeof *s->r);
    s->n -= j - i - 1;
  } else {
    if (s->n == s->cap) {
      size_t cap = s->cap ? s->cap * 2 : 8;
      uint32_t *p = kkachi__realloc(s->r, 2 * cap * sizeof *p);
      if (!p)
        return KKACHI_ENOMEM;
      s->r = p;
      s->cap = cap;
    }
    memmove(s->r + 2 * i + 2, s->r + 2 * i, 2 * (s->n - i) * sizeof *s->r);
    s->n++;
  }
  s->r[2 * i] = lo;
  s->r[2 * i + 1] = hi;
  return 0;
}

int
kkachi__cpset_add_set(kk_cpset *s, const kk_cpset *b)
{
  size_t k;
  int rc = 0;
  for (k = 0; k < b->n && !rc; k++)
    rc = kkachi__cpset_add(s, b->r[2 * k], b->r[2 * k + 1]);
  return rc;
}

int
kkachi__cpset_invert(kk_cpset *s)
{
  kk_cpset out = KK_CPSET_INIT;
  uint32_t next = 0;
  size_t k;
  int rc = 0;
  for (k = 0; k < s->n && !rc; k++) {
    if (s->r[2 * k] > next)
      rc = kkachi__cpset_add(&out, next, s->r[2 * k] - 1);
    next = s->r[2 * k + 1] + 1;
  }
  if (!rc && next <= KK_CP_MAX)
    rc = kkachi__cpset_add(&out, next, KK_CP_MAX);
  if (rc) {
    kkachi__cpset_clear(&out);
    return rc;
  }
  kkachi__cpset_clear(s);
  *s = out;
  return 0;
}

int
kkachi__cpset_has(const kk_cpset *s, uint32_t c)
{
  size_t i = first_reaching(s, c + 1);
  return i < s->n && s->r[2 * i] <= c && c <= s->r[2 * i + 1];
}

int
kkachi__cpset_full(const kk_cpset *s)
{
  return s->n == 1 && s->r[0] == 0 && s->r[1] == KK_CP_MAX;
}

int
kkachi__cpset_copy(kk_cpset *s, const kk_cpset *b)
{
  kkachi__cpset_clear(s);
  return kkachi__cpset_add_set(s, b);
}

int
kkachi__cpset_equal(const kk_cpset *a, const kk_cpset *b)
{
  return a->n == b->n
         && (!a->n || !memcmp(a->r, b->r, 2 * a->n * sizeof *a->r));
}
