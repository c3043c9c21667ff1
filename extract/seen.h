/* seen.h: the article ids of a run, each with where it was first read. */
#ifndef KK_SEEN_H
#define KK_SEEN_H

#include <stddef.h>

typedef struct seen_entry seen_entry;

typedef struct seen {
  seen_entry *slots; /* owned: open addressing, a power of two */
  size_t n, cap;
} seen;

void seen_init(seen *s);

/* Records id, first read at where; takes copies. Returns 0 when id is
 * new, 1 with *first (borrowed) set to where it was first read when it
 * is not, -1 when memory ran out. */
int seen_add(seen *s, const char *id, const char *where, const char **first);

/* Frees what s holds. */
void seen_free(seen *s);

#endif
