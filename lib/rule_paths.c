/* rule_paths.c: where rule files may read: below the folders loaded and
 * those the caller allows, resolved by realpath, unless made unsafe. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "buf.h"
#include "engine.h"

/* Adds the real path of folder to the roots; one that cannot be resolved
 * (it does not exist) is left out. */
static int
add_root(kkachi_engine *e, const char *folder)
{
  char *real = realpath(folder, NULL), *copy, **n;
  size_t i;
  if (!real)
    return 0;
  for (i = 0; i < e->nroots; i++)
    if (!strcmp(e->roots[i], real)) {
      free(real);
      return 0;
    }
  copy = kkachi__strdup(real);
  free(real);
  if (!copy || !(n = kkachi__realloc(e->roots,
                                     (e->nroots + 1) * sizeof *n))) {
    kkachi__free(copy);
    return KKACHI_ENOMEM;
  }
  e->roots = n;
  e->roots[e->nroots++] = copy;
  return 0;
}

/* Cuts s after its last '/' but one: "/a/b" becomes "/a" ("/" stays). */
static void
cut_last(char *s)
{
  char *slash = strrchr(s, '/');
  if (slash)
    slash[slash == s ? 1 : 0] = '\0';
}

static int
named_rules(const char *dir)
{
  const char *slash = strrchr(dir, '/');
  return !strcmp(slash ? slash + 1 : dir, "rules");
}

int
kkachi__rules_add_roots(kkachi_engine *e, const char *path)
{
  char *d = realpath(path, NULL);
  struct stat st;
  kk_buf gaz = KK_BUF_INIT;
  int rc = 0, depth;

  if (!d)
    return 0; /* the caller reports that it cannot be opened */
  if (stat(d, &st) == 0 && !S_ISDIR(st.st_mode))
    cut_last(d);
  rc = add_root(e, d);
  /* the installed layout, DATA/rules/LANG beside DATA/gazetteers: the
   * rules folder loaded, or its language folder, with its gazetteers */
  for (depth = 0; !rc && depth < 2 && strcmp(d, "/"); depth++) {
    if (named_rules(d)) {
      rc = add_root(e, d);
      cut_last(d);
      if (!rc)
        rc = kkachi__buf_printf(&gaz, "%s/gazetteers", d);
      if (!rc)
        rc = add_root(e, gaz.data);
      break;
    }
    cut_last(d);
  }
  kkachi__buf_free(&gaz);
  free(d);
  return rc;
}

int
kkachi__rules_path_ok(const kkachi_engine *e, const char *path)
{
  char *real;
  size_t i;
  int ok = 0;
  if (e->rules_unsafe || !(real = realpath(path, NULL)))
    return 1; /* a path that does not resolve fails to open instead */
  for (i = 0; i < e->nroots && !ok; i++) {
    size_t n = strlen(e->roots[i]);
    ok = n == 1 || (!strncmp(real, e->roots[i], n)
                    && (real[n] == '/' || real[n] == '\0'));
  }
  free(real);
  return ok;
}

void
kkachi__rules_roots_free(kkachi_engine *e)
{
  size_t i;
  for (i = 0; i < e->nroots; i++)
    kkachi__free(e->roots[i]);
  kkachi__free(e->roots);
  e->roots = NULL;
  e->nroots = 0;
}

int
kkachi_engine_allow_folder(kkachi_engine *e, const char *folder)
{
  return add_root(e, folder);
}

void
kkachi_engine_set_rules_unsafe(kkachi_engine *e, int on)
{
  e->rules_unsafe = on != 0;
}
