/* fact.h: mentions (what one rule match yields) and resolved facts. */
#ifndef KK_FACT_H
#define KK_FACT_H

#include <stddef.h>

#include "kkachi.h"
#include "rule.h"
#include "strmap.h"
#include "text.h"

#define KK_MAX_SLOTS 8
/* A fact keeps the evidence of its first reads only: an article that
 * repeats one sentence thousands of times gives one fact, not thousands
 * of copies of its evidence. */
#define KK_MAX_EVIDENCE 64

/* What one match of one fact template yields, before resolution. */
typedef struct kk_mention {
  const kk_rule *rule;
  const kk_factspec *spec; /* the template it came from */
  const char *family;      /* borrowed from the rule */
  size_t begin, end;       /* byte span of the whole match */
  size_t sentence;
  size_t order; /* position among mentions, for a stable sort */
  kkachi_slot slot[KK_MAX_SLOTS]; /* roles borrowed, values owned */
  size_t nslots;
} kk_mention;

typedef struct kk_mentions {
  kk_mention *m;
  size_t n, cap;
} kk_mentions;

/* Where a fact was read. */
typedef struct kk_evidence {
  size_t begin, end;          /* bytes */
  unsigned long cbegin, cend; /* code points */
  const char *rule_id;        /* borrowed from the engine's rule */
  size_t sentence;
} kk_evidence;

typedef struct kk_fact {
  const char *family;             /* static */
  kkachi_slot slot[KK_MAX_SLOTS]; /* roles static, values owned */
  size_t nslots;
  kk_evidence *ev; /* owned */
  size_t nev, capev;
  int dropped;
} kk_fact;

/* An organization as written in this article. */
typedef struct kk_org {
  char *name;      /* canonical */
  const char *cls; /* class local name, static or from the gazetteer */
  char **aliases;  /* surface forms seen, other than name */
  size_t naliases;
} kk_org;

/* A program (kk:Program) as read in this article. */
typedef struct kk_program {
  char *key;    /* identity: the name without spaces, or the description */
  char **names; /* forms written, the first first */
  size_t nnames;
  int local; /* unnamed ("대규모 과제"): an IRI inside the article */
  unsigned long n; /* number among the local ones */
} kk_program;

typedef struct kk_person {
  char *name;
  char **emails;
  size_t nemails;
} kk_person;

struct kkachi_result {
  char *id, *lang, *url, *date, *title;
  char **authors; /* persons the page's metadata names as its authors */
  size_t nauthors;
  char *publisher; /* the organization its metadata names as outlet */
  kk_text text;
  kk_fact **facts;
  size_t nfacts, capfacts;
  kk_strmap *orgs;   /* canonical name -> kk_org* */
  kk_org **org_list; /* in first-seen order, owned */
  size_t norgs, caporgs;
  kk_strmap *persons; /* name -> kk_person* */
  kk_person **person_list;
  size_t npersons, cappersons;
  kk_strmap *aliases;  /* article-local alias -> canonical org name */
  kk_strmap *programs; /* key -> kk_program* */
  kk_program **program_list;
  size_t nprograms, capprograms;
  kk_program *last_program; /* the program read last, for "이번 공모" */
  /* the name of a program seen since last_program was read, of which no
   * fact was read ("seen" program facts), or NULL; owned */
  char *seen_program;
  kkachi_engine *engine;
  char **sentences; /* sentence and anchor of each fact, for the view */
};

const char *kkachi__slot(const kkachi_slot *s, size_t n, const char *role);

/* Helpers of the resolver (fact.c). */
int kkachi__push_ptr(void ***arr, size_t *n, size_t *cap, void *p);
/* Adds a copy of s to a string list unless it is there already. */
int kkachi__add_unique(char ***list, size_t *n, const char *s);
int kkachi__fact_add_ev(kk_fact *f, const kk_evidence *ev);
int kkachi__fact_add_mention(kk_fact *f, const kk_mention *m);
/* Sets role to a copy of value (NULL: nothing); the first value stays. */
int kkachi__fact_set(kk_fact *f, const char *role, const char *value);
/* Adds an empty fact of family to r; *out is r's. */
int kkachi__fact_new(kkachi_result *r, const char *family, kk_fact **out);
int kkachi__same(const char *a, const char *b);
/* Whether the name inner is the last words of the name outer, after a
 * space (축구 국가대표팀 of 새솔 축구 국가대표팀); NULL names are not.
 * Borrows both. */
int kkachi__last_words(const char *outer, const char *inner);
/* Moves the evidence of from to into and drops from. */
int kkachi__fact_fold(kk_fact *from, kk_fact *into);
/* Finds a fact of the family whose roles equal the given values. */
kk_fact *kkachi__fact_find(kkachi_result *r, const char *family,
                           const char *const *roles, const char *const *values,
                           size_t n);

/* Collects the mentions of every rule of language lang in t. */
int kkachi__match(kkachi_engine *e, const kk_text *t, const char *lang,
                  kk_mentions *ms);

void kkachi__mentions_clear(kk_mentions *ms);

/* Turns mentions into facts: canonical organizations, article aliases,
 * short forms, duplicates merged. Mentions are consumed. */
int kkachi__resolve(kkachi_result *r, kk_mentions *ms);

/* Takes the authors and publisher an article's metadata names ("홍길동
 * 기자 hong@example.com" gives 홍길동) as persons and an organization of
 * the result. */
int kkachi__resolve_meta(kkachi_result *r, const kkachi_article *a);

/* Finds or adds the organization surface form s in r. */
int kkachi__result_org(kkachi_result *r, const char *s, kk_org **out);

/* The program, program_role and stage families (resolve_program.c);
 * each returns 0 also when it drops the mention. */
int kkachi__resolve_program(kkachi_result *r, const kk_mention *m);
int kkachi__resolve_program_role(kkachi_result *r, const kk_mention *m);
int kkachi__resolve_stage(kkachi_result *r, const kk_mention *m);
void kkachi__programs_free(kkachi_result *r);
/* Folds a stage into another read from an overlapping span that says
 * all it says. */
int kkachi__fold_stages(kkachi_result *r);
/* Folds a program role into another read from an overlapping span that
 * says all it says (a count of parties with and without their kind), or
 * that says the same of a program it names in full where the first names
 * it by its last words only. */
int kkachi__fold_roles(kkachi_result *r);
/* Drops "runs" where the same agent executes the same program: "A가
 * 주관하고 B가 시행하는" reads 시행 as running, and as executing beside
 * another body's 주관; the second reading is the one kept. */
int kkachi__prefer_executes(kkachi_result *r);
/* The program written name (any spacing), or NULL. */
kk_program *kkachi__program_find(const kkachi_result *r, const char *name);

/* Finds or adds a person. */
int kkachi__result_person(kkachi_result *r, const char *name, kk_person **out);

#endif
