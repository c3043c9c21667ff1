/* rule_test.c: runs the examples written in rule files through the engine
 * and checks what they must and must not yield. */
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "engine.h"
#include "fact.h"

/* Whether an expected value matches a fact's value: equal, or for an
 * organization any of the surface forms seen for it. */
static int
value_matches(const kkachi_result *r, const char *role, const char *want,
              const char *got)
{
  const kk_org *o;
  size_t i;
  if (!got)
    return !strcmp(want, "-"); /* "-" asks for an absent role */
  if (!strcmp(want, got))
    return 1;
  if (!strcmp(role, "program")) {
    const kk_program *p = kkachi__program_find(r, got);
    return p && kkachi__program_find(r, want) == p;
  }
  if (strcmp(role, "org") && strcmp(role, "publisher"))
    return 0;
  o = kkachi__strmap_get(r->orgs, got, strlen(got));
  for (i = 0; o && i < o->naliases; i++)
    if (!strcmp(o->aliases[i], want))
      return 1;
  return 0;
}

static int
fact_matches(const kkachi_result *r, const kk_fact *f, const kk_factspec *s)
{
  size_t i;
  if (strcmp(f->family, s->family))
    return 0;
  for (i = 0; i < s->nb; i++)
    if (!value_matches(r, s->b[i].role, s->b[i].value,
                       kkachi__slot(f->slot, f->nslots, s->b[i].role)))
      return 0;
  return 1;
}

static int
describe_spec(kk_buf *b, const kk_factspec *s)
{
  size_t i;
  int rc = kkachi__buf_puts(b, s->family);
  for (i = 0; i < s->nb && !rc; i++)
    rc = kkachi__buf_printf(b, " %s=%s", s->b[i].role, s->b[i].value);
  return rc;
}

static int
describe_facts(kk_buf *b, const kkachi_result *r)
{
  size_t i, j;
  int rc = kkachi__buf_puts(b, " (got:");
  for (i = 0; i < r->nfacts && !rc; i++) {
    rc = kkachi__buf_printf(b, "%s %s", i ? ";" : "", r->facts[i]->family);
    for (j = 0; j < r->facts[i]->nslots && !rc; j++)
      rc = kkachi__buf_printf(b, " %s=%s", r->facts[i]->slot[j].role,
                              r->facts[i]->slot[j].value);
  }
  if (!rc)
    rc = kkachi__buf_puts(b, r->nfacts ? ")" : " nothing)");
  return rc;
}

/* Checks one example; *ok is set, msg gets the first problem. */
static int
check_example(kkachi_engine *e, const kk_rule *rule, const kk_example *x,
              int *ok, kk_buf *msg)
{
  kkachi_article *a = NULL;
  kkachi_result *r = NULL;
  size_t i, k;
  int rc;

  *ok = 0;
  if ((rc = kkachi_article_new(&a, "example", x->text, strlen(x->text), NULL))
      || (rc = kkachi_article_set(a, "lang", rule->lang))
      || (rc = kkachi_extract(&r, e, a)))
    goto done;
  *ok = 1;
  for (i = 0; i < x->nex && *ok; i++) {
    const kk_expect *ex = &x->ex[i];
    int found = 0;
    for (k = 0; k < r->nfacts && !found; k++)
      found = fact_matches(r, r->facts[k], &ex->spec);
    if (found == !ex->forbid)
      continue;
    *ok = 0;
    rc = kkachi__buf_puts(msg, ex->forbid ? "unexpected " : "missing ");
    if (!rc)
      rc = describe_spec(msg, &ex->spec);
    if (!rc)
      rc = describe_facts(msg, r);
  }
done:
  kkachi_result_free(r);
  kkachi_article_free(a);
  return rc;
}

int
kkachi_engine_test_rules(kkachi_engine *e, kkachi_test_fn fn, void *user_data,
                         unsigned *passed, unsigned *failed)
{
  kk_buf msg = KK_BUF_INIT;
  size_t i, j;
  int rc = 0;

  *passed = *failed = 0;
  if (!e->compiled)
    return KKACHI_EINVAL;
  for (i = 0; i < e->nrules && !rc; i++) {
    const kk_rule *r = e->rules[i];
    for (j = 0; j < r->nexamples && !rc; j++) {
      int ok = 0;
      kkachi__buf_reset(&msg);
      rc = check_example(e, r, &r->examples[j], &ok, &msg);
      if (rc)
        break;
      if (ok)
        (*passed)++;
      else
        (*failed)++;
      if (fn)
        fn(r->file, r->examples[j].line, ok, msg.data ? msg.data : "",
           user_data);
    }
  }
  kkachi__buf_free(&msg);
  return rc;
}
