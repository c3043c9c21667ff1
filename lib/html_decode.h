/* html_decode.h: a saved page's bytes as UTF-8 for the HTML parser. */
#ifndef KK_HTML_DECODE_H
#define KK_HTML_DECODE_H

#include <stddef.h>

#include "buf.h"

/* What decoding found: bytes that did not decode and NUL bytes, each
 * read as U+FFFD; offsets are byte offsets in the page as it came. */
typedef struct kk_decoded {
  size_t bad, bad_offset; /* how many, and the first's offset */
  size_t nul, nul_offset;
  char charset[32]; /* what the bytes were read as */
} kk_decoded;

/* Puts the page's len bytes in out (empty, the caller's) as well-formed
 * UTF-8 with no NUL: bytes that are valid UTF-8 are read as UTF-8
 * whatever the page declares, others in the encoding its <meta> charset
 * names (EUC-KR as its superset CP949), else as UTF-8 or, when that
 * reads with fewer errors, EUC-KR. Every byte sequence that does not
 * decode and every NUL becomes U+FFFD, counted in *d. Returns 0 or
 * KKACHI_ENOMEM / KKACHI_ELIMIT. */
int kkachi__html_decode(kk_buf *out, kk_decoded *d, const char *data,
                        size_t len);

#endif
