/* strmap.h: a string-keyed hash map (open addressing) of void pointers. */
#ifndef KK_STRMAP_H
#define KK_STRMAP_H

#include <stddef.h>

typedef struct kk_strmap kk_strmap;

int kkachi__strmap_new(kk_strmap **out);
/* Frees the map and its key copies; values stay the caller's. */
void kkachi__strmap_free(kk_strmap *m);
/* Sets key (copied) to value; replaces an existing value. */
int kkachi__strmap_put(kk_strmap *m, const char *key, size_t klen,
                       void *value);
/* Returns the value for key, or NULL. */
void *kkachi__strmap_get(const kk_strmap *m, const char *key, size_t klen);
size_t kkachi__strmap_size(const kk_strmap *m);

#endif
