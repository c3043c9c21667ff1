/* test_number.c: counts and periods as Korean and English news write them,
 * a table of written forms and their values. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "gazetteer.h"
#include "number.h"

static const struct {
  const char *text;
  long value;
} counts[] = {
  { "15", 15 },
  { "15개", 15 },
  { "15개 팀", 15 },
  { "1,000개", 1000 },
  { "12,345,678명", 12345678 },
  { "30여 곳", 30 },
  { "45개사 내외", 45 },
  { "2천600", 2600 },
  { "3만", 30000 },
  { "5억 2천600만", 500000000 },
  { "1만2천", 12000 },
  { "100", 100 },
  { "0", 0 },
  { "하나", 1 },
  { "한 명", 1 },
  { "두 곳", 2 },
  { "세 개", 3 },
  { "네 팀", 4 },
  { "다섯 팀", 5 },
  { "여섯", 6 },
  { "일곱", 7 },
  { "여덟", 8 },
  { "아홉", 9 },
  { "열", 10 },
  { "열한 개", 11 },
  { "열다섯", 15 },
  { "스무 곳", 20 },
  { "스물", 20 },
  { "스물두 명", 22 },
  { "서른", 30 },
  { "서른다섯", 35 },
  { "마흔", 40 },
  { "쉰", 50 },
  { "아흔아홉", 99 },
  { "삼십", 30 },
  { "오십", 50 },
  { "백이십", 120 },
  { "천", 1000 },
  { "1팀씩", 1 },
  { "2개팀", 2 },
  { "10개를", 10 },
  { "6개월", 6 },
  /* English, by ICU's English spell-out rules */
  { "six", 6 },
  { "Fifteen teams", 15 },
  { "twenty-one", 21 },
  { "one hundred twenty", 120 },
  { "ten-day", 10 },
};

static const struct {
  const char *text;
  const char *iso;
} periods[] = {
  { "6개월", "P6M" }, { "3개월", "P3M" },   { "1년", "P1Y" },
  { "2년", "P2Y" },   { "2주", "P2W" },     { "10일", "P10D" },
  { "분기", "P3M" },  { "반기", "P6M" },    { "한 달", "P1M" },
  { "두 달", "P2M" }, { "석 달", "P3M" },   { "매년", "P1Y" },
  { "매달", "P1M" },  { "12개월", "P12M" }, { "열두 달", "P12M" },
  { "six months", "P6M" }, { "month", "P1M" }, { "two years", "P2Y" },
  { "quarter", "P3M" },
};

static const char *const not_numbers[] = { "", "팀", "abc", "-3", "개월",
                                           "tent", "a team", "months" };

int
main(void)
{
  static char path[] = "/tmp/kkachi-periods-XXXXXX";
  const char *rows = "개월\tM\n달\tM\n년\tY\n주\tW\n일\tD\n분기\tP3M\n"
                     "반기\tP6M\n석 달\tP3M\n매년\tP1Y\n매달\tP1M\n"
                     "month\tM\nmonths\tM\nyears\tY\nquarter\tP3M\n";
  kk_gazetteer *g = NULL;
  kk_numparser *p = NULL;
  size_t i;
  int fd = mkstemp(path);
  char iso[32];

  if (fd < 0 || write(fd, rows, strlen(rows)) != (ssize_t)strlen(rows))
    return 1;
  close(fd);
  CHECK(kkachi__gazetteer_new(&g, "period") == 0);
  CHECK(kkachi__gazetteer_load(g, path, 0, 0, NULL, NULL) == 0);
  unlink(path);
  CHECK(kkachi__numparser_new(&p, g) == 0);
  if (!p)
    return 1;
  for (i = 0; i < sizeof counts / sizeof counts[0]; i++) {
    long v = -1;
    int rc = kkachi__number_parse(p, counts[i].text, strlen(counts[i].text),
                                  &v, NULL);
    if (rc || v != counts[i].value)
      fprintf(stderr, "%s -> %ld (rc %d), want %ld\n", counts[i].text, v, rc,
              counts[i].value);
    CHECK(rc == 0 && v == counts[i].value);
  }
  for (i = 0; i < sizeof not_numbers / sizeof not_numbers[0]; i++) {
    long v;
    CHECK(kkachi__number_parse(p, not_numbers[i], strlen(not_numbers[i]), &v,
                               NULL)
          != 0);
  }
  for (i = 0; i < sizeof periods / sizeof periods[0]; i++) {
    int rc = kkachi__period_parse(p, periods[i].text, strlen(periods[i].text),
                                  iso, sizeof iso);
    if (rc || strcmp(iso, periods[i].iso))
      fprintf(stderr, "%s -> %s (rc %d), want %s\n", periods[i].text,
              rc ? "?" : iso, rc, periods[i].iso);
    CHECK(rc == 0 && !strcmp(iso, periods[i].iso));
  }
  CHECK(kkachi__period_parse(p, "성과", 6, iso, sizeof iso) != 0);
  CHECK(kkachi__period_parse(p, "2 분기", 8, iso, sizeof iso) != 0);
  kkachi__numparser_free(p);
  kkachi__numparser_free(NULL);
  kkachi__gazetteer_free(g);
  return CHECK_END();
}
