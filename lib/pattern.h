/* pattern.h: a rule's pattern, written out as PCRE2 compiles it, read
 * into a tree, for what can be told of its matches before matching: the
 * words every match holds (pattern_needs.c). Only the syntax rules use
 * is read (groups, alternatives, repeats, assertions, classes, the
 * gazetteer callouts); anything else makes the pattern unreadable, and
 * nothing is told of it. */
#ifndef KK_PATTERN_H
#define KK_PATTERN_H

#include <stddef.h>
#include <stdint.h>


#define KK_PNONE 0xFFFFFFFFu
#define KK_PMAX 0xFFFFFFFFu /* a repeat with no upper bound */

typedef enum kk_pkind {
  KP_SEQ,    /* the children one after another (none: the empty string) */
  KP_ALT,    /* one of the children */
  KP_REPEAT, /* the child, min to max times */
  KP_LOOK,   /* an assertion on the child, ahead or behind: no text */
  KP_LIT,    /* code points, as written */
  KP_SET,    /* one code point of a class, or any (.) */
  KP_BOS,    /* the start of the subject (^, \A): no text */
  KP_ZERO,   /* no text, and nothing told ($, \b, a callout) */
  KP_GAZ,    /* no text: where a form of gazetteer reference c begins (the
                callout "bN" of rule_compile.c) */
  KP_ANY     /* not read further (a conditional group): any text */
} kk_pkind;

typedef struct kk_pnode {
  uint8_t kind;         /* a kk_pkind */
  uint8_t behind;       /* KP_LOOK: behind, not ahead */
  uint8_t negative;     /* KP_LOOK: must not match */
  uint32_t c;           /* KP_GAZ: the reference */
  uint32_t lit, nlit;   /* KP_LIT: its UTF-8 bytes in the pattern's text */
  uint32_t min, max;    /* KP_REPEAT */
  uint32_t kid, next;   /* first child and next sibling, or KK_PNONE */
} kk_pnode;

/* The tree: nodes by index, root the whole pattern. The struct is the
 * caller's, what it points to owned by it (kkachi__pattern_clear). */
typedef struct kk_pattern {
  kk_pnode *node;
  uint32_t n, cap;
  uint32_t root;
  char *text; /* the literals' bytes */
  size_t ntext, captext;
} kk_pattern;

#define KK_PATTERN_INIT                                                       \
  {                                                                           \
    NULL, 0, 0, KK_PNONE, NULL, 0, 0                                          \
  }

/* Reads s[0..n) (UTF-8, compiled with PCRE2_UTF | PCRE2_UCP and no other
 * option) into p, which must be empty. KKACHI_ESYNTAX when the pattern
 * uses syntax not read here (p is left for kkachi__pattern_clear). */
int kkachi__pattern_parse(kk_pattern *p, const char *s, size_t n);

void kkachi__pattern_clear(kk_pattern *p);

/* One thing every match holds: one of the literals, or a form of one of
 * the gazetteer references (KP_GAZ), inside the subject. */
typedef struct kk_pneed {
  char **lit; /* owned, as the pattern writes them */
  size_t nlit;
  uint32_t *ref; /* owned */
  size_t nref;
} kk_pneed;

/* What every match of p holds, as needs that must all be met (at most
 * KK_PNEEDS_MAX, the most telling: those of the longest words). *out (n of them, possibly
 * none) is owned by the caller: kkachi__pattern_needs_free. */
#define KK_PNEEDS_MAX 6
int kkachi__pattern_needs(const kk_pattern *p, unsigned flags,
                          kk_pneed **out, size_t *n);

/* A flag of kkachi__pattern_needs: p is matched over a sentence rewritten
 * over its mentions (marks.c), whose text outside the tokens is the
 * sentence's own; literals are taken only from what no token holds (ASCII
 * letters, ':', U+E000 and U+E001). */
#define KK_PNEEDS_MENTIONS 1u
void kkachi__pattern_needs_free(kk_pneed *c, size_t n);

#endif
