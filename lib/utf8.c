/* utf8.c: strict UTF-8 validation and byte/code-point offset mapping. */
#include "utf8.h"

#include "kkachi.h"

static int
seq_len(unsigned char c)
{
  if (c < 0x80)
    return 1;
  if (c >= 0xC2 && c <= 0xDF)
    return 2;
  if (c >= 0xE0 && c <= 0xEF)
    return 3;
  if (c >= 0xF0 && c <= 0xF4)
    return 4;
  return 0; /* continuation byte, overlong lead C0/C1, or F5..FF */
}

/* Checks the second byte against the lead byte's narrower range (the rule
 * that excludes overlong forms, surrogates and values past U+10FFFF). */
static int
second_ok(unsigned char lead, unsigned char c)
{
  switch (lead) {
  case 0xE0: return c >= 0xA0 && c <= 0xBF;
  case 0xED: return c >= 0x80 && c <= 0x9F;
  case 0xF0: return c >= 0x90 && c <= 0xBF;
  case 0xF4: return c >= 0x80 && c <= 0x8F;
  default: return c >= 0x80 && c <= 0xBF;
  }
}

int
kkachi__utf8_check(const char *str, size_t n, size_t *bad)
{
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0;

  while (i < n) {
    int len, k;
    if (s[i] == 0) {
      if (bad)
        *bad = i;
      return KKACHI_ENUL;
    }
    if (s[i] < 0x80) {
      i++;
      continue;
    }
    len = seq_len(s[i]);
    if (len == 0 || i + (size_t)len > n || !second_ok(s[i], s[i + 1]))
      goto fail;
    for (k = 2; k < len; k++)
      if ((s[i + k] & 0xC0) != 0x80)
        goto fail;
    i += (size_t)len;
  }
  return 0;
fail:
  if (bad)
    *bad = i;
  return KKACHI_EUTF8;
}

uint32_t
kkachi__utf8_prev(const char *str, size_t i)
{
  size_t j;
  if (i == 0)
    return 0;
  j = i - 1;
  while (j > 0 && ((unsigned char)str[j] & 0xC0) == 0x80)
    j--;
  return kkachi__utf8_next(str, &j);
}

int
kkachi__is_space(uint32_t c)
{
  return (c >= 0x09 && c <= 0x0d) || c == 0x20 || c == 0x85 || c == 0xa0
         || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028
         || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

size_t
kkachi__utf8_count(const char *s, size_t n)
{
  size_t i, cp = 0;
  for (i = 0; i < n; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80)
      cp++;
  return cp;
}

size_t
kkachi__utf8_encode(uint32_t c, char *out)
{
  unsigned char *o = (unsigned char *)out;
  if (c < 0x80) {
    o[0] = (unsigned char)c;
    return 1;
  }
  if (c < 0x800) {
    o[0] = (unsigned char)(0xC0 | c >> 6);
    o[1] = (unsigned char)(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    o[0] = (unsigned char)(0xE0 | c >> 12);
    o[1] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
    o[2] = (unsigned char)(0x80 | (c & 0x3F));
    return 3;
  }
  o[0] = (unsigned char)(0xF0 | c >> 18);
  o[1] = (unsigned char)(0x80 | (c >> 12 & 0x3F));
  o[2] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
  o[3] = (unsigned char)(0x80 | (c & 0x3F));
  return 4;
}

int
kkachi__is_hangul(uint32_t c)
{
  return c >= 0xAC00 && c <= 0xD7A3;
}

void
kkachi__cpmap_init(kk_cpmap *m, const char *s)
{
  m->s = s;
  m->byte = 0;
  m->cp = 0;
}

size_t
kkachi__cpmap_get(kk_cpmap *m, size_t off)
{
  if (off < m->byte) { /* step back: cost what lies between, too */
    m->cp -= kkachi__utf8_count(m->s + off, m->byte - off);
    m->byte = off;
    return m->cp;
  }
  m->cp += kkachi__utf8_count(m->s + m->byte, off - m->byte);
  m->byte = off;
  return m->cp;
}
