/* pattern_needs.c: the literals and gazetteer forms every match of a
 * pattern must hold, as a conjunction of alternatives: what a rule's
 * needs line says by hand, read from the pattern itself. */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "kkachi.h"
#include "pattern.h"
#include "utf8.h"

#define KK_PNEED_ATOMS 256 /* a need of more alternatives tells too little */
#define KK_PNEED_SPREAD 16 /* alternatives multiply needs up to this many */
#define KK_PNEED_SIMPLIFY 8 /* literals compared with each other, at most */

/* A literal, by its bytes in the work's text. */
typedef struct word {
  uint32_t off, len;
} word;

/* A need being worked out: one of the words, or a form of one of the
 * gazetteer references. */
typedef struct need {
  word *w;
  size_t nw, capw;
  uint32_t *ref;
  size_t nref, capref;
} need;

/* A conjunction of needs. */
typedef struct needs {
  need *c;
  size_t n, cap;
} needs;

/* The work: the pattern, and the literals' bytes. */
typedef struct work {
  const kk_pattern *p;
  kk_buf text;
  int over_mentions; /* KK_PNEEDS_MENTIONS */
} work;

/* Whether c ends a word a scan finds: white space; over mentions, also
 * what a mention's token is written with. */
static int
breaks(const work *wk, uint32_t c)
{
  return kkachi__is_space(c)
         || (wk->over_mentions
             && ((c | 0x20) - 'a' < 26 || c == ':' || c == 0xE000
                 || c == 0xE001));
}

static void
need_clear(need *c)
{
  kkachi__free(c->w);
  kkachi__free(c->ref);
  memset(c, 0, sizeof *c);
}

static void
needs_clear(needs *ns)
{
  size_t i;
  for (i = 0; i < ns->n; i++)
    need_clear(&ns->c[i]);
  kkachi__free(ns->c);
  memset(ns, 0, sizeof *ns);
}

static int
add_word(need *c, word w)
{
  if (c->nw == c->capw) {
    size_t cap = c->capw ? c->capw * 2 : 4;
    word *p = kkachi__realloc(c->w, cap * sizeof *p);
    if (!p)
      return KKACHI_ENOMEM;
    c->w = p;
    c->capw = cap;
  }
  c->w[c->nw++] = w;
  return 0;
}

static int
add_ref(need *c, uint32_t ref)
{
  size_t i;
  for (i = 0; i < c->nref; i++)
    if (c->ref[i] == ref)
      return 0;
  if (c->nref == c->capref) {
    size_t cap = c->capref ? c->capref * 2 : 4;
    uint32_t *p = kkachi__realloc(c->ref, cap * sizeof *p);
    if (!p)
      return KKACHI_ENOMEM;
    c->ref = p;
    c->capref = cap;
  }
  c->ref[c->nref++] = ref;
  return 0;
}

/* How many alternatives a need has (a word listed twice counts twice). */
static size_t
atoms(const need *c)
{
  return c->nw + c->nref;
}

/* Adds the alternatives of b to a. */
static int
add_need(need *a, const need *b)
{
  size_t i;
  int rc = 0;
  for (i = 0; i < b->nw && !rc; i++)
    rc = add_word(a, b->w[i]);
  for (i = 0; i < b->nref && !rc; i++)
    rc = add_ref(a, b->ref[i]);
  return rc;
}

/* Moves *c into ns (c is left empty); one of too many alternatives is
 * dropped, which only tells less. */
static int
push(needs *ns, need *c)
{
  if (atoms(c) > KK_PNEED_ATOMS || !atoms(c)) {
    need_clear(c);
    return 0;
  }
  if (ns->n == ns->cap) {
    size_t cap = ns->cap ? ns->cap * 2 : 4;
    need *p = kkachi__realloc(ns->c, cap * sizeof *p);
    if (!p) {
      need_clear(c);
      return KKACHI_ENOMEM;
    }
    ns->c = p;
    ns->cap = cap;
  }
  ns->c[ns->n++] = *c;
  memset(c, 0, sizeof *c);
  return 0;
}

/* Moves every need of b into a. */
static int
and_into(needs *a, needs *b)
{
  size_t i;
  int rc = 0;
  for (i = 0; i < b->n; i++)
    if (!rc)
      rc = push(a, &b->c[i]);
    else
      need_clear(&b->c[i]);
  b->n = 0;
  needs_clear(b);
  return rc;
}

/* How much a need tells: the length of its shortest word, in code
 * points (a gazetteer form counts as three). */
static size_t
score(const work *wk, const need *c)
{
  size_t best = c->nref ? 3 : (size_t)-1, i;
  for (i = 0; i < c->nw; i++) {
    size_t cp = kkachi__utf8_count(wk->text.data + c->w[i].off, c->w[i].len);
    if (cp < best)
      best = cp;
  }
  return best;
}

static int req(work *wk, uint32_t node, needs *out);

/* The most telling need of ns. */
static const need *
best(const work *wk, const needs *ns)
{
  size_t i, b = 0;
  for (i = 1; i < ns->n; i++)
    if (score(wk, &ns->c[i]) > score(wk, &ns->c[b]))
      b = i;
  return &ns->c[b];
}

/* Needs of alternatives b1|b2|...: one of each alternative's, for every
 * choice of one need per alternative, while they are few; past that,
 * each alternative's most telling need, joined into one. */
static int
spread(work *wk, needs *acc, const needs *b)
{
  needs next = { NULL, 0, 0 };
  size_t i, j;
  int rc = 0;
  if (acc->n * b->n > KK_PNEED_SPREAD) {
    need one;
    memset(&one, 0, sizeof one);
    if (!(rc = add_need(&one, best(wk, acc))) &&
        !(rc = add_need(&one, best(wk, b))))
      rc = push(&next, &one);
    need_clear(&one);
  } else
    for (i = 0; i < acc->n && !rc; i++)
      for (j = 0; j < b->n && !rc; j++) {
        need one;
        memset(&one, 0, sizeof one);
        if (!(rc = add_need(&one, &acc->c[i]))
            && !(rc = add_need(&one, &b->c[j])))
          rc = push(&next, &one);
        need_clear(&one);
      }
  needs_clear(acc);
  *acc = next;
  return rc;
}

/* An alternative that needs nothing makes the whole need nothing. */
static int
req_alt(work *wk, uint32_t node, needs *out)
{
  const kk_pattern *p = wk->p;
  needs acc = { NULL, 0, 0 };
  uint32_t k;
  int rc = 0, first = 1;
  for (k = p->node[node].kid; k != KK_PNONE && !rc; k = p->node[k].next) {
    needs b = { NULL, 0, 0 };
    if ((rc = req(wk, k, &b)))
      break;
    if (!b.n || (!first && !acc.n)) {
      needs_clear(&b);
      needs_clear(&acc);
      return 0;
    }
    if (first)
      rc = and_into(&acc, &b);
    else if (acc.n == 1 && b.n == 1) { /* the common case, in place */
      if (!(rc = add_need(&acc.c[0], &b.c[0]))
          && atoms(&acc.c[0]) > KK_PNEED_ATOMS) {
        needs_clear(&b);
        needs_clear(&acc);
        return 0; /* too many alternatives to tell anything */
      }
    } else
      rc = spread(wk, &acc, &b);
    first = 0;
    needs_clear(&b);
  }
  if (!rc)
    rc = and_into(out, &acc);
  needs_clear(&acc);
  return rc;
}

/* Ends a run of literal characters: the run is needed, or rather its
 * longest stretch without white space, which a scan for words finds
 * wherever it occurs (gazscan.c), and, over mentions, without what a
 * token may hold: the rest of such a text is the sentence's own. */
static int
flush(work *wk, const char *run, size_t n, needs *out)
{
  size_t i = 0, b = 0, at = 0, len = 0;
  need one;
  word w;
  int rc;
  while (i < n) {
    uint32_t c = kkachi__utf8_next(run, &i);
    if (breaks(wk, c))
      b = i;
    else if (i - b > len) {
      at = b;
      len = i - b;
    }
  }
  if (!len)
    return 0;
  w.off = (uint32_t)wk->text.len;
  w.len = (uint32_t)len;
  if ((rc = kkachi__buf_append(&wk->text, run + at, len)))
    return rc;
  memset(&one, 0, sizeof one);
  if (!(rc = add_word(&one, w)))
    rc = push(out, &one);
  need_clear(&one);
  return rc;
}

/* A sequence needs what each item needs, and each run of characters. */
static int
req_seq(work *wk, uint32_t node, needs *out)
{
  const kk_pattern *p = wk->p;
  uint32_t k, b = 0, e = 0; /* the run, in the pattern's text */
  int rc = 0;
  for (k = p->node[node].kid; k != KK_PNONE && !rc; k = p->node[k].next) {
    const kk_pnode *n = &p->node[k];
    if (n->kind == KP_LIT && (b == e || n->lit == e)) {
      if (b == e)
        b = n->lit;
      e = n->lit + n->nlit;
      continue;
    }
    if (b < e && (rc = flush(wk, p->text + b, e - b, out)))
      break;
    b = e = 0;
    if (n->kind == KP_LIT) {
      b = n->lit;
      e = n->lit + n->nlit;
    } else {
      needs sub = { NULL, 0, 0 };
      if (!(rc = req(wk, k, &sub)))
        rc = and_into(out, &sub);
      needs_clear(&sub);
    }
  }
  if (!rc && b < e)
    rc = flush(wk, p->text + b, e - b, out);
  return rc;
}

static int
req(work *wk, uint32_t node, needs *out)
{
  const kk_pnode *n = &wk->p->node[node];
  need one;
  int rc;
  switch (n->kind) {
  case KP_SEQ:
    return req_seq(wk, node, out);
  case KP_ALT:
    return req_alt(wk, node, out);
  case KP_REPEAT:
    return n->min ? req(wk, n->kid, out) : 0;
  case KP_LOOK: /* what a positive assertion matches is in the subject */
    return n->negative ? 0 : req(wk, n->kid, out);
  case KP_LIT: /* alone, outside a sequence */
    return flush(wk, wk->p->text + n->lit, n->nlit, out);
  case KP_GAZ:
    memset(&one, 0, sizeof one);
    if (!(rc = add_ref(&one, n->c)))
      rc = push(out, &one);
    need_clear(&one);
    return rc;
  default:
    return 0;
  }
}

/* For qsort_r-less sorting: the text the words being sorted are in. */
typedef struct sorted {
  const char *s;
  word w;
} sorted;

static int
by_length(const void *a, const void *b)
{
  const sorted *x = a, *y = b;
  if (x->w.len != y->w.len)
    return x->w.len < y->w.len ? -1 : 1;
  return memcmp(x->s + x->w.off, y->s + y->w.off, x->w.len);
}

/* Whether word a occurs in word b. */
static int
occurs(const char *s, word a, word b)
{
  uint32_t i;
  for (i = 0; i + a.len <= b.len; i++)
    if (!memcmp(s + b.off + i, s + a.off, a.len))
      return 1;
  return 0;
}

/* Writes c out as a kk_pneed: its words sorted, shortest first, each
 * that holds another left out (where it occurs, so does the other), the
 * same one twice told once. */
static int
write_need(const work *wk, const need *c, kk_pneed *out)
{
  const char *s = wk->text.data;
  sorted *v = kkachi__calloc(c->nw + 1, sizeof *v);
  size_t i, j, k = 0;
  int rc = 0;

  memset(out, 0, sizeof *out);
  out->lit = kkachi__calloc(c->nw + 1, sizeof *out->lit);
  out->ref = kkachi__calloc(c->nref + 1, sizeof *out->ref);
  if (!v || !out->lit || !out->ref) {
    kkachi__free(v);
    return KKACHI_ENOMEM;
  }
  for (i = 0; i < c->nw; i++) {
    v[i].s = s;
    v[i].w = c->w[i];
  }
  qsort(v, c->nw, sizeof *v, by_length);
  for (i = 0; i < c->nw && !rc; i++) {
    int held = 0;
    for (j = 0; j < k && !held; j++) /* the same one: the one before */
      held = (j < KK_PNEED_SIMPLIFY || j + 1 == k)
             && occurs(s, v[j].w, v[i].w);
    if (held)
      continue;
    v[k++] = v[i];
    if (!(out->lit[out->nlit] = kkachi__strndup(s + v[i].w.off,
                                                v[i].w.len)))
      rc = KKACHI_ENOMEM;
    else
      out->nlit++;
  }
  if (c->nref)
    memcpy(out->ref, c->ref, c->nref * sizeof *c->ref);
  out->nref = c->nref;
  kkachi__free(v);
  return rc;
}

/* Whether every alternative of a is one of b's: then b tells nothing
 * more than a. */
static int
within(const kk_pneed *a, const kk_pneed *b)
{
  size_t i, j;
  for (i = 0; i < a->nlit; i++) {
    for (j = 0; j < b->nlit && strcmp(a->lit[i], b->lit[j]); j++)
      ;
    if (j == b->nlit)
      return 0;
  }
  for (i = 0; i < a->nref; i++) {
    for (j = 0; j < b->nref && a->ref[i] != b->ref[j]; j++)
      ;
    if (j == b->nref)
      return 0;
  }
  return 1;
}

static void
pneed_clear(kk_pneed *c)
{
  size_t j;
  for (j = 0; j < c->nlit; j++)
    kkachi__free(c->lit[j]);
  kkachi__free(c->lit);
  kkachi__free(c->ref);
  memset(c, 0, sizeof *c);
}

void
kkachi__pattern_needs_free(kk_pneed *c, size_t n)
{
  size_t i;
  for (i = 0; i < n; i++)
    pneed_clear(&c[i]);
  kkachi__free(c);
}

/* Writes out the most telling needs of ns, at most KK_PNEEDS_MAX, each
 * told once. */
static int
finish(const work *wk, needs *ns, kk_pneed **out, size_t *n)
{
  size_t i, j, *sc = kkachi__calloc(ns->n + 1, sizeof *sc), *order;
  int rc = 0;

  order = kkachi__calloc(ns->n + 1, sizeof *order);
  *out = kkachi__calloc(KK_PNEEDS_MAX, sizeof **out);
  if (!sc || !order || !*out) {
    rc = KKACHI_ENOMEM;
    goto done;
  }
  for (i = 0; i < ns->n; i++) { /* by score, stable */
    sc[i] = score(wk, &ns->c[i]);
    for (j = i; j > 0 && sc[i] > sc[order[j - 1]]; j--)
      order[j] = order[j - 1];
    order[j] = i;
  }
  for (i = 0; i < ns->n && *n < KK_PNEEDS_MAX && !rc; i++) {
    kk_pneed *c = &(*out)[*n];
    int keep = 1;
    rc = write_need(wk, &ns->c[order[i]], c);
    for (j = 0; j < *n && keep && !rc; j++)
      keep = !within(&(*out)[j], c);
    if (!rc && keep)
      (*n)++;
    else
      pneed_clear(c);
  }
done:
  kkachi__free(sc);
  kkachi__free(order);
  return rc;
}

int
kkachi__pattern_needs(const kk_pattern *p, unsigned flags, kk_pneed **out,
                      size_t *n)
{
  needs ns = { NULL, 0, 0 };
  work wk;
  int rc;

  *out = NULL;
  *n = 0;
  if (p->root == KK_PNONE)
    return 0;
  wk.p = p;
  wk.over_mentions = (flags & KK_PNEEDS_MENTIONS) != 0;
  memset(&wk.text, 0, sizeof wk.text);
  if (!(rc = req(&wk, p->root, &ns)) && ns.n)
    rc = finish(&wk, &ns, out, n);
  if (rc) {
    kkachi__pattern_needs_free(*out, *n);
    *out = NULL;
    *n = 0;
  }
  needs_clear(&ns);
  kkachi__buf_free(&wk.text);
  return rc;
}
