/* cpset.h: sets of Unicode code points as sorted ranges, for what a
 * pattern's character classes may match. */
#ifndef KK_CPSET_H
#define KK_CPSET_H

#include <stddef.h>
#include <stdint.h>

#define KK_CP_MAX 0x10FFFFu

/* Ranges [lo, hi] (r[2k], r[2k+1]), sorted, apart and not touching once
 * normalised. The struct is the caller's, the ranges owned by it. */
typedef struct kk_cpset {
  uint32_t *r;
  size_t n, cap; /* ranges, and room for them */
} kk_cpset;

#define KK_CPSET_INIT                                                         \
  {                                                                           \
    NULL, 0, 0                                                                \
  }

void kkachi__cpset_clear(kk_cpset *s);

/* Adds [lo, hi] (lo <= hi <= KK_CP_MAX). */
int kkachi__cpset_add(kk_cpset *s, uint32_t lo, uint32_t hi);

/* Adds every range of b. */
int kkachi__cpset_add_set(kk_cpset *s, const kk_cpset *b);

/* Replaces s with the code points not in it. */
int kkachi__cpset_invert(kk_cpset *s);

/* Whether c is in s (s normalised). */
int kkachi__cpset_has(const kk_cpset *s, uint32_t c);

/* Whether s is every code point. */
int kkachi__cpset_full(const kk_cpset *s);

/* Copies b into s (replacing what s held). */
int kkachi__cpset_copy(kk_cpset *s, const kk_cpset *b);

/* Whether a and b hold the same code points (both normalised). */
int kkachi__cpset_equal(const kk_cpset *a, const kk_cpset *b);

#endif
