/* fuzz_input.c: bytes as a JSON Lines file (FUZZ_ENDING ".jsonl") or a
 * saved HTML page (".html"), read article by article and extracted. */
#include "fuzz.h"

#ifndef FUZZ_ENDING
#define FUZZ_ENDING ".jsonl"
#endif

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  kkachi_engine *e = fuzz_engine();
  kkachi_reader *rd = NULL;
  const char *path = fuzz_file(data, size, FUZZ_ENDING);
  unsigned guard = 0;

  if (!e || !path || kkachi_reader_open(&rd, path, KKACHI_INPUT_AUTO))
    return 0;
  while (guard++ < 100000) {
    kkachi_article *a = NULL;
    kkachi_result *r = NULL;
    if (kkachi_reader_next(rd, &a, NULL, NULL, NULL))
      continue; /* a bad record: the reader goes on */
    if (!a)
      break;
    if (!kkachi_extract(&r, e, a))
      (void)kkachi_result_count(r);
    kkachi_result_free(r);
    kkachi_article_free(a);
  }
  kkachi_reader_free(rd);
  return 0;
}
