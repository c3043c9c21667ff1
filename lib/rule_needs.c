/* rule_needs.c: the words and gazetteer forms a rule's pattern must find
 * in a sentence, bound to the engine's clauses of literals and scan
 * slots, so that a rule skips the sentences that lack them as it skips
 * those its needs line rules out. */
#include <string.h>

#include "alloc.h"
#include "engine.h"
#include "pattern.h"

/* Binds one need: its literals to a clause, its gazetteer references to
 * their slots. 1 when it cannot be told so. */
static int
bind_one(kkachi_engine *e, kk_rule *r, const kk_pneed *c, kk_implied *out)
{
  size_t i;
  int rc;

  out->nslot = 0;
  out->clause = 0;
  if (!(out->slot = kkachi__calloc(c->nref + 1, sizeof *out->slot)))
    return KKACHI_ENOMEM;
  for (i = 0; i < c->nref; i++) {
    if (c->ref[i] >= r->nrefs)
      return 1;
    out->slot[out->nslot++] = r->refs[c->ref[i]].slot;
  }
  if (!c->nlit)
    return 0;
  if (!e->implied && (rc = kkachi__implied_new(&e->implied)))
    return rc;
  if ((rc = kkachi__implied_clause(e->implied, c->lit, c->nlit,
                                   &out->clause)))
    return rc;
  out->clause++;
  e->implied_langs |= kkachi__engine_lang_bit(e, r->lang, 1);
  return 0;
}

int
kkachi__rule_bind_implied(kkachi_engine *e, kk_rule *r, const char *pat,
                          size_t n)
{
  kk_pattern p = KK_PATTERN_INIT;
  kk_pneed *need = NULL;
  size_t nneed = 0, i;
  int rc;

  if ((rc = kkachi__pattern_parse(&p, pat, n))) {
    kkachi__pattern_clear(&p);
    /* not read: nothing implied */
    return rc == KKACHI_ESYNTAX || rc == KKACHI_ELIMIT ? 0 : rc;
  }
  rc = kkachi__pattern_needs(&p, r->frame ? KK_PNEEDS_MENTIONS : 0, &need,
                             &nneed);
  kkachi__pattern_clear(&p);
  if (!rc && nneed
      && !(r->implied = kkachi__calloc(nneed, sizeof *r->implied)))
    rc = KKACHI_ENOMEM;
  for (i = 0; i < nneed && !rc; i++) {
    kk_implied *im = &r->implied[r->nimplied];
    if ((rc = bind_one(e, r, &need[i], im))) {
      kkachi__free(im->slot);
      memset(im, 0, sizeof *im);
      if (rc == 1) /* this one is not told */
        rc = 0;
    } else
      r->nimplied++;
  }
  kkachi__pattern_needs_free(need, nneed);
  return rc;
}

int
kkachi__rule_need_clause(kkachi_engine *e, kk_rule *r, char *const *lits,
                         size_t n)
{
  int rc;
  if (!e->implied && (rc = kkachi__implied_new(&e->implied)))
    return rc;
  if ((rc = kkachi__implied_clause(e->implied, lits, n, &r->need_clause)))
    return rc;
  r->need_clause++;
  e->implied_langs |= kkachi__engine_lang_bit(e, r->lang, 1);
  return 0;
}

int
kkachi__rules_implied_slot(kkachi_engine *e)
{
  size_t i;
  int rc = 0;
  if (!e->implied)
    return 0;
  for (i = 0; i < e->nlangs && !rc; i++)
    if (e->implied_langs & (1u << i))
      rc = kkachi__engine_exact_slot(e, kkachi__implied_words(e->implied),
                                     e->langs[i], &e->implied_slot);
  return rc;
}
