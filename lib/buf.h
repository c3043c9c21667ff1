/* buf.h: a growable byte buffer with a size ceiling. */
#ifndef KK_BUF_H
#define KK_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct kk_buf {
  char *data; /* always NUL-terminated once anything was appended */
  size_t len;
  size_t cap;
  size_t max; /* ceiling in bytes; 0 means the default (256 MiB) */
} kk_buf;

#define KK_BUF_INIT                                                           \
  {                                                                           \
    NULL, 0, 0, 0                                                             \
  }

int kkachi__buf_append(kk_buf *b, const char *s, size_t n);
int kkachi__buf_puts(kk_buf *b, const char *s);
int kkachi__buf_printf(kk_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void kkachi__buf_reset(kk_buf *b);
/* Hands the data over to the caller (who frees it) and empties the buffer. */
char *kkachi__buf_steal(kk_buf *b);
void kkachi__buf_free(kk_buf *b);

#endif
