/* iri.c: mints entity IRIs from canonical names. */
#include "iri.h"

#include <string.h>

int
kkachi__iri_segment(kk_buf *b, const char *name)
{
  static const char hex[] = "0123456789ABCDEF";
  const unsigned char *s = (const unsigned char *)name;
  int rc = 0;

  for (; *s && !rc; s++) {
    unsigned char c = *s;
    if (c == ' ')
      rc = kkachi__buf_append(b, "_", 1);
    else if (c < 0x21 || c == 0x7F || strchr("<>\"{}|\\^`#?/%[]", c)) {
      char enc[3] = { '%', hex[c >> 4], hex[c & 15] };
      rc = kkachi__buf_append(b, enc, 3);
    } else
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
