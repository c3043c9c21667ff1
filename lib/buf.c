/* buf.c: growable byte buffer with a ceiling, instead of realloc loops. */
#include "buf.h"

#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "kkachi.h"

#define KK_BUF_DEFAULT_MAX ((size_t)256 << 20)

static int
grow(kk_buf *b, size_t need)
{
  size_t max = b->max ? b->max : KK_BUF_DEFAULT_MAX;
  size_t cap;
  char *p;

  if (need > max)
    return KKACHI_ELIMIT;
  if (need <= b->cap)
    return 0;
  cap = b->cap ? b->cap : 64;
  while (cap < need)
    cap = cap > max / 2 ? max : cap * 2;
  p = kkachi__realloc(b->data, cap);
  if (!p)
    return KKACHI_ENOMEM;
  b->data = p;
  b->cap = cap;
  return 0;
}

int
kkachi__buf_append(kk_buf *b, const char *s, size_t n)
{
  int rc = grow(b, b->len + n + 1);
  if (rc)
    return rc;
  if (n)
    memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
  return 0;
}

int
kkachi__buf_puts(kk_buf *b, const char *s)
{
  return kkachi__buf_append(b, s, strlen(s));
}

int
kkachi__buf_printf(kk_buf *b, const char *fmt, ...)
{
  va_list ap;
  int n, rc;

  va_start(ap, fmt);
  n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0)
    return KKACHI_EINVAL;
  rc = grow(b, b->len + (size_t)n + 1);
  if (rc)
    return rc;
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
  return 0;
}

void
kkachi__buf_reset(kk_buf *b)
{
  b->len = 0;
  if (b->data)
    b->data[0] = '\0';
}

char *
kkachi__buf_steal(kk_buf *b)
{
  char *d = b->data;
  if (!d)
    d = kkachi__strdup("");
  b->data = NULL;
  b->len = b->cap = 0;
  return d;
}

void
kkachi__buf_free(kk_buf *b)
{
  kkachi__free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}
