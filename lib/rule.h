/* rule.h: extraction rules as loaded from rule files. */
#ifndef KK_RULE_H
#define KK_RULE_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>

/* role=value in a fact template or an example expectation. */
typedef struct kk_binding {
  char *role;
  char *value;       /* literal value, or the group name when group is set */
  int is_group;      /* value names capture groups ($a or $a|$b: the first
                        group that took part) */
  uint32_t group[4]; /* group numbers once compiled */
  size_t ngroups;
} kk_binding;

struct kk_family;

typedef struct kk_factspec {
  char *family;
  const struct kk_family *fam; /* static */
  kk_binding *b;               /* owned */
  size_t nb;
  unsigned long line;
} kk_factspec;

typedef struct kk_expect {
  int forbid; /* 1: no output fact may match */
  kk_factspec spec;
} kk_expect;

/* mark TYPE=$group: the group's text is a mention of TYPE (ORG, PROGRAM,
 * COUNT, ...), for the rules that match over mentions. */
typedef struct kk_markspec {
  char *type;  /* owned */
  char *group; /* the group's name, owned */
  uint32_t gno; /* its number once compiled */
  unsigned long line;
} kk_markspec;

typedef struct kk_example {
  char *text;
  unsigned long line;
  kk_expect *ex; /* owned */
  size_t nex;
} kk_example;

/* One of the needs a rule's pattern implies (pattern_needs.c): met in a
 * sentence that holds one of its literals or a form one of its scan slots
 * finds. */
typedef struct kk_implied {
  size_t clause; /* 1 + the engine's clause of its literals (implied.c),
                    0 for none */
  size_t *slot;  /* the gazetteers' scan slots; owned */
  size_t nslot;
} kk_implied;

typedef struct kk_rule {
  char *id;   /* "LANG/NAME" */
  char *lang; /* "ko", "en" */
  unsigned langbit; /* its bit among the engine's (kkachi__engine_lang_bit),
                       set when compiled */
  char *file; /* path of the rule file */
  unsigned long line;
  char *pattern; /* as written, with {{references}} */
  unsigned long pattern_line;
  int scope_any;      /* 1: also outside the article body (bylines) */
  int skip_quoted;    /* 1: not inside quoted speech */
  char **needs; /* the rule runs only on sentences with one of these:
                   literals, or {{gazetteer}} for any of its forms */
  size_t nneeds;
  size_t *need_slot; /* scan slots of the needed gazetteers, and of the
                        needed literals as one list when the rule has a
                        window (they are where matches may start); set
                        when compiled */
  size_t nneed_slots;
  size_t need_clause; /* else 1 + the engine's clause of those literals
                         (implied.c), found with every other; 0: none */
  kk_implied *implied; /* what every match holds besides, read from the
                          pattern when compiled: a sentence must meet all
                          of them; owned */
  size_t nimplied;
  kk_factspec *facts; /* owned */
  size_t nfacts;
  kk_markspec *marks; /* owned */
  size_t nmarks;
  int frame; /* 1: matched over the sentence rewritten over its mentions
                (over mentions), not over its text */
  unsigned window; /* > 0: a match starts at most this many code points
                      before a word the rule needs (window N) */
  kk_example *examples; /* owned */
  size_t nexamples;
  pcre2_code *code;       /* compiled, owned */
  struct kk_gazref *refs; /* large gazetteers checked by callout, owned */
  size_t nrefs;
  int all_by_callout; /* every gazetteer by callout, however small: the
                         pattern was too large with small ones written out */
  int by_subroutine;  /* large defines written once, in a DEFINE group, and
                         called where named: the pattern was too large
                         even with every gazetteer by callout */
  const struct kk_define **subs; /* those defines, while compiling (not
                                    owned: the engine's) */
  size_t nsubs;
  int jit_tried;      /* JIT compilation was tried: it is done on the rule's
                         first match, not at load (kkachi__rule_jit) */
} kk_rule;

struct kk_gazetteer;

/* A reference to a large gazetteer: the pattern matches a candidate in the
 * capture group "kkgN" and a callout looks it up in the gazetteer. */
typedef struct kk_gazref {
  const struct kk_gazetteer *g;
  uint32_t group;
  size_t slot; /* where the engine keeps g's occurrences in the text */
} kk_gazref;

typedef struct kk_define {
  char *name;
  char *pattern;
  char *file;
  unsigned long line;
} kk_define;

void kkachi__rule_free(kk_rule *r);

/* JIT-compiles r's pattern the first time it is called for r; later calls
 * do nothing. A rule set is loaded whole but an article, or a short run,
 * matches few of its rules: compiling them all to machine code at load
 * would cost more than matching. Where JIT is unavailable (or
 * KKACHI_NO_JIT is set, for valgrind), the pattern is interpreted. */
void kkachi__rule_jit(kk_rule *r);
void kkachi__factspec_clear(kk_factspec *f);

#endif
