/* floor.c: the regex floor of a rule set. Reads a corpus, then times one
 * PCRE2 (JIT) pass of every compiled rule pattern over every article's
 * whole text, match after match, with the gazetteer lookups the patterns
 * call: no sentences, no needs lines, no facts, no output. No extractor
 * that runs these patterns over the text can take less time. Only the
 * rules of the corpus's language (LANG, ko by default) run, as in
 * extraction.
 *
 * usage: floor RULES CORPUS.jsonl [LANG]
 * prints: floor: S s, N matches in A articles */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "article.h"
#include "engine.h"
#include "kkachi.h"

typedef struct doc {
  char *text;
  size_t len;
} doc;

static double
now(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Every match of r in s[0..n), as the extractor steps through them. */
static unsigned long
pass(kkachi_engine *e, const kk_rule *r, const char *s, size_t n)
{
  size_t start = 0;
  unsigned long count = 0;
  e->cur_rule = r;
  e->cur_base = 0;
  while (start <= n) {
    PCRE2_SIZE *ov;
    int rc = pcre2_match(r->code, (PCRE2_SPTR)s, n, start, PCRE2_NO_UTF_CHECK,
                         e->md, e->mctx);
    if (rc < 0)
      break;
    count++;
    ov = pcre2_get_ovector_pointer(e->md);
    if (ov[1] > start)
      start = ov[1];
    else {
      start++;
      while (start < n && ((unsigned char)s[start] & 0xC0) == 0x80)
        start++;
    }
  }
  return count;
}

int
main(int argc, char **argv)
{
  kkachi_engine *e = NULL;
  kkachi_reader *rd = NULL;
  doc *docs = NULL;
  size_t ndocs = 0, cap = 0, bytes = 0, i, k;
  unsigned long matches = 0;
  double t0, secs;
  int rc = 1;
  const char *lang = argc > 3 ? argv[3] : "ko";

  if (argc != 3 && argc != 4) {
    fprintf(stderr, "usage: floor RULES CORPUS.jsonl [LANG]\n");
    return 2;
  }
  if (kkachi_engine_new(&e) || kkachi_engine_load_rules(e, argv[1])
      || kkachi_engine_compile(e)) {
    fprintf(stderr, "floor: %s: cannot load the rules\n", argv[1]);
    goto done;
  }
  if (kkachi_reader_open(&rd, argv[2], KKACHI_INPUT_JSONL)) {
    fprintf(stderr, "floor: %s: cannot open\n", argv[2]);
    goto done;
  }
  for (;;) { /* read everything first: the floor is matching alone */
    kkachi_article *a = NULL;
    if (kkachi_reader_next(rd, &a, NULL, NULL, NULL))
      continue;
    if (!a)
      break;
    if (ndocs == cap) {
      doc *d;
      cap = cap ? cap * 2 : 1024;
      if (!(d = realloc(docs, cap * sizeof *d))) {
        kkachi_article_free(a);
        goto done;
      }
      docs = d;
    }
    docs[ndocs].text = a->text;
    docs[ndocs].len = a->len;
    a->text = NULL;
    bytes += a->len;
    ndocs++;
    kkachi_article_free(a);
  }
  for (k = 0; k < e->nrules; k++) /* compiled before the clock starts */
    kkachi__rule_jit(e->rules[k]);
  t0 = now();
  for (i = 0; i < ndocs; i++) {
    if (kkachi__engine_scan_text(e, docs[i].text, docs[i].len, lang))
      goto done;
    for (k = 0; k < e->nrules; k++)
      if (e->rules[k]->code && !strcmp(e->rules[k]->lang, lang))
        matches += pass(e, e->rules[k], docs[i].text, docs[i].len);
  }
  secs = now() - t0;
  printf("floor: %.2f s, %lu matches in %lu articles (%.1f MB of text)\n",
         secs, matches, (unsigned long)ndocs, (double)bytes / 1e6);
  rc = 0;
done:
  for (i = 0; i < ndocs; i++)
    free(docs[i].text);
  free(docs);
  kkachi_reader_free(rd);
  kkachi_engine_free(e);
  return rc;
}
