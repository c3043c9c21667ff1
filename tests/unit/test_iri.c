/* test_iri.c: entity IRIs are readable and safe. */
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
  return CHECK_END();
}
