/* test_utf8.c: UTF-8 validation of every kind of bad sequence, and
 * byte/code-point offsets. */
#include <string.h>

#include "check.h"
#include "kkachi.h"
#include "utf8.h"

typedef struct row {
  const char *bytes;
  size_t len;
  int rc;
  size_t bad;
} row;

static const row rows[] = {
  { "plain ascii", 11, 0, 0 },
  { "\xEA\xB9\x8C\xEC\xB9\x98", 6, 0, 0 },    /* 까치 */
  { "\xF0\x9F\x90\xA6", 4, 0, 0 },            /* U+1F426 */
  { "ab\x80", 3, KKACHI_EUTF8, 2 },           /* lone continuation */
  { "a\xC0\xAF", 3, KKACHI_EUTF8, 1 },        /* overlong '/' */
  { "\xC1\xBF", 2, KKACHI_EUTF8, 0 },         /* overlong */
  { "\xE0\x80\xAF", 3, KKACHI_EUTF8, 0 },     /* overlong 3-byte */
  { "\xF0\x80\x80\xAF", 4, KKACHI_EUTF8, 0 }, /* overlong 4-byte */
  { "x\xED\xA0\x80", 4, KKACHI_EUTF8, 1 },    /* surrogate D800 */
  { "\xED\xBF\xBF", 3, KKACHI_EUTF8, 0 },     /* surrogate DFFF */
  { "\xF4\x90\x80\x80", 4, KKACHI_EUTF8, 0 }, /* past U+10FFFF */
  { "\xF5\x80\x80\x80", 4, KKACHI_EUTF8, 0 }, /* F5 lead */
  { "\xFF", 1, KKACHI_EUTF8, 0 },             /* FF */
  { "\xEA\xB9", 2, KKACHI_EUTF8, 0 },         /* truncated */
  { "\xEA\xB9"
    "a",
    3, KKACHI_EUTF8, 0 },          /* bad continuation */
  { "ab\0cd", 5, KKACHI_ENUL, 2 }, /* NUL byte */
  { "\xEF\xBF\xBF", 3, 0, 0 },     /* U+FFFF is valid */
  { "\xF4\x8F\xBF\xBF", 4, 0, 0 }, /* U+10FFFF */
};

int
main(void)
{
  size_t i, bad;
  kk_cpmap m;
  const char *s = "가a나b";

  for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    int rc;
    bad = 999;
    rc = kkachi__utf8_check(rows[i].bytes, rows[i].len, &bad);
    if (rc != rows[i].rc || (rc && bad != rows[i].bad))
      fprintf(stderr, "row %lu: rc %d bad %lu\n", (unsigned long)i, rc,
              (unsigned long)bad);
    CHECK(rc == rows[i].rc);
    CHECK(!rc || bad == rows[i].bad);
  }
  CHECK(kkachi__utf8_count(s, strlen(s)) == 4);
  kkachi__cpmap_init(&m, s);
  CHECK(kkachi__cpmap_get(&m, 3) == 1);
  CHECK(kkachi__cpmap_get(&m, 7) == 3);
  CHECK(kkachi__cpmap_get(&m, 4) == 2); /* backwards works too */
  CHECK(kkachi__utf8_prev(s, 3) == 0xAC00);
  i = 0;
  CHECK(kkachi__utf8_next(s, &i) == 0xAC00 && i == 3);
  CHECK(kkachi__is_hangul(0xAC00) && !kkachi__is_hangul('a'));
  return CHECK_END();
}
