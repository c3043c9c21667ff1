/* test_pattern.c: rule patterns read into trees, and the words every
 * match must hold read from them; syntax not read makes a pattern
 * unreadable rather than misread. */
#include <string.h>

#include "buf.h"
#include "check.h"
#include "kkachi.h"
#include "pattern.h"

/* The needs of pattern s written out: "a b|G0;..." (each need's literals
 * and references, needs apart by ';'), or "unread". */
static void
needs_of(const char *s, kk_buf *out)
{
  kk_pattern p = KK_PATTERN_INIT;
  kk_pneed *need = NULL;
  size_t n = 0, i, j;

  kkachi__buf_reset(out);
  if (kkachi__pattern_parse(&p, s, strlen(s))) {
    kkachi__buf_puts(out, "unread");
    kkachi__pattern_clear(&p);
    return;
  }
  CHECK(kkachi__pattern_needs(&p, 0, &need, &n) == 0);
  for (i = 0; i < n; i++) {
    if (i)
      kkachi__buf_puts(out, ";");
    for (j = 0; j < need[i].nlit; j++)
      kkachi__buf_printf(out, "%s%s", j ? " " : "", need[i].lit[j]);
    for (j = 0; j < need[i].nref; j++)
      kkachi__buf_printf(out, "%sG%u", j || need[i].nlit ? " " : "",
                         (unsigned)need[i].ref[j]);
  }
  if (!out->data)
    kkachi__buf_puts(out, "");
  kkachi__pattern_needs_free(need, n);
  kkachi__pattern_clear(&p);
}

static void
expect(const char *pattern, const char *want)
{
  kk_buf b = KK_BUF_INIT;
  needs_of(pattern, &b);
  if (strcmp(b.data, want))
    fprintf(stderr, "%s: needs '%s', want '%s'\n", pattern, b.data, want);
  CHECK(!strcmp(b.data, want));
  kkachi__buf_free(&b);
}

int
main(void)
{
  /* what is not read: options, back references, verbs, properties,
   * POSIX classes, a brace that is no repeat, unbalanced groups */
  expect("(?i)선정", "unread");
  expect("(a)\\1", "unread");
  expect("(*SKIP)선정", "unread");
  expect("\\p{L}선정", "unread");
  expect("[[:alpha:]]선정", "unread");
  expect("선{,3}정", "unread");
  expect("(선정", "unread");
  expect("선정)", "unread");

  /* words in sequence, alternatives, repeats, assertions */
  expect("가람\\s+(?<org>[가-힣]+)\\s+선정", "가람;선정");
  expect("(?:선정|선발)된\\s+기관", "선발 선정;기관;된"); /* longest first */
  expect("(?!금지)허용어", "허용어");
  expect("(?<!금지\\s)허용어", "허용어");
  expect("(?:선택어)?필수어", "필수어");
  expect("(?:반복어)+필수어", "반복어;필수어");
  expect("(?=.*특정어)시작어", "특정어;시작어");
  expect("(?:가나다|\\d+)라마바", "라마바");  /* one side needs nothing */
  expect("(?:선정|선정된|최종선정)", "선정"); /* where they occur, 선정 does */
  expect("주최\\x20하에", "주최");             /* no white space in a word */
  expect("[^\\]가-힣]\\.\\(주\\)", ".(주)");
  expect("(?:ab|cd)(?:ef|gh)", "ab cd;ef gh");
  expect("(?(<x>)예|아니오)", "");            /* a condition: anything */
  expect("(?#comment)설명", "설명");
  expect("$|끝말", "");

  /* over mentions: no word from what a token holds */
  {
    kk_pattern p = KK_PATTERN_INIT;
    kk_pneed *need = NULL;
    size_t n = 0;
    const char *s = "\\x{E000}ORG:subj\\x{E001}\\s+신청했다";
    CHECK(kkachi__pattern_parse(&p, s, strlen(s)) == 0);
    CHECK(kkachi__pattern_needs(&p, KK_PNEEDS_MENTIONS, &need, &n) == 0);
    CHECK(n == 1 && need[0].nlit == 1 && !strcmp(need[0].lit[0], "신청했다"));
    kkachi__pattern_needs_free(need, n);
    CHECK(kkachi__pattern_needs(&p, 0, &need, &n) == 0);
    CHECK(n == 2); /* ORG:subj too */
    kkachi__pattern_needs_free(need, n);
    kkachi__pattern_clear(&p);
  }

  /* the callout of a gazetteer looked up by rule_compile.c */
  expect("(?C\"b0\")(?<kkg0>\\S{1,5})(?C\"0\")(?=)\\s+직함",
         "G0;직함"); /* a gazetteer's form tells more than two syllables */
  expect("(?:(?C\"b1\")(?<kkg1>\\S{1,5})(?C\"1\")(?=)|기관)\\s+직함",
         "기관 G1;직함");
  return CHECK_END();
}
