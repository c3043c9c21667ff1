/* implied.h: the literals rules' patterns imply (pattern_needs.c), all in
 * one list found by one trie, and the clauses (one literal of a set must
 * occur) they make up, met or not in the sentence being matched. */
#ifndef KK_IMPLIED_H
#define KK_IMPLIED_H

#include <stddef.h>
#include <stdint.h>

#include "gazetteer.h"
#include "gazscan.h"

typedef struct kk_implied_set kk_implied_set;

/* *out is owned by the caller (free with kkachi__implied_free). */
int kkachi__implied_new(kk_implied_set **out);
void kkachi__implied_free(kk_implied_set *set);

/* The clause "one of lits[0..n) occurs" (copied), made when new: *id is
 * its number, the same for the same literals in the same order. */
int kkachi__implied_clause(kk_implied_set *set, char *const *lits, size_t n,
                           size_t *id);

/* Every literal of the clauses, as a list to scan for (borrowed: it lives
 * as long as set, and grows with each new clause). */
const kk_gazetteer *kkachi__implied_words(const kk_implied_set *set);

/* Sees which clauses the sentence [b, e) of text s meets, from where the
 * words occur in s (sp, found with kkachi__implied_words); sentences are
 * given in order after kkachi__implied_text. */
int kkachi__implied_text(kk_implied_set *set);
void kkachi__implied_sentence(kk_implied_set *set, const char *s,
                              const kk_gazspans *sp, size_t b, size_t e);

/* Whether clause id is met in the last sentence given. */
int kkachi__implied_met(const kk_implied_set *set, size_t id);

#endif
