/* text.h: the text stage: NFC normalisation, lines, body filter, sentences. */
#ifndef KK_TEXT_H
#define KK_TEXT_H

#include <stddef.h>

/* A sentence of the normalised text, by byte offsets. */
typedef struct kk_sentence {
  size_t begin, end;
  int body; /* 1 when the line it belongs to looks like article body */
} kk_sentence;

/* A stretch of quoted speech ("…" or “…”), by byte offsets. */
typedef struct kk_span {
  size_t begin, end;
} kk_span;

typedef struct kk_text {
  char *s; /* NFC text, NUL-terminated, owned */
  size_t len;
  kk_sentence *sent; /* owned */
  size_t nsent, capsent;
  kk_span *quotes; /* owned, in order */
  size_t nquotes, capquotes;
} kk_text;

/* Whether byte offset off lies inside quoted speech. */
int kkachi__text_in_quote(const kk_text *t, size_t off);

typedef struct kk_segmenter kk_segmenter;

struct kk_gazetteer;

/* Creates a segmenter (an ICU sentence break iterator for locale, and
 * scratch space); reuse it for every article of one thread. For an
 * English locale, a full stop after an initial (R.) or after a word of
 * abbr (Sen, Lt; may be NULL, borrowed, must outlive the segmenter) ends
 * no sentence. */
int kkachi__segmenter_new(kk_segmenter **out, const char *locale,
                          const struct kk_gazetteer *abbr);
void kkachi__segmenter_free(kk_segmenter *seg);

/* Normalises in[0..n) (valid UTF-8) to NFC into out->s and splits it into
 * sentences. out is reset first; free it with kkachi__text_clear. */
int kkachi__text_prepare(kk_text *out, kk_segmenter *seg, const char *in,
                         size_t n);
void kkachi__text_clear(kk_text *t);

/* Whether a line (bytes) looks like article body rather than site chrome
 * (menus, buttons, headings): long, or ending like a sentence. */
int kkachi__text_is_body(const char *line, size_t n);

#endif
