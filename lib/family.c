/* family.c: the fact families and their roles; the resolver gives them
 * meaning, so they live in code, while the rules that yield them are data. */
#include "family.h"

#include <string.h>

static const char *const aff_roles[]
    = { "person", "surname", "pronoun", "org", "title", NULL };
/* a title or an organization ("Lena Ortiz of Lund University"), except
 * for a short form alone ("Bae said"); a pronoun ("그는") stands for a
 * person named before it */
static const char *const aff_req[]
    = { "person|surname|pronoun", "title|org|surname", NULL };
static const char *const byline_roles[]
    = { "author", "publisher", "email", "title", NULL };
static const char *const byline_req[] = { "author", NULL };
static const char *const alias_roles[] = { "name", "alias", NULL };
static const char *const alias_req[] = { "name", "alias", NULL };
static const char *const email_roles[] = { "person", "email", NULL };
static const char *const email_req[] = { "person", "email", NULL };

static const char *const program_roles[]
    = { "name", "programref", "seen", NULL };
static const char *const program_req[] = { "name|programref", NULL };
static const char *const prole_roles[]
    = { "agent",       "count",       "label", "program", "programref",
        "programdesc", "programhead", "role",  NULL };
static const char *const prole_req[] = { "role", "agent|count", NULL };
static const char *const stage_roles[]
    = { "program",     "programref", "programdesc", "programhead",
        "method",      "methodlabel", "entrants",  "selected",
        "eliminated",  "interval",    NULL };
static const char *const stage_req[]
    = { "method|methodlabel|entrants|selected|eliminated", NULL };

static const kk_family families[] = {
  { "affiliation", aff_roles, aff_req },
  { "byline", byline_roles, byline_req },
  { "alias", alias_roles, alias_req },
  { "email", email_roles, email_req },
  { "program", program_roles, program_req },
  { "program_role", prole_roles, prole_req },
  { "stage", stage_roles, stage_req },
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

/* Whether the roles present (slot roles) satisfy the family's required
 * ones; "a|b" is satisfied by either. */
int
kkachi__family_complete(const kk_family *f, const char *const *present,
                        size_t n)
{
  size_t i, k;
  for (i = 0; f->required[i]; i++) {
    const char *alt = f->required[i];
    int ok = 0;
    while (*alt && !ok) {
      const char *bar = strchr(alt, '|');
      size_t len = bar ? (size_t)(bar - alt) : strlen(alt);
      for (k = 0; k < n && !ok; k++)
        ok = strlen(present[k]) == len && !strncmp(present[k], alt, len);
      alt += len + (bar ? 1 : 0);
    }
    if (!ok)
      return 0;
  }
  return 1;
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
