/* svg.h: the picture of the facts drawn as SVG by Graphviz's dot. */
#ifndef KK_SVG_H
#define KK_SVG_H

#include <stddef.h>

#include "dot.h"

/* Whether an executable dot is on $PATH. */
int svg_available(void);

/* Runs `dot -Tsvg` with the picture on its input and fd (borrowed) as its
 * output. Returns 0, or -1 with a message in why (n bytes). */
int svg_draw(const dot *d, int fd, char *why, size_t n);

#endif
