/* gazetteer.c: loads TAB-separated word lists with aliases. */
#include "gazetteer.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "log.h"
#include "utf8.h"

#define KK_GAZ_MAX_LINE 4096

int
kkachi__gazetteer_new(kk_gazetteer **out, const char *name)
{
  kk_gazetteer *g = kkachi__calloc(1, sizeof *g);
  *out = NULL;
  if (!g)
    return KKACHI_ENOMEM;
  g->name = kkachi__strdup(name);
  if (!g->name || kkachi__strmap_new(&g->by_form)
      || kkachi__strmap_new(&g->files)) {
    kkachi__gazetteer_free(g);
    return KKACHI_ENOMEM;
  }
  *out = g;
  return 0;
}

static void
row_free(kk_gaz_row *r)
{
  size_t i;
  if (!r)
    return;
  for (i = 0; i < r->ncols; i++)
    kkachi__free(r->cols[i]);
  kkachi__free(r->cols);
  kkachi__free(r);
}

void
kkachi__gazetteer_free(kk_gazetteer *g)
{
  size_t i;
  if (!g)
    return;
  for (i = 0; i < g->nrows; i++)
    row_free(g->rows[i]);
  kkachi__free(g->rows);
  for (i = 0; i < g->nforms; i++)
    kkachi__free(g->forms[i]);
  kkachi__free(g->forms);
  kkachi__strmap_free(g->by_form);
  kkachi__strmap_free(g->files);
  kkachi__free(g->name);
  kkachi__free(g);
}

const char *
kkachi__gaz_col(const kk_gaz_row *row, size_t c)
{
  if (!row || c >= row->ncols || !row->cols[c][0])
    return NULL;
  return row->cols[c];
}

/* The first code points of s[0..n) with spaces left out (0 when none),
 * and the length without spaces. */
static void
prefix_of(const char *s, size_t n, uint32_t *c1, uint32_t *c2, size_t *len)
{
  size_t i = 0, k = 0;
  *c1 = *c2 = 0;
  *len = 0;
  while (i < n) {
    uint32_t c;
    size_t at = i;
    c = kkachi__utf8_next(s, &i);
    if (c == ' ')
      continue;
    *len += i - at;
    if (k == 0)
      *c1 = c;
    else if (k == 1)
      *c2 = c;
    k++;
  }
}

static uint32_t
bit1(uint32_t c1)
{
  return (c1 * 2654435761u) >> 16; /* 16 bits */
}

static uint32_t
bit2(uint32_t c1, uint32_t c2)
{
  return ((c1 * 2654435761u) ^ (c2 * 40503u)) >> 16;
}

static void
note_form(kk_gazetteer *g, const char *s, size_t n)
{
  uint32_t c1, c2, b;
  size_t len;
  prefix_of(s, n, &c1, &c2, &len);
  b = bit1(c1);
  g->first1[b >> 6] |= (uint64_t)1 << (b & 63);
  b = bit2(c1, c2);
  g->first2[b >> 6] |= (uint64_t)1 << (b & 63);
  if (g->nforms == 1 || len < g->minlen)
    g->minlen = len;
  if (len > g->maxlen)
    g->maxlen = len;
}

static int
maybe_listed(const kk_gazetteer *g, const char *s, size_t n)
{
  uint32_t c1, c2, b;
  size_t len;
  prefix_of(s, n, &c1, &c2, &len);
  if (len < g->minlen || len > g->maxlen)
    return 0;
  b = bit1(c1);
  if (!(g->first1[b >> 6] & ((uint64_t)1 << (b & 63))))
    return 0;
  b = bit2(c1, c2);
  return (g->first2[b >> 6] & ((uint64_t)1 << (b & 63))) != 0;
}

const kk_gaz_row *
kkachi__gazetteer_find(const kk_gazetteer *g, const char *s, size_t n)
{
  char tight[512];
  size_t i, k = 0;
  const kk_gaz_row *row;

  if (!g || !g->nforms || !maybe_listed(g, s, n))
    return NULL;
  row = kkachi__strmap_get(g->by_form, s, n);
  if (row || n >= sizeof tight || !memchr(s, ' ', n))
    return row;
  /* "SM 엔터테인먼트" is listed as SM엔터테인먼트: try without spaces */
  for (i = 0; i < n; i++)
    if (s[i] != ' ')
      tight[k++] = s[i];
  return kkachi__strmap_get(g->by_form, tight, k);
}

/* Adds a surface form for row; the first row to claim a form keeps it. */
static int
add_form(kk_gazetteer *g, const char *s, size_t n, kk_gaz_row *row)
{
  char *copy;
  int rc;
  if (n == 0 || kkachi__strmap_get(g->by_form, s, n))
    return 0;
  if (g->nforms == g->capforms) {
    size_t cap = g->capforms ? g->capforms * 2 : 64;
    char **p = kkachi__realloc(g->forms, cap * sizeof *p);
    if (!p)
      return KKACHI_ENOMEM;
    g->forms = p;
    g->capforms = cap;
  }
  copy = kkachi__strndup(s, n);
  if (!copy)
    return KKACHI_ENOMEM;
  rc = kkachi__strmap_put(g->by_form, s, n, row);
  if (rc) {
    kkachi__free(copy);
    return rc;
  }
  g->forms[g->nforms++] = copy;
  note_form(g, s, n);
  return 0;
}

static char *
trim(char *s)
{
  size_t n;
  while (*s == ' ')
    s++;
  n = strlen(s);
  while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r' || s[n - 1] == '\n'))
    s[--n] = '\0';
  return s;
}

/* Splits line at TABs into a new row. */
static int
parse_row(kk_gaz_row **out, char *line)
{
  kk_gaz_row *r = kkachi__calloc(1, sizeof *r);
  char *p = line;
  size_t cap = 0;

  *out = NULL;
  if (!r)
    return KKACHI_ENOMEM;
  for (;;) {
    char *tab = strchr(p, '\t');
    if (tab)
      *tab = '\0';
    if (r->ncols == cap) {
      char **c;
      cap = cap ? cap * 2 : 4;
      c = kkachi__realloc(r->cols, cap * sizeof *c);
      if (!c)
        goto oom;
      r->cols = c;
    }
    r->cols[r->ncols] = kkachi__strdup(trim(p));
    if (!r->cols[r->ncols])
      goto oom;
    r->ncols++;
    if (!tab)
      break;
    p = tab + 1;
  }
  r->canon = r->cols[0];
  *out = r;
  return 0;
oom:
  row_free(r);
  return KKACHI_ENOMEM;
}

/* Adds a form and, with KK_GAZ_CAPITALS, how a sentence or a heading
 * writes it: "chief executive" also as "Chief executive" and "Chief
 * Executive", "minister of state" as "Minister of State" when "of" is one
 * of the small words (may be NULL: every word capitalised). Only forms
 * that start with a lower-case ASCII letter get them. */
static int
add_forms(kk_gazetteer *g, const char *s, size_t n, kk_gaz_row *row,
          unsigned flags, const kk_gazetteer *small)
{
  char buf[256];
  size_t i;
  int rc = add_form(g, s, n, row), start = 1;

  if (rc || !(flags & KK_GAZ_CAPITALS) || n == 0 || n >= sizeof buf
      || s[0] < 'a' || s[0] > 'z')
    return rc;
  memcpy(buf, s, n);
  buf[0] = (char)(buf[0] - 'a' + 'A');
  if ((rc = add_form(g, buf, n, row)))
    return rc;
  for (i = 0; i < n; i++) {
    if (start && buf[i] >= 'a' && buf[i] <= 'z') {
      size_t e = i;
      while (e < n && buf[e] != ' ' && buf[e] != '-')
        e++;
      if (!small || !kkachi__gazetteer_find(small, buf + i, e - i))
        buf[i] = (char)(buf[i] - 'a' + 'A');
    }
    start = buf[i] == ' ' || buf[i] == '-';
  }
  return add_form(g, buf, n, row);
}

/* Adds row r (taken over, also on failure) and its surface forms. */
static int
add_row(kk_gazetteer *g, kk_gaz_row *r, int alias_col, unsigned flags,
        const kk_gazetteer *small)
{
  int rc;
  const char *al;

  if (g->nrows == g->caprows) {
    size_t cap = g->caprows ? g->caprows * 2 : 64;
    kk_gaz_row **p = kkachi__realloc(g->rows, cap * sizeof *p);
    if (!p) {
      row_free(r);
      return KKACHI_ENOMEM;
    }
    g->rows = p;
    g->caprows = cap;
  }
  g->rows[g->nrows++] = r;
  rc = add_forms(g, r->canon, strlen(r->canon), r, flags, small);
  al = alias_col > 0 ? kkachi__gaz_col(r, (size_t)alias_col - 1) : NULL;
  while (!rc && al && *al) {
    const char *bar = strchr(al, '|');
    size_t n = bar ? (size_t)(bar - al) : strlen(al);
    while (n > 0 && al[n - 1] == ' ')
      n--;
    rc = add_forms(g, al, n, r, flags, small);
    al = bar ? bar + 1 : NULL;
    while (al && *al == ' ')
      al++;
  }
  return rc;
}

int
kkachi__gazetteer_add(kk_gazetteer *g, const char *s, size_t n)
{
  kk_gaz_row *r;
  char *line = kkachi__strndup(s, n);
  int rc;
  if (!line)
    return KKACHI_ENOMEM;
  rc = parse_row(&r, line);
  kkachi__free(line);
  if (rc)
    return rc;
  if (!r->canon[0]) {
    row_free(r);
    return KKACHI_EINVAL;
  }
  return add_row(g, r, 0, 0, NULL); /* which owns r from here */
}

static int
load_line(kk_gazetteer *g, char *line, int alias_col, unsigned flags,
          const kk_gazetteer *small, const char *path, unsigned long lineno,
          kk_log *log)
{
  kk_gaz_row *r;
  size_t bad;
  char *t;
  int rc;

  if (kkachi__utf8_check(line, strlen(line), &bad)) {
    kkachi__log(log, KKACHI_LOG_ERROR, path, lineno, bad + 1,
                "invalid UTF-8 in gazetteer");
    return KKACHI_ESYNTAX;
  }
  t = trim(line);
  if (*t == '\0' || *t == '#')
    return 0;
  rc = parse_row(&r, t);
  if (rc)
    return rc;
  if (!r->canon[0]) {
    kkachi__log(log, KKACHI_LOG_ERROR, path, lineno, 1,
                "gazetteer row has an empty first column");
    row_free(r);
    return KKACHI_ESYNTAX;
  }
  return add_row(g, r, alias_col, flags, small); /* which owns r */
}

int
kkachi__gazetteer_load(kk_gazetteer *g, const char *path, int alias_col,
                       unsigned flags, const kk_gazetteer *small, kk_log *log)
{
  char line[KK_GAZ_MAX_LINE];
  unsigned long lineno = 0;
  FILE *fp;
  int rc = 0;

  if (kkachi__strmap_get(g->files, path, strlen(path)))
    return 0;
  fp = fopen(path, "rb");
  if (!fp)
    return KKACHI_EIO; /* the caller says where it was named */
  while (!rc && fgets(line, sizeof line, fp)) {
    lineno++;
    if (!strchr(line, '\n') && !feof(fp)) {
      kkachi__log(log, KKACHI_LOG_ERROR, path, lineno, 1,
                  "line longer than %d bytes", KK_GAZ_MAX_LINE - 1);
      rc = KKACHI_ESYNTAX;
      break;
    }
    rc = load_line(g, line, alias_col, flags, small, path, lineno, log);
  }
  if (!rc && ferror(fp)) {
    kkachi__log(log, KKACHI_LOG_ERROR, path, lineno, 0, "read error");
    rc = KKACHI_EIO;
  }
  fclose(fp);
  if (!rc)
    rc = kkachi__strmap_put(g->files, path, strlen(path), g);
  return rc;
}
