/* escape.c: control characters made visible before they reach a
 * terminal. */
#include "escape.h"

#include <string.h>

/* Bytes of the UTF-8 sequence at s (n bytes left), or 0 when there is
 * none: a lone continuation byte, a bad lead or a sequence cut short. */
static size_t
sequence(const unsigned char *s, size_t n)
{
  size_t len, k;
  if (s[0] < 0x80)
    return 1;
  if (s[0] >= 0xC2 && s[0] <= 0xDF)
    len = 2;
  else if (s[0] >= 0xE0 && s[0] <= 0xEF)
    len = 3;
  else if (s[0] >= 0xF0 && s[0] <= 0xF4)
    len = 4;
  else
    return 0;
  if (len > n)
    return 0;
  for (k = 1; k < len; k++)
    if ((s[k] & 0xC0) != 0x80)
      return 0;
  return len;
}

void
escape_write(FILE *fp, const char *str, size_t n)
{
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0, start = 0;
  while (i < n) {
    size_t len = sequence(s + i, n - i);
    int c0 = len == 1 && ((s[i] < 0x20 && s[i] != '\t') || s[i] == 0x7F);
    int c1 = len == 2 && s[i] == 0xC2 && s[i + 1] < 0xA0;
    if (len && !c0 && !c1) {
      i += len;
      continue;
    }
    fwrite(s + start, 1, i - start, fp);
    if (c1)
      fprintf(fp, "\\u%04X", (unsigned)s[i + 1]);
    else
      fprintf(fp, "\\x%02X", (unsigned)s[i]);
    i += c1 ? 2 : 1;
    start = i;
  }
  fwrite(s + start, 1, n - start, fp);
}

void
escape_puts(FILE *fp, const char *s)
{
  if (s)
    escape_write(fp, s, strlen(s));
}
