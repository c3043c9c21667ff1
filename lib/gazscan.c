/* gazscan.c: a code-point trie of a gazetteer's forms, walked from every
 * position of a text to list where the forms occur. */
#include "gazscan.h"

#include <string.h>

#include "alloc.h"
#include "kkachi.h"
#include "utf8.h"

#define KK_EMPTY UINT64_MAX

struct kk_gazscan {
  uint64_t *key; /* node << 32 | code point; KK_EMPTY when free */
  uint32_t *child;
  size_t mask;    /* table size - 1 (a power of two) */
  uint8_t *final; /* per node: a form ends here */
  size_t nnodes, capnodes;
  size_t maxw, maxcp;
  int exact;            /* no second walk with spaces left out */
  uint64_t first[1024]; /* code points below 65536 that begin a form */
  uint64_t alone[1024]; /* those that are a form by themselves */
  uint64_t *pair;       /* a bit per hash of a form's first two code
                           points: where none can begin, no walk */
  size_t pairmask;      /* bits in pair - 1 (a power of two) */
};

/* The bit of the first two code points of a form in t->pair. */
static size_t
pair_bit(const kk_gazscan *t, uint32_t a, uint32_t b)
{
  uint64_t k = ((uint64_t)a << 21 | b) * 0x9e3779b97f4a7c15ull;
  return (size_t)(k >> 40) & t->pairmask;
}

static void
set_bit(uint64_t *bits, size_t i)
{
  bits[i >> 6] |= (uint64_t)1 << (i & 63);
}

static int
has_bit(const uint64_t *bits, size_t i)
{
  return (bits[i >> 6] >> (i & 63)) & 1;
}

static size_t
slot_of(uint64_t k, size_t mask)
{
  k ^= k >> 29;
  k *= 0xbf58476d1ce4e5b9ull;
  k ^= k >> 32;
  return (size_t)k & mask;
}

static uint32_t
child_of(const kk_gazscan *t, uint32_t node, uint32_t c)
{
  uint64_t k = (uint64_t)node << 32 | c;
  size_t i = slot_of(k, t->mask);
  while (t->key[i] != KK_EMPTY) {
    if (t->key[i] == k)
      return t->child[i];
    i = (i + 1) & t->mask;
  }
  return 0; /* the root is nobody's child */
}

/* Adds the edge node -c-> (new or existing) and returns the child. */
static int
add_edge(kk_gazscan *t, uint32_t node, uint32_t c, uint32_t *out)
{
  uint64_t k = (uint64_t)node << 32 | c;
  size_t i = slot_of(k, t->mask);
  while (t->key[i] != KK_EMPTY) {
    if (t->key[i] == k) {
      *out = t->child[i];
      return 0;
    }
    i = (i + 1) & t->mask;
  }
  if (t->nnodes == t->capnodes)
    return KKACHI_ELIMIT; /* sized from the forms: cannot happen */
  t->key[i] = k;
  t->child[i] = (uint32_t)t->nnodes;
  t->final[t->nnodes] = 0;
  *out = (uint32_t)t->nnodes++;
  return 0;
}

/* The candidate shape of g, as the rule compiler writes it. */
static void
shape_of(const kk_gazetteer *g, size_t *maxw, size_t *maxcp)
{
  size_t i;
  *maxw = 1;
  *maxcp = 1;
  for (i = 0; i < g->nforms; i++) {
    const char *f = g->forms[i], *sp;
    size_t words = 1, cp;
    while ((sp = strchr(f, ' '))) {
      cp = kkachi__utf8_count(f, (size_t)(sp - f));
      if (cp > *maxcp)
        *maxcp = cp;
      words++;
      f = sp + 1;
    }
    cp = kkachi__utf8_count(f, strlen(f));
    if (cp > *maxcp)
      *maxcp = cp;
    if (words > *maxw)
      *maxw = words;
  }
  (*maxw)++; /* a form may be written with one more space than listed */
}

int
kkachi__gazscan_new(kk_gazscan **out, const kk_gazetteer *g, int exact)
{
  kk_gazscan *t = kkachi__calloc(1, sizeof *t);
  size_t i, cps = 1, size = 16;
  int rc = KKACHI_ENOMEM;

  *out = NULL;
  if (!t)
    return rc;
  for (i = 0; i < g->nforms; i++)
    cps += kkachi__utf8_count(g->forms[i], strlen(g->forms[i]));
  if (cps > UINT32_MAX / 4) {
    rc = KKACHI_ELIMIT;
    goto fail;
  }
  while (size < 2 * cps)
    size *= 2;
  t->mask = size - 1;
  t->capnodes = cps;
  t->pairmask = 4096;
  while (t->pairmask < 64 * g->nforms && t->pairmask < ((size_t)1 << 18))
    t->pairmask *= 2;
  t->key = kkachi__malloc(size * sizeof *t->key);
  t->child = kkachi__malloc(size * sizeof *t->child);
  t->final = kkachi__malloc(cps);
  t->pair = kkachi__calloc(t->pairmask / 64, sizeof *t->pair);
  t->pairmask--;
  if (!t->key || !t->child || !t->final || !t->pair)
    goto fail;
  memset(t->key, 0xff, size * sizeof *t->key);
  t->nnodes = 1;
  t->final[0] = 0;
  for (i = 0; i < g->nforms; i++) {
    const char *f = g->forms[i];
    size_t k = 0, n = strlen(f);
    uint32_t node = 0;
    while (k < n)
      if ((rc = add_edge(t, node, kkachi__utf8_next(f, &k), &node)))
        goto fail;
    t->final[node] = 1;
    k = 0;
    if (n) {
      uint32_t c = kkachi__utf8_next(f, &k);
      if (c < 65536) {
        set_bit(t->first, c);
        if (k >= n)
          set_bit(t->alone, c);
      }
      if (k < n)
        set_bit(t->pair, pair_bit(t, c, kkachi__utf8_next(f, &k)));
    }
  }
  shape_of(g, &t->maxw, &t->maxcp);
  t->exact = exact;
  *out = t;
  return 0;
fail:
  kkachi__gazscan_free(t);
  return rc;
}

void
kkachi__gazscan_free(kk_gazscan *t)
{
  if (!t)
    return;
  kkachi__free(t->key);
  kkachi__free(t->child);
  kkachi__free(t->final);
  kkachi__free(t->pair);
  kkachi__free(t);
}

size_t
kkachi__gazscan_maxw(const kk_gazscan *t)
{
  return t->maxw;
}

size_t
kkachi__gazscan_maxcp(const kk_gazscan *t)
{
  return t->maxcp;
}

void
kkachi__gazspans_clear(kk_gazspans *sp)
{
  kkachi__free(sp->span);
  kkachi__free(sp->starts);
  kkachi__free(sp->rank);
  kkachi__free(sp->first);
  memset(sp, 0, sizeof *sp);
}

static int
push(kk_gazspans *sp, size_t b, size_t e)
{
  if (sp->n && sp->span[2 * sp->n - 2] == b && sp->span[2 * sp->n - 1] == e)
    return 0; /* listed both with and without its space */
  if (sp->n == sp->cap) {
    size_t cap = sp->cap ? sp->cap * 2 : 64;
    size_t *p = kkachi__realloc(sp->span, 2 * cap * sizeof *p);
    if (!p)
      return KKACHI_ENOMEM;
    sp->span = p;
    sp->cap = cap;
  }
  sp->span[2 * sp->n] = b;
  sp->span[2 * sp->n + 1] = e;
  sp->n++;
  sp->starts[b >> 6] |= (uint64_t)1 << (b & 63);
  return 0;
}

/* Walks the trie from s[b]. Spaces are matched as written; from the first
 * space on, a second walk also leaves every space out ("SM 엔터테인먼트"
 * for the form SM엔터테인먼트). Both keep to the candidate shape. */
static int
walk(const kk_gazscan *t, const char *s, size_t n, size_t b, kk_gazspans *sp)
{
  size_t i = b, words = 1, cp = 0, tight_i = 0;
  uint32_t node = 0, tight = 0;
  int prev_space = 1, rc, fork = 0;
  size_t found[2][64], nfound[2] = { 0, 0 }, k, j;

  for (;;) { /* as written */
    uint32_t c;
    if (i >= n)
      break;
    c = kkachi__utf8_next(s, &i);
    if (c == ' ') {
      if (prev_space || ++words > t->maxw)
        break;
      if (!fork) {
        fork = 1;
        tight = node;
        tight_i = i;
      }
      cp = 0;
      prev_space = 1;
    } else if (kkachi__is_space(c) || ++cp > t->maxcp) {
      break;
    } else {
      prev_space = 0;
    }
    if (!(node = child_of(t, node, c)))
      break;
    if (!prev_space && t->final[node] && nfound[0] < 64)
      found[0][nfound[0]++] = i;
  }
  if (fork && !t->exact) { /* spaces left out: one word per space skipped */
    i = tight_i;
    node = tight;
    words = 2;
    cp = 0;
    prev_space = 1;
    while (i < n) {
      uint32_t c = kkachi__utf8_next(s, &i);
      if (c == ' ') {
        if (prev_space || ++words > t->maxw)
          break;
        cp = 0;
        prev_space = 1;
        continue;
      }
      if (kkachi__is_space(c) || ++cp > t->maxcp)
        break;
      prev_space = 0;
      if (!(node = child_of(t, node, c)))
        break;
      if (t->final[node] && nfound[1] < 64)
        found[1][nfound[1]++] = i;
    }
  }
  /* both lists ascend: merge them so that spans stay sorted */
  for (k = 0, j = 0; k < nfound[0] || j < nfound[1];) {
    size_t e;
    if (j >= nfound[1] || (k < nfound[0] && found[0][k] <= found[1][j]))
      e = found[0][k++];
    else
      e = found[1][j++];
    if ((rc = push(sp, b, e)))
      return rc;
  }
  return 0;
}

/* Whether a walk from code point c, the next one at s[i], may find a
 * form: c is one, or some form begins with c and the code point after
 * it, or, past one space, with c and the code point after the space (the
 * second walk leaves a space out: SM 엔터테인먼트 for SM엔터테인먼트).
 * Elsewhere the walk would find nothing. */
static int
may_begin(const kk_gazscan *t, const char *s, size_t n, uint32_t c, size_t i)
{
  uint32_t next;
  if (has_bit(t->alone, c) || i >= n)
    return 1;
  next = kkachi__utf8_next(s, &i);
  if (has_bit(t->pair, pair_bit(t, c, next)))
    return 1;
  if (next != ' ' || t->exact || i >= n)
    return 0;
  return has_bit(t->pair, pair_bit(t, c, kkachi__utf8_next(s, &i)));
}

int
kkachi__gazspans_reset(kk_gazspans *sp, size_t n)
{
  size_t words = n / 64 + 1;
  sp->n = 0;
  sp->nwords = 0; /* not indexed */
  sp->nfirst = 0;
  if (words > sp->capwords) {
    uint64_t *p = kkachi__realloc(sp->starts, words * sizeof *p);
    if (!p)
      return KKACHI_ENOMEM;
    sp->starts = p;
    sp->capwords = words;
  }
  memset(sp->starts, 0, words * sizeof *sp->starts);
  return 0;
}

const uint64_t *
kkachi__gazscan_firsts(const kk_gazscan *t)
{
  return t->first;
}

int
kkachi__gazscan_at(const kk_gazscan *t, const char *s, size_t n, size_t at,
                   uint32_t c, size_t i, kk_gazspans *sp)
{
  if (c < 65536 ? !has_bit(t->first, c)
                : (kkachi__is_space(c) || !child_of(t, 0, c)))
    return 0;
  if (c < 65536 && !may_begin(t, s, n, c, i))
    return 0;
  return walk(t, s, n, at, sp);
}

int
kkachi__gazscan_run(const kk_gazscan *t, const char *s, size_t n,
                    kk_gazspans *sp)
{
  size_t i = 0;
  int rc;

  if ((rc = kkachi__gazspans_reset(sp, n)))
    return rc;
  while (i < n) {
    size_t at = i;
    uint32_t c = kkachi__utf8_next(s, &i);
    if ((rc = kkachi__gazscan_at(t, s, n, at, c, i, sp)))
      return rc;
  }
  return kkachi__gazspans_index(sp);
}

/* The bits set in x (the compiler's builtin may be a library call). */
static size_t
bits_in(uint64_t x)
{
  x = x - ((x >> 1) & 0x5555555555555555ull);
  x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
  return (size_t)((x * 0x0101010101010101ull) >> 56);
}

/* Makes room for n of p's elements. */
static int
room(uint32_t **p, size_t *cap, size_t n)
{
  uint32_t *q;
  if (n <= *cap)
    return 0;
  if (!(q = kkachi__realloc(*p, n * sizeof *q)))
    return KKACHI_ENOMEM;
  *p = q;
  *cap = n;
  return 0;
}

int
kkachi__gazspans_index(kk_gazspans *sp)
{
  size_t words = 0, w, k, total = 0;
  int rc;
  if (sp->n) /* the words up to the last beginning's */
    words = sp->span[2 * (sp->n - 1)] / 64 + 1;
  if ((rc = room(&sp->rank, &sp->caprank, words + 1))
      || (rc = room(&sp->first, &sp->capfirst, sp->n + 1)))
    return rc;
  for (w = 0; w < words; w++) {
    sp->rank[w] = (uint32_t)total;
    total += bits_in(sp->starts[w]);
  }
  sp->nfirst = 0;
  for (k = 0; k < sp->n; k++)
    if (!k || sp->span[2 * k] != sp->span[2 * k - 2])
      sp->first[sp->nfirst++] = (uint32_t)k;
  sp->nwords = words;
  return 0;
}

/* The index of the first span that begins at b, which one does. */
static size_t
first_at(const kk_gazspans *sp, size_t b)
{
  size_t w = b >> 6;
  uint64_t below = sp->starts[w] & (((uint64_t)1 << (b & 63)) - 1);
  return sp->first[sp->rank[w] + bits_in(below)];
}

int
kkachi__gazspans_starts(const kk_gazspans *sp, size_t b)
{
  if (b >> 6 >= sp->capwords)
    return 0;
  return (sp->starts[b >> 6] >> (b & 63)) & 1;
}

/* The index of the first span that begins at or after b. */
static size_t
lower_bound(const kk_gazspans *sp, size_t b, size_t e)
{
  size_t lo = 0, hi = sp->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    size_t mb = sp->span[2 * mid], me = sp->span[2 * mid + 1];
    if (mb < b || (mb == b && me < e))
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

int
kkachi__gazspans_has(const kk_gazspans *sp, size_t b, size_t e)
{
  size_t k;
  if (!kkachi__gazspans_starts(sp, b))
    return 0;
  if (b >> 6 < sp->nwords) { /* indexed: its spans, in order of end */
    for (k = first_at(sp, b); k < sp->n && sp->span[2 * k] == b; k++)
      if (sp->span[2 * k + 1] >= e)
        return sp->span[2 * k + 1] == e;
    return 0;
  }
  k = lower_bound(sp, b, e);
  return k < sp->n && sp->span[2 * k] == b && sp->span[2 * k + 1] == e;
}

int
kkachi__gazspans_next(const kk_gazspans *sp, size_t b, size_t e, size_t *at)
{
  size_t k = lower_bound(sp, b, 0);
  if (k < sp->n && sp->span[2 * k] < e) {
    *at = sp->span[2 * k];
    return 1;
  }
  return 0;
}

int
kkachi__gazspans_within(const kk_gazspans *sp, size_t b, size_t e)
{
  size_t k = lower_bound(sp, b, 0);
  for (; k < sp->n && sp->span[2 * k] < e; k++)
    if (sp->span[2 * k + 1] <= e)
      return 1;
  return 0;
}
