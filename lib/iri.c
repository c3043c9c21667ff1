/* iri.c: mints entity IRIs from canonical names and article ids. */
#include "iri.h"

#include <string.h>

#include "utf8.h"

static const char hex[] = "0123456789ABCDEF";

static int
pct(kk_buf *b, unsigned char c)
{
  char enc[3] = { '%', hex[c >> 4], hex[c & 15] };
  return kkachi__buf_append(b, enc, 3);
}

int
kkachi__iri_segment(kk_buf *b, const char *name)
{
  const unsigned char *s = (const unsigned char *)name;
  int rc = 0;

  for (; *s && !rc; s++) {
    unsigned char c = *s;
    if (c == ' ')
      rc = kkachi__buf_append(b, "_", 1);
    else if (c < 0x21 || c == 0x7F || strchr("<>\"{}|\\^`#?/%[]", c))
      rc = pct(b, c);
    else
      rc = kkachi__buf_append(b, (const char *)s, 1);
  }
  return rc;
}

int
kkachi__iri_entity(kk_buf *b, const char *base, const char *kind,
                   const char *name)
{
  kkachi__buf_reset(b);
  int rc = kkachi__buf_printf(b, "%s%s/", base, kind);
  return rc ? rc : kkachi__iri_segment(b, name);
}

/* Whether c may stand as it is in an IRI path segment (RFC 3987 ipchar,
 * '%' left out: it is always encoded). */
static int
ipchar(uint32_t c)
{
  if (c < 0x80)
    return kkachi__is_latin_letter(c) || (c >= '0' && c <= '9')
           || strchr("-._~!$&'()*+,;=:@", (int)c);
  if (c >= 0x10000) /* planes 1-14 but their last two and E0000-E0FFF */
    return c < 0xF0000 && (c & 0xFFFF) <= 0xFFFD
           && (c < 0xE0000 || c >= 0xE1000);
  return (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF)
         || (c >= 0xFDF0 && c <= 0xFFEF);
}

int
kkachi__iri_id(kk_buf *b, const char *id)
{
  size_t n = strlen(id), i = 0, j;
  int valid = !kkachi__utf8_check(id, n, NULL), rc = 0;

  /* "." and ".." would be path steps to an IRI resolver */
  if (!strcmp(id, ".") || !strcmp(id, ".."))
    return kkachi__buf_puts(b, id[1] ? "%2E%2E" : "%2E");
  while (i < n && !rc) {
    size_t start = i;
    uint32_t c = valid ? kkachi__utf8_next(id, &i) : (unsigned char)id[i++];
    if (ipchar(c) && (valid || c < 0x80))
      rc = kkachi__buf_append(b, id + start, i - start);
    else
      for (j = start; j < i && !rc; j++)
        rc = pct(b, (unsigned char)id[j]);
  }
  return rc;
}

int
kkachi__iri_article(kk_buf *b, const char *base, const char *id)
{
  kkachi__buf_reset(b);
  int rc = kkachi__buf_printf(b, "%sarticle/", base);
  return rc ? rc : kkachi__iri_id(b, id);
}
