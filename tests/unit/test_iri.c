/* test_iri.c: entity and article IRIs are readable and safe. */
#include <string.h>

#include "buf.h"
#include "check.h"
#include "iri.h"

static int
is(const char *name, const char *want)
{
  kk_buf b = KK_BUF_INIT;
  int ok = kkachi__iri_segment(&b, name) == 0 && !strcmp(b.data, want);
  if (!ok)
    fprintf(stderr, "'%s' -> '%s', want '%s'\n", name, b.data, want);
  kkachi__buf_free(&b);
  return ok;
}

/* An article id as a segment: encoded reversibly. */
static int
id_is(const char *id, const char *want)
{
  kk_buf b = KK_BUF_INIT;
  int ok = kkachi__iri_id(&b, id) == 0 && !strcmp(b.data, want);
  if (!ok)
    fprintf(stderr, "id '%s' -> '%s', want '%s'\n", id, b.data, want);
  kkachi__buf_free(&b);
  return ok;
}

int
main(void)
{
  kk_buf b = KK_BUF_INIT;
  CHECK(is("과학기술정보통신부", "과학기술정보통신부"));
  CHECK(is("독자 AI 파운데이션 모델", "독자_AI_파운데이션_모델"));
  CHECK(is("a/b#c?d", "a%2Fb%23c%3Fd"));
  CHECK(is("<x>\"{|}^`\\", "%3Cx%3E%22%7B%7C%7D%5E%60%5C"));
  CHECK(is("100%", "100%25"));
  CHECK(is("tab\there", "tab%09here"));
  CHECK(
      kkachi__iri_entity(&b, "https://w3id.org/kkachi/id/", "person", "배경훈")
      == 0);
  CHECK(!strcmp(b.data, "https://w3id.org/kkachi/id/person/배경훈"));
  kkachi__buf_free(&b);
  /* article ids: ordinary ones as they are, the rest reversibly */
  CHECK(id_is("wn-554d1c7379", "wn-554d1c7379"));
  CHECK(id_is("a_b.txt", "a_b.txt"));
  CHECK(id_is("a b", "a%20b"));
  CHECK(id_is("a%20b", "a%2520b"));
  CHECK(id_is("d1/a.txt", "d1%2Fa.txt"));
  CHECK(id_is("한국 기사", "한국%20기사"));
  CHECK(id_is(".", "%2E"));
  CHECK(id_is("..", "%2E%2E"));
  CHECK(id_is("...", "..."));
  CHECK(id_is("x?y#z[0]", "x%3Fy%23z%5B0%5D"));
  CHECK(id_is("~!$&'()*+,;=:@", "~!$&'()*+,;=:@"));
  CHECK(id_is("tab\there\x7f", "tab%09here%7F"));
  CHECK(id_is("\xc2\x85", "%C2%85"));          /* U+0085, a C1 control */
  CHECK(id_is("\xee\x80\x80", "%EE%80%80"));  /* U+E000, private use */
  CHECK(id_is("\xef\xbf\xbe", "%EF%BF%BE"));  /* U+FFFE */
  CHECK(id_is("\xf0\x9f\x90\xa6", "\xf0\x9f\x90\xa6")); /* U+1F426 */
  CHECK(id_is("a\xff" "b", "a%FFb")); /* not UTF-8: the byte */
  CHECK(kkachi__iri_article(&b, "https://example.org/kg/", "a b") == 0);
  CHECK(!strcmp(b.data, "https://example.org/kg/article/a%20b"));
  kkachi__buf_free(&b);
  return CHECK_END();
}
