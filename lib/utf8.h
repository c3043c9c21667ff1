/* utf8.h: UTF-8 validation, decoding and code-point offsets. */
#ifndef KK_UTF8_H
#define KK_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Checks s[0..n) is well-formed UTF-8 (no overlong forms, surrogates or
 * values past U+10FFFF) with no NUL byte. Returns 0, KKACHI_EUTF8 or
 * KKACHI_ENUL with *bad set to the byte offset of the first bad byte. */
int kkachi__utf8_check(const char *s, size_t n, size_t *bad);

/* Decodes the code point at s[*i] (which must be valid) and advances *i;
 * a byte that starts no sequence is taken alone. Inline: it is the inner
 * loop of the text scans. */
static inline uint32_t
kkachi__utf8_next(const char *str, size_t *i)
{
  const unsigned char *s = (const unsigned char *)str + *i;
  if (s[0] >= 0xC2 && s[0] <= 0xDF) {
    *i += 2;
    return (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
  }
  if (s[0] >= 0xE0 && s[0] <= 0xEF) {
    *i += 3;
    return (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6
           | (s[2] & 0x3F);
  }
  if (s[0] >= 0xF0 && s[0] <= 0xF4) {
    *i += 4;
    return (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12
           | (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
  }
  (*i)++; /* ASCII, or a byte that starts no sequence */
  return s[0];
}

/* Decodes the code point that ends at s[i] (exclusive), or 0 at i == 0. */
uint32_t kkachi__utf8_prev(const char *s, size_t i);

/* Number of code points in s[0..n). */
size_t kkachi__utf8_count(const char *s, size_t n);

/* Writes code point c (at most U+10FFFF) into out[0..4) as UTF-8 and
 * returns the number of bytes written. */
size_t kkachi__utf8_encode(uint32_t c, char *out);

/* Whether c is Unicode White_Space (what \s matches with PCRE2_UCP). */
int kkachi__is_space(uint32_t c);

/* Whether c is a Hangul syllable. */
int kkachi__is_hangul(uint32_t c);

/* Whether c is an ASCII letter, A-Z or a-z. */
static inline int
kkachi__is_latin_letter(uint32_t c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Converts byte offsets to code-point offsets, moving a cursor so that
 * each query costs what lies between it and the one before. */
typedef struct kk_cpmap {
  const char *s;
  size_t byte, cp;
} kk_cpmap;

void kkachi__cpmap_init(kk_cpmap *m, const char *s);
size_t kkachi__cpmap_get(kk_cpmap *m, size_t byte_offset);

#endif
