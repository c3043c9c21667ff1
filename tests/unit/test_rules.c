/* test_rules.c: rule files: parsing, {{reference}} expansion (alternation,
 * character class, gazetteer callout), compilation, and the facts a
 * small rule set yields through the resolver. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "check.h"
#include "engine.h"
#include "kkachi.h"

static char dir[] = "/tmp/kkachi-rules-XXXXXX";

static void
put(const char *name, const char *text)
{
  char path[256];
  FILE *fp;
  snprintf(path, sizeof path, "%s/%s", dir, name);
  fp = fopen(path, "w");
  if (fp) {
    fputs(text, fp);
    fclose(fp);
  }
}

static void
cleanup(void)
{
  const char *names[] = { "t.rules", "org.tsv", "title.txt", "syl.txt" };
  char path[256];
  size_t i;
  for (i = 0; i < 4; i++) {
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    unlink(path);
  }
  rmdir(dir);
}

static void
check_expand(kkachi_engine *e)
{
  kk_buf b = KK_BUF_INIT;
  kk_rule *r = e->rules[0];
  CHECK(kkachi__rules_expand(e, "{{title}}", &b, NULL) == 0);
  CHECK(b.data && !strcmp(b.data, "(?:부사장|사장)")); /* longest first */
  kkachi__buf_reset(&b);
  CHECK(kkachi__rules_expand(e, "{{syl}}", &b, NULL) == 0);
  CHECK(b.data && !strcmp(b.data, "[가나]")); /* single characters */
  kkachi__buf_reset(&b);
  CHECK(kkachi__rules_expand(e, "a{{two}}b", &b, NULL) == 0);
  CHECK(b.data && !strcmp(b.data, "a(?:x[가나])b")); /* nested define */
  kkachi__buf_reset(&b);
  CHECK(kkachi__rules_expand(e, "{{nope}}", &b, NULL) == KKACHI_ESYNTAX);
  CHECK(r->nrefs == 1); /* the large org gazetteer goes by callout */
  kkachi__buf_free(&b);
}

static void
check_extract(kkachi_engine *e)
{
  const char *text = "행사에서 가나 한빛전자 사장이 말했다. "
                     "이어서 가가 기관99 부사장도 말했다.\n";
  kkachi_article *a = NULL;
  kkachi_result *r = NULL;
  kkachi_fact_view v;

  CHECK(kkachi_article_new(&a, "x", text, strlen(text), NULL) == 0);
  CHECK(kkachi_extract(&r, e, a) == 0);
  CHECK(kkachi_result_count(r) == 2);
  if (kkachi_result_count(r) == 2) {
    CHECK(kkachi_result_fact(r, 0, &v) == 0);
    CHECK(!strcmp(v.slots[1].value, "한빛전자주식회사")); /* canonical */
    CHECK(!strcmp(v.rule, "ko/t"));
    CHECK(v.begin == 5 && v.end == 15);
    CHECK(kkachi_result_fact(r, 1, &v) == 0);
    CHECK(!strcmp(v.slots[1].value, "기관99")); /* listed as such */
  }
  kkachi_result_free(r);
  kkachi_article_free(a);
}

int
main(void)
{
  kkachi_engine *e = NULL;
  char path[256];
  unsigned passed = 0, failed = 0;
  int i;
  kk_buf org = KK_BUF_INIT;

  if (!mkdtemp(dir))
    return 1;
  /* an organization list large enough to be looked up by callout */
  kkachi__buf_puts(&org, "한빛전자주식회사\tCompany\t한빛전자\n기관99\t\t\n");
  for (i = 0; i < 400; i++)
    kkachi__buf_printf(&org, "단체%d\tOrganization\t\n", i);
  put("org.tsv", org.data);
  kkachi__buf_free(&org);
  put("title.txt", "사장\n부사장\n");
  put("syl.txt", "가\n나\n");
  put("t.rules",
      "lang ko\n"
      "gazetteer org org.tsv aliases=3\n"
      "gazetteer title title.txt\n"
      "gazetteer syl syl.txt\n"
      "define two x{{syl}}\n"
      "rule t\n"
      "  pattern (?<p>{{syl}}{2})\\s+(?<o>{{org}})\\s+(?<t>{{title}})\n"
      "  fact affiliation person=$p org=$o title=$t\n"
      "  example 가나 한빛전자 사장이 왔다.\n"
      "    expect affiliation person=가나 org=한빛전자 title=사장\n"
      "    forbid affiliation person=나가\n");
  snprintf(path, sizeof path, "%s/t.rules", dir);

  CHECK(kkachi_engine_new(&e) == 0);
  CHECK(kkachi_engine_load_rules(e, path) == 0);
  CHECK(kkachi_engine_load_rules(e, path) == 0); /* read once */
  CHECK(kkachi_engine_rule_count(e) == 1);
  CHECK(kkachi_engine_compile(e) == 0);
  if (e->nrules == 1) {
    check_expand(e);
    check_extract(e);
  }
  CHECK(kkachi_engine_test_rules(e, NULL, NULL, &passed, &failed) == 0);
  CHECK(passed == 1 && failed == 0);
  kkachi_engine_free(e);
  cleanup();
  return CHECK_END();
}
