/* profile.c: where matching spends its time, rule by rule. */
#include <stdlib.h>
#include <time.h>

#include "alloc.h"
#include "kkachi.h"
#include "profile.h"
#include "rule.h"

int
kkachi__profile_new(kk_profile **out, size_t nrules)
{
  const char *v = getenv("KKACHI_PROFILE");
  kk_profile *p;
  *out = NULL;
  if (!v || !*v)
    return 0;
  if (!(p = kkachi__calloc(1, sizeof *p)))
    return KKACHI_ENOMEM;
  if (nrules && !(p->rule = kkachi__calloc(nrules, sizeof *p->rule))) {
    kkachi__free(p);
    return KKACHI_ENOMEM;
  }
  p->nrules = nrules;
  *out = p;
  return 0;
}

double
kkachi__profile_now(void)
{
  struct timespec ts;
  if (clock_gettime(CLOCK_MONOTONIC, &ts))
    return 0;
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

double
kkachi__profile_start(const kk_profile *p)
{
  return p ? kkachi__profile_now() : 0;
}

void
kkachi__profile_stage(kk_profile *p, enum kk_prof_stage st, double t0)
{
  if (p)
    p->stage[st] += kkachi__profile_now() - t0;
}

/* A rule's place in the table: its time, then its index. */
typedef struct {
  double secs;
  size_t k;
} row;

static int
by_secs(const void *a, const void *b)
{
  const row *x = a, *y = b;
  if (x->secs != y->secs)
    return x->secs < y->secs ? 1 : -1;
  return x->k < y->k ? -1 : x->k > y->k;
}

void
kkachi__profile_write(const kk_profile *p, struct kk_rule *const *rules,
                      FILE *f)
{
  static const char *names[KK_PROF_NSTAGES] = {
    "(sentences)", "(gazetteer scan)", "(mention rewrite)", "(resolve)"
  };
  row *order;
  size_t i, n = 0;
  double total = 0;
  unsigned long skipped = 0;

  if (!p || !p->articles)
    return;
  for (i = 0; i < p->nrules; i++) {
    total += p->rule[i].secs;
    skipped += p->rule[i].skipped;
  }
  fprintf(f, "profile: %lu articles, %.3f s in rules, %lu runs skipped "
          "by needs\n", p->articles, total, skipped);
  fprintf(f, "profile: %10s %10s %10s %9s  %s\n", "runs", "skipped",
          "matches", "seconds", "rule");
  for (i = 0; i < KK_PROF_NSTAGES; i++)
    fprintf(f, "profile: %10s %10s %10s %9.3f  %s\n", "", "", "",
            p->stage[i], names[i]);
  if (!(order = kkachi__malloc((p->nrules + 1) * sizeof *order)))
    return;
  for (i = 0; i < p->nrules; i++)
    if (p->rule[i].runs) {
      order[n].secs = p->rule[i].secs;
      order[n++].k = i;
    }
  qsort(order, n, sizeof *order, by_secs);
  for (i = 0; i < n; i++) {
    const kk_prof_rule *r = &p->rule[order[i].k];
    fprintf(f, "profile: %10lu %10lu %10lu %9.3f  %s\n", r->runs,
            r->skipped, r->matches, r->secs, rules[order[i].k]->id);
  }
  kkachi__free(order);
}

void
kkachi__profile_free(kk_profile *p)
{
  if (!p)
    return;
  kkachi__free(p->rule);
  kkachi__free(p);
}
