/* html_kept.h: how much of a page's text the HTML parser kept. */
#ifndef KK_HTML_KEPT_H
#define KK_HTML_KEPT_H

#include <libxml/tree.h>
#include <stddef.h>

/* Bytes of text (not counting white space; a character reference counts
 * one) in the n bytes of UTF-8 HTML at s, outside tags, comments,
 * scripts and styles, read as a browser would if every tag ended at its
 * first '>'. */
size_t kkachi__html_raw_text(const char *s, size_t n);

/* Bytes of text (not counting white space) in the nodes from n on and
 * below them, scripts and styles left out. */
size_t kkachi__html_dom_text(const xmlNode *n);

#endif
