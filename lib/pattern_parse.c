/* pattern_parse.c: reads the PCRE2 syntax rule patterns use into a tree
 * (pattern.h); what it does not know makes the pattern unreadable. */
#include "pattern.h"

#include <string.h>

#include "alloc.h"
#include "kkachi.h"
#include "utf8.h"

#define KK_PDEPTH 200 /* groups nested deeper: unreadable */

typedef struct parser {
  const char *s;
  size_t n, i;
  kk_pattern *p;
  int depth;
} parser;

static int parse_alt(parser *ps, uint32_t *out);

static int
peek(const parser *ps)
{
  return ps->i < ps->n ? (unsigned char)ps->s[ps->i] : -1;
}

static int
new_node(parser *ps, kk_pkind kind, uint32_t *out)
{
  kk_pattern *p = ps->p;
  if (p->n == p->cap) {
    uint32_t cap = p->cap ? p->cap * 2 : 64;
    kk_pnode *q;
    if (cap >= KK_PNONE / 2)
      return KKACHI_ELIMIT;
    if (!(q = kkachi__realloc(p->node, cap * sizeof *q)))
      return KKACHI_ENOMEM;
    p->node = q;
    p->cap = cap;
  }
  memset(&p->node[p->n], 0, sizeof p->node[p->n]);
  p->node[p->n].kind = (uint8_t)kind;
  p->node[p->n].kid = p->node[p->n].next = KK_PNONE;
  *out = p->n++;
  return 0;
}

/* A new literal node of code point c, its bytes at the end of the text. */
static int
lit_node(parser *ps, uint32_t c, uint32_t *out)
{
  kk_pattern *p = ps->p;
  int rc;
  if (p->ntext + 4 > p->captext) {
    size_t cap = p->captext ? p->captext * 2 : 256;
    char *q = kkachi__realloc(p->text, cap);
    if (!q)
      return KKACHI_ENOMEM;
    p->text = q;
    p->captext = cap;
  }
  if ((rc = new_node(ps, KP_LIT, out)))
    return rc;
  p->node[*out].lit = (uint32_t)p->ntext;
  p->node[*out].nlit = (uint32_t)kkachi__utf8_encode(c, p->text + p->ntext);
  p->ntext += p->node[*out].nlit;
  return 0;
}

/* Makes kid the last child of parent; *last is its last child so far. */
static void
add_kid(kk_pattern *p, uint32_t parent, uint32_t *last, uint32_t kid)
{
  if (*last == KK_PNONE)
    p->node[parent].kid = kid;
  else
    p->node[*last].next = kid;
  *last = kid;
}

/* Reads hex digits up to max of them (or to '}' when braced). */
static int
read_hex(parser *ps, uint32_t *c)
{
  int braced = peek(ps) == '{', digits = 0;
  *c = 0;
  if (braced)
    ps->i++;
  while (ps->i < ps->n && (braced || digits < 2)) {
    int h = peek(ps);
    if (h >= '0' && h <= '9')
      h -= '0';
    else if ((h | 0x20) >= 'a' && (h | 0x20) <= 'f')
      h = (h | 0x20) - 'a' + 10;
    else
      break;
    *c = *c * 16 + (uint32_t)h;
    ps->i++;
    if (++digits > 6)
      return KKACHI_ESYNTAX;
  }
  if (braced && (peek(ps) != '}' || !digits))
    return KKACHI_ESYNTAX;
  ps->i += braced;
  return *c <= 0x10FFFF ? 0 : KKACHI_ESYNTAX;
}

/* Reads the escape after a backslash: 1 and *c for one code point, 2 for
 * a class (\d, \s, \w and their complements), else KKACHI_ESYNTAX. */
static int
read_escape(parser *ps, int in_class, uint32_t *c)
{
  int k = peek(ps), rc;
  static const char simple[] = "n\nt\tr\rf\fe\033a\007";
  const char *hit;
  if (k < 0)
    return KKACHI_ESYNTAX;
  if (k >= 0x80) { /* a non-ASCII character stands for itself */
    *c = kkachi__utf8_next(ps->s, &ps->i);
    return 1;
  }
  ps->i++;
  if (strchr("dDsSwW", k))
    return 2;
  if (k == 'x')
    return (rc = read_hex(ps, c)) ? rc : 1;
  if (in_class && k == 'b') {
    *c = 8;
    return 1;
  }
  if ((hit = strchr(simple, k)) && (hit - simple) % 2 == 0) {
    *c = (unsigned char)hit[1];
    return 1;
  }
  if ((k >= '0' && k <= '9') || (k >= 'a' && k <= 'z')
      || (k >= 'A' && k <= 'Z'))
    return KKACHI_ESYNTAX; /* back references, properties, ... */
  *c = (uint32_t)k;
  return 1;
}

/* Reads one member of a class: 1 and *c, or 2 for a class escape. */
static int
class_member(parser *ps, uint32_t *c)
{
  int k = peek(ps);
  if (k < 0)
    return KKACHI_ESYNTAX;
  if (k == '[' && ps->i + 1 < ps->n && ps->s[ps->i + 1] == ':')
    return KKACHI_ESYNTAX; /* POSIX classes */
  if (k == '\\') {
    ps->i++;
    return read_escape(ps, 1, c);
  }
  *c = kkachi__utf8_next(ps->s, &ps->i);
  return 1;
}

/* Reads [...] (s[i] is '['): which code points it holds tells nothing
 * here, only where it ends. */
static int
parse_class(parser *ps, uint32_t *out)
{
  int first = 1, rc = 0;

  ps->i++;
  if (peek(ps) == '^')
    ps->i++;
  while (!rc && (first || peek(ps) != ']')) {
    uint32_t lo, hi;
    first = 0;
    if ((rc = class_member(ps, &lo)) < 0)
      return rc;
    rc = 0;
    if (peek(ps) != '-' || ps->i + 1 >= ps->n || ps->s[ps->i + 1] == ']')
      continue; /* a member, or a class escape with a '-' after it */
    ps->i++; /* a range */
    if ((rc = class_member(ps, &hi)) != 1 || hi < lo)
      return rc < 0 ? rc : KKACHI_ESYNTAX;
    rc = 0;
  }
  if (peek(ps) != ']')
    return KKACHI_ESYNTAX;
  ps->i++;
  return new_node(ps, KP_SET, out);
}

/* Reads an escape outside a class (s[i] is the backslash). */
static int
parse_escape(parser *ps, uint32_t *out)
{
  uint32_t c = 0;
  int k, rc;

  ps->i++;
  k = peek(ps);
  if (k == 'b' || k == 'B' || k == 'z' || k == 'Z' || k == 'A') {
    ps->i++;
    return new_node(ps, k == 'A' ? KP_BOS : KP_ZERO, out);
  }
  if ((rc = read_escape(ps, 0, &c)) == 1)
    return lit_node(ps, c, out);
  return rc == 2 ? new_node(ps, KP_SET, out) : rc;
}

/* Skips to past the ')' that closes the group being read, depth groups
 * in, for a group not read further. */
static int
skip_group(parser *ps, int depth)
{
  int rc;
  while (ps->i < ps->n && depth) {
    int k = peek(ps);
    uint32_t dummy;
    if (k == '[') {
      if ((rc = parse_class(ps, &dummy)))
        return rc;
      continue;
    }
    ps->i += k == '\\' ? 2 : 1;
    depth += k == '(' ? 1 : k == ')' ? -1 : 0;
  }
  return depth ? KKACHI_ESYNTAX : 0;
}

/* Reads (?C"text") or (?Cn) after "(?C": "bN" is a gazetteer reference's
 * first callout (rule_compile.c), any other tells nothing. */
static int
parse_callout(parser *ps, uint32_t *out)
{
  size_t b = ps->i, e;
  uint32_t ref = 0;
  int gaz = 0, rc;
  if (peek(ps) == '"') {
    for (b = ++ps->i; ps->i < ps->n && ps->s[ps->i] != '"'; ps->i++)
      ;
    e = ps->i++;
    if (peek(ps) == '"') /* a doubled quote: not ours */
      return KKACHI_ESYNTAX;
    if (e > b + 1 && ps->s[b] == 'b') {
      for (gaz = 1, b++; b < e && gaz; b++) {
        gaz = ps->s[b] >= '0' && ps->s[b] <= '9' && ref < 100000;
        ref = ref * 10 + (uint32_t)(ps->s[b] - '0');
      }
    }
  } else
    while (peek(ps) >= '0' && peek(ps) <= '9')
      ps->i++;
  if (peek(ps) != ')')
    return KKACHI_ESYNTAX;
  ps->i++;
  if ((rc = new_node(ps, gaz ? KP_GAZ : KP_ZERO, out)))
    return rc;
  ps->p->node[*out].c = ref;
  return 0;
}

/* Reads the alternatives of a group up to its ')' into a node of kind
 * (KP_SEQ for a plain group: the alternatives' node itself). */
static int
group_body(parser *ps, kk_pkind kind, int behind, int negative,
           uint32_t *out)
{
  uint32_t body, last = KK_PNONE;
  int rc;
  if (++ps->depth > KK_PDEPTH)
    return KKACHI_ESYNTAX;
  if ((rc = parse_alt(ps, &body)))
    return rc;
  ps->depth--;
  if (peek(ps) != ')')
    return KKACHI_ESYNTAX;
  ps->i++;
  if (kind == KP_SEQ) {
    *out = body;
    return 0;
  }
  if ((rc = new_node(ps, kind, out)))
    return rc;
  ps->p->node[*out].behind = (uint8_t)behind;
  ps->p->node[*out].negative = (uint8_t)negative;
  add_kid(ps->p, *out, &last, body);
  return 0;
}

/* Skips a group name up to its closing character. */
static int
skip_name(parser *ps, int close)
{
  while (ps->i < ps->n && peek(ps) != close)
    ps->i++;
  if (peek(ps) != close)
    return KKACHI_ESYNTAX;
  ps->i++;
  return 0;
}

/* Reads a group (s[i] is '('). */
static int
parse_group(parser *ps, uint32_t *out)
{
  int k, rc;
  ps->i++;
  if (peek(ps) == '*')
    return KKACHI_ESYNTAX; /* verbs */
  if (peek(ps) != '?')
    return group_body(ps, KP_SEQ, 0, 0, out);
  ps->i++;
  k = peek(ps);
  ps->i++;
  switch (k) {
  case ':': case '>': case '|':
    return group_body(ps, KP_SEQ, 0, 0, out);
  case '=': case '!':
    return group_body(ps, KP_LOOK, 0, k == '!', out);
  case '<':
    if (peek(ps) == '=' || peek(ps) == '!')
      return group_body(ps, KP_LOOK, 1, ps->s[ps->i++] == '!', out);
    return (rc = skip_name(ps, '>')) ? rc : group_body(ps, KP_SEQ, 0, 0, out);
  case 'P':
    if (peek(ps) != '<')
      return KKACHI_ESYNTAX;
    ps->i++;
    return (rc = skip_name(ps, '>')) ? rc : group_body(ps, KP_SEQ, 0, 0, out);
  case '\'':
    return (rc = skip_name(ps, '\'')) ? rc : group_body(ps, KP_SEQ, 0, 0, out);
  case 'C':
    return parse_callout(ps, out);
  case '#':
    return (rc = skip_name(ps, ')')) ? rc : new_node(ps, KP_ZERO, out);
  case '(': /* a conditional group, in its condition: any text */
    return (rc = skip_group(ps, 2)) ? rc : new_node(ps, KP_ANY, out);
  default: /* options, recursion, ...: not read */
    return KKACHI_ESYNTAX;
  }
}

/* Reads one item of a sequence. */
static int
parse_atom(parser *ps, uint32_t *out)
{
  int k = peek(ps);
  switch (k) {
  case '(':
    return parse_group(ps, out);
  case '[':
    return parse_class(ps, out);
  case '\\':
    return parse_escape(ps, out);
  case '.':
    ps->i++;
    return new_node(ps, KP_SET, out);
  case '^':
  case '$':
    ps->i++;
    return new_node(ps, k == '^' ? KP_BOS : KP_ZERO, out);
  case '*': case '+': case '?': case '{':
    return KKACHI_ESYNTAX;
  default:
    return lit_node(ps, kkachi__utf8_next(ps->s, &ps->i), out);
  }
}

/* Reads a number of a {n,m} repeat. */
static int
read_count(parser *ps, uint32_t *v)
{
  size_t b = ps->i;
  *v = 0;
  while (peek(ps) >= '0' && peek(ps) <= '9' && *v < 65536)
    *v = *v * 10 + (uint32_t)(ps->s[ps->i++] - '0');
  return ps->i > b && *v < 65536 ? 0 : KKACHI_ESYNTAX;
}

/* Reads a repeat after an item, if any: *node becomes the repeat. */
static int
parse_quant(parser *ps, uint32_t *node)
{
  uint32_t min, max, rep, last = KK_PNONE;
  int k = peek(ps), rc;

  if (k == '*' || k == '+' || k == '?') {
    min = k == '+';
    max = k == '?' ? 1 : KK_PMAX;
    ps->i++;
  } else if (k == '{') {
    ps->i++;
    if ((rc = read_count(ps, &min)))
      return rc;
    max = min;
    if (peek(ps) == ',') {
      ps->i++;
      max = KK_PMAX;
      if (peek(ps) != '}' && ((rc = read_count(ps, &max)) || max < min))
        return KKACHI_ESYNTAX;
    }
    if (peek(ps) != '}')
      return KKACHI_ESYNTAX;
    ps->i++;
  } else
    return 0;
  if (peek(ps) == '?' || peek(ps) == '+') /* lazy, possessive */
    ps->i++;
  if ((rc = new_node(ps, KP_REPEAT, &rep)))
    return rc;
  ps->p->node[rep].min = min;
  ps->p->node[rep].max = max;
  add_kid(ps->p, rep, &last, *node);
  *node = rep;
  return 0;
}

/* Whether the item just read is a literal written right after the one
 * before it in the sequence, with no repeat: then the two are one. */
static int
joins(const kk_pattern *p, uint32_t last, uint32_t item)
{
  const kk_pnode *a = &p->node[last], *b = &p->node[item];
  return last != KK_PNONE && a->kind == KP_LIT && b->kind == KP_LIT
         && a->lit + a->nlit == b->lit && item == p->n - 1;
}

/* Reads items up to a '|', a ')' or the end. */
static int
parse_seq(parser *ps, uint32_t *out)
{
  uint32_t last = KK_PNONE, item;
  int rc;
  if ((rc = new_node(ps, KP_SEQ, out)))
    return rc;
  while (ps->i < ps->n && peek(ps) != '|' && peek(ps) != ')') {
    if ((rc = parse_atom(ps, &item)))
      return rc;
    if (!strchr("*+?{", peek(ps) < 0 ? 'x' : peek(ps))
        && joins(ps->p, last, item)) {
      ps->p->node[last].nlit += ps->p->node[item].nlit;
      ps->p->n--; /* item was the last node made */
      continue;
    }
    if ((rc = parse_quant(ps, &item)))
      return rc;
    add_kid(ps->p, *out, &last, item);
  }
  return 0;
}

/* Reads alternatives up to a ')' or the end. */
static int
parse_alt(parser *ps, uint32_t *out)
{
  uint32_t seq, last = KK_PNONE;
  int rc;
  if ((rc = parse_seq(ps, &seq)))
    return rc;
  if (peek(ps) != '|') {
    *out = seq;
    return 0;
  }
  if ((rc = new_node(ps, KP_ALT, out)))
    return rc;
  add_kid(ps->p, *out, &last, seq);
  while (peek(ps) == '|') {
    ps->i++;
    if ((rc = parse_seq(ps, &seq)))
      return rc;
    add_kid(ps->p, *out, &last, seq);
  }
  return 0;
}

int
kkachi__pattern_parse(kk_pattern *p, const char *s, size_t n)
{
  parser ps;
  int rc;
  ps.s = s;
  ps.n = n;
  ps.i = 0;
  ps.p = p;
  ps.depth = 0;
  if ((rc = parse_alt(&ps, &p->root)))
    return rc;
  return ps.i == n ? 0 : KKACHI_ESYNTAX; /* a ')' too many */
}

void
kkachi__pattern_clear(kk_pattern *p)
{
  kkachi__free(p->node);
  kkachi__free(p->text);
  memset(p, 0, sizeof *p);
  p->root = KK_PNONE;
}
