/* rule_parse.c: reads rule files (see kkachi-rules(5)) into the engine. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "engine.h"
#include "family.h"
#include "utf8.h"

#define KK_RULE_MAX_LINE 65536

typedef struct parser {
  kkachi_engine *e;
  const char *path;
  char *dir; /* folder of the file, for relative gazetteer paths */
  char lang[16];
  unsigned long lineno;
  const char *line; /* start of the current line, for columns */
  kk_rule *rule;    /* rule being read, owned until added */
  char *needs;      /* the file's needs line for the rules after it */
} parser;

static int
perr(parser *p, const char *at, const char *fmt, const char *arg)
{
  unsigned long col
      = at ? kkachi__utf8_count(p->line, (size_t)(at - p->line)) + 1 : 0;
  char msg[512];
  snprintf(msg, sizeof msg, fmt, arg ? arg : "");
  kkachi__log(&p->e->log, KKACHI_LOG_ERROR, p->path, p->lineno, col, "%s",
              msg);
  return KKACHI_ESYNTAX;
}

static int
is_space(char c)
{
  return c == ' ' || c == '\t';
}

static char *
skip_space(char *s)
{
  while (is_space(*s))
    s++;
  return s;
}

/* Cuts the first word off *s (NUL-terminating it); *s moves past it. */
static char *
word(char **s)
{
  char *w = skip_space(*s), *e = w;
  while (*e && !is_space(*e))
    e++;
  if (*e)
    *e++ = '\0';
  *s = skip_space(e);
  return w;
}

static int
valid_name(const char *s)
{
  if (!*s)
    return 0;
  for (; *s; s++)
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')
          || (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
      return 0;
  return 1;
}

/* Reads one value: "quoted" (with \" and \\) or a bare run of non-space. */
static int
read_value(parser *p, char **s, char **out)
{
  kk_buf b = KK_BUF_INIT;
  char *c = *s;
  int rc = 0;

  if (*c == '"') {
    for (c++; *c && *c != '"'; c++) {
      if (*c == '\\' && (c[1] == '"' || c[1] == '\\'))
        c++;
      if ((rc = kkachi__buf_append(&b, c, 1)))
        goto fail;
    }
    if (*c != '"') {
      rc = perr(p, *s, "unterminated quoted value%s", NULL);
      goto fail;
    }
    c++;
  } else {
    char *e = c;
    while (*e && !is_space(*e))
      e++;
    if ((rc = kkachi__buf_append(&b, c, (size_t)(e - c))))
      goto fail;
    c = e;
  }
  *out = kkachi__buf_steal(&b);
  if (!*out)
    return KKACHI_ENOMEM;
  *s = skip_space(c);
  return 0;
fail:
  kkachi__buf_free(&b);
  return rc;
}

static int
add_binding(kk_factspec *f, char *role, char *value, int is_group)
{
  kk_binding *nb = kkachi__realloc(f->b, (f->nb + 1) * sizeof *nb);
  if (!nb) {
    kkachi__free(role);
    kkachi__free(value);
    return KKACHI_ENOMEM;
  }
  f->b = nb;
  memset(&f->b[f->nb], 0, sizeof *f->b);
  f->b[f->nb].role = role;
  f->b[f->nb].value = value;
  f->b[f->nb].is_group = is_group;
  f->nb++;
  return 0;
}

/* Reads "$a" or "$a|$b|..." into "a|b|..." (at most four groups). */
static int
group_list(parser *p, char *g, char **out)
{
  kk_buf b = KK_BUF_INIT;
  int n = 0, rc = 0;
  char *part = g;

  *out = NULL;
  while (part && !rc) {
    char *bar = strchr(part, '|');
    if (bar)
      *bar = '\0';
    if (*part != '$' || !valid_name(part + 1) || ++n > 4)
      rc = perr(p, part, "bad group reference '%s' (use $name or $a|$b)",
                part);
    else
      rc = kkachi__buf_printf(&b, "%s%s", b.len ? "|" : "", part + 1);
    part = bar ? bar + 1 : NULL;
  }
  if (rc) {
    kkachi__buf_free(&b);
    return rc;
  }
  *out = kkachi__buf_steal(&b);
  return *out ? 0 : KKACHI_ENOMEM;
}

/* Parses "FAMILY role=value ..." into f; templates allow $group values. */
static int
parse_spec(parser *p, char *s, kk_factspec *f, int template)
{
  const kk_family *fam;
  char *name = word(&s);
  int rc;

  f->line = p->lineno;
  fam = kkachi__family_find(name);
  if (!fam)
    return perr(p, name, "unknown fact family '%s'", name);
  if (!(f->family = kkachi__strdup(name)))
    return KKACHI_ENOMEM;
  f->fam = fam;
  while (*s) {
    char *eq = strchr(s, '='), *role, *value = NULL;
    char *at = s;
    if (!eq || eq == s || memchr(s, ' ', (size_t)(eq - s)))
      return perr(p, at, "expected role=value%s", NULL);
    *eq = '\0';
    if (!kkachi__family_has_role(fam, s))
      return perr(p, at, "family has no role '%s'", s);
    if (!(role = kkachi__strdup(s)))
      return KKACHI_ENOMEM;
    s = eq + 1;
    if (template && *s == '$') {
      char *g = word(&s);
      if ((rc = group_list(p, g, &value))) {
        kkachi__free(role);
        return rc;
      }
      rc = add_binding(f, role, value, 1);
    } else {
      rc = read_value(p, &s, &value);
      if (rc) {
        kkachi__free(role);
        return rc;
      }
      rc = add_binding(f, role, value, 0);
    }
    if (rc)
      return rc;
  }
  return 0;
}

static int
append_str(char **dst, const char *s)
{
  size_t a = *dst ? strlen(*dst) : 0, b = strlen(s);
  char *n = kkachi__realloc(*dst, a + b + 1);
  if (!n)
    return KKACHI_ENOMEM;
  memcpy(n + a, s, b + 1);
  *dst = n;
  return 0;
}

/* Sets r's literals from "a|b|c" ("-" for none). */
static int
set_needs(parser *p, kk_rule *r, const char *list)
{
  size_t i;
  for (i = 0; i < r->nneeds; i++)
    kkachi__free(r->needs[i]);
  kkachi__free(r->needs);
  r->needs = NULL;
  r->nneeds = 0;
  if (!list || !strcmp(list, "-"))
    return 0;
  while (*list) {
    const char *bar = strchr(list, '|');
    size_t n = bar ? (size_t)(bar - list) : strlen(list);
    char **v;
    if (n == 0)
      return perr(p, list, "empty literal in needs%s", NULL);
    v = kkachi__realloc(r->needs, (r->nneeds + 1) * sizeof *v);
    if (!v)
      return KKACHI_ENOMEM;
    r->needs = v;
    if (!(v[r->nneeds] = kkachi__strndup(list, n)))
      return KKACHI_ENOMEM;
    r->nneeds++;
    list += n + (bar ? 1 : 0);
  }
  return 0;
}

/* Whether s is a mention type: capitals, at most 15. */
static int
valid_type(const char *s)
{
  size_t n = 0;
  for (; s[n]; n++)
    if (s[n] < 'A' || s[n] > 'Z')
      return 0;
  return n > 0 && n < 16;
}

/* mark TYPE=$group */
static int
mark_line(parser *p, kk_rule *r, char *rest)
{
  char *eq = strchr(rest, '='), *g;
  kk_markspec *m;
  if (!eq || eq[1] != '$')
    return perr(p, rest, "usage: mark TYPE=$group%s", "");
  *eq = '\0';
  g = eq + 2;
  if (!valid_type(rest))
    return perr(p, rest, "a mention type is 1 to 15 capitals, not '%s'",
                rest);
  if (!valid_name(g))
    return perr(p, g, "bad group reference '$%s'", g);
  m = kkachi__realloc(r->marks, (r->nmarks + 1) * sizeof *m);
  if (!m)
    return KKACHI_ENOMEM;
  r->marks = m;
  m = &m[r->nmarks];
  memset(m, 0, sizeof *m);
  m->line = p->lineno;
  m->type = kkachi__strdup(rest);
  m->group = kkachi__strdup(g);
  r->nmarks++;
  return m->type && m->group ? 0 : KKACHI_ENOMEM;
}

static int
rule_line(parser *p, char *kw, char *rest)
{
  kk_rule *r = p->rule;

  if (!strcmp(kw, "needs"))
    return *rest ? set_needs(p, r, rest)
                 : perr(p, rest, "usage: needs WORD|WORD|... (or -)%s", NULL);

  if (!strcmp(kw, "pattern")) {
    if (!*rest)
      return perr(p, rest, "empty pattern%s", NULL);
    if (!r->pattern)
      r->pattern_line = p->lineno;
    return append_str(&r->pattern, rest);
  }
  if (!strcmp(kw, "scope")) {
    if (!strcmp(rest, "any"))
      r->scope_any = 1;
    else if (!strcmp(rest, "body"))
      r->scope_any = 0;
    else
      return perr(p, rest, "scope is 'body' or 'any', not '%s'", rest);
    return 0;
  }
  if (!strcmp(kw, "quoted")) {
    if (!strcmp(rest, "skip"))
      r->skip_quoted = 1;
    else if (!strcmp(rest, "read"))
      r->skip_quoted = 0;
    else
      return perr(p, rest, "quoted is 'read' or 'skip', not '%s'", rest);
    return 0;
  }
  if (!strcmp(kw, "fact")) {
    kk_factspec *f = kkachi__realloc(r->facts, (r->nfacts + 1) * sizeof *f);
    if (!f)
      return KKACHI_ENOMEM;
    r->facts = f;
    memset(&f[r->nfacts], 0, sizeof *f);
    r->nfacts++;
    return parse_spec(p, rest, &f[r->nfacts - 1], 1);
  }
  if (!strcmp(kw, "mark"))
    return mark_line(p, r, rest);
  if (!strcmp(kw, "window")) {
    char *end = NULL;
    unsigned long n = strtoul(rest, &end, 10);
    if (!*rest || *end || n < 1 || n > 1000)
      return perr(p, rest, "window is a number of characters, 1 to 1000, "
                           "not '%s'", rest);
    r->window = (unsigned)n;
    return 0;
  }
  if (!strcmp(kw, "over")) {
    if (!strcmp(rest, "mentions"))
      r->frame = 1;
    else if (!strcmp(rest, "text"))
      r->frame = 0;
    else
      return perr(p, rest, "over is 'text' or 'mentions', not '%s'", rest);
    return 0;
  }
  if (!strcmp(kw, "example")) {
    kk_example *x;
    if (!*rest)
      return perr(p, rest, "empty example%s", NULL);
    x = kkachi__realloc(r->examples, (r->nexamples + 1) * sizeof *x);
    if (!x)
      return KKACHI_ENOMEM;
    r->examples = x;
    memset(&x[r->nexamples], 0, sizeof *x);
    x[r->nexamples].line = p->lineno;
    r->nexamples++;
    return (x[r->nexamples - 1].text = kkachi__strdup(rest)) ? 0
                                                             : KKACHI_ENOMEM;
  }
  if (!strcmp(kw, "expect") || !strcmp(kw, "forbid")) {
    kk_example *x;
    kk_expect *ex;
    if (!r->nexamples)
      return perr(p, kw, "'%s' before any example", kw);
    x = &r->examples[r->nexamples - 1];
    ex = kkachi__realloc(x->ex, (x->nex + 1) * sizeof *ex);
    if (!ex)
      return KKACHI_ENOMEM;
    x->ex = ex;
    memset(&ex[x->nex], 0, sizeof *ex);
    ex[x->nex].forbid = kw[0] == 'f';
    x->nex++;
    return parse_spec(p, rest, &ex[x->nex - 1].spec, 0);
  }
  return perr(p, kw, "unknown rule keyword '%s'", kw);
}

/* Validates the rule being read and hands it to the engine. */
static int
finish_rule(parser *p)
{
  kk_rule *r = p->rule;
  kkachi_engine *e = p->e;
  int rc;

  if (!r)
    return 0;
  p->rule = NULL;
  rc = KKACHI_ESYNTAX;
  if (!r->pattern)
    kkachi__log(&e->log, KKACHI_LOG_ERROR, r->file, r->line, 1,
                "rule '%s' has no pattern", r->id);
  else if (!r->nfacts && !r->nmarks)
    kkachi__log(&e->log, KKACHI_LOG_ERROR, r->file, r->line, 1,
                "rule '%s' yields no fact and marks no mention", r->id);
  else if (r->window && (!r->nneeds || r->frame))
    kkachi__log(&e->log, KKACHI_LOG_ERROR, r->file, r->line, 1,
                "rule '%s' has a window but no needs line to place it "
                "(or matches over mentions)", r->id);
  else if (r->frame && r->nmarks)
    kkachi__log(&e->log, KKACHI_LOG_ERROR, r->file, r->line, 1,
                "rule '%s' matches over mentions and cannot mark them",
                r->id);
  else if (kkachi__strmap_get(e->rule_ids, r->id, strlen(r->id)))
    kkachi__log(&e->log, KKACHI_LOG_ERROR, r->file, r->line, 1,
                "rule '%s' is defined twice", r->id);
  else
    rc = 0;
  if (!rc && e->nrules == e->caprules) {
    size_t cap = e->caprules ? e->caprules * 2 : 16;
    kk_rule **n = kkachi__realloc(e->rules, cap * sizeof *n);
    if (!n)
      rc = KKACHI_ENOMEM;
    else {
      e->rules = n;
      e->caprules = cap;
    }
  }
  if (!rc)
    rc = kkachi__strmap_put(e->rule_ids, r->id, strlen(r->id), r);
  if (rc) {
    kkachi__rule_free(r);
    return rc;
  }
  e->rules[e->nrules++] = r;
  return 0;
}

static int
start_rule(parser *p, char *rest)
{
  char *name = word(&rest);
  kk_rule *r;
  int rc;

  if ((rc = finish_rule(p)))
    return rc;
  if (!p->lang[0])
    return perr(p, name, "rule before any 'lang' line%s", NULL);
  if (!valid_name(name) || *rest)
    return perr(p, name, "bad rule name '%s'", name);
  if (!(r = kkachi__calloc(1, sizeof *r)))
    return KKACHI_ENOMEM;
  p->rule = r;
  r->line = p->lineno;
  r->lang = kkachi__strdup(p->lang);
  r->file = kkachi__strdup(p->path);
  {
    size_t n = strlen(p->lang) + strlen(name) + 2;
    r->id = kkachi__malloc(n);
    if (!r->lang || !r->file || !r->id)
      return KKACHI_ENOMEM;
    snprintf(r->id, n, "%s/%s", p->lang, name);
  }
  return set_needs(p, r, p->needs); /* the file's needs, if any */
}

/* Refuses a path that leaves the folders rule files may read. */
static int
outside(parser *p, const char *what, const char *file)
{
  char msg[300];
  snprintf(msg, sizeof msg, "%s path '%.200s' leaves the rules folder (use "
           "--rules-unsafe to allow)", what, file);
  return perr(p, file, "%s", msg);
}

static int
gazetteer_line(parser *p, char *rest)
{
  char *name = word(&rest), *file = word(&rest), *opt;
  kkachi_engine *e = p->e;
  kk_gazetteer *g;
  kk_buf path = KK_BUF_INIT;
  int alias_col = 0, rc;
  unsigned flags = 0;
  size_t i;

  if (!valid_name(name) || !*file)
    return perr(p, name,
                "usage: gazetteer NAME PATH [aliases=N] [capitals]%s", NULL);
  while (*(opt = word(&rest))) {
    char *end;
    long v;
    if (!strcmp(opt, "capitals")) {
      flags |= KK_GAZ_CAPITALS;
      continue;
    }
    if (strncmp(opt, "aliases=", 8))
      return perr(p, opt, "unknown gazetteer option '%s'", opt);
    v = strtol(opt + 8, &end, 10);
    if (*end || v < 1 || v > 64)
      return perr(p, opt, "bad column in '%s'", opt);
    alias_col = (int)v;
  }
  for (i = 0; i < e->ndefines; i++)
    if (!strcmp(e->defines[i]->name, name))
      return perr(p, name, "'%s' is already the name of a define", name);
  g = kkachi__engine_gazetteer(e, name);
  if (!g) {
    if (e->ngaz == e->capgaz) {
      size_t cap = e->capgaz ? e->capgaz * 2 : 8;
      kk_gazetteer **n = kkachi__realloc(e->gaz, cap * sizeof *n);
      if (!n)
        return KKACHI_ENOMEM;
      e->gaz = n;
      e->capgaz = cap;
    }
    if ((rc = kkachi__gazetteer_new(&g, name)))
      return rc;
    e->gaz[e->ngaz++] = g;
  }
  if (file[0] == '/')
    rc = kkachi__buf_puts(&path, file);
  else
    rc = kkachi__buf_printf(&path, "%s/%s", p->dir, file);
  if (!rc && !kkachi__rules_path_ok(e, path.data))
    rc = outside(p, "gazetteer", file);
  if (!rc)
    rc = kkachi__gazetteer_load(g, path.data, alias_col, flags,
                                kkachi__engine_gazetteer(e, "small-word"),
                                &e->log);
  if (rc == KKACHI_EIO) {
    char msg[300];
    snprintf(msg, sizeof msg, "cannot load gazetteer '%.200s': %s", file,
             strerror(errno));
    perr(p, file, "%s", msg);
  }
  kkachi__buf_free(&path);
  return rc;
}

static int
define_line(parser *p, char *rest)
{
  char *name = word(&rest);
  kkachi_engine *e = p->e;
  kk_define *d;
  size_t i;

  if (!valid_name(name) || !*rest)
    return perr(p, name, "usage: define NAME PATTERN%s", NULL);
  if (kkachi__engine_gazetteer(e, name))
    return perr(p, name, "'%s' is already the name of a gazetteer", name);
  for (i = 0; i < e->ndefines; i++)
    if (!strcmp(e->defines[i]->name, name)) {
      if (!strcmp(e->defines[i]->pattern, rest))
        return 0; /* the same definition loaded twice */
      return perr(p, name, "'%s' is already defined differently", name);
    }
  if (e->ndefines == e->capdefines) {
    size_t cap = e->capdefines ? e->capdefines * 2 : 16;
    kk_define **n = kkachi__realloc(e->defines, cap * sizeof *n);
    if (!n)
      return KKACHI_ENOMEM;
    e->defines = n;
    e->capdefines = cap;
  }
  if (!(d = kkachi__calloc(1, sizeof *d)))
    return KKACHI_ENOMEM;
  e->defines[e->ndefines++] = d;
  d->line = p->lineno;
  d->name = kkachi__strdup(name);
  d->pattern = kkachi__strdup(rest);
  d->file = kkachi__strdup(p->path);
  return d->name && d->pattern && d->file ? 0 : KKACHI_ENOMEM;
}

/* include PATH: loads another rule file (once), for shared definitions. */
static int
include_line(parser *p, char *rest)
{
  kk_buf path = KK_BUF_INIT;
  char *file = word(&rest);
  int rc;

  if (!*file || *rest)
    return perr(p, file, "usage: include PATH%s", NULL);
  if (file[0] == '/')
    rc = kkachi__buf_puts(&path, file);
  else
    rc = kkachi__buf_printf(&path, "%s/%s", p->dir, file);
  if (!rc && !kkachi__rules_path_ok(p->e, path.data))
    rc = outside(p, "include", file);
  if (!rc) {
    int opened = 1;
    rc = kkachi__rules_parse_file(p->e, path.data, &opened);
    if (rc == KKACHI_EIO && !opened) {
      char msg[300];
      snprintf(msg, sizeof msg, "cannot include '%.200s': %s", file,
               strerror(errno));
      perr(p, file, "%s", msg);
    }
  }
  kkachi__buf_free(&path);
  return rc;
}

static int
top_line(parser *p, char *kw, char *rest)
{
  if (!strcmp(kw, "rule"))
    return start_rule(p, rest);
  if (finish_rule(p))
    return KKACHI_ESYNTAX;
  if (!strcmp(kw, "lang")) {
    if (strlen(rest) < 2 || strlen(rest) > 8 || !valid_name(rest))
      return perr(p, rest, "bad language tag '%s'", rest);
    snprintf(p->lang, sizeof p->lang, "%s", rest);
    return 0;
  }
  if (!strcmp(kw, "gazetteer"))
    return gazetteer_line(p, rest);
  if (!strcmp(kw, "define"))
    return define_line(p, rest);
  if (!strcmp(kw, "include"))
    return include_line(p, rest);
  if (!strcmp(kw, "needs")) {
    char *copy, *s;
    if (!*rest)
      return perr(p, rest, "usage: needs WORD|WORD|... (or -)%s", NULL);
    for (s = rest; *s; s++) /* checked here, where the line is */
      if (*s == '|' && (s == rest || s[1] == '|' || s[1] == '\0'))
        return perr(p, s + (s == rest ? 0 : 1), "empty literal in needs%s",
                    NULL);
    if (!(copy = kkachi__strdup(rest)))
      return KKACHI_ENOMEM;
    kkachi__free(p->needs);
    p->needs = copy;
    return 0;
  }
  return perr(p, kw, "unknown keyword '%s'", kw);
}

static int
parse_line(parser *p, char *line)
{
  size_t n = strlen(line), bad;
  char *s, *kw;

  while (
      n > 0
      && (line[n - 1] == '\n' || line[n - 1] == '\r' || is_space(line[n - 1])))
    line[--n] = '\0';
  p->line = line;
  if (kkachi__utf8_check(line, n, &bad)) {
    p->line = line;
    return perr(p, line + bad, "invalid UTF-8%s", NULL);
  }
  s = skip_space(line);
  if (!*s || *s == '#')
    return 0;
  kw = word(&s);
  if (kw == line)
    return top_line(p, kw, s);
  if (!p->rule)
    return perr(p, kw, "indented line outside a rule%s", NULL);
  return rule_line(p, kw, s);
}

int
kkachi__rules_parse_file(kkachi_engine *e, const char *path, int *opened)
{
  parser p;
  char *line = NULL, *slash;
  FILE *fp;
  int rc = 0;

  memset(&p, 0, sizeof p);
  p.e = e;
  p.path = path;
  {
    /* each file once, however often it is named or included */
    char *real = realpath(path, NULL);
    if (real) {
      int seen = kkachi__strmap_get(e->rule_files, real, strlen(real)) != NULL;
      rc = seen ? 0 : kkachi__strmap_put(e->rule_files, real, strlen(real), e);
      free(real);
      *opened = 1;
      if (seen || rc)
        return rc;
    }
  }
  *opened = 0;
  fp = fopen(path, "rb");
  if (!fp)
    return KKACHI_EIO; /* errno says why; the caller says where */
  *opened = 1;
  p.dir = kkachi__strdup(path);
  line = kkachi__malloc(KK_RULE_MAX_LINE);
  if (!p.dir || !line) {
    rc = KKACHI_ENOMEM;
    goto done;
  }
  slash = strrchr(p.dir, '/');
  if (slash)
    *slash = '\0';
  else
    snprintf(p.dir, strlen(path) + 1, "%s", ".");
  while (!rc && fgets(line, KK_RULE_MAX_LINE, fp)) {
    p.lineno++;
    if (!strchr(line, '\n') && !feof(fp)) {
      p.line = line;
      rc = perr(&p, NULL, "line too long%s", NULL);
      break;
    }
    rc = parse_line(&p, line);
  }
  if (!rc)
    rc = finish_rule(&p);
done:
  kkachi__rule_free(p.rule);
  kkachi__free(p.needs);
  kkachi__free(line);
  kkachi__free(p.dir);
  fclose(fp);
  return rc;
}
