/* test_gazscan.c: the spans found by the gazetteer scanner are exactly the
 * candidates the gazetteer lookup accepts, over every span of a text. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "gazetteer.h"
#include "gazscan.h"
#include "gazscan_set.h"
#include "kkachi.h"
#include "utf8.h"

static const char *forms[] = {
  "한국은행",   "은행",   "SM엔터테인먼트", "KB 국민은행",
  "서울대학교", "서울대", "KAIST",          "국제 원자력 기구",
};

/* Whether s[b..e) has the candidate shape: words of 1..maxcp code points
 * without white space, one ASCII space apart, at most maxw of them. */
static int
shaped(const char *s, size_t b, size_t e, size_t maxw, size_t maxcp)
{
  size_t i = b, words = 1, cp = 0;
  while (i < e) {
    uint32_t c = kkachi__utf8_next(s, &i);
    if (c == ' ') {
      if (cp == 0 || ++words > maxw)
        return 0;
      cp = 0;
    } else if (c == '\t' || c == '\n' || c == 0x3000 || c == 0xa0) {
      return 0;
    } else if (++cp > maxcp) {
      return 0;
    }
  }
  return cp > 0;
}

/* Whether two scans found the same spans. */
static int
same_spans(const kk_gazspans *a, const kk_gazspans *b)
{
  return a->n == b->n
         && (!a->n || !memcmp(a->span, b->span, 2 * a->n * sizeof *a->span));
}

/* One pass of a set of tries finds, for each trie asked for, what a pass
 * of its own finds, and leaves the others alone. */
static void
check_set(kk_gazscan *const *tries, size_t n, const char *text)
{
  kk_gazspans own[3] = { KK_GAZSPANS_INIT, KK_GAZSPANS_INIT,
                         KK_GAZSPANS_INIT };
  kk_gazspans all[3] = { KK_GAZSPANS_INIT, KK_GAZSPANS_INIT,
                         KK_GAZSPANS_INIT };
  kk_gazspans *to[3] = { &all[0], NULL, &all[2] };
  kk_gazscan_set *set = NULL;
  size_t k, len = strlen(text), b;

  CHECK(n == 3);
  CHECK(kkachi__gazscan_set_new(&set, tries, n) == 0);
  CHECK(set && kkachi__gazscan_set_size(set) == 3);
  CHECK(kkachi__gazscan_set_run(set, text, len, to) == 0);
  CHECK(all[1].n == 0 && all[1].starts == NULL);
  for (k = 0; k < n; k += 2) {
    CHECK(kkachi__gazscan_run(tries[k], text, len, &own[k]) == 0);
    CHECK(own[k].n > 0);
    CHECK(same_spans(&own[k], &all[k]));
    for (b = 0; b < len; b++)
      CHECK(kkachi__gazspans_starts(&own[k], b)
            == kkachi__gazspans_starts(&all[k], b));
  }
  CHECK(kkachi__gazscan_set_run(set, "", 0, to) == 0);
  CHECK(all[0].n == 0 && all[2].n == 0);
  for (k = 0; k < n; k++) {
    kkachi__gazspans_clear(&own[k]);
    kkachi__gazspans_clear(&all[k]);
  }
  kkachi__gazscan_set_free(set);
  kkachi__gazscan_set_free(NULL);
}

static void
check_every_span(const kk_gazetteer *g, const kk_gazscan *t, const char *s)
{
  kk_gazspans sp = KK_GAZSPANS_INIT;
  size_t n = strlen(s), b, e, found = 0;

  CHECK(kkachi__gazscan_run(t, s, n, &sp) == 0);
  for (b = 0; b < n; b++) {
    int starts = 0;
    if (((unsigned char)s[b] & 0xC0) == 0x80)
      continue;
    for (e = b + 1; e <= n; e++) {
      int want;
      if (e < n && ((unsigned char)s[e] & 0xC0) == 0x80)
        continue;
      want = shaped(s, b, e, kkachi__gazscan_maxw(t), kkachi__gazscan_maxcp(t))
             && kkachi__gazetteer_find(g, s + b, e - b) != NULL;
      if (kkachi__gazspans_has(&sp, b, e) != want)
        fprintf(stderr, "span [%zu,%zu) '%.*s': want %d\n", b, e, (int)(e - b),
                s + b, want);
      CHECK(kkachi__gazspans_has(&sp, b, e) == want);
      starts |= want;
      found += (size_t)want;
    }
    CHECK(kkachi__gazspans_starts(&sp, b) == starts);
  }
  CHECK(found == sp.n);
  kkachi__gazspans_clear(&sp);
}

int
main(void)
{
  kk_gazetteer *g = NULL, *lits = NULL;
  kk_gazscan *t = NULL, *lt = NULL;
  kk_gazspans sp = KK_GAZSPANS_INIT;
  const char *text;
  size_t i;

  CHECK(kkachi__gazetteer_new(&g, "org") == 0);
  for (i = 0; i < sizeof forms / sizeof *forms; i++)
    CHECK(kkachi__gazetteer_add(g, forms[i], strlen(forms[i])) == 0);
  CHECK(kkachi__gazscan_new(&t, g, 0) == 0);
  CHECK(kkachi__gazscan_maxw(t) == 4); /* three words, and one more */

  /* as written, with spaces left out, with one space too many, inside
   * longer words, across other white space, at both ends */
  check_every_span(g, t,
                   "한국은행과 SM 엔터테인먼트, KB 국민은행 그리고 "
                   "KB국민은행\xE3\x80\x80서울대학교 학생과 국제 원자력 기구, "
                   "국제원자력기구 그리고 국제  원자력 기구 KAIST");
  check_every_span(g, t, "은행");
  check_every_span(g, t, "");

  /* the spans themselves, in order */
  text = "SM 엔터테인먼트와 한국은행";
  CHECK(kkachi__gazscan_run(t, text, strlen(text), &sp) == 0);
  CHECK(sp.n == 3);
  CHECK(sp.span[0] == 0 && sp.span[1] == strlen("SM 엔터테인먼트"));
  CHECK(kkachi__gazspans_within(&sp, 0, strlen(text)));
  CHECK(!kkachi__gazspans_within(&sp, 1, strlen("SM 엔터테인먼트와 한국은")));
  CHECK(kkachi__gazspans_within(&sp, 1, strlen(text)));

  /* literals are found as written only, anywhere in a word */
  CHECK(kkachi__gazetteer_new(&lits, "사업|평가") == 0);
  CHECK(kkachi__gazetteer_add(lits, "사업", strlen("사업")) == 0);
  CHECK(kkachi__gazetteer_add(lits, "평가", strlen("평가")) == 0);
  CHECK(kkachi__gazscan_new(&lt, lits, 1) == 0);
  text = "사 업 평 가";
  CHECK(kkachi__gazscan_run(lt, text, strlen(text), &sp) == 0);
  CHECK(sp.n == 0);
  text = "사업단이 서면평가를";
  CHECK(kkachi__gazscan_run(lt, text, strlen(text), &sp) == 0);
  CHECK(sp.n == 2);

  /* the tries in one pass: a gazetteer, the literals, and forms that
   * begin above U+FFFF */
  {
    kk_gazetteer *far = NULL;
    kk_gazscan *ft = NULL;
    kk_gazscan *tries[3];
    CHECK(kkachi__gazetteer_new(&far, "far") == 0);
    CHECK(kkachi__gazetteer_add(far, "\xF0\xA0\x80\x80가", 7) == 0);
    CHECK(kkachi__gazetteer_add(far, "은행", strlen("은행")) == 0);
    CHECK(kkachi__gazscan_new(&ft, far, 0) == 0);
    tries[0] = t;
    tries[1] = lt;
    tries[2] = ft;
    check_set(tries, 3, "한국은행 사업단이 서면평가를 \xF0\xA0\x80\x80가 "
                        "SM 엔터테인먼트, KB 국민은행");
    kkachi__gazscan_free(ft);
    kkachi__gazetteer_free(far);
  }

  kkachi__gazspans_clear(&sp);
  kkachi__gazspans_clear(&sp); /* twice is safe */
  kkachi__gazscan_free(t);
  kkachi__gazscan_free(lt);
  kkachi__gazscan_free(NULL);
  kkachi__gazetteer_free(g);
  kkachi__gazetteer_free(lits);
  /* capitals: lower-case forms also as sentences and headings write them */
  {
    static char path[] = "/tmp/kkachi-titles-XXXXXX";
    const char *rows = "chief executive\trole\nminister of state\trole\n"
                       "CEO\tCEO\n";
    kk_gazetteer *cap = NULL, *small = NULL;
    kk_gazscan *ct = NULL;
    int fd = mkstemp(path);
    if (fd < 0 || write(fd, rows, strlen(rows)) != (ssize_t)strlen(rows))
      return 1;
    close(fd);
    CHECK(kkachi__gazetteer_new(&small, "small-word") == 0);
    CHECK(small && kkachi__gazetteer_add(small, "of", 2) == 0);
    CHECK(kkachi__gazetteer_new(&cap, "title") == 0);
    CHECK(kkachi__gazetteer_load(cap, path, 0, KK_GAZ_CAPITALS, small, NULL)
          == 0);
    unlink(path);
    CHECK(kkachi__gazetteer_find(cap, "chief executive", 15) != NULL);
    CHECK(kkachi__gazetteer_find(cap, "Chief executive", 15) != NULL);
    CHECK(kkachi__gazetteer_find(cap, "Chief Executive", 15) != NULL);
    CHECK(kkachi__gazetteer_find(cap, "Minister of State", 17) != NULL);
    CHECK(kkachi__gazetteer_find(cap, "Minister Of State", 17) == NULL);
    CHECK(kkachi__gazetteer_find(cap, "CHIEF EXECUTIVE", 15) == NULL);
    CHECK(kkachi__gazetteer_find(cap, "Ceo", 3) == NULL);
    CHECK(kkachi__gazscan_new(&ct, cap, 0) == 0);
    check_every_span(cap, ct, "Chief Executive Ann Lee met the chief "
                              "executive and the Minister of State, CEO.");
    kkachi__gazscan_free(ct);
    kkachi__gazetteer_free(cap);
    kkachi__gazetteer_free(small);
  }
  return CHECK_END();
}
