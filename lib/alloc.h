/* alloc.h: the one allocation wrapper, so that failures can be injected. */
#ifndef KK_ALLOC_H
#define KK_ALLOC_H

#include <stddef.h>

void *kkachi__malloc(size_t n);
void *kkachi__calloc(size_t n, size_t size);
void *kkachi__realloc(void *p, size_t n);
/* Returns a NUL-terminated copy of the first n bytes of s, or NULL. */
char *kkachi__strndup(const char *s, size_t n);
char *kkachi__strdup(const char *s);
void kkachi__free(void *p);

/* Makes the nth allocation from now fail (1-based); 0 turns this off.
 * For the torture tests only. */
void kkachi__alloc_fail_at(unsigned long n);

/* How many allocations are left before the one set to fail: 0 once it
 * has failed (or when none is set). */
unsigned long kkachi__alloc_pending(void);

#endif
