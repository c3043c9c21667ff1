/* fuzz_common.c: the shared engine and scratch files of the fuzz targets. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

#ifndef KK_SRCDIR
#define KK_SRCDIR "."
#endif

void
fuzz_quiet(int level, const char *file, unsigned long line, unsigned long col,
           const char *msg, void *user_data)
{
  (void)level, (void)file, (void)line, (void)col, (void)msg, (void)user_data;
}

static kkachi_engine *engine;

static void
free_engine(void)
{
  kkachi_engine_free(engine);
  engine = NULL;
}

kkachi_engine *
fuzz_engine(void)
{
  const char *rules = getenv("KKACHI_RULES");
  if (engine)
    return engine;
  if (kkachi_engine_new(&engine))
    return NULL;
  kkachi_engine_set_log(engine, fuzz_quiet, NULL);
  if (kkachi_engine_load_rules(engine,
                               rules ? rules : KK_SRCDIR "/extract/rules")
      || kkachi_engine_compile(engine)) {
    fprintf(stderr, "fuzz: cannot load the rules\n");
    kkachi_engine_free(engine);
    engine = NULL;
    return NULL;
  }
  atexit(free_engine);
  return engine;
}

static char path[4096];

static void
remove_file(void)
{
  if (path[0])
    unlink(path);
}

const char *
fuzz_file(const uint8_t *data, size_t size, const char *ending)
{
  const char *dir = getenv("TMPDIR");
  FILE *fp;
  if (path[0])
    unlink(path);
  else
    atexit(remove_file);
  snprintf(path, sizeof path, "%s/kkachi-fuzz-%ld%s", dir ? dir : "/tmp",
           (long)getpid(), ending);
  if (!(fp = fopen(path, "wb")))
    return NULL;
  if (size && fwrite(data, 1, size, fp) != size) {
    fclose(fp);
    return NULL;
  }
  return fclose(fp) ? NULL : path;
}

/* The sanitizers' defaults for these programs (ASAN_OPTIONS and
 * LSAN_OPTIONS still win): full stacks at each allocation, without which
 * a leak inside raptor shows only its last two frames and no suppression
 * can name it, and the suppressions of tests/lsan.supp, so that a fuzzer
 * run as the README says does not stop at once on raptor's own leaks.
 * Unused in a build without AddressSanitizer. */
const char *__asan_default_options(void);
const char *__lsan_default_options(void);

const char *
__asan_default_options(void)
{
  return "fast_unwind_on_malloc=0";
}

const char *
__lsan_default_options(void)
{
  return "suppressions=" KK_SRCDIR "/tests/lsan.supp:print_suppressions=0";
}
