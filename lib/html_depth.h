/* html_depth.h: a page's tree kept shallow enough to walk. */
#ifndef KK_HTML_DEPTH_H
#define KK_HTML_DEPTH_H

#include <libxml/tree.h>
#include <stddef.h>

/* When the tree below root nests deeper than max, takes out the elements
 * that only style text (font, b, span... without class or id), keeping
 * their content in their place; if it still does, all the elements
 * max deep, so that none is deeper. */
void kkachi__html_flatten(xmlNode *root, size_t max);

#endif
