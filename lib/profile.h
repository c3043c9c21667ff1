/* profile.h: where matching spends its time, rule by rule (for rule
 * writers: KKACHI_PROFILE=1). */
#ifndef KK_PROFILE_H
#define KK_PROFILE_H

#include <stddef.h>
#include <stdio.h>

struct kk_rule;

/* The stages of an article timed besides the rules. */
enum kk_prof_stage {
  KK_PROF_TEXT,     /* sentences and quotes found */
  KK_PROF_SCAN,     /* gazetteers and needed words found by trie */
  KK_PROF_MENTIONS, /* sentences rewritten over their mentions */
  KK_PROF_RESOLVE,  /* mentions resolved to facts */
  KK_PROF_NSTAGES
};

/* What one rule cost. */
typedef struct kk_prof_rule {
  unsigned long runs;    /* sentences it was matched on */
  unsigned long skipped; /* sentences its needs line let it skip */
  unsigned long matches; /* its matches there */
  double secs;           /* time spent in those runs */
} kk_prof_rule;

typedef struct kk_profile {
  kk_prof_rule *rule; /* one per rule, in the engine's order, owned */
  size_t nrules;
  double stage[KK_PROF_NSTAGES];
  unsigned long articles;
} kk_profile;

/* A profile for nrules rules in *out, or NULL in *out when the
 * environment variable KKACHI_PROFILE is unset or empty (0 then too). */
int kkachi__profile_new(kk_profile **out, size_t nrules);

/* Monotonic clock time, in seconds: wall time, so profile on an idle
 * machine, with one job; the thread CPU clock costs a system call here,
 * some microseconds a run, which would swamp the cheap rules. */
double kkachi__profile_now(void);

/* The start of a timed stage: the clock when p profiles, else 0. */
double kkachi__profile_start(const kk_profile *p);

/* Adds the time since t0 (from kkachi__profile_start) to stage st of p;
 * nothing when p is NULL. */
void kkachi__profile_stage(kk_profile *p, enum kk_prof_stage st, double t0);

/* Writes the table to f: the stages, then each rule that ran, costliest
 * first (rules is borrowed, nrules long as when p was made). */
void kkachi__profile_write(const kk_profile *p, struct kk_rule *const *rules,
                           FILE *f);

/* Frees p (NULL is fine). */
void kkachi__profile_free(kk_profile *p);

#endif
