/* gazscan_set.h: the tries of every gazetteer and word list an engine
 * scans, walked in one pass over a text instead of one pass each. */
#ifndef KK_GAZSCAN_SET_H
#define KK_GAZSCAN_SET_H

#include <stddef.h>
#include <stdint.h>

#include "gazscan.h"

/* For each code point, the tries a form of which may begin with it: a
 * text is decoded once, and at most of its code points no trie is
 * walked. */
typedef struct kk_gazscan_set kk_gazscan_set;

/* Indexes the n tries (borrowed: they must outlive the set, unchanged).
 * *out is owned by the caller (free with kkachi__gazscan_set_free). */
int kkachi__gazscan_set_new(kk_gazscan_set **out, kk_gazscan *const *tries,
                            size_t n);
void kkachi__gazscan_set_free(kk_gazscan_set *set);

/* The number of tries indexed. */
size_t kkachi__gazscan_set_size(const kk_gazscan_set *set);

/* Does what kkachi__gazscan_run does for every trie k whose spans[k] is
 * not NULL, over s[0..n) (valid UTF-8), in one pass; the spans stay the
 * caller's. */
int kkachi__gazscan_set_run(const kk_gazscan_set *set, const char *s,
                            size_t n, kk_gazspans *const *spans);

#endif
