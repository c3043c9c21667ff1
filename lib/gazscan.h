/* gazscan.h: finds every place a gazetteer's forms occur in a text, once
 * per article, so that rules look candidates up instead of searching. */
#ifndef KK_GAZSCAN_H
#define KK_GAZSCAN_H

#include <stddef.h>
#include <stdint.h>

#include "gazetteer.h"

/* A gazetteer's forms as a trie over code points, with the shape a
 * candidate may have: at most maxw words of at most maxcp code points,
 * one ASCII space apart (a form may be written with one more space than
 * listed, or with its spaces left out). */
typedef struct kk_gazscan kk_gazscan;

/* Builds the trie of g's forms. With exact set, forms are found only as
 * written (literals); else as gazetteer candidates. *out is owned by the
 * caller (free with kkachi__gazscan_free). */
int kkachi__gazscan_new(kk_gazscan **out, const kk_gazetteer *g, int exact);
void kkachi__gazscan_free(kk_gazscan *t);

/* The candidate shape: words, and code points per word. */
size_t kkachi__gazscan_maxw(const kk_gazscan *t);
size_t kkachi__gazscan_maxcp(const kk_gazscan *t);

/* The places [b,e) (byte offsets) where a form occurs in a text, sorted,
 * and a bit per byte offset where one begins. The buffers are kept and
 * reused from text to text; the caller owns the struct. */
typedef struct kk_gazspans {
  size_t *span; /* b0, e0, b1, e1, ... */
  size_t n, cap;
  uint64_t *starts;
  size_t capwords;
  /* where each beginning's spans are, by the rank of its bit in starts:
   * rank[w] beginnings lie before word w of starts, and the spans of the
   * k-th one begin at span[2 * first[k]] (kkachi__gazspans_index) */
  uint32_t *rank, *first;
  size_t caprank, capfirst, nwords, nfirst;
} kk_gazspans;

#define KK_GAZSPANS_INIT                                                      \
  {                                                                           \
    NULL, 0, 0, NULL, 0, NULL, NULL, 0, 0, 0, 0                               \
  }

void kkachi__gazspans_clear(kk_gazspans *sp);

/* Finds every occurrence in s[0..n) (valid UTF-8) that kkachi__gazetteer_find
 * would accept as a candidate of t's shape, replacing what sp held. */
int kkachi__gazscan_run(const kk_gazscan *t, const char *s, size_t n,
                        kk_gazspans *sp);

/* kkachi__gazscan_run in steps, for a pass that serves several tries:
 * empty sp for a text of n bytes, then give every position at of the
 * text in order, with its code point c and the offset i after it, then
 * index what was found (kkachi__gazspans_index). */
int kkachi__gazspans_reset(kk_gazspans *sp, size_t n);
int kkachi__gazspans_index(kk_gazspans *sp);
int kkachi__gazscan_at(const kk_gazscan *t, const char *s, size_t n, size_t at,
                       uint32_t c, size_t i, kk_gazspans *sp);

/* A bit per code point below 65536 that may begin a form (1024 words,
 * borrowed from t): elsewhere kkachi__gazscan_at finds nothing. */
const uint64_t *kkachi__gazscan_firsts(const kk_gazscan *t);

/* Whether a form occurs at exactly [b,e). */
int kkachi__gazspans_has(const kk_gazspans *sp, size_t b, size_t e);

/* Whether a form begins at b. */
int kkachi__gazspans_starts(const kk_gazspans *sp, size_t b);

/* The first place at or after b where a form begins, if before e: 1 and
 * *at set, else 0. */
int kkachi__gazspans_next(const kk_gazspans *sp, size_t b, size_t e,
                          size_t *at);

/* Whether a form occurs wholly inside [b,e). */
int kkachi__gazspans_within(const kk_gazspans *sp, size_t b, size_t e);

#endif
