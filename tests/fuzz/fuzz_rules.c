/* fuzz_rules.c: a rule file, loaded, compiled and its examples run. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  kkachi_engine *e = NULL;
  const char *path = fuzz_file(data, size, ".rules");
  unsigned passed = 0, failed = 0;

  if (!path || kkachi_engine_new(&e))
    return 0;
  kkachi_engine_set_log(e, fuzz_quiet, NULL);
  if (!kkachi_engine_load_rules(e, path) && !kkachi_engine_compile(e))
    (void)kkachi_engine_test_rules(e, NULL, NULL, &passed, &failed);
  kkachi_engine_free(e);
  return 0;
}
