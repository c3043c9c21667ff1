/* test_torture.c: the allocation torture test. For each operation, the
 * 1st, 2nd, ... Nth of kkachi's own allocations is made to fail in turn,
 * until the operation runs through without reaching the failure. Every
 * run that meets the failure must end with an error code and without a
 * crash; under ASan or valgrind (make check with --enable-asan, or
 * KKACHI_VALGRIND) also without a leak. Allocations inside raptor, librdf,
 * ICU and PCRE2 are not injected. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "check.h"
#include "kkachi.h"

static char dir[] = "/tmp/kkachi-torture.XXXXXX";
static char p_rules[256], p_gaz[256], p_jsonl[256], p_html[256], p_shapes[256],
    p_data[256];
static kkachi_engine *shared; /* for the operations that extract */
static FILE *sink;

static const char *rules
    = "lang ko\n"
      "gazetteer title titles.txt\n"
      "define name [가-힣]{3}\n"
      "needs 장관|교수|{{title}}\n"
      "rule name-title\n"
      "  pattern (?<person>{{name}})\\s+(?<title>{{title}})(?![가-힣])\n"
      "  fact affiliation person=$person title=$title\n"
      "  example 오늘 김하늘 장관이 왔다.\n"
      "    expect affiliation person=김하늘 title=장관\n"
      "rule method\n"
      "  pattern (?<method>서면평가)로\\s+(?<count>\\d+)개\n"
      "  fact stage method=$method selected=$count\n";

static const char *text = "[새벽일보 도하린 기자] 오늘 김하늘 장관과 "
                          "박서준 교수가 왔다. 서면평가로 10개 팀을 "
                          "고른다. \"따옴표 안 이도윤 장관\"\n";

static void
quiet(int level, const char *file, unsigned long line, unsigned long col,
      const char *msg, void *user_data)
{
  (void)level, (void)file, (void)line, (void)col, (void)msg, (void)user_data;
}

static void
put(char *path, const char *name, const char *content)
{
  FILE *fp;
  snprintf(path, 256, "%s/%s", dir, name);
  fp = fopen(path, "w");
  if (!fp || fputs(content, fp) < 0 || fclose(fp)) {
    fprintf(stderr, "cannot write %s\n", path);
    exit(99);
  }
}

/* ---- the operations: each returns 0 or the first error ---- */

static int
op_rules(void)
{
  kkachi_engine *e = NULL;
  unsigned passed = 0, failed = 0;
  int rc = kkachi_engine_new(&e);
  if (!rc) {
    kkachi_engine_set_log(e, quiet, NULL);
    rc = kkachi_engine_load_rules(e, p_rules);
  }
  if (!rc)
    rc = kkachi_engine_compile(e);
  if (!rc)
    rc = kkachi_engine_test_rules(e, NULL, NULL, &passed, &failed);
  kkachi_engine_free(e);
  return rc;
}

static int
extract_write(kkachi_article *a)
{
  kkachi_result *r = NULL;
  kkachi_writer *w = NULL;
  kkachi_fact_view v;
  size_t i;
  int rc = kkachi_extract(&r, shared, a);
  for (i = 0; !rc && i < kkachi_result_count(r); i++)
    rc = kkachi_result_fact(r, i, &v);
  if (!rc)
    rc = kkachi_writer_new(&w, shared, sink, "turtle");
  if (!rc)
    rc = kkachi_writer_add(w, r);
  if (!rc)
    rc = kkachi_writer_finish(w);
  kkachi_writer_free(w);
  kkachi_result_free(r);
  return rc;
}

static int
op_extract(void)
{
  kkachi_article *a = NULL;
  int rc = kkachi_article_new(&a, "t1", text, strlen(text), NULL);
  if (!rc)
    rc = kkachi_article_set(a, "author", "도하린 기자");
  if (!rc)
    rc = kkachi_article_set(a, "publisher", "새벽일보");
  if (!rc)
    rc = extract_write(a);
  kkachi_article_free(a);
  return rc;
}

static int
op_read(const char *path)
{
  kkachi_reader *rd = NULL;
  int rc = kkachi_reader_open(&rd, path, KKACHI_INPUT_AUTO);
  while (!rc) {
    kkachi_article *a = NULL;
    rc = kkachi_reader_next(rd, &a, NULL, NULL, NULL);
    if (rc == KKACHI_ENOMEM)
      break;
    if (rc) { /* a bad record, as written: go on */
      rc = 0;
      continue;
    }
    if (!a)
      break;
    rc = extract_write(a);
    kkachi_article_free(a);
  }
  kkachi_reader_free(rd);
  return rc;
}

static int
op_jsonl(void)
{
  return op_read(p_jsonl);
}

static int
op_html(void)
{
  return op_read(p_html);
}

static int
op_validate(void)
{
  kkachi_engine *e = NULL;
  kkachi_graph *shapes = NULL, *data = NULL, *report = NULL;
  int conforms = 0, rc = kkachi_engine_new(&e);
  if (!rc) {
    kkachi_engine_set_log(e, quiet, NULL);
    rc = kkachi_graph_new(&shapes, e);
  }
  if (!rc)
    rc = kkachi_graph_new(&data, e);
  if (!rc)
    rc = kkachi_graph_load(shapes, p_shapes, NULL);
  if (!rc)
    rc = kkachi_graph_load(data, p_data, NULL);
  if (!rc)
    rc = kkachi_validate(data, shapes, &conforms, &report);
  kkachi_graph_free(report);
  kkachi_graph_free(data);
  kkachi_graph_free(shapes);
  kkachi_engine_free(e);
  return rc;
}

/* Fails allocation 1, 2, ... of op until op no longer reaches it. */
static void
torture(const char *name, int (*op)(void))
{
  unsigned long n, runs = 0;
  int rc;

  kkachi__alloc_fail_at(0);
  if ((rc = op())) {
    fprintf(stderr, "%s: fails with no failure injected: %s\n", name,
            kkachi_strerror(rc));
    CHECK(!"the operation works");
    return;
  }
  for (n = 1;; n++) {
    kkachi__alloc_fail_at(n);
    rc = op();
    runs++;
    if (kkachi__alloc_pending() != 0) /* done before allocation n */
      break;
    if (rc == 0)
      fprintf(stderr, "%s: allocation %lu failed, yet it succeeded\n", name,
              n);
    CHECK(rc != 0);
  }
  kkachi__alloc_fail_at(0);
  printf("%s: %lu allocations, each failed once\n", name, n - 1);
}

int
main(void)
{
  if (!mkdtemp(dir))
    return 99;
  put(p_gaz, "titles.txt", "장관\n교수\n차관\n");
  put(p_rules, "t.rules", rules);
  {
    char line[1024];
    snprintf(line, sizeof line,
             "{\"id\": \"j1\", \"text\": \"%s\", \"author\": [\"도하린\"]}\n"
             "{\"id\": \"j2\", \"text\": 5}\n"
             "{\"id\": \"j3\", \"text\": \"박서준 교수가 왔다.\", "
             "\"publisher\": \"새벽일보\"}\n",
             "오늘 김하늘 장관이 왔다.");
    put(p_jsonl, "t.jsonl", line);
  }
  put(p_html, "t.html",
      "<html lang=\"ko\"><head><title>제목</title>"
      "<meta property=\"og:site_name\" content=\"새벽일보\">"
      "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
      "\"headline\": \"장관 방문\", \"author\": {\"name\": \"도하린 기자\"}}"
      "</script></head><body><nav>메뉴</nav><article><p>오늘 김하늘 장관이 "
      "왔다. 서면평가로 10개 팀을 고른다.</p></article>"
      "<footer>푸터</footer></body></html>\n");
  put(p_shapes, "s.ttl",
      "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
      "@prefix ex: <http://example.org/> .\n"
      "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
      "ex:S a sh:NodeShape ; sh:targetClass ex:C ;\n"
      "  sh:property [ sh:path ex:p ; sh:minCount 1 ; sh:maxCount 1 ;\n"
      "    sh:datatype xsd:string ; sh:pattern \"^a\" ] ;\n"
      "  sh:property [ sh:path ( ex:q [ sh:inversePath ex:r ] ) ;\n"
      "    sh:class ex:D ] ;\n"
      "  sh:or ( [ sh:nodeKind sh:IRI ] [ sh:hasValue ex:z ] ) .\n");
  put(p_data, "d.ttl",
      "@prefix ex: <http://example.org/> .\n"
      "ex:a a ex:C ; ex:p \"b\", \"c\" ; ex:q ex:b .\n"
      "ex:c ex:r ex:b .\n");

  if (!(sink = fopen("/dev/null", "w")) || kkachi_engine_new(&shared))
    return 99;
  kkachi_engine_set_log(shared, quiet, NULL);
  if (kkachi_engine_load_rules(shared, p_rules)
      || kkachi_engine_compile(shared))
    return 99;

  torture("rules", op_rules);
  torture("extract", op_extract);
  torture("jsonl", op_jsonl);
  torture("html", op_html);
  torture("validate", op_validate);

  kkachi_engine_free(shared);
  fclose(sink);
  unlink(p_rules);
  unlink(p_gaz);
  unlink(p_jsonl);
  unlink(p_html);
  unlink(p_shapes);
  unlink(p_data);
  rmdir(dir);
  return CHECK_END();
}
