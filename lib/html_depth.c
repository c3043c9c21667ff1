/* html_depth.c: a page's tree kept shallow enough for the recursive walks
 * of html.c: when it nests too deep (hundreds of unclosed <font> in a
 * menu), the elements that only style text are taken out, their content
 * kept in their place, and if that is not enough, every element as deep
 * as the limit. */
#include <libxml/tree.h>
#include <strings.h>

#include "html_depth.h"

/* Elements that only style text; with a class or id they may mark site
 * chrome, and are kept. */
static const char *const styling[] = { "font", "b", "i", "u", "s", "em",
                                       "strong", "small", "big", "span",
                                       "strike", "tt", "center", NULL };

static int
is_styling(xmlNode *n)
{
  size_t i;
  if (n->type != XML_ELEMENT_NODE || !n->children ||
      xmlHasProp(n, (const xmlChar *)"class") ||
      xmlHasProp(n, (const xmlChar *)"id"))
    return 0;
  for (i = 0; styling[i]; i++)
    if (!strcasecmp((const char *)n->name, styling[i]))
      return 1;
  return 0;
}

/* The node after n in document order below root, or NULL; *depth
 * follows the moves. */
static xmlNode *
next_node(xmlNode *root, xmlNode *n, size_t *depth)
{
  if (n->children && n->type == XML_ELEMENT_NODE) {
    (*depth)++;
    return n->children;
  }
  while (n != root && !n->next) {
    n = n->parent;
    (*depth)--;
  }
  return n == root ? NULL : n->next;
}

static size_t
depth_of(xmlNode *root)
{
  size_t depth = 0, max = 0;
  xmlNode *n = root;
  while ((n = next_node(root, n, &depth)))
    if (depth > max)
      max = depth;
  return max;
}

/* Puts n's children in its place and frees n; returns the node now where
 * its first child was (text may merge into the node before). */
static xmlNode *
unwrap(xmlNode *n)
{
  xmlNode *c = n->children, *next, *first = NULL;
  for (; c; c = next) {
    xmlNode *added;
    next = c->next;
    xmlUnlinkNode(c);
    added = xmlAddPrevSibling(n, c);
    if (!first)
      first = added;
  }
  xmlUnlinkNode(n);
  xmlFreeNode(n);
  return first;
}

/* Unwraps the styling elements below root, or with styling_only 0 every
 * element at depth max that has children. */
static void
unwrap_all(xmlNode *root, size_t max, int styling_only)
{
  size_t depth = 0;
  xmlNode *n = root;
  while (n && (n = next_node(root, n, &depth)))
    while (n && (styling_only ? is_styling(n)
                              : depth >= max && n->children &&
                                    n->type == XML_ELEMENT_NODE))
      n = unwrap(n);
}

void
kkachi__html_flatten(xmlNode *root, size_t max)
{
  if (!root || depth_of(root) <= max)
    return;
  unwrap_all(root, max, 1);
  if (depth_of(root) > max)
    unwrap_all(root, max, 0);
}
