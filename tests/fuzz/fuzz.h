/* fuzz.h: what every fuzz target shares: the libFuzzer entry point, a
 * quiet engine with the shipped rules, and a scratch file for the APIs
 * that read from a path. */
#ifndef KK_FUZZ_H
#define KK_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "kkachi.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The engine with the rules under $KKACHI_RULES (default: the source
 * tree's extract/rules), made once per process; NULL when it cannot be. */
kkachi_engine *fuzz_engine(void);

/* Writes data to a scratch file of this process, named with the given
 * ending (".rules", ".jsonl", ...), and returns its path (static), or
 * NULL. */
const char *fuzz_file(const uint8_t *data, size_t size, const char *ending);

/* A log function that drops every message. */
void fuzz_quiet(int level, const char *file, unsigned long line,
                unsigned long col, const char *msg, void *user_data);

#endif
