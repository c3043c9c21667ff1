/* test_reader.c: the input stage: text files and JSON Lines, with every
 * bad record located (line, column, byte offset) and skipped; the ids of
 * articles without one, and the dates kept. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "date.h"
#include "kkachi.h"
#include "naming.h"

static char path[] = "/tmp/kkachi-reader-XXXXXX.jsonl";

static void
write_file(const char *text, size_t n)
{
  FILE *fp = fopen(path, "wb");
  if (fp) {
    fwrite(text, 1, n, fp);
    fclose(fp);
  }
}

static int
path_id(const char *path, const char *want)
{
  char *got = NULL;
  int ok = kkachi__name_from_path(&got, path) == 0 && !strcmp(got, want);
  if (!ok)
    fprintf(stderr, "'%s' -> '%s', want '%s'\n", path, got, want);
  free(got);
  return ok;
}

static void
names_and_dates(void)
{
  char d[KK_DIGEST_NAME];
  CHECK(path_id("a.txt", "a.txt"));
  CHECK(path_id("./a.txt", "a.txt"));
  CHECK(path_id("././d1//x/./a.txt", "d1/x/a.txt"));
  CHECK(path_id("../d/a.txt", "../d/a.txt"));
  CHECK(path_id("/tmp//a.txt", "/tmp/a.txt"));
  CHECK(path_id("d/n\xff.txt", "d/n%FF.txt"));
  CHECK(path_id("d/한국.txt", "d/한국.txt"));
  kkachi__name_from_text(d, "abc", 3); /* SHA-256("abc") = ba7816bf... */
  CHECK(!strcmp(d, "stdin-ba7816bf8f01cfea"));
  CHECK(kkachi__date_valid("2025-03-04"));
  CHECK(kkachi__date_valid("2024-02-29") && kkachi__date_valid("2000-02-29"));
  CHECK(!kkachi__date_valid("2023-02-29"));
  CHECK(!kkachi__date_valid("1900-02-29"));
  CHECK(!kkachi__date_valid("2025-13-45"));
  CHECK(!kkachi__date_valid("2025-04-31"));
  CHECK(!kkachi__date_valid("0000-01-01") && !kkachi__date_valid("2025-1-01"));
  CHECK(!kkachi__date_valid("2025-01-01T10:00") && !kkachi__date_valid(""));
}

int
main(void)
{
  static const char jsonl[]
      = "{\"id\": \"a\", \"text\": \"첫 기사.\", \"url\": \"https://x/\"}\n"
        "\n"
        "{\"id\": 7, \"text\": \"둘째 기사.\"}\n"
        "{\"text\": \"셋째\"\n"
        "{\"id\": \"d\", \"text\": \"\", \"title\": \"빈 기사\"}\n"
        "{\"text\": \"넷째 기사.\", \"date\": 2020}\n"
        "{\"text\": \"id 없는 기사.\"}\n";
  kkachi_reader *r = NULL;
  kkachi_article *a = NULL;
  unsigned long line = 0, col = 0;
  size_t off = 0;
  int fd = mkstemps(path, 6);

  if (fd < 0)
    return 1;
  close(fd);
  write_file(jsonl, sizeof jsonl - 1);
  CHECK(kkachi_reader_open(&r, path, KKACHI_INPUT_AUTO) == 0);
  if (!r)
    return 1;
  CHECK(kkachi_reader_next(r, &a, &line, &col, &off) == 0);
  CHECK(a && !strcmp(kkachi_article_id(a), "a") && line == 1);
  kkachi_article_free(a);
  CHECK(kkachi_reader_next(r, &a, &line, &col, &off) == 0);
  CHECK(a && !strcmp(kkachi_article_id(a), "7") && line == 3);
  kkachi_article_free(a);
  CHECK(kkachi_reader_next(r, &a, &line, &col, &off) == KKACHI_EJSON);
  CHECK(a == NULL && line == 4 && off > 80);
  CHECK(strstr(kkachi_reader_message(r), "invalid JSON") != NULL);
  CHECK(kkachi_reader_next(r, &a, &line, &col, &off) == KKACHI_EEMPTY);
  CHECK(line == 5 && strstr(kkachi_reader_message(r), "article '") &&
        strstr(kkachi_reader_message(r), ": empty article"));
  CHECK(kkachi_reader_next(r, &a, &line, &col, &off) == KKACHI_EJSON);
  CHECK(line == 6 && strstr(kkachi_reader_message(r), "'date'") != NULL);
  CHECK(kkachi_reader_next(r, &a, &line, &col, &off) == 0);
  CHECK(a && !strncmp(kkachi_article_id(a), path, strlen(path))
        && !strcmp(kkachi_article_id(a) + strlen(path), "-7")); /* path-line */
  kkachi_article_free(a);
  CHECK(kkachi_reader_next(r, &a, &line, &col, &off) == 0 && a == NULL);
  CHECK(kkachi_reader_next(r, &a, &line, &col, &off) == 0 && a == NULL);
  kkachi_reader_free(r);

  /* a text file is one article, named by its file; bad bytes located */
  write_file("첫 줄\n둘째 \xff 줄\n", 18);
  CHECK(kkachi_reader_open(&r, path, KKACHI_INPUT_TEXT) == 0);
  CHECK(kkachi_reader_next(r, &a, &line, &col, &off) == KKACHI_EUTF8);
  CHECK(line == 2 && col == 4 && off == 15);
  CHECK(kkachi_reader_next(r, &a, &line, &col, &off) == 0 && a == NULL);
  kkachi_reader_free(r);
  CHECK(kkachi_reader_open(&r, "/nonexistent/x.txt", 0) == KKACHI_EIO);
  CHECK(r == NULL);

  /* ids: NUL and empty refused; a date that is no day left out */
  {
    static const char ids[]
        = "{\"id\": \"c\\u0000d\", \"text\": \"기사.\"}\n"
          "{\"id\": \"\", \"text\": \"기사.\"}\n"
          "{\"id\": \"e\", \"text\": \"기사.\", \"date\": \"2025-02-29\"}\n"
          "{\"id\": \"f\", \"text\": \"기사.\", \"date\": \"2024-02-29\"}\n";
    write_file(ids, sizeof ids - 1);
    CHECK(kkachi_reader_open(&r, path, KKACHI_INPUT_JSONL) == 0);
    CHECK(kkachi_reader_next(r, &a, &line, &col, &off) == KKACHI_EJSON);
    CHECK(!a
          && !strcmp(kkachi_reader_message(r), "field 'id' holds a NUL byte"));
    CHECK(kkachi_reader_next(r, &a, &line, &col, &off) == KKACHI_EJSON);
    CHECK(!a && !strcmp(kkachi_reader_message(r), "field 'id' is empty"));
    CHECK(kkachi_reader_next(r, &a, &line, &col, &off) == 0 && a);
    CHECK(strstr(kkachi_reader_message(r), "date '2025-02-29' is not"));
    kkachi_article_free(a);
    CHECK(kkachi_reader_next(r, &a, &line, &col, &off) == 0 && a);
    CHECK(!*kkachi_reader_message(r));
    kkachi_article_free(a);
    kkachi_reader_free(r);
  }
  CHECK(kkachi_article_new(&a, "", "x", 1, NULL) == KKACHI_EINVAL);
  CHECK(kkachi_article_new(&a, "\xff", "x", 1, NULL) == KKACHI_EINVAL);
  names_and_dates();
  unlink(path);
  return CHECK_END();
}
