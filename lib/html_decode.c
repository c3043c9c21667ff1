/* html_decode.c: a saved page's bytes as UTF-8 the HTML parser can trust,
 * read in the encoding the bytes show rather than the one the page
 * declares, with every byte that does not decode located and replaced. */
#include "html_decode.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "kkachi.h"
#include "utf8.h"

#define FFFD "\xEF\xBF\xBD" /* U+FFFD REPLACEMENT CHARACTER */

/* Labels a page may declare and what iconv reads them as: Korean sites'
 * EUC-KR is in fact its superset CP949 (as browsers read it), Latin-1 is
 * Windows-1252, and UTF-16 named inside bytes that are ASCII is UTF-8. */
static const char *const labels[][2] = {
  { "euc-kr", "CP949" },           { "ks_c_5601-1987", "CP949" },
  { "ksc5601", "CP949" },          { "ksc_5601", "CP949" },
  { "korean", "CP949" },           { "windows-949", "CP949" },
  { "x-windows-949", "CP949" },    { "cp949", "CP949" },
  { "uhc", "CP949" },              { "iso-8859-1", "WINDOWS-1252" },
  { "latin1", "WINDOWS-1252" },    { "us-ascii", "WINDOWS-1252" },
  { "utf-16", "UTF-8" },           { "utf-16le", "UTF-8" },
  { "utf-16be", "UTF-8" },         { "utf8", "UTF-8" },
  { "utf-8", "UTF-8" },
};

static int
label_char(char c)
{
  return isalnum((unsigned char)c) || (c && strchr("-_.:", c));
}

/* The charset a <meta> in the page's first 4 KiB declares, as the page
 * spells it, or "" when there is none. */
static void
declared(char *out, size_t size, const char *data, size_t len)
{
  size_t i, k = 0, n = len < 4096 ? len : 4096;
  for (i = 0; i + 8 < n && strncasecmp(data + i, "charset=", 8); i++)
    ;
  for (i += 8; i < n && data[i] && strchr("\"' ", data[i]); i++)
    ;
  for (; i < n && k + 1 < size && label_char(data[i]); i++)
    out[k++] = (char)tolower((unsigned char)data[i]);
  out[k] = '\0';
}

/* The iconv name for a declared label (the label itself when not in
 * the table). */
static const char *
iconv_name(const char *label)
{
  size_t i;
  for (i = 0; i < sizeof labels / sizeof *labels; i++)
    if (!strcmp(label, labels[i][0]))
      return labels[i][1];
  return label;
}

static void
note(size_t *count, size_t *first, size_t off)
{
  if (!(*count)++)
    *first = off;
}

/* Whether s[0..n) is UTF-8 but for NUL bytes. */
static int
is_utf8(const char *s, size_t n)
{
  size_t i = 0, bad;
  int e;
  while ((e = kkachi__utf8_check(s + i, n - i, &bad)) == KKACHI_ENUL)
    i += bad + 1;
  return e == 0;
}

/* Appends s[0..n), at byte offset off of the page, read as UTF-8. */
static int
from_utf8(kk_buf *out, kk_decoded *d, const char *s, size_t n, size_t off)
{
  size_t i = 0, bad;
  int rc = 0, e;
  while (!rc && i < n) {
    e = kkachi__utf8_check(s + i, n - i, &bad);
    rc = kkachi__buf_append(out, s + i, e ? bad : n - i);
    if (rc || !e)
      break;
    if (e == KKACHI_ENUL)
      note(&d->nul, &d->nul_offset, off + i + bad);
    else
      note(&d->bad, &d->bad_offset, off + i + bad);
    rc = kkachi__buf_append(out, FFFD, 3);
    i += bad + 1;
  }
  return rc;
}

/* Appends s[begin..end), which holds no NUL, read through cd. */
static int
from_charset(kk_buf *out, kk_decoded *d, iconv_t cd, const char *s,
             size_t begin, size_t end)
{
  char *in = (char *)s + begin; /* iconv's prototype wants it writable */
  size_t left = end - begin;
  int rc = 0;
  while (!rc && left) {
    char tmp[4096], *o = tmp;
    size_t room = sizeof tmp, r = iconv(cd, &in, &left, &o, &room);
    int err = errno;
    rc = kkachi__buf_append(out, tmp, (size_t)(o - tmp));
    if (rc || r != (size_t)-1 || err == E2BIG)
      continue;
    note(&d->bad, &d->bad_offset, (size_t)(in - s));
    rc = kkachi__buf_append(out, FFFD, 3);
    if (err == EINVAL) /* a sequence cut off by the end */
      left = 0;
    else {
      in++;
      left--;
    }
    iconv(cd, NULL, NULL, NULL, NULL);
  }
  return rc;
}

/* Appends the page read through cd, each NUL byte as U+FFFD. */
static int
from_declared(kk_buf *out, kk_decoded *d, iconv_t cd, const char *s,
              size_t n)
{
  size_t i = 0;
  int rc = 0;
  while (!rc && i < n) {
    const char *nul = memchr(s + i, 0, n - i);
    size_t end = nul ? (size_t)(nul - s) : n;
    rc = from_charset(out, d, cd, s, i, end);
    if (!rc && nul) {
      note(&d->nul, &d->nul_offset, end);
      rc = kkachi__buf_append(out, FFFD, 3);
    }
    i = end + 1;
  }
  return rc;
}

/* Appends the page read as name (an iconv name; label is the page's name
 * for it, for messages). */
static int
read_as(kk_buf *out, kk_decoded *d, const char *data, size_t len,
        const char *name, const char *label)
{
  iconv_t cd = (iconv_t)-1;
  size_t i;
  int rc;

  memset(d, 0, sizeof *d);
  if (strcmp(name, "UTF-8"))
    cd = iconv_open("UTF-8", name);
  if (cd == (iconv_t)-1) {
    snprintf(d->charset, sizeof d->charset, "UTF-8");
    return from_utf8(out, d, data, len, 0);
  }
  for (i = 0; label[i] && i + 1 < sizeof d->charset; i++)
    d->charset[i] = (char)toupper((unsigned char)label[i]);
  rc = from_declared(out, d, cd, data, len);
  iconv_close(cd);
  return rc;
}

int
kkachi__html_decode(kk_buf *out, kk_decoded *d, const char *data,
                    size_t len)
{
  char label[32];
  const char *name;
  kk_buf other = KK_BUF_INIT;
  kk_decoded od;
  int rc;

  if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) { /* a byte order mark */
    memset(d, 0, sizeof *d);
    snprintf(d->charset, sizeof d->charset, "UTF-8");
    return from_utf8(out, d, data + 3, len - 3, 3);
  }
  declared(label, sizeof label, data, len);
  name = is_utf8(data, len) ? "UTF-8" : iconv_name(label);
  rc = read_as(out, d, data, len, name, label);
  if (rc || strcmp(name, "UTF-8") || !d->bad)
    return rc;
  /* said or taken to be UTF-8 and not: EUC-KR, if that reads better */
  other.max = out->max;
  rc = read_as(&other, &od, data, len, "CP949", "EUC-KR");
  if (!rc && od.bad + od.nul < d->bad + d->nul) {
    kk_buf t = *out;
    *out = other;
    other = t;
    *d = od;
  }
  kkachi__buf_free(&other);
  return rc == KKACHI_ENOMEM ? rc : 0;
}
