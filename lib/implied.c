/* implied.c: one list of the literals patterns imply, and per sentence
 * the clauses whose literals occur in it, marked from each occurrence. */
#include "implied.h"

#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "kkachi.h"
#include "strmap.h"

/* A literal, and the clauses it meets. */
typedef struct ilit {
  size_t *clause;
  size_t n;
} ilit;

struct kk_implied_set {
  kk_gazetteer *words; /* every literal, once; owned */
  kk_strmap *lit_ids;  /* literal -> 1 + its index in lit */
  ilit *lit;
  size_t nlit;
  kk_strmap *clause_ids; /* literals joined by NUL -> 1 + clause number */
  size_t nclause;
  uint64_t *met; /* a bit per clause, for the sentence last given */
  size_t metwords;
  size_t cur;    /* the first span not before that sentence */
};

int
kkachi__implied_new(kk_implied_set **out)
{
  kk_implied_set *set = kkachi__calloc(1, sizeof *set);
  int rc = KKACHI_ENOMEM;
  *out = NULL;
  if (!set)
    return rc;
  if ((rc = kkachi__gazetteer_new(&set->words, "(implied words)"))
      || (rc = kkachi__strmap_new(&set->lit_ids))
      || (rc = kkachi__strmap_new(&set->clause_ids))) {
    kkachi__implied_free(set);
    return rc;
  }
  *out = set;
  return 0;
}

void
kkachi__implied_free(kk_implied_set *set)
{
  size_t i;
  if (!set)
    return;
  for (i = 0; i < set->nlit; i++)
    kkachi__free(set->lit[i].clause);
  kkachi__free(set->lit);
  kkachi__gazetteer_free(set->words);
  kkachi__strmap_free(set->lit_ids);
  kkachi__strmap_free(set->clause_ids);
  kkachi__free(set->met);
  kkachi__free(set);
}

/* Records that literal w meets clause id, listing w when new. */
static int
add_lit(kk_implied_set *set, const char *w, size_t id)
{
  size_t n = strlen(w), k;
  uintptr_t v = (uintptr_t)kkachi__strmap_get(set->lit_ids, w, n);
  size_t *p;
  int rc;
  if (!v) {
    ilit *q = kkachi__realloc(set->lit, (set->nlit + 1) * sizeof *q);
    if (!q)
      return KKACHI_ENOMEM;
    set->lit = q;
    memset(&q[set->nlit], 0, sizeof *q);
    if ((rc = kkachi__gazetteer_add(set->words, w, n))
        || (rc = kkachi__strmap_put(set->lit_ids, w, n,
                                    (void *)(uintptr_t)(set->nlit + 1))))
      return rc;
    v = ++set->nlit;
  }
  k = (size_t)v - 1;
  if (set->lit[k].n && set->lit[k].clause[set->lit[k].n - 1] == id)
    return 0; /* listed twice in the clause */
  p = kkachi__realloc(set->lit[k].clause, (set->lit[k].n + 1) * sizeof *p);
  if (!p)
    return KKACHI_ENOMEM;
  set->lit[k].clause = p;
  p[set->lit[k].n++] = id;
  return 0;
}

int
kkachi__implied_clause(kk_implied_set *set, char *const *lits, size_t n,
                       size_t *id)
{
  kk_buf key = KK_BUF_INIT;
  uintptr_t v;
  size_t i;
  int rc = 0;

  for (i = 0; i < n && !rc; i++)
    rc = kkachi__buf_append(&key, lits[i], strlen(lits[i]) + 1);
  if (rc)
    goto done;
  if ((v = (uintptr_t)kkachi__strmap_get(set->clause_ids, key.data,
                                         key.len))) {
    *id = (size_t)v - 1;
    goto done;
  }
  *id = set->nclause;
  for (i = 0; i < n && !rc; i++)
    rc = add_lit(set, lits[i], *id);
  if (!rc)
    rc = kkachi__strmap_put(set->clause_ids, key.data, key.len,
                            (void *)(uintptr_t)(*id + 1));
  if (!rc)
    set->nclause++;
done:
  kkachi__buf_free(&key);
  return rc;
}

const kk_gazetteer *
kkachi__implied_words(const kk_implied_set *set)
{
  return set->words;
}

int
kkachi__implied_text(kk_implied_set *set)
{
  size_t words = set->nclause / 64 + 1;
  if (words > set->metwords) {
    uint64_t *p = kkachi__realloc(set->met, words * sizeof *p);
    if (!p)
      return KKACHI_ENOMEM;
    set->met = p;
    set->metwords = words;
  }
  memset(set->met, 0, set->metwords * sizeof *set->met);
  set->cur = 0;
  return 0;
}

void
kkachi__implied_sentence(kk_implied_set *set, const char *s,
                         const kk_gazspans *sp, size_t b, size_t e)
{
  size_t i = set->cur, j;
  memset(set->met, 0, set->metwords * sizeof *set->met);
  if (i && i <= sp->n && sp->span[2 * (i - 1)] >= b) /* out of order */
    i = 0;
  while (i < sp->n && sp->span[2 * i] < b)
    i++;
  set->cur = i;
  for (; i < sp->n && sp->span[2 * i] < e; i++) {
    size_t wb = sp->span[2 * i], we = sp->span[2 * i + 1];
    uintptr_t v;
    if (we > e
        || !(v = (uintptr_t)kkachi__strmap_get(set->lit_ids, s + wb,
                                               we - wb)))
      continue;
    for (j = 0; j < set->lit[v - 1].n; j++) {
      size_t c = set->lit[v - 1].clause[j];
      set->met[c >> 6] |= (uint64_t)1 << (c & 63);
    }
  }
}

int
kkachi__implied_met(const kk_implied_set *set, size_t id)
{
  return id < set->nclause && id / 64 < set->metwords
         && ((set->met[id >> 6] >> (id & 63)) & 1);
}
