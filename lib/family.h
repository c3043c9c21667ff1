/* family.h: the fact families rules can yield, and their roles. */
#ifndef KK_FAMILY_H
#define KK_FAMILY_H

#include <stddef.h>

typedef struct kk_family {
  const char *name;
  const char *const *roles;    /* NULL-terminated */
  const char *const *required; /* NULL-terminated; "a|b" means either */
} kk_family;

const kk_family *kkachi__family_find(const char *name);
int kkachi__family_has_role(const kk_family *f, const char *role);
int kkachi__family_complete(const kk_family *f, const char *const *present,
                            size_t n);

#endif
