/* test_api.c: the public interface end to end: engine, articles, facts,
 * writers, errors, and free(NULL). Uses only kkachi.h. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "kkachi.h"

static const char *text
    = "[새벽일보 도하린 기자] 한국인터넷진흥원(KISA) 송다인 팀장은 "
      "\"준비가 끝났다\"고 말했다. 송 팀장은 이어 설명했다.\n";

static void
check_facts(kkachi_engine *e)
{
  kkachi_article *a = NULL;
  kkachi_result *r = NULL;
  size_t i;
  int found = 0;

  CHECK(kkachi_article_new(&a, "t1", text, strlen(text), NULL) == 0);
  CHECK(kkachi_extract(&r, e, a) == 0);
  for (i = 0; r && i < kkachi_result_count(r); i++) {
    kkachi_fact_view v;
    CHECK(kkachi_result_fact(r, i, &v) == 0);
    if (!strcmp(v.family, "affiliation") && kkachi_fact_value(&v, "person")
        && !strcmp(kkachi_fact_value(&v, "person"), "송다인")) {
      found = 1;
      CHECK(!strcmp(kkachi_fact_value(&v, "org"), "한국인터넷진흥원"));
      CHECK(!strcmp(kkachi_fact_value(&v, "title"), "팀장"));
      CHECK(!strcmp(v.anchor, "한국인터넷진흥원(KISA) 송다인 팀장"));
      CHECK(v.end - v.begin == 21); /* code points */
      CHECK(v.evidence_count == 3); /* two rules, and "송 팀장" */
    }
  }
  CHECK(found);
  CHECK(kkachi_result_fact(r, 999, NULL) == KKACHI_EINVAL);
  kkachi_result_free(r);
  kkachi_article_free(a);
}

static void
check_writer(kkachi_engine *e, const char *format, const char *needle)
{
  kkachi_article *a = NULL;
  kkachi_result *r = NULL;
  kkachi_writer *w = NULL;
  FILE *fp = tmpfile();
  char buf[65536];
  size_t n;

  CHECK(fp != NULL);
  if (!fp)
    return;
  CHECK(kkachi_article_new(&a, "t 2", text, strlen(text), NULL) == 0);
  CHECK(kkachi_extract(&r, e, a) == 0);
  CHECK(kkachi_writer_new(&w, e, fp, format) == 0);
  CHECK(kkachi_writer_add(w, r) == 0);
  CHECK(kkachi_writer_finish(w) == 0);
  kkachi_writer_free(w);
  rewind(fp);
  n = fread(buf, 1, sizeof buf - 1, fp);
  buf[n] = '\0';
  if (!strstr(buf, needle))
    fprintf(stderr, "%s output lacks %s\n", format, needle);
  CHECK(strstr(buf, needle) != NULL);
  CHECK(strstr(buf, "_:") == NULL); /* no blank nodes */
  fclose(fp);
  kkachi_result_free(r);
  kkachi_article_free(a);
}

static void
check_bad_articles(void)
{
  kkachi_article *a = NULL;
  size_t bad = 0;
  CHECK(kkachi_article_new(&a, "x", "ab\xC0\xAF", 4, &bad) == KKACHI_EUTF8);
  CHECK(bad == 2 && a == NULL);
  CHECK(kkachi_article_new(&a, "x", "a\0b", 3, &bad) == KKACHI_ENUL);
  CHECK(bad == 1);
  CHECK(kkachi_article_new(&a, "x", " \n\t ", 4, NULL) == KKACHI_EEMPTY);
  CHECK(kkachi_article_new(&a, "x", "", 0, NULL) == KKACHI_EEMPTY);
  CHECK(kkachi_article_new(&a, "x", "\xEF\xBB\xBFok", 5, NULL) == 0);
  CHECK(kkachi_article_set(a, "nope", "v") == KKACHI_EINVAL);
  CHECK(kkachi_article_set(a, "url", "https://example.org/") == 0);
  kkachi_article_free(a);
}

int
main(void)
{
  kkachi_engine *e = NULL;
  char rules[4096];
  const char *src = getenv("SRCDIR");

  snprintf(rules, sizeof rules, "%s/extract/rules", src ? src : "..");
  kkachi_engine_free(NULL);
  kkachi_article_free(NULL);
  kkachi_result_free(NULL);
  kkachi_writer_free(NULL);
  kkachi_reader_free(NULL);
  CHECK(strcmp(kkachi_strerror(KKACHI_EUTF8), "unknown error") != 0);
  CHECK(!strcmp(kkachi_strerror(12345), "unknown error"));

  CHECK(kkachi_engine_new(&e) == 0);
  CHECK(kkachi_engine_compile(e) == KKACHI_ENORULES);
  CHECK(kkachi_engine_set_base(e, "no-colon/") == KKACHI_EINVAL);
  CHECK(kkachi_engine_set_base(e, "https://example.org/kg/") == 0);
  CHECK(kkachi_engine_load_rules(e, rules) == 0);
  CHECK(kkachi_engine_load_rules(e, "/nonexistent/rules") == KKACHI_EIO);
  CHECK(kkachi_engine_compile(e) == 0);
  CHECK(kkachi_engine_rule_count(e) > 5);

  check_facts(e);
  check_writer(e, "ntriples",
               "<https://example.org/kg/person/\\uC1A1\\uB2E4\\uC778>");
  check_writer(e, "turtle", "<https://example.org/kg/article/t%202>");
  check_writer(e, "nquads", "<https://example.org/kg/article/t%202> .");
  check_bad_articles();
  kkachi_engine_free(e);
  return CHECK_END();
}
