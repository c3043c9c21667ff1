/* naming.c: the ids of articles that bring none: paths and text digests. */
#include "naming.h"

#include <nettle/sha2.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "kkachi.h"
#include "utf8.h"

static const char hex[] = "0123456789ABCDEF";

/* Appends s[0..n) with every byte that is not UTF-8 as %XX. */
static int
append_utf8(kk_buf *b, const char *s, size_t n)
{
  size_t bad = 0;
  int rc = 0;
  while (n && !rc) {
    if (!kkachi__utf8_check(s, n, &bad))
      return kkachi__buf_append(b, s, n);
    if (!(rc = kkachi__buf_append(b, s, bad))) {
      char enc[3] = { '%', hex[(unsigned char)s[bad] >> 4],
                      hex[s[bad] & 15] };
      rc = kkachi__buf_append(b, enc, 3);
    }
    s += bad + 1;
    n -= bad + 1;
  }
  return rc;
}

int
kkachi__name_from_path(char **out, const char *path)
{
  kk_buf b = KK_BUF_INIT;
  const char *p = path, *end;
  int rc = 0;

  *out = NULL;
  if (*p == '/')
    rc = kkachi__buf_append(&b, "/", 1);
  while (!rc && *p) { /* one step of the path at a time */
    while (*p == '/')
      p++;
    end = strchr(p, '/');
    end = end ? end : p + strlen(p);
    if (end == p || (end - p == 1 && *p == '.')) {
      p = end;
      continue; /* "//" or "/./" */
    }
    if (b.len && b.data[b.len - 1] != '/')
      rc = kkachi__buf_append(&b, "/", 1);
    if (!rc)
      rc = append_utf8(&b, p, (size_t)(end - p));
    p = end;
  }
  if (!rc && !b.len) /* ".", or nothing but slashes: as given */
    rc = append_utf8(&b, path, strlen(path));
  if (!rc && !(*out = kkachi__buf_steal(&b)))
    rc = KKACHI_ENOMEM;
  kkachi__buf_free(&b);
  return rc;
}

void
kkachi__name_from_text(char *out, const char *text, size_t len)
{
  static const char lower[] = "0123456789abcdef";
  struct sha256_ctx ctx;
  uint8_t d[SHA256_DIGEST_SIZE];
  size_t i;

  sha256_init(&ctx);
  sha256_update(&ctx, len, (const uint8_t *)text);
  sha256_digest(&ctx, sizeof d, d);
  memcpy(out, "stdin-", 6);
  for (i = 0; i < 8; i++) {
    out[6 + 2 * i] = lower[d[i] >> 4];
    out[7 + 2 * i] = lower[d[i] & 15];
  }
  out[22] = '\0';
}
