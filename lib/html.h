/* html.h: a saved news page as an article. */
#ifndef KK_HTML_H
#define KK_HTML_H

#include <stddef.h>

#include "kkachi.h"

/* Reads len bytes of HTML into *out (the caller's): the body text, with
 * title, date, url and lang from the page's metadata. On failure msg
 * (msgsize bytes) says why, and KKACHI_ESYNTAX, KKACHI_EEMPTY or
 * KKACHI_ENOMEM is returned. */
int kkachi__html_article(kkachi_article **out, const char *id,
                         const char *data, size_t len, char *msg,
                         size_t msgsize);

#endif
