/* family.c: the fact families and their roles; the resolver gives them
 * meaning, so they live in code, while the rules that yield them are data. */
#include "family.h"

#include <string.h>

static const char *const aff_roles[] = {"person", "surname", "org", "title",
                                        NULL};
static const char *const aff_req[] = {"person|surname", "title", NULL};
static const char *const byline_roles[] = {"author", "publisher", "email",
                                           "title", NULL};
static const char *const byline_req[] = {"author", NULL};
static const char *const alias_roles[] = {"name", "alias", NULL};
static const char *const alias_req[] = {"name", "alias", NULL};
static const char *const email_roles[] = {"person", "email", NULL};
static const char *const email_req[] = {"person", "email", NULL};

static const kk_family families[] = {
    {"affiliation", aff_roles, aff_req},
    {"byline", byline_roles, byline_req},
    {"alias", alias_roles, alias_req},
    {"email", email_roles, email_req},
};

const kk_family *
kkachi__family_find(const char *name)
{
  size_t i;
  for (i = 0; i < sizeof families / sizeof families[0]; i++)
    if (!strcmp(families[i].name, name))
      return &families[i];
  return NULL;
}

int
kkachi__family_has_role(const kk_family *f, const char *role)
{
  size_t i;
  for (i = 0; f->roles[i]; i++)
    if (!strcmp(f->roles[i], role))
      return 1;
  return 0;
}
