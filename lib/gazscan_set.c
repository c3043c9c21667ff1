/* gazscan_set.c: one pass over a text for all the tries of an engine,
 * each walked only from the code points its forms may begin with. */
#include "gazscan_set.h"

#include <string.h>

#include "alloc.h"
#include "kkachi.h"
#include "utf8.h"

#define KK_BMP 65536u
#define KK_END UINT32_MAX

struct kk_gazscan_set {
  kk_gazscan **tries; /* the array owned, the tries borrowed */
  size_t n;
  uint32_t *at;   /* per code point below 65536: 1 + where its tries are
                     listed in list, or 0 for none */
  uint32_t *list; /* trie numbers, each code point's ended by KK_END */
};

/* Counts, per code point, the tries that may begin with it. */
static void
count_firsts(kk_gazscan *const *tries, size_t n, uint32_t *count)
{
  size_t k, w;
  for (k = 0; k < n; k++) {
    const uint64_t *bits = kkachi__gazscan_firsts(tries[k]);
    for (w = 0; w < KK_BMP / 64; w++) {
      uint64_t b = bits[w];
      while (b) {
        unsigned j = (unsigned)__builtin_ctzll(b);
        count[w * 64 + j]++;
        b &= b - 1;
      }
    }
  }
}

/* Lists each code point's tries, in trie order, from their counts. */
static int
fill(kk_gazscan_set *set, uint32_t *count)
{
  size_t total = 0, c, k, w;
  for (c = 0; c < KK_BMP; c++)
    if (count[c]) {
      set->at[c] = (uint32_t)total + 1;
      total += count[c] + 1;
      count[c] = 0; /* from now on, how many are listed */
    }
  if (total >= KK_END)
    return KKACHI_ELIMIT;
  if (!(set->list = kkachi__malloc((total + 1) * sizeof *set->list)))
    return KKACHI_ENOMEM;
  for (c = 0; c <= total; c++)
    set->list[c] = KK_END;
  for (k = 0; k < set->n; k++) {
    const uint64_t *bits = kkachi__gazscan_firsts(set->tries[k]);
    for (w = 0; w < KK_BMP / 64; w++) {
      uint64_t b = bits[w];
      while (b) {
        c = w * 64 + (unsigned)__builtin_ctzll(b);
        set->list[set->at[c] - 1 + count[c]++] = (uint32_t)k;
        b &= b - 1;
      }
    }
  }
  return 0;
}

int
kkachi__gazscan_set_new(kk_gazscan_set **out, kk_gazscan *const *tries,
                        size_t n)
{
  kk_gazscan_set *set = kkachi__calloc(1, sizeof *set);
  uint32_t *count = kkachi__calloc(KK_BMP, sizeof *count);
  int rc = KKACHI_ENOMEM;

  *out = NULL;
  if (!set || !count)
    goto fail;
  set->n = n;
  set->tries = kkachi__malloc((n ? n : 1) * sizeof *set->tries);
  set->at = kkachi__calloc(KK_BMP, sizeof *set->at);
  if (!set->tries || !set->at)
    goto fail;
  if (n)
    memcpy(set->tries, tries, n * sizeof *tries);
  count_firsts(tries, n, count);
  if ((rc = fill(set, count)))
    goto fail;
  kkachi__free(count);
  *out = set;
  return 0;
fail:
  kkachi__free(count);
  kkachi__gazscan_set_free(set);
  return rc;
}

void
kkachi__gazscan_set_free(kk_gazscan_set *set)
{
  if (!set)
    return;
  kkachi__free(set->tries);
  kkachi__free(set->at);
  kkachi__free(set->list);
  kkachi__free(set);
}

size_t
kkachi__gazscan_set_size(const kk_gazscan_set *set)
{
  return set->n;
}

/* Walks, from s[at] (code point c, next one at i), the tries of c that
 * are asked for; above 65536, every trie asked for looks for itself. */
static int
step(const kk_gazscan_set *set, const char *s, size_t n, size_t at,
     uint32_t c, size_t i, kk_gazspans *const *spans)
{
  const uint32_t *k;
  size_t j;
  int rc;
  if (c >= KK_BMP) {
    for (j = 0; j < set->n; j++)
      if (spans[j]
          && (rc = kkachi__gazscan_at(set->tries[j], s, n, at, c, i,
                                      spans[j])))
        return rc;
    return 0;
  }
  if (!set->at[c])
    return 0;
  for (k = set->list + set->at[c] - 1; *k != KK_END; k++)
    if (spans[*k]
        && (rc = kkachi__gazscan_at(set->tries[*k], s, n, at, c, i,
                                    spans[*k])))
      return rc;
  return 0;
}

int
kkachi__gazscan_set_run(const kk_gazscan_set *set, const char *s, size_t n,
                        kk_gazspans *const *spans)
{
  size_t i = 0, k;
  int rc;

  for (k = 0; k < set->n; k++)
    if (spans[k] && (rc = kkachi__gazspans_reset(spans[k], n)))
      return rc;
  while (i < n) {
    size_t at = i;
    uint32_t c = kkachi__utf8_next(s, &i);
    if ((rc = step(set, s, n, at, c, i, spans)))
      return rc;
  }
  for (k = 0; k < set->n; k++)
    if (spans[k] && (rc = kkachi__gazspans_index(spans[k])))
      return rc;
  return 0;
}
