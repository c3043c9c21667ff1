/* fuzz_text.c: bytes as an article's text, through every stage to
 * N-Quads. */
#include <stdio.h>

#include "fuzz.h"

static FILE *sink;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  kkachi_engine *e = fuzz_engine();
  kkachi_article *a = NULL;
  kkachi_result *r = NULL;
  kkachi_writer *w = NULL;

  if (!e || (!sink && !(sink = fopen("/dev/null", "w"))))
    return 0;
  if (kkachi_article_new(&a, "fuzz", (const char *)data, size, NULL))
    return 0;
  if (!kkachi_extract(&r, e, a) && !kkachi_writer_new(&w, e, sink, "nquads")) {
    (void)kkachi_writer_add(w, r);
    (void)kkachi_writer_finish(w);
  }
  kkachi_writer_free(w);
  kkachi_result_free(r);
  kkachi_article_free(a);
  return 0;
}
