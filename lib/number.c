/* number.c: numbers and periods as news writes them: digits, Korean
 * digit-unit mixtures, and spelled numerals (다섯, fifteen) through ICU's
 * Korean and English spell-out rules. */
#include "number.h"

#include <stdio.h>
#include <string.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

#include "alloc.h"
#include "gazetteer.h"
#include "kkachi.h"
#include "utf8.h"

#define KK_NUM_MAX 1000000000000L /* values past this are not counts */

struct kk_numparser {
  UNumberFormat *spell;    /* ICU "ko" spell-out, lenient */
  UNumberFormat *spell_en; /* ICU "en" spell-out, lenient */
  const kk_gazetteer *periods;
};

int
kkachi__numparser_new(kk_numparser **out, const kk_gazetteer *periods)
{
  UErrorCode st = U_ZERO_ERROR;
  kk_numparser *p = kkachi__calloc(1, sizeof *p);

  *out = NULL;
  if (!p)
    return KKACHI_ENOMEM;
  p->spell = unum_open(UNUM_SPELLOUT, NULL, 0, "ko", NULL, &st);
  if (!U_FAILURE(st))
    p->spell_en = unum_open(UNUM_SPELLOUT, NULL, 0, "en", NULL, &st);
  if (U_FAILURE(st) || !p->spell || !p->spell_en) {
    kkachi__numparser_free(p);
    return KKACHI_EICU;
  }
  unum_setAttribute(p->spell, UNUM_LENIENT_PARSE, 1);
  unum_setAttribute(p->spell_en, UNUM_LENIENT_PARSE, 1);
  p->periods = periods;
  *out = p;
  return 0;
}

void
kkachi__numparser_free(kk_numparser *p)
{
  if (!p)
    return;
  if (p->spell)
    unum_close(p->spell);
  if (p->spell_en)
    unum_close(p->spell_en);
  kkachi__free(p);
}

/* The value of a Korean unit syllable, 0 when c is none. */
static long
unit_of(uint32_t c)
{
  switch (c) {
  case 0xC2ED: return 10;             /* 십 */
  case 0xBC31: return 100;            /* 백 */
  case 0xCC9C: return 1000;           /* 천 */
  case 0xB9CC: return 10000;          /* 만 */
  case 0xC5B5: return 100000000L;     /* 억 */
  case 0xC870: return 1000000000000L; /* 조 */
  default: return 0;
  }
}

/* Digits (with commas) and units: 1,000 / 2천600만 / 3만 / 15. */
static int
parse_digits(const char *s, size_t n, long *value, size_t *used)
{
  long total = 0, section = 0, cur = 0;
  size_t i = 0, end = 0;
  int digits = 0;

  while (i < n) {
    size_t at = i;
    uint32_t c = kkachi__utf8_next(s, &i);
    long u;
    if (c >= '0' && c <= '9') {
      if (cur > KK_NUM_MAX / 10)
        return KKACHI_ELIMIT;
      cur = cur * 10 + (long)(c - '0');
      digits = 1;
      end = i;
    } else if (c == ',' && digits && i < n && s[i] >= '0' && s[i] <= '9') {
      continue;
    } else if (digits && (u = unit_of(c)) != 0) {
      if (u >= 10000) { /* 만, 억, 조 close a section */
        total += (section + cur) * u;
        section = cur = 0;
      } else {
        section += (cur ? cur : 1) * u;
        cur = 0;
      }
      end = i;
    } else {
      i = at;
      break;
    }
    if (total > KK_NUM_MAX || section > KK_NUM_MAX)
      return KKACHI_ELIMIT;
  }
  if (!digits)
    return KKACHI_EINVAL;
  *value = total + section + cur;
  *used = end;
  return 0;
}

/* The English words at the start that may spell a number: at most three
 * words of letters and hyphens ("twenty-one", "one hundred twenty"). */
static size_t
latin_words(const char *s, size_t n)
{
  size_t i = 0, end = 0;
  int words = 0;
  const unsigned char *u = (const unsigned char *)s;
  while (i < n && words < 3 && kkachi__is_latin_letter(u[i])) {
    while (i < n && (kkachi__is_latin_letter(u[i]) || u[i] == '-'))
      i++;
    end = i;
    words++;
    if (i < n && s[i] == ' ')
      i++;
  }
  return end;
}

/* A spelled numeral at the start (다섯, 열다섯, 스무, 삼십오; six,
 * fifteen, twenty-one) by ICU. An English numeral must end at a word's
 * end: "tent" is not "ten". */
static int
parse_spelled(kk_numparser *p, const char *s, size_t n, long *value,
              size_t *used)
{
  UChar u[64];
  int32_t len = 0, pos = 0, k;
  UErrorCode st = U_ZERO_ERROR;
  UNumberFormat *f = p->spell;
  size_t i = 0, take = 0;
  double v;

  if (kkachi__is_latin_letter((unsigned char)s[0])) {
    f = p->spell_en;
    i = latin_words(s, n);
    take = i;
  }
  while (f == p->spell && i < n && take < 16) { /* Hangul syllables */
    size_t at = i;
    if (!kkachi__is_hangul(kkachi__utf8_next(s, &i))) {
      i = at;
      break;
    }
    take++;
  }
  if (take == 0 || i > 60)
    return KKACHI_EINVAL;
  u_strFromUTF8(u, 64, &len, s, (int32_t)i, &st);
  if (U_FAILURE(st))
    return KKACHI_EICU;
  v = unum_parseDouble(f, u, len, &pos, &st);
  if (U_FAILURE(st) || pos <= 0 || v < 0 || v > (double)KK_NUM_MAX)
    return KKACHI_EINVAL;
  while (f == p->spell_en && pos > 0 && u[pos - 1] == ' ')
    pos--; /* "six months": the numeral, not the space after it */
  if (f == p->spell_en && pos < len && kkachi__is_latin_letter(u[pos]))
    return KKACHI_EINVAL;
  /* map the UTF-16 position back to bytes (all BMP syllables) */
  for (k = 0, i = 0; k < pos; k++)
    kkachi__utf8_next(s, &i);
  *value = (long)v;
  *used = i;
  return 0;
}

int
kkachi__number_parse(kk_numparser *p, const char *s, size_t n, long *value,
                     size_t *used)
{
  size_t u = 0;
  int rc;
  while (n > 0 && (*s == ' ' || *s == '\t')) {
    s++;
    n--;
  }
  if (n == 0)
    return KKACHI_EINVAL;
  if (*s >= '0' && *s <= '9')
    rc = parse_digits(s, n, value, &u);
  else
    rc = parse_spelled(p, s, n, value, &u);
  if (!rc && used)
    *used = u;
  return rc;
}

/* Looks a period word up: a unit (개월 -> M) or a fixed duration. */
static const kk_gaz_row *
period_word(kk_numparser *p, const char *s, size_t n, size_t *len)
{
  size_t i = 0, best = 0;
  const kk_gaz_row *row = NULL;
  while (i < n) { /* the longest listed word at the start */
    const kk_gaz_row *r;
    kkachi__utf8_next(s, &i);
    r = kkachi__gazetteer_find(p->periods, s, i);
    if (r) {
      row = r;
      best = i;
    }
  }
  *len = best;
  return row;
}

int
kkachi__period_parse(kk_numparser *p, const char *s, size_t n, char *out,
                     size_t size)
{
  const kk_gaz_row *row;
  const char *v;
  long count = 1;
  size_t used = 0, wl = 0;

  while (n > 0 && *s == ' ') {
    s++;
    n--;
  }
  if (!kkachi__number_parse(p, s, n, &count, &used)) {
    s += used;
    n -= used;
    while (n > 0 && *s == ' ') {
      s++;
      n--;
    }
  }
  row = period_word(p, s, n, &wl);
  v = kkachi__gaz_col(row, 1);
  if (!v || count <= 0)
    return KKACHI_EINVAL;
  if (v[0] == 'P') { /* a fixed duration: 분기 = P3M */
    if (used)
      return KKACHI_EINVAL; /* "2 분기" is not a period we read */
    snprintf(out, size, "%s", v);
  } else
    snprintf(out, size, "P%ld%s", count, v);
  return 0;
}
