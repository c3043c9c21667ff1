/* sparql_scan.c: finds aggregates over DISTINCT values in SPARQL text,
 * which rasqal 0.9.33 counts wrongly (see store_query.c). */
#include <string.h>
#include <strings.h>

#include "sparql_scan.h"

typedef struct {
  const char *p;
  unsigned long line, col;
} cursor;

/* Moves one byte on; a character's continuation bytes add no column. */
static void
step(cursor *c)
{
  if (*c->p == '\n') {
    c->line++;
    c->col = 1;
  } else if (((unsigned char)*c->p & 0xC0) != 0x80)
    c->col++;
  c->p++;
}

static int
is_word(unsigned char ch)
{
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
         (ch >= '0' && ch <= '9') || ch == '_' || ch == '-' || ch == ':' ||
         ch == '.' || ch >= 0x80;
}

/* Past a string: 'x', "x", '''x''' or """x""", with backslash escapes. */
static void
skip_string(cursor *c)
{
  char q = *c->p;
  int longq = c->p[1] == q && c->p[2] == q;
  size_t i;

  for (i = 0; i < (longq ? 3u : 1u); i++)
    step(c);
  while (*c->p) {
    if (*c->p == '\\' && c->p[1]) {
      step(c);
    } else if (*c->p == q && (!longq || (c->p[1] == q && c->p[2] == q))) {
      for (i = 0; i < (longq ? 3u : 1u); i++)
        step(c);
      return;
    } else if (!longq && *c->p == '\n')
      return;
    step(c);
  }
}

/* Length of the IRIREF at p ("<...>" as SPARQL's grammar has it), or 0
 * when the '<' there is an operator. */
static size_t
iri_length(const char *p)
{
  size_t n = 1;
  while (p[n] && (unsigned char)p[n] > 0x20 && !strchr("<>\"{}|^`\\", p[n]))
    n++;
  return p[n] == '>' ? n + 1 : 0;
}

/* Past white space and comments. */
static void
skip_space(cursor *c)
{
  for (;;) {
    if (*c->p == '#')
      while (*c->p && *c->p != '\n')
        step(c);
    else if (*c->p && strchr(" \t\r\n", *c->p))
      step(c);
    else
      return;
  }
}

static size_t
word_length(const char *p)
{
  size_t n = 0;
  while (is_word((unsigned char)p[n]))
    n++;
  return n;
}

static int
is_aggregate(const char *w, size_t n)
{
  static const char *const names[] = {"COUNT", "SUM", "MIN", "MAX", "AVG",
                                      "SAMPLE", "GROUP_CONCAT"};
  size_t i;
  for (i = 0; i < sizeof names / sizeof names[0]; i++)
    if (strlen(names[i]) == n && !strncasecmp(w, names[i], n))
      return 1;
  return 0;
}

/* After an aggregate's name at c: whether "( DISTINCT" follows. */
static int
distinct_follows(cursor c)
{
  skip_space(&c);
  if (*c.p != '(')
    return 0;
  step(&c);
  skip_space(&c);
  return word_length(c.p) == 8 && !strncasecmp(c.p, "DISTINCT", 8);
}

const char *
kkachi__sparql_distinct_aggregate(const char *q, size_t *len,
                                  unsigned long *line, unsigned long *col)
{
  cursor c = {q, 1, 1};
  size_t n;

  while (*c.p) {
    unsigned char ch = (unsigned char)*c.p;
    if (ch == '#' || ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n')
      skip_space(&c);
    else if (ch == '"' || ch == '\'')
      skip_string(&c);
    else if (ch == '<' && (n = iri_length(c.p)) > 0)
      while (n--)
        step(&c);
    else if (ch == '?' || ch == '$' || is_word(ch)) {
      const char *w = c.p;
      cursor at = c;
      step(&c); /* a variable's name is no keyword */
      while (is_word((unsigned char)*c.p))
        step(&c);
      n = (size_t)(c.p - w);
      if (is_aggregate(w, n) && distinct_follows(c)) {
        *len = n;
        *line = at.line;
        *col = at.col;
        return w;
      }
    } else
      step(&c);
  }
  return NULL;
}
