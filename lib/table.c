/* table.c: query results as an aligned text table for a terminal. */
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "kkachi.h"
#include "table.h"
#include "utf8.h"

struct kk_table {
  size_t cols;
  char **cells;
  size_t n, cap;
  size_t *width;
};

int
kkachi__table_new(kk_table **out, size_t cols)
{
  kk_table *t;
  *out = NULL;
  if (!cols)
    cols = 1;
  if (!(t = kkachi__calloc(1, sizeof *t)))
    return KKACHI_ENOMEM;
  t->cols = cols;
  if (!(t->width = kkachi__calloc(cols, sizeof *t->width))) {
    kkachi__free(t);
    return KKACHI_ENOMEM;
  }
  *out = t;
  return 0;
}

void
kkachi__table_free(kk_table *t)
{
  size_t i;
  if (!t)
    return;
  for (i = 0; i < t->n; i++)
    kkachi__free(t->cells[i]);
  kkachi__free(t->cells);
  kkachi__free(t->width);
  kkachi__free(t);
}

/* Columns a code point takes on a terminal: East Asian wide ones two. */
static int
columns_of(uint32_t c)
{
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
                 (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
                 (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                 (c >= 0xFFE0 && c <= 0xFFE6)
             ? 2
             : 1;
}

static size_t
width_of(const char *s)
{
  size_t i = 0, n = strlen(s), w = 0;
  while (i < n)
    w += (size_t)columns_of(kkachi__utf8_next(s, &i));
  return w;
}

int
kkachi__table_add(kk_table *t, const char *text)
{
  char *c;
  size_t w;
  if (t->n == t->cap) {
    size_t nc = t->cap ? t->cap * 2 : t->cols * 16;
    char **p = kkachi__realloc(t->cells, nc * sizeof *p);
    if (!p)
      return KKACHI_ENOMEM;
    t->cells = p;
    t->cap = nc;
  }
  if (!(c = kkachi__strdup(text ? text : "")))
    return KKACHI_ENOMEM;
  t->cells[t->n] = c;
  w = width_of(c);
  if (w > t->width[t->n % t->cols])
    t->width[t->n % t->cols] = w;
  t->n++;
  return 0;
}

int
kkachi__table_add_term(kk_table *t, int kind, const char *value)
{
  kk_buf b = KK_BUF_INIT;
  int rc;
  if (!value || kind == KK_CELL_LITERAL)
    return kkachi__table_add(t, value);
  rc = kkachi__buf_printf(&b, kind == KK_CELL_IRI ? "<%s>" : "_:%s", value);
  if (!rc)
    rc = kkachi__table_add(t, b.data);
  kkachi__buf_free(&b);
  return rc;
}

static void
print_rule(FILE *fp, const kk_table *t)
{
  size_t i, k;
  for (i = 0; i < t->cols; i++) {
    fputc('+', fp);
    for (k = 0; k < t->width[i] + 2; k++)
      fputc('-', fp);
  }
  fputs("+\n", fp);
}

int
kkachi__table_print(const kk_table *t, FILE *fp)
{
  size_t rows = t->n / t->cols, i, k;
  print_rule(fp, t);
  for (i = 0; i < rows; i++) {
    for (k = 0; k < t->cols; k++) {
      const char *c = t->cells[i * t->cols + k];
      fprintf(fp, "| %s%*s ", c, (int)(t->width[k] - width_of(c)), "");
    }
    fputs("|\n", fp);
    if (i == 0)
      print_rule(fp, t);
  }
  print_rule(fp, t);
  return ferror(fp) ? KKACHI_EIO : 0;
}
