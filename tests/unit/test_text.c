/* test_text.c: NFC normalisation, sentence segmentation, body filter. */
#include <string.h>

#include "check.h"
#include "gazetteer.h"
#include "text.h"

int
main(void)
{
  kk_segmenter *seg = NULL;
  kk_gazetteer *abbr = NULL;
  kk_text t;
  /* 까 written as conjoining jamo U+1101 U+1161 */
  const char *decomposed = "\xE1\x84\x81\xE1\x85\xA1치가 왔다.";
  const char *two = "첫 문장이다. 둘째 문장이다!\n메뉴 정치 경제\n";
  const char *chrome = "공유하기";

  memset(&t, 0, sizeof t);
  CHECK(kkachi__segmenter_new(&seg, "ko", NULL) == 0);
  if (!seg)
    return 1;

  CHECK(kkachi__text_prepare(&t, seg, decomposed, strlen(decomposed)) == 0);
  CHECK(t.s && !strcmp(t.s, "까치가 왔다."));
  CHECK(t.nsent == 1);

  CHECK(kkachi__text_prepare(&t, seg, two, strlen(two)) == 0);
  CHECK(t.nsent == 3);
  if (t.nsent == 3) {
    CHECK(!strncmp(t.s + t.sent[0].begin, "첫 문장이다.",
                   t.sent[0].end - t.sent[0].begin));
    CHECK(t.sent[0].end - t.sent[0].begin == strlen("첫 문장이다."));
    CHECK(!strncmp(t.s + t.sent[1].begin, "둘째", 6));
    CHECK(t.sent[0].body && t.sent[1].body);
    CHECK(!t.sent[2].body); /* a menu line */
  }
  {
    /* a dot leader between two words of a list ends no sentence */
    const char *leader = "박람회가 전남\xE2\x80\xA4순천에서 열린다. 끝이다.";
    CHECK(kkachi__text_prepare(&t, seg, leader, strlen(leader)) == 0);
    CHECK(t.nsent == 2);
    if (t.nsent == 2)
      CHECK(t.sent[0].end - t.sent[0].begin
            == strlen("박람회가 전남\xE2\x80\xA4순천에서 열린다."));
  }
  CHECK(!kkachi__text_is_body(chrome, strlen(chrome)));
  CHECK(kkachi__text_is_body("그는 \"좋다\"고 말했다.\"", 30));
  CHECK(kkachi__text_is_body("짧다.", strlen("짧다.")));

  kkachi__text_clear(&t);
  kkachi__segmenter_free(seg);
  seg = NULL;

  /* English: no break after an initial or a listed abbreviation */
  CHECK(kkachi__gazetteer_new(&abbr, "abbreviation") == 0);
  CHECK(abbr && kkachi__gazetteer_add(abbr, "Sen", 3) == 0);
  CHECK(kkachi__segmenter_new(&seg, "en@ss=standard", abbr) == 0);
  if (!seg)
    return 1;
  {
    const char *en = "Sen. Ana Ruiz met Michael R. Gordon in the U.S. "
                     "Congress. He left. They stayed in Iowa. The end.";
    CHECK(kkachi__text_prepare(&t, seg, en, strlen(en)) == 0);
    CHECK(t.nsent == 4);
    if (t.nsent == 4) {
      CHECK(!strncmp(t.s + t.sent[0].begin, "Sen. Ana Ruiz", 13));
      CHECK(!strncmp(t.s + t.sent[1].begin, "He left.", 8));
      CHECK(!strncmp(t.s + t.sent[3].begin, "The end.", 8));
    }
    kkachi__text_clear(&t);
  }
  kkachi__segmenter_free(seg);
  kkachi__segmenter_free(NULL);
  kkachi__gazetteer_free(abbr);
  return CHECK_END();
}
