/* strmap.c: string hash map used for gazetteers and per-article names. */
#include "strmap.h"

#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "kkachi.h"

typedef struct slot {
  char *key;
  size_t klen;
  void *value;
  uint64_t hash;
} slot;

struct kk_strmap {
  slot *slots;
  size_t cap; /* power of two */
  size_t size;
};

static uint64_t
hash(const char *s, size_t n)
{
  uint64_t h = 1469598103934665603ULL; /* FNV-1a */
  size_t i;
  for (i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211ULL;
  }
  return h;
}

int
kkachi__strmap_new(kk_strmap **out)
{
  kk_strmap *m = kkachi__calloc(1, sizeof *m);
  *out = NULL;
  if (!m)
    return KKACHI_ENOMEM;
  m->cap = 16;
  m->slots = kkachi__calloc(m->cap, sizeof *m->slots);
  if (!m->slots) {
    kkachi__free(m);
    return KKACHI_ENOMEM;
  }
  *out = m;
  return 0;
}

void
kkachi__strmap_free(kk_strmap *m)
{
  size_t i;
  if (!m)
    return;
  for (i = 0; i < m->cap; i++)
    kkachi__free(m->slots[i].key);
  kkachi__free(m->slots);
  kkachi__free(m);
}

static slot *
find(const kk_strmap *m, const char *key, size_t klen, uint64_t h)
{
  size_t i = (size_t)h & (m->cap - 1);
  for (;;) {
    slot *s = &m->slots[i];
    if (!s->key)
      return s;
    if (s->hash == h && s->klen == klen && memcmp(s->key, key, klen) == 0)
      return s;
    i = (i + 1) & (m->cap - 1);
  }
}

static int
rehash(kk_strmap *m)
{
  size_t i, old_cap = m->cap;
  slot *old = m->slots;
  slot *fresh = kkachi__calloc(old_cap * 2, sizeof *fresh);
  if (!fresh)
    return KKACHI_ENOMEM;
  m->slots = fresh;
  m->cap = old_cap * 2;
  for (i = 0; i < old_cap; i++)
    if (old[i].key)
      *find(m, old[i].key, old[i].klen, old[i].hash) = old[i];
  kkachi__free(old);
  return 0;
}

int
kkachi__strmap_put(kk_strmap *m, const char *key, size_t klen, void *value)
{
  uint64_t h = hash(key, klen);
  slot *s;

  if ((m->size + 1) * 4 > m->cap * 3) {
    int rc = rehash(m);
    if (rc)
      return rc;
  }
  s = find(m, key, klen, h);
  if (!s->key) {
    s->key = kkachi__strndup(key, klen);
    if (!s->key)
      return KKACHI_ENOMEM;
    s->klen = klen;
    s->hash = h;
    m->size++;
  }
  s->value = value;
  return 0;
}

void *
kkachi__strmap_get(const kk_strmap *m, const char *key, size_t klen)
{
  return find(m, key, klen, hash(key, klen))->value;
}

size_t
kkachi__strmap_size(const kk_strmap *m)
{
  return m->size;
}
