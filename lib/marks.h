/* marks.h: the typed mentions of a sentence (ORG, PROGRAM, COUNT, ...),
 * found by the rules that have mark lines, and the sentence rewritten over
 * them, for the rules that match over mentions (frames).
 *
 * In the rewritten sentence each mention, with a parenthesis right after
 * it and the particle that follows, is one token: U+E000 TYPE ':' FUNCTION U+E001, where FUNCTION is the
 * particle's function from the "particle" gazetteer (topic, subj, obj, ...)
 * or empty. The text between mentions is kept as it is, so that a frame
 * reads the verbs and words around them. Offsets are bytes. */
#ifndef KK_MARKS_H
#define KK_MARKS_H

#include <stddef.h>

#include "buf.h"

struct kk_gazetteer;

typedef struct kk_mark {
  const char *type;  /* borrowed from the rule */
  size_t begin, end; /* the mention, in the sentence */
  size_t pend;       /* the end of what its token covers: a parenthesis
                        right after it ("(군수 홍길동)") and its particle */
  const char *func;  /* the particle's function, borrowed; "" for none */
  size_t order;      /* the rule's place, then the match's */
} kk_mark;

/* One piece of the rewritten sentence: [mb, me) there stands for [rb, re)
 * of the sentence; a token stands for its mention [rb, re) and particle. */
typedef struct kk_markseg {
  size_t mb, me, rb, re;
  int token;
} kk_markseg;

typedef struct kk_marked {
  kk_mark *m; /* owned */
  size_t n, cap;
  kk_buf s; /* the rewritten sentence, owned */
  kk_markseg *seg; /* owned */
  size_t nseg, capseg;
} kk_marked;

#define KK_MARKED_INIT { NULL, 0, 0, KK_BUF_INIT, NULL, 0, 0 }

/* Adds a candidate mention [begin, end) of type (borrowed). */
int kkachi__marked_add(kk_marked *k, const char *type, size_t begin,
                       size_t end);

/* The longest a quotation mark of the quote gazetteer is read, in bytes. */
#define KK_QUOTE_MAX 4

/* Keeps the candidates that do not overlap (the earliest first, then the
 * longest, then the first added), finds the particle after each (particles
 * may be NULL), after a closing quotation mark of quotes (opening mark,
 * closing mark; may be NULL), and rewrites sentence s[0..n) into k->s.
 * Both gazetteers are borrowed. */
int kkachi__marked_build(kk_marked *k, const char *s, size_t n,
                         const struct kk_gazetteer *particles,
                         const struct kk_gazetteer *quotes);

/* Where position pos of the rewritten sentence begins, or ends, in the
 * sentence: a token begins at its mention and ends where the mention
 * ends (its particle is left out). */
size_t kkachi__marked_begin(const kk_marked *k, size_t pos);
size_t kkachi__marked_end(const kk_marked *k, size_t pos);

/* Empties k for the next sentence; keeps its memory. */
void kkachi__marked_reset(kk_marked *k);
/* Frees what k owns. */
void kkachi__marked_clear(kk_marked *k);

#endif
