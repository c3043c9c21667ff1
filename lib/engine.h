/* engine.h: the engine's private state, shared by the stages. */
#ifndef KK_ENGINE_H
#define KK_ENGINE_H

#include <librdf.h>

#include "buf.h"
#include "gazetteer.h"
#include "gazscan.h"
#include "gazscan_set.h"
#include "implied.h"
#include "kkachi.h"
#include "log.h"
#include "marks.h"
#include "profile.h"
#include "rule.h"
#include "strmap.h"
#include "text.h"

#define KK_NO_SLOT ((size_t)-1)

/* Limits on matching: no text and no rule can make it run unbounded. */
#define KK_MATCH_LIMIT 1000000u
#define KK_DEPTH_LIMIT 10000u
#define KK_HEAP_LIMIT 20000u /* KiB */
#define KK_MAX_COMPILED (4u << 20)
#define KK_MAX_MATCHES_PER_RULE 10000u
#define KK_DEFAULT_TIME_LIMIT 10.0 /* s of CPU per article */

/* A gazetteer the engine finds in every text, and where it occurs in the
 * current one. */
typedef struct kk_scanned {
  const kk_gazetteer *g;
  kk_gazscan *trie; /* owned */
  kk_gazspans spans;
  unsigned langs; /* bits (kkachi__engine_lang_bit) of the languages whose
                     rules use it: an article of another is not scanned */
} kk_scanned;

struct kkachi_engine {
  kk_log log;
  char *base;
  kk_rule **rules;
  size_t nrules, caprules;
  kk_define **defines;
  size_t ndefines, capdefines;
  kk_gazetteer **gaz;
  size_t ngaz, capgaz;
  struct kk_gazalt *alt; /* while the rules compile, one per gazetteer of
                            gaz (rule_compile.c); owned */
  kk_strmap *rule_ids;   /* id -> kk_rule* */
  kk_strmap *rule_files; /* real paths of the rule files read */
  char **roots;          /* real folders rule files may read below */
  size_t nroots;
  int rules_unsafe;      /* they may read anything */
  int compiled;
  kk_segmenter *seg;    /* sentences of Korean text */
  kk_segmenter *seg_en; /* of English text, past abbreviations (Sen., U.S.) */
  pcre2_match_data *md;  /* as many pairs as the most groups of a rule */
  PCRE2_SIZE *raw;        /* as many pairs again (match.c); owned */
  pcre2_match_context *mctx;
  pcre2_jit_stack *jit;
  double time_limit;        /* CPU seconds per article, 0 for none */
  const char *cur_article;  /* the article's id, for warnings */
  const kk_rule *cur_rule;  /* the rule being matched, for callouts */
  size_t cur_base;          /* the sentence's offset in the text */
  /* gazetteers found in the text by trie before the rules run: those
   * checked by callout and those named in needs lines */
  struct kk_scanned *scan;
  size_t nscan;
  kk_gazscan_set *scanset; /* the tries of scan, for one pass over a text;
                              made on the first, owned */
  kk_gazspans **scanto;    /* per slot, its spans or NULL: what that pass
                              fills in (nscan long), owned */
  size_t *scancur;   /* per slot, its first span not before the sentence
                        being matched (match_needs.c); owned */
  uint64_t *present; /* per slot, a bit: a form it finds lies in that
                        sentence; owned */
  size_t scancap;    /* slots both have room for */
  kk_implied_set *implied; /* the literals rules' patterns imply, made on
                              the first; owned */
  unsigned implied_langs;  /* the languages of the rules that do */
  size_t implied_slot;     /* the scan slot of those literals, or
                              KK_NO_SLOT */
  const char *langs[32]; /* languages of the rules, borrowed from them */
  size_t nlangs;
  kk_gazetteer **lists; /* literal lists, named "a|b|c", owned */
  size_t nlists;
  struct kk_numparser *num; /* counts and periods */
  librdf_world *world;      /* created on first use by a writer */
  char *rdf_held;           /* see kkachi__engine_hold_rdf */
  size_t rdf_heldn;
  /* gazetteers the resolver uses by name; NULL when not loaded */
  kk_gazetteer *g_org, *g_orgclass, *g_title, *g_prof, *g_notname, *g_notorg;
  kk_gazetteer *g_particle; /* particles and their functions */
  kk_gazetteer *g_copula;   /* endings of the copula (후보인, 코치였던) */
  kk_gazetteer *g_country;  /* countries (리비아 of 리비아 국방부) */
  kk_gazetteer *g_home;     /* the home country (대한민국) */
  kk_gazetteer *g_pointing; /* words pointing back (이번 of 이번 공모) */
  kk_gazetteer *g_pronoun;  /* personal pronouns (그, 그녀) */
  kk_gazetteer *g_quote;    /* quotation marks: opening, closing */
  kk_gazetteer *g_legal;    /* marks of a legal form ((재), ㈜, 주식회사) */
  kk_marked marked;          /* the current sentence's mentions */
  int show_marks;            /* KKACHI_MENTIONS: write them to stderr */
  const kk_marked *cur_marked; /* set while a frame rule matches: callout
                                  positions are in its rewritten text */
  kk_profile *prof;          /* KKACHI_PROFILE: what each rule costs, or
                                NULL; owned */
  kk_prof_rule *cur_prof;    /* the running rule's row in it, or NULL */
};

/* Finds a gazetteer by name, or NULL. */
kk_gazetteer *kkachi__engine_gazetteer(kkachi_engine *e, const char *name);

/* Parses one rule file into e. *opened is 0 when the file itself could
 * not be opened (errno tells why, nothing is logged). */
int kkachi__rules_parse_file(kkachi_engine *e, const char *path, int *opened);

/* Adds the folder of path (a rule file or folder about to be loaded) to
 * those rule files may read below; for a folder named rules, or one in
 * it, that folder and the gazetteers folder beside it (rule_paths.c). */
int kkachi__rules_add_roots(kkachi_engine *e, const char *path);

/* Whether rule files may read path: it resolves below a root, it does
 * not resolve (opening it fails then), or the engine is unsafe. */
int kkachi__rules_path_ok(const kkachi_engine *e, const char *path);

/* Frees the roots. */
void kkachi__rules_roots_free(kkachi_engine *e);

/* Expands references and compiles every rule. */
int kkachi__rules_compile(kkachi_engine *e);

/* Reads from r's pattern, as compiled (pat[0..n)), what every match of it
 * holds, and binds that to scan slots in r->implied (rule_needs.c). A
 * pattern not read implies nothing; one over mentions, only words of the
 * sentence's own text outside the mentions' tokens. */
int kkachi__rule_bind_implied(kkachi_engine *e, kk_rule *r, const char *pat,
                              size_t n);

/* Expands {{references}} of src into out (for compile and for tests). */
int kkachi__rules_expand(kkachi_engine *e, const char *src, kk_buf *out,
                         kk_rule *r);

/* The bit of a language among those of the rules (lang is borrowed and
 * must outlive e); with add 0, 0 for a language no rule has. Past 32
 * languages every bit is given (~0u). */
unsigned kkachi__engine_lang_bit(kkachi_engine *e, const char *lang, int add);

/* The index of g among the gazetteers found by trie in the texts of
 * language lang (a rule's, borrowed), adding it when new. */
int kkachi__engine_scan_slot(kkachi_engine *e, const kk_gazetteer *g,
                             const char *lang, size_t *slot);

/* Finds every gazetteer scanned for language lang in s[0..n), for the
 * callouts and needs lines of the rules that run on it next. */
int kkachi__engine_scan_text(kkachi_engine *e, const char *s, size_t n,
                             const char *lang);

/* Readies the slots' spans of a text for kkachi__needs_sentence: its
 * sentences are then given in order (match_needs.c). */
int kkachi__needs_text(kkachi_engine *e);

/* Sees which slots find a form inside sentence s of text, and which
 * clauses of literals it meets. */
void kkachi__needs_sentence(kkachi_engine *e, const char *text,
                            const kk_sentence *s);

/* Binds the literals of r's needs line, lits[0..n) (borrowed), to a
 * clause of the words all rules need (rule_needs.c). */
int kkachi__rule_need_clause(kkachi_engine *e, kk_rule *r, char *const *lits,
                             size_t n);

/* Makes the scan slot of the literals the rules' patterns imply, once
 * every rule is compiled (rule_needs.c). */
int kkachi__rules_implied_slot(kkachi_engine *e);

/* Whether rule r's needs line, and every need its pattern implies, are
 * met in the sentence last given to kkachi__needs_sentence. */
int kkachi__needs_met(const kkachi_engine *e, const kk_rule *r);

/* The index of g's forms found as written (no spaces left out) among the
 * slots scanned in texts of language lang, adding it when new. */
int kkachi__engine_exact_slot(kkachi_engine *e, const kk_gazetteer *g,
                              const char *lang, size_t *slot);

/* The slot of a list of literals found as written ("a|b|c"); one per
 * distinct list, made on first use and owned by the engine. */
int kkachi__engine_literal_slot(kkachi_engine *e, const char *key,
                                char *const *lits, size_t n,
                                const char *lang, size_t *slot);

/* Returns the librdf world, creating it on first use. */
librdf_world *kkachi__engine_world(kkachi_engine *e);

/* While held is not NULL, Redland's first error is written into it (n
 * bytes with the NUL) instead of logged, and later ones are dropped: for
 * a caller that reports the failure in its own words, on one line. */
void kkachi__engine_hold_rdf(kkachi_engine *e, char *held, size_t n);

#endif
