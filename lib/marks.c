/* marks.c: typed mentions of a sentence, their particles, and the
 * sentence rewritten over them. */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "gazetteer.h"
#include "marks.h"
#include "utf8.h"

/* The longest particle, in code points (에서부터, 으로부터). */
#define KK_PARTICLE_MAX 4
/* The longest parenthesis a mention takes along, in bytes. */
#define KK_PAREN_MAX 120

int
kkachi__marked_add(kk_marked *k, const char *type, size_t begin, size_t end)
{
  kk_mark *m;
  if (end <= begin)
    return 0;
  if (k->n == k->cap) {
    size_t cap = k->cap ? k->cap * 2 : 16;
    if (!(m = kkachi__realloc(k->m, cap * sizeof *m)))
      return KKACHI_ENOMEM;
    k->m = m;
    k->cap = cap;
  }
  m = &k->m[k->n];
  m->type = type;
  m->begin = begin;
  m->end = end;
  m->pend = end;
  m->func = "";
  m->order = k->n++;
  return 0;
}

static int
by_place(const void *a, const void *b)
{
  const kk_mark *x = a, *y = b;
  if (x->begin != y->begin)
    return x->begin < y->begin ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* Whether code point c may follow a particle: not a letter, digit or
 * syllable of a longer word. */
static int
ends_word(uint32_t c)
{
  if (c < 0x80)
    return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')
             || (c >= 'A' && c <= 'Z'));
  return !(c >= 0xAC00 && c <= 0xD7A3) && !(c >= 0x3130 && c <= 0x318F)
         && !(c >= 0x4E00 && c <= 0x9FFF);
}

/* Finds the particle right after m (the longest form followed by the end
 * of a word) and sets its function. */
/* The end of a parenthesis right after a mention, "(군수 홍길동)" or
 * "(NIPA)", or at when there is none (or it holds another, or is long). */
static size_t
skip_paren(const char *s, size_t n, size_t at, size_t limit)
{
  size_t i;
  if (at >= n || s[at] != '(')
    return at;
  for (i = at + 1; i < n && i < limit && i - at <= KK_PAREN_MAX; i++) {
    if (s[i] == '(')
      return at;
    if (s[i] == ')')
      return i + 1;
  }
  return at;
}

/* The end of a closing quotation mark (the second column of the quote
 * gazetteer, may be NULL) right after a mention ('새싹 공모'에), or at. */
static size_t
skip_quote(const char *s, size_t n, size_t at, const kk_gazetteer *quotes)
{
  size_t k;
  for (k = 1; quotes && k <= KK_QUOTE_MAX && at + k <= n; k++) {
    const kk_gaz_row *row = kkachi__gazetteer_find(quotes, s + at, k);
    const char *close = row ? kkachi__gaz_col(row, 1) : NULL;
    if (close && strlen(close) == k && !memcmp(close, s + at, k))
      return at + k;
  }
  return at;
}

/* The length of an opening quotation mark (the first column of the
 * quote gazetteer, may be NULL) right before b (not before from), or 0. */
static size_t
open_quote(const char *s, size_t from, size_t b, const kk_gazetteer *quotes)
{
  size_t k;
  for (k = 1; quotes && k <= KK_QUOTE_MAX && b >= from + k; k++) {
    const kk_gaz_row *row = kkachi__gazetteer_find(quotes, s + b - k, k);
    const char *open = row ? kkachi__gaz_col(row, 0) : NULL;
    if (open && strlen(open) == k && !memcmp(open, s + b - k, k))
      return k;
  }
  return 0;
}

static void
find_particle(kk_mark *m, const char *s, size_t n, const kk_gazetteer *g,
              const kk_gazetteer *quotes, size_t limit)
{
  size_t ends[KK_PARTICLE_MAX + 1], start, i, k = 0;
  start = i = skip_paren(s, n, skip_quote(s, n, m->end, quotes), limit);
  m->pend = start;
  if (!g)
    return;
  while (k < KK_PARTICLE_MAX && i < n && i < limit) {
    uint32_t c = kkachi__utf8_next(s, &i);
    if (!(c >= 0xAC00 && c <= 0xD7A3) && !(c >= 'a' && c <= 'z'))
      break;
    ends[++k] = i;
  }
  for (; k > 0; k--) {
    const kk_gaz_row *row;
    size_t j = ends[k];
    if (j < n && !ends_word(kkachi__utf8_next(s, &j)))
      continue;
    row = kkachi__gazetteer_find(g, s + start, ends[k] - start);
    if (row && kkachi__gaz_col(row, 1)) {
      m->pend = ends[k];
      m->func = kkachi__gaz_col(row, 1);
      return;
    }
  }
}

static int
push_seg(kk_marked *k, size_t mb, size_t me, size_t rb, size_t re, int token)
{
  kk_markseg *g;
  if (k->nseg == k->capseg) {
    size_t cap = k->capseg ? k->capseg * 2 : 16;
    if (!(g = kkachi__realloc(k->seg, cap * sizeof *g)))
      return KKACHI_ENOMEM;
    k->seg = g;
    k->capseg = cap;
  }
  g = &k->seg[k->nseg++];
  g->mb = mb;
  g->me = me;
  g->rb = rb;
  g->re = re;
  g->token = token;
  return 0;
}

/* Appends s[b..e) as it is, but for the two code points that delimit
 * tokens, which become U+FFFD (of the same length). */
static int
append_text(kk_marked *k, const char *s, size_t b, size_t e)
{
  size_t mb = k->s.len, i;
  int rc = kkachi__buf_append(&k->s, s + b, e - b);
  for (i = mb; !rc && i + 2 < k->s.len; i++)
    if ((unsigned char)k->s.data[i] == 0xEE
        && (unsigned char)k->s.data[i + 1] == 0x80
        && ((unsigned char)k->s.data[i + 2] & 0xFE) == 0x80)
      memcpy(k->s.data + i, "\xEF\xBF\xBD", 3);
  return rc ? rc : b < e ? push_seg(k, mb, k->s.len, b, e, 0) : 0;
}

int
kkachi__marked_build(kk_marked *k, const char *s, size_t n,
                     const kk_gazetteer *particles, const kk_gazetteer *quotes)
{
  size_t i, kept = 0, at = 0;
  int rc = 0;

  kkachi__buf_reset(&k->s);
  k->nseg = 0;
  if (k->n)
    qsort(k->m, k->n, sizeof *k->m, by_place);
  for (i = 0; i < k->n; i++) /* drop what overlaps a mention kept */
    if (!kept || k->m[i].begin >= k->m[kept - 1].end)
      k->m[kept++] = k->m[i];
  k->n = kept;
  for (i = 0; i < k->n && !rc; i++) {
    kk_mark *m = &k->m[i];
    size_t mb;
    size_t q = open_quote(s, at, m->begin, quotes);
    find_particle(m, s, n, particles, quotes,
                  i + 1 < k->n ? k->m[i + 1].begin : n);
    if (q && skip_quote(s, n, m->end, quotes) == m->end)
      q = 0; /* a quotation mark is taken along only with its pair */
    if ((rc = append_text(k, s, at, m->begin - q)))
      break;
    mb = k->s.len;
    rc = kkachi__buf_printf(&k->s, "\xEE\x80\x80%s:%s\xEE\x80\x81", m->type,
                            m->func);
    if (!rc)
      rc = push_seg(k, mb, k->s.len, m->begin, m->end, 1);
    at = m->pend;
  }
  if (!rc)
    rc = append_text(k, s, at, n);
  if (!rc && !k->s.data)
    rc = kkachi__buf_append(&k->s, "", 0);
  return rc;
}

/* The piece that holds pos: the first with pos < me (or pos <= me when
 * at_end), or NULL past the last. */
static const kk_markseg *
seg_at(const kk_marked *k, size_t pos, int at_end)
{
  size_t lo = 0, hi = k->nseg;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (at_end ? k->seg[mid].me < pos : k->seg[mid].me <= pos)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < k->nseg ? &k->seg[lo] : NULL;
}

size_t
kkachi__marked_begin(const kk_marked *k, size_t pos)
{
  const kk_markseg *g = seg_at(k, pos, 0);
  if (!g)
    return k->nseg ? k->seg[k->nseg - 1].re : 0;
  return g->token || pos < g->mb ? g->rb : g->rb + (pos - g->mb);
}

size_t
kkachi__marked_end(const kk_marked *k, size_t pos)
{
  const kk_markseg *g = seg_at(k, pos, 1);
  if (!g || pos <= g->mb)
    return g ? g->rb : k->nseg ? k->seg[k->nseg - 1].re : 0;
  return g->token ? g->re : g->rb + (pos - g->mb);
}

void
kkachi__marked_reset(kk_marked *k)
{
  k->n = 0;
  k->nseg = 0;
  kkachi__buf_reset(&k->s);
}

void
kkachi__marked_clear(kk_marked *k)
{
  kkachi__free(k->m);
  kkachi__free(k->seg);
  kkachi__buf_free(&k->s);
  memset(k, 0, sizeof *k);
}
