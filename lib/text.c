/* text.c: NFC normalisation and sentence segmentation with ICU. */
#include "text.h"

#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "alloc.h"
#include "gazetteer.h"
#include "kkachi.h"
#include "utf8.h"

/* A line shorter than this (code points) counts as body only when it ends
 * like a sentence. */
#define KK_BODY_MIN_CP 60

struct kk_segmenter {
  UBreakIterator *bi;
  int initials; /* no break after an initial (R., 'J. Michael' in Korean) */
  const kk_gazetteer *abbr; /* English: nor after these (Sen, Lt); borrowed */
  UChar *u16; /* scratch for one line or one article */
  int32_t u16cap;
};

int
kkachi__segmenter_new(kk_segmenter **out, const char *locale,
                      const kk_gazetteer *abbr)
{
  UErrorCode st = U_ZERO_ERROR;
  kk_segmenter *seg = kkachi__calloc(1, sizeof *seg);

  *out = NULL;
  if (!seg)
    return KKACHI_ENOMEM;
  seg->bi = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, &st);
  seg->initials = 1;
  seg->abbr = !strncmp(locale, "en", 2) ? abbr : NULL;
  if (U_FAILURE(st)) {
    kkachi__free(seg);
    return KKACHI_EICU;
  }
  *out = seg;
  return 0;
}

void
kkachi__segmenter_free(kk_segmenter *seg)
{
  if (!seg)
    return;
  if (seg->bi)
    ubrk_close(seg->bi);
  kkachi__free(seg->u16);
  kkachi__free(seg);
}

static int
reserve_u16(kk_segmenter *seg, int32_t need)
{
  UChar *p;
  if (need <= seg->u16cap)
    return 0;
  p = kkachi__realloc(seg->u16, (size_t)need * sizeof(UChar));
  if (!p)
    return KKACHI_ENOMEM;
  seg->u16 = p;
  seg->u16cap = need;
  return 0;
}

/* UTF-8 to UTF-16 into seg->u16; *len gets the length in UTF-16 units. */
static int
to_u16(kk_segmenter *seg, const char *s, size_t n, int32_t *len)
{
  UErrorCode st = U_ZERO_ERROR;
  int rc;

  if (n > (size_t)INT32_MAX / 2)
    return KKACHI_ELIMIT;
  rc = reserve_u16(seg, (int32_t)n + 1);
  if (rc)
    return rc;
  u_strFromUTF8(seg->u16, seg->u16cap, len, s, (int32_t)n, &st);
  return U_FAILURE(st) ? KKACHI_EICU : 0;
}

/* Sets t->s to the NFC form of in[0..n). */
static int
normalise(kk_text *t, kk_segmenter *seg, const char *in, size_t n)
{
  UErrorCode st = U_ZERO_ERROR;
  const UNormalizer2 *nfc = unorm2_getNFCInstance(&st); /* never closed */
  UChar *norm = NULL;
  int32_t len = 0, nlen, cap, out8 = 0;
  int rc;

  if (U_FAILURE(st))
    return KKACHI_EICU;
  rc = to_u16(seg, in, n, &len);
  if (rc)
    return rc;
  if (unorm2_isNormalized(nfc, seg->u16, len, &st) && !U_FAILURE(st)) {
    t->s = kkachi__strndup(in, n);
    t->len = n;
    return t->s ? 0 : KKACHI_ENOMEM;
  }
  st = U_ZERO_ERROR;
  cap = len + len / 2 + 16; /* NFC may grow text, rarely by much */
  norm = kkachi__malloc((size_t)cap * sizeof(UChar));
  rc = KKACHI_ENOMEM;
  if (!norm)
    goto done;
  nlen = unorm2_normalize(nfc, seg->u16, len, norm, cap, &st);
  rc = KKACHI_EICU;
  if (U_FAILURE(st))
    goto done;
  st = U_ZERO_ERROR;
  u_strToUTF8(NULL, 0, &out8, norm, nlen, &st);
  st = U_ZERO_ERROR;
  rc = KKACHI_ENOMEM;
  t->s = kkachi__malloc((size_t)out8 + 1);
  if (!t->s)
    goto done;
  u_strToUTF8(t->s, out8 + 1, &out8, norm, nlen, &st);
  rc = KKACHI_EICU;
  if (U_FAILURE(st))
    goto done;
  t->len = (size_t)out8;
  rc = 0;
done:
  kkachi__free(norm);
  return rc;
}

static int
push_sentence(kk_text *t, size_t b, size_t e, int body)
{
  /* trim white space so that sentences start on their first character */
  while (b < e && (t->s[b] == ' ' || t->s[b] == '\t' || t->s[b] == '\r'))
    b++;
  while (e > b
         && (t->s[e - 1] == ' ' || t->s[e - 1] == '\t' || t->s[e - 1] == '\r'))
    e--;
  if (b == e)
    return 0;
  if (t->nsent == t->capsent) {
    size_t cap = t->capsent ? t->capsent * 2 : 32;
    kk_sentence *p = kkachi__realloc(t->sent, cap * sizeof *p);
    if (!p)
      return KKACHI_ENOMEM;
    t->sent = p;
    t->capsent = cap;
  }
  t->sent[t->nsent].begin = b;
  t->sent[t->nsent].end = e;
  t->sent[t->nsent].body = body;
  t->nsent++;
  return 0;
}

static int
is_closer(uint32_t c)
{
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D
         || c == 0x2019 || c == 0x300D || c == 0x300F || c == ' ' || c == '\t'
         || c == '\r';
}

int
kkachi__text_is_body(const char *line, size_t n)
{
  size_t e = n;
  uint32_t c = 0;

  if (kkachi__utf8_count(line, n) >= KK_BODY_MIN_CP)
    return 1;
  while (e > 0) {
    c = kkachi__utf8_prev(line, e);
    if (!is_closer(c))
      break;
    while (e > 0 && ((unsigned char)line[--e] & 0xC0) == 0x80)
      ;
  }
  return c == '.' || c == '!' || c == '?' || c == 0x3002 || c == 0xFF01
         || c == 0xFF1F || c == 0xB2E4 /* 다 */;
}

/* Whether s[b..e) ends in an initial (R.) or an abbreviation of abbr
 * that stands before a name (Sen., Lt., Gov.), after which ICU breaks
 * when a capital follows, but a sentence rarely ends. */
static int
ends_in_initial(const char *s, size_t b, size_t e, const kk_gazetteer *abbr)
{
  size_t w;
  while (e > b && s[e - 1] == ' ')
    e--;
  if (e - b < 2 || s[e - 1] != '.')
    return 0;
  w = --e;
  while (w > b && kkachi__is_latin_letter((unsigned char)s[w - 1]))
    w--;
  if (w > b && s[w - 1] != ' ' && s[w - 1] != '(' && s[w - 1] != '.')
    return 0;
  if (e - w == 1 && s[w] >= 'A' && s[w] <= 'Z')
    return 1;
  return abbr && e > w && kkachi__gazetteer_find(abbr, s + w, e - w) != NULL;
}

/* Whether a break at s[at] follows a dot leader (U+2024) with a letter
 * or digit right after it: Korean writes ․ between the words of a list
 * (전남․순천), where ICU, reading a full stop, breaks. */
static int
after_dot_leader(const char *s, size_t start, size_t at, size_t e)
{
  size_t i = at;
  uint32_t next;
  if (at <= start || at >= e || kkachi__utf8_prev(s, at) != 0x2024)
    return 0;
  next = kkachi__utf8_next(s, &i);
  return !kkachi__is_space(next);
}

/* Splits one line line[b..e) into sentences with ICU. */
static int
split_line(kk_text *t, kk_segmenter *seg, size_t b, size_t e)
{
  UErrorCode st = U_ZERO_ERROR;
  int32_t len = 0, pos, u16 = 0;
  size_t byte = b, start = b;
  int body = kkachi__text_is_body(t->s + b, e - b);
  int rc = to_u16(seg, t->s + b, e - b, &len);

  if (rc)
    return rc;
  ubrk_setText(seg->bi, seg->u16, len, &st);
  if (U_FAILURE(st))
    return KKACHI_EICU;
  ubrk_first(seg->bi);
  while ((pos = ubrk_next(seg->bi)) != UBRK_DONE) {
    while (u16 < pos) { /* walk both encodings to the break */
      uint32_t c = kkachi__utf8_next(t->s, &byte);
      u16 += c > 0xFFFF ? 2 : 1;
    }
    if (seg->initials && byte < e
        && ends_in_initial(t->s, start, byte, seg->abbr))
      continue;
    if (after_dot_leader(t->s, start, byte, e))
      continue;
    rc = push_sentence(t, start, byte, body);
    if (rc)
      return rc;
    start = byte;
  }
  return 0;
}

static int
push_quote(kk_text *t, size_t b, size_t e)
{
  if (t->nquotes == t->capquotes) {
    size_t cap = t->capquotes ? t->capquotes * 2 : 16;
    kk_span *p = kkachi__realloc(t->quotes, cap * sizeof *p);
    if (!p)
      return KKACHI_ENOMEM;
    t->quotes = p;
    t->capquotes = cap;
  }
  t->quotes[t->nquotes].begin = b;
  t->quotes[t->nquotes].end = e;
  t->nquotes++;
  return 0;
}

/* Finds quoted speech in line [b, e): "…" and “…”; an unclosed quote
 * runs to the end of the line. */
static int
find_quotes(kk_text *t, size_t b, size_t e)
{
  size_t i = b, open = 0;
  int in = 0, rc = 0;
  while (i < e && !rc) {
    size_t at = i;
    uint32_t c = kkachi__utf8_next(t->s, &i);
    if (!in && (c == '"' || c == 0x201C)) {
      in = 1;
      open = at;
    } else if (in && (c == '"' || c == 0x201D)) {
      in = 0;
      rc = push_quote(t, open, i);
    }
  }
  if (!rc && in)
    rc = push_quote(t, open, e);
  return rc;
}

int
kkachi__text_in_quote(const kk_text *t, size_t off)
{
  size_t lo = 0, hi = t->nquotes;
  while (lo < hi) { /* quotes are in order and do not overlap */
    size_t mid = lo + (hi - lo) / 2;
    if (t->quotes[mid].end <= off)
      lo = mid + 1;
    else if (t->quotes[mid].begin > off)
      hi = mid;
    else
      return 1;
  }
  return 0;
}

int
kkachi__text_prepare(kk_text *t, kk_segmenter *seg, const char *in, size_t n)
{
  size_t i, line = 0;
  int rc;

  kkachi__text_clear(t);
  rc = normalise(t, seg, in, n);
  if (rc)
    return rc;
  for (i = 0; i <= t->len; i++) {
    if (i == t->len || t->s[i] == '\n') {
      if (i > line) {
        rc = split_line(t, seg, line, i);
        if (!rc)
          rc = find_quotes(t, line, i);
        if (rc)
          return rc;
      }
      line = i + 1;
    }
  }
  return 0;
}

void
kkachi__text_clear(kk_text *t)
{
  kkachi__free(t->s);
  kkachi__free(t->sent);
  kkachi__free(t->quotes);
  memset(t, 0, sizeof *t);
}
