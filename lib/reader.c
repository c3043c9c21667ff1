/* reader.c: articles out of files: plain text (one article) or JSON Lines
 * (one article a line), with every bad record located and skipped. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "article.h"
#include "buf.h"
#include "date.h"
#include "html.h"
#include "kkachi.h"
#include "naming.h"
#include "utf8.h"

#define KK_MAX_ARTICLE ((size_t)256 << 20)

struct kkachi_reader {
  FILE *fp;
  int own_fp;
  int kind;
  int done;
  char *name; /* for ids; NULL on stdin: ids from the text's digest */
  unsigned long lineno;
  size_t offset; /* byte offset of the next line */
  char *line;
  size_t linecap;
  char msg[512];
};

static int
has_ending(const char *path, const char *ending)
{
  size_t n = strlen(path), m = strlen(ending);
  return n >= m && !strcmp(path + n - m, ending);
}

int
kkachi_reader_open(kkachi_reader **out, const char *path, int kind)
{
  kkachi_reader *r;
  int rc = 0;
  *out = NULL;
  if (!(r = kkachi__calloc(1, sizeof *r)))
    return KKACHI_ENOMEM;
  if (!strcmp(path, "-"))
    r->fp = stdin;
  else {
    r->fp = fopen(path, "rb");
    r->own_fp = 1;
  }
  if (!r->fp) {
    snprintf(r->msg, sizeof r->msg, "cannot open: %s", strerror(errno));
    kkachi_reader_free(r);
    return KKACHI_EIO;
  }
  if (r->own_fp && (rc = kkachi__name_from_path(&r->name, path))) {
    kkachi_reader_free(r);
    return rc;
  }
  if (kind == KKACHI_INPUT_AUTO) {
    if (has_ending(path, ".jsonl") || has_ending(path, ".ndjson"))
      kind = KKACHI_INPUT_JSONL;
    else if (has_ending(path, ".html") || has_ending(path, ".htm"))
      kind = KKACHI_INPUT_HTML;
    else if (!strcmp(path, "-")) { /* stdin: JSON Lines when it looks so */
      int c = getc(r->fp);
      kind = c == '{' ? KKACHI_INPUT_JSONL : KKACHI_INPUT_TEXT;
      if (c != EOF)
        ungetc(c, r->fp);
    } else
      kind = KKACHI_INPUT_TEXT;
  }
  r->kind = kind;
  *out = r;
  return 0;
}

int
kkachi_reader_set_name(kkachi_reader *r, const char *name)
{
  char *copy = kkachi__strdup(name);
  if (!copy)
    return KKACHI_ENOMEM;
  kkachi__free(r->name);
  r->name = copy;
  return 0;
}

const char *
kkachi_reader_message(const kkachi_reader *r)
{
  return r->msg;
}

void
kkachi_reader_free(kkachi_reader *r)
{
  if (!r)
    return;
  if (r->own_fp && r->fp)
    fclose(r->fp);
  kkachi__free(r->name);
  free(r->line); /* allocated by getline */
  kkachi__free(r);
}

/* Line and column (1-based, column in code points) of byte off in s. */
static void
locate(const char *s, size_t off, unsigned long *line, unsigned long *col)
{
  size_t i, start = 0;
  *line = 1;
  for (i = 0; i < off; i++)
    if (s[i] == '\n') {
      (*line)++;
      start = i + 1;
    }
  *col = (unsigned long)kkachi__utf8_count(s + start, off - start) + 1;
}

static int
bad_text(kkachi_reader *r, int rc, size_t bad, size_t base_off)
{
  if (rc == KKACHI_EUTF8)
    snprintf(r->msg, sizeof r->msg, "invalid UTF-8 at byte offset %lu",
             (unsigned long)(base_off + bad));
  else if (rc == KKACHI_ENUL)
    snprintf(r->msg, sizeof r->msg, "NUL byte at byte offset %lu",
             (unsigned long)(base_off + bad));
  else if (rc == KKACHI_EEMPTY)
    snprintf(r->msg, sizeof r->msg, "empty article");
  else
    snprintf(r->msg, sizeof r->msg, "%s", kkachi_strerror(rc));
  return rc;
}

static int
next_text(kkachi_reader *r, kkachi_article **out, unsigned long *line,
          unsigned long *col, size_t *offset)
{
  kk_buf b = KK_BUF_INIT;
  char chunk[65536], digest[KK_DIGEST_NAME];
  const char *id = r->name;
  size_t n, bad = 0;
  int rc = 0;

  b.max = KK_MAX_ARTICLE;
  r->done = 1;
  while (!rc && (n = fread(chunk, 1, sizeof chunk, r->fp)) > 0)
    rc = kkachi__buf_append(&b, chunk, n);
  if (!rc && ferror(r->fp)) {
    snprintf(r->msg, sizeof r->msg, "read error: %s", strerror(errno));
    rc = KKACHI_EIO;
  } else if (rc == KKACHI_ELIMIT) {
    snprintf(r->msg, sizeof r->msg, "article larger than %lu bytes",
             (unsigned long)KK_MAX_ARTICLE);
  }
  if (!rc && !id) {
    kkachi__name_from_text(digest, b.data ? b.data : "", b.len);
    id = digest;
  }
  if (!rc && r->kind == KKACHI_INPUT_HTML) {
    rc = kkachi__html_article(out, id, b.data ? b.data : "", b.len, r->msg,
                              sizeof r->msg);
  } else if (!rc) {
    rc = kkachi_article_new(out, id, b.data ? b.data : "", b.len, &bad);
    if (rc) {
      bad_text(r, rc, bad, 0);
      if (rc != KKACHI_EEMPTY) {
        locate(b.data, bad, line, col);
        *offset = bad;
      }
    }
  }
  kkachi__buf_free(&b);
  return rc;
}

/* Reads one optional string field; wrong types are errors. */
static int
opt_string(kkachi_reader *r, json_t *obj, const char *key, const char **out)
{
  json_t *v = json_object_get(obj, key);
  *out = NULL;
  if (!v || json_is_null(v))
    return 0;
  if (!json_is_string(v)) {
    snprintf(r->msg, sizeof r->msg, "field '%s' must be a string", key);
    return KKACHI_EJSON;
  }
  *out = json_string_value(v);
  return 0;
}

/* "author": a name or a list of names. */
static int
authors(kkachi_reader *r, json_t *obj, kkachi_article *a)
{
  json_t *v = json_object_get(obj, "author"), *item;
  size_t i;
  int rc = 0;
  if (!v || json_is_null(v))
    return 0;
  if (json_is_string(v))
    return json_string_length(v) ? kkachi_article_set(a, "author",
                                                     json_string_value(v))
                                  : 0;
  if (!json_is_array(v))
    goto bad;
  json_array_foreach(v, i, item) {
    if (!json_is_string(item))
      goto bad;
    if (json_string_length(item)
        && (rc = kkachi_article_set(a, "author", json_string_value(item))))
      return rc;
  }
  return 0;
bad:
  snprintf(r->msg, sizeof r->msg,
           "field 'author' must be a string or a list of strings");
  return KKACHI_EJSON;
}

/* The record's id: its "id" (a string or an integer), else "NAME-LINE",
 * else (on stdin) the digest of its text; an empty id or one holding a
 * NUL byte is an error, as an empty or NUL text is. */
static int
record_id(kkachi_reader *r, json_t *obj, json_t *jt, kk_buf *b)
{
  json_t *jid = json_object_get(obj, "id");
  char digest[KK_DIGEST_NAME];
  const char *id;
  int rc;

  if (json_is_integer(jid))
    return kkachi__buf_printf(b, "%lld", (long long)json_integer_value(jid));
  if ((rc = opt_string(r, obj, "id", &id)))
    return rc;
  if (id && (!*id || strlen(id) != json_string_length(jid))) {
    snprintf(r->msg, sizeof r->msg, "field 'id' %s",
             *id ? "holds a NUL byte" : "is empty");
    return KKACHI_EJSON;
  }
  if (id)
    return kkachi__buf_puts(b, id);
  if (r->name)
    return kkachi__buf_printf(b, "%s-%lu", r->name, r->lineno);
  kkachi__name_from_text(digest, json_string_value(jt),
                         json_string_length(jt));
  return kkachi__buf_puts(b, digest);
}

/* Says which article a bad metadata value (rc) belongs to. */
static int
bad_meta(kkachi_reader *r, int rc, const char *id)
{
  char why[384];
  if (rc == KKACHI_EINVAL) {
    snprintf(r->msg, sizeof r->msg, "article '%.80s': a bad metadata value",
             id);
    return KKACHI_EJSON;
  }
  if (rc == KKACHI_EJSON) {
    snprintf(why, sizeof why, "%.300s", r->msg);
    snprintf(r->msg, sizeof r->msg, "article '%.80s': %s", id, why);
  }
  return rc;
}

static int
record(kkachi_reader *r, json_t *obj, kkachi_article **out, size_t *bad)
{
  static const char *const meta[]
      = { "url", "date", "title", "lang", "publisher" };
  kk_buf idb = KK_BUF_INIT;
  const char *text, *id, *v;
  json_t *jt;
  size_t i;
  int rc;

  if (!json_is_object(obj)) {
    snprintf(r->msg, sizeof r->msg, "record is not a JSON object");
    return KKACHI_EJSON;
  }
  jt = json_object_get(obj, "text");
  if (!json_is_string(jt)) {
    snprintf(r->msg, sizeof r->msg, "field 'text' %s",
             jt ? "must be a string" : "is missing");
    return KKACHI_EJSON;
  }
  text = json_string_value(jt);
  if ((rc = record_id(r, obj, jt, &idb)))
    goto done;
  id = idb.data;
  rc = kkachi_article_new(out, id, text, json_string_length(jt), bad);
  if (rc) {
    char why[384];
    bad_text(r, rc, *bad, 0);
    snprintf(why, sizeof why, "%.300s", r->msg);
    snprintf(r->msg, sizeof r->msg, "article '%.80s': %s (in its text)", id,
             why);
    goto done;
  }
  for (i = 0; !rc && i < sizeof meta / sizeof *meta; i++)
    if (!(rc = opt_string(r, obj, meta[i], &v)) && v && *v)
      rc = kkachi_article_set(*out, meta[i], v);
  if (!rc)
    rc = authors(r, obj, *out);
  if (rc) {
    rc = bad_meta(r, rc, id);
    kkachi_article_free(*out);
    *out = NULL;
  }
done:
  kkachi__buf_free(&idb);
  return rc;
}

static int
next_jsonl(kkachi_reader *r, kkachi_article **out, unsigned long *line,
           unsigned long *col, size_t *offset)
{
  for (;;) {
    json_error_t err;
    json_t *obj;
    ssize_t n;
    size_t start = r->offset, bad = 0, i;
    int rc;

    errno = 0;
    n = getline(&r->line, &r->linecap, r->fp);
    if (n < 0) {
      r->done = 1;
      if (errno && errno != EINVAL) {
        snprintf(r->msg, sizeof r->msg, "read error: %s", strerror(errno));
        return KKACHI_EIO;
      }
      return 0;
    }
    r->lineno++;
    r->offset += (size_t)n;
    *line = r->lineno;
    *col = 1;
    *offset = start;
    for (i = 0; i < (size_t)n && strchr(" \t\r\n", r->line[i]); i++)
      ;
    if (i == (size_t)n)
      continue; /* blank line */
    obj = json_loadb(r->line, (size_t)n, JSON_ALLOW_NUL, &err);
    if (!obj) {
      *col = err.column > 0 ? (unsigned long)err.column : 1;
      *offset = start + (err.position > 0 ? (size_t)err.position : 0);
      snprintf(r->msg, sizeof r->msg, "invalid JSON at byte offset %lu: %s",
               (unsigned long)*offset, err.text);
      return KKACHI_EJSON;
    }
    rc = record(r, obj, out, &bad);
    json_decref(obj);
    return rc;
  }
}

/* A date that is no day of the calendar is left out, with a warning:
 * written as xsd:date it would make the output invalid. */
static void
check_date(kkachi_reader *r, kkachi_article *a)
{
  if (!a->date || kkachi__date_valid(a->date))
    return;
  snprintf(r->msg, sizeof r->msg,
           "article '%.80s': date '%.40s' is not a calendar date "
           "(YYYY-MM-DD); left out", a->id, a->date);
  kkachi__free(a->date);
  a->date = NULL;
}

int
kkachi_reader_next(kkachi_reader *r, kkachi_article **out, unsigned long *line,
                   unsigned long *col, size_t *offset)
{
  unsigned long l = 0, c = 0;
  size_t o = 0;
  int rc;

  *out = NULL;
  r->msg[0] = '\0';
  if (r->done)
    return 0;
  if (r->kind == KKACHI_INPUT_JSONL)
    rc = next_jsonl(r, out, &l, &c, &o);
  else
    rc = next_text(r, out, &l, &c, &o);
  if (!rc && *out)
    check_date(r, *out);
  if (line)
    *line = l;
  if (col)
    *col = c;
  if (offset)
    *offset = o;
  return rc;
}
