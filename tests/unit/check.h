/* check.h: a minimal assertion helper for the unit tests. */
#ifndef KK_CHECK_H
#define KK_CHECK_H

#include <stdio.h>

static int check_failures;

#define CHECK(cond)                                                         \
  do {                                                                      \
    if (!(cond)) {                                                          \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__,      \
              #cond);                                                       \
      check_failures++;                                                     \
    }                                                                       \
  } while (0)

#define CHECK_END() (check_failures ? 1 : 0)

#endif
