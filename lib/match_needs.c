/* match_needs.c: which scan slots find a form inside each sentence, seen
 * once per sentence, so that each rule's needs cost a few bit tests. */
#include <string.h>

#include "alloc.h"
#include "engine.h"

int
kkachi__needs_text(kkachi_engine *e)
{
  size_t words = e->nscan / 64 + 1;
  if (e->nscan > e->scancap || !e->present) {
    size_t *cur = kkachi__realloc(e->scancur,
                                  (e->nscan + 1) * sizeof *cur);
    uint64_t *bits;
    if (!cur)
      return KKACHI_ENOMEM;
    e->scancur = cur;
    if (!(bits = kkachi__realloc(e->present, words * sizeof *bits)))
      return KKACHI_ENOMEM;
    e->present = bits;
    e->scancap = e->nscan;
  }
  memset(e->scancur, 0, (e->nscan + 1) * sizeof *e->scancur);
  memset(e->present, 0, words * sizeof *e->present);
  return e->implied ? kkachi__implied_text(e->implied) : 0;
}

/* Whether slot k's spans hold one inside [b, e), moving its cursor past
 * those that begin before b: sentences come in order. */
static int
within(kkachi_engine *e, size_t k, size_t b, size_t end)
{
  const kk_gazspans *sp = &e->scan[k].spans;
  size_t i = e->scancur[k];
  if (i && sp->span[2 * (i - 1)] >= b) /* a sentence out of order */
    i = 0;
  while (i < sp->n && sp->span[2 * i] < b)
    i++;
  e->scancur[k] = i;
  for (; i < sp->n && sp->span[2 * i] < end; i++)
    if (sp->span[2 * i + 1] <= end)
      return 1;
  return 0;
}

void
kkachi__needs_sentence(kkachi_engine *e, const char *text,
                       const kk_sentence *s)
{
  size_t k;
  if (e->implied && e->implied_slot != KK_NO_SLOT)
    kkachi__implied_sentence(e->implied, text,
                             &e->scan[e->implied_slot].spans, s->begin,
                             s->end);
  for (k = 0; k < e->nscan; k++) {
    uint64_t bit = (uint64_t)1 << (k & 63);
    if (within(e, k, s->begin, s->end))
      e->present[k >> 6] |= bit;
    else
      e->present[k >> 6] &= ~bit;
  }
}

static int
present(const kkachi_engine *e, size_t k)
{
  return (e->present[k >> 6] >> (k & 63)) & 1;
}

/* Whether one of the slots finds a form in the sentence. */
static int
any(const kkachi_engine *e, const size_t *slot, size_t n)
{
  size_t i;
  for (i = 0; i < n; i++)
    if (present(e, slot[i]))
      return 1;
  return 0;
}

int
kkachi__needs_met(const kkachi_engine *e, const kk_rule *r)
{
  size_t i;
  if ((r->nneed_slots || r->need_clause)
      && !(r->need_clause && kkachi__implied_met(e->implied,
                                                 r->need_clause - 1))
      && !any(e, r->need_slot, r->nneed_slots))
    return 0;
  for (i = 0; i < r->nimplied; i++) {
    const kk_implied *im = &r->implied[i];
    if (!(im->clause && kkachi__implied_met(e->implied, im->clause - 1))
        && !any(e, im->slot, im->nslot))
      return 0;
  }
  return 1;
}
