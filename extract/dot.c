/* dot.c: DOT pictures of the facts, one node per entity and one edge per
 * relation, kept in memory (pictures are for an article or a few) and
 * written once, sorted and without repeats. */
#define _POSIX_C_SOURCE 200809L
#include "dot.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct dot {
  char **lines; /* node and edge statements, owned */
  size_t n, cap;
  unsigned long stages; /* stage nodes made so far */
};

int
dot_new(dot **out)
{
  *out = calloc(1, sizeof **out);
  return *out ? 0 : KKACHI_ENOMEM;
}

void
dot_free(dot *d)
{
  size_t i;
  if (!d)
    return;
  for (i = 0; i < d->n; i++)
    free(d->lines[i]);
  free(d->lines);
  free(d);
}

/* Appends s to b (of size *cap) at *len with DOT's quote and backslash
 * escaped. */
static int
put(char **b, size_t *len, size_t *cap, const char *s, int escape)
{
  for (; *s; s++) {
    if (*len + 3 > *cap) {
      size_t c = *cap ? *cap * 2 : 128;
      char *p = realloc(*b, c);
      if (!p)
        return KKACHI_ENOMEM;
      *b = p;
      *cap = c;
    }
    if (escape && *s == '\n') { /* a line break in a label */
      (*b)[(*len)++] = '\\';
      (*b)[(*len)++] = 'n';
      continue;
    }
    if (escape && (*s == '"' || *s == '\\'))
      (*b)[(*len)++] = '\\';
    (*b)[(*len)++] = *s;
  }
  (*b)[*len] = '\0';
  return 0;
}

/* Adds one statement made of pieces: odd pieces are escaped (text inside
 * quotes), even ones written as they are; the list ends with NULL. */
static int
add(dot *d, const char *first, ...)
{
  char *b = NULL;
  size_t len = 0, cap = 0;
  const char *s = first;
  int rc = 0, k = 0;
  va_list ap;

  va_start(ap, first);
  for (; s && !rc; s = va_arg(ap, const char *), k++)
    rc = put(&b, &len, &cap, s, k % 2);
  va_end(ap);
  if (rc || !b) {
    free(b);
    return rc ? rc : KKACHI_ENOMEM;
  }
  if (d->n == d->cap) {
    size_t c = d->cap ? d->cap * 2 : 64;
    char **p = realloc(d->lines, c * sizeof *p);
    if (!p) {
      free(b);
      return KKACHI_ENOMEM;
    }
    d->lines = p;
    d->cap = c;
  }
  d->lines[d->n++] = b;
  return 0;
}

/* The kinds of entity node, by the prefix of their ids. */
enum { PERSON, ORG, PROGRAM };
static const char *const node_id[] = { "  \"p:", "  \"o:", "  \"g:" };
static const char *const node_look[] = {
  "\", shape=ellipse, fillcolor=\"#e8f1fb\"];", /* people */
  "\", shape=box, fillcolor=\"#fdf3e1\"];",     /* organizations */
  "\", shape=folder, fillcolor=\"#e9f7ec\"];",  /* programs */
};

/* A node statement for an entity of kind, labelled with its name. */
static int
node(dot *d, int kind, const char *name)
{
  return add(d, node_id[kind], name, "\" [label=\"", name, node_look[kind],
             NULL);
}

static int
affiliation(dot *d, const kkachi_fact_view *v)
{
  const char *p = kkachi_fact_value(v, "person"),
             *o = kkachi_fact_value(v, "org"),
             *t = kkachi_fact_value(v, "title");
  int rc;
  if (!p)
    return 0;
  if ((rc = node(d, PERSON, p)))
    return rc;
  if (!o) /* a title with no organization: written under the name */
    return t ? add(d, "  \"p:", p, "\" [xlabel=\"", t, "\"];", NULL) : 0;
  if ((rc = node(d, ORG, o)))
    return rc;
  return add(d, "  \"p:", p, "\" -> \"o:", o, "\" [label=\"", t ? t : "",
             "\"];", NULL);
}

static int
program_role(dot *d, const kkachi_fact_view *v)
{
  const char *g = kkachi_fact_value(v, "program"),
             *a = kkachi_fact_value(v, "agent"),
             *role = kkachi_fact_value(v, "role"),
             *count = kkachi_fact_value(v, "count"),
             *label = kkachi_fact_value(v, "label");
  char who[256], key[768];
  int rc;
  if (!g || !role)
    return 0;
  if ((rc = node(d, PROGRAM, g)))
    return rc;
  if (a)
    return (rc = node(d, ORG, a)) ? rc
                            : add(d, "  \"o:", a, "\" -> \"g:", g,
                                  "\" [label=\"", role, "\"];", NULL);
  if (!count)
    return 0;
  snprintf(who, sizeof who, "%s %s", count, label ? label : "");
  snprintf(key, sizeof key, "%s|%s", g, who);
  if ((rc = add(d, "  \"n:", key, "\" [label=\"", who,
                "\", shape=plaintext, style=solid];", NULL)))
    return rc;
  return add(d, "  \"n:", key, "\" -> \"g:", g, "\" [label=\"", role, "\"];",
             NULL);
}

/* A stage: its method and counts (15 → 10, -1 each P6M) in a note. */
static int
stage(dot *d, const kkachi_fact_view *v)
{
  const char *g = kkachi_fact_value(v, "program"),
             *m = kkachi_fact_value(v, "methodlabel");
  const char *in = kkachi_fact_value(v, "entrants"),
             *sel = kkachi_fact_value(v, "selected"),
             *out = kkachi_fact_value(v, "eliminated"),
             *every = kkachi_fact_value(v, "interval");
  char label[512], id[32];
  size_t k = 0;
  int rc;

  if (!g)
    return 0;
  if (!m
      && (m
          = kkachi_fact_value(v, "method"))) { /* PeriodicElimination: words */
    const char *c;
    for (c = m; *c && k + 2 < 64; c++) {
      if (c > m && *c >= 'A' && *c <= 'Z')
        label[k++] = ' ';
      label[k++] = (char)(c > m && *c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
    }
    label[k] = '\0';
  } else
    k += (size_t)snprintf(label + k, sizeof label - k, "%s", m ? m : "stage");
  if ((in || sel) && k < sizeof label)
    k += (size_t)snprintf(label + k, sizeof label - k, "\n%s%s%s",
                          in ? in : "", sel ? " → " : "", sel ? sel : "");
  if (out && k < sizeof label)
    snprintf(label + k, sizeof label - k, "\n−%s%s%s", out,
             every ? " every " : "", every ? every : "");
  snprintf(id, sizeof id, "s:%lu", ++d->stages);
  if ((rc = node(d, PROGRAM, g)))
    return rc;
  return add(d, "  \"", id, "\" [label=\"", label,
             "\", shape=note, fillcolor=\"#f3ecfa\"];\n  \"g:", g, "\" -> \"",
             id, "\" [style=dashed, label=\"", id + 2, "\"];", NULL);
}

int
dot_add(dot *d, const kkachi_result *r)
{
  size_t i;
  int rc = 0;
  for (i = 0; i < kkachi_result_count(r) && !rc; i++) {
    kkachi_fact_view v;
    if ((rc = kkachi_result_fact(r, i, &v)))
      break;
    if (!strcmp(v.family, "affiliation"))
      rc = affiliation(d, &v);
    else if (!strcmp(v.family, "program_role"))
      rc = program_role(d, &v);
    else if (!strcmp(v.family, "stage"))
      rc = stage(d, &v);
  }
  return rc;
}

static int
by_text(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int
dot_write(const dot *d, FILE *fp)
{
  size_t i;
  if (d->n)
    qsort(d->lines, d->n, sizeof *d->lines, by_text);
  fputs("digraph kkachi {\n"
        "  graph [rankdir=LR, fontname=\"sans-serif\", bgcolor=white];\n"
        "  node [fontname=\"sans-serif\", style=\"rounded,filled\"];\n"
        "  edge [fontname=\"sans-serif\", fontsize=10, color=\"#555555\"];\n",
        fp);
  for (i = 0; i < d->n; i++)
    if (i == 0 || strcmp(d->lines[i], d->lines[i - 1]))
      fprintf(fp, "%s\n", d->lines[i]);
  fputs("}\n", fp);
  return ferror(fp) ? KKACHI_EIO : 0;
}
