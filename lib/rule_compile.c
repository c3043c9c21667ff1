/* rule_compile.c: expands {{references}} and compiles rule patterns once. */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "engine.h"
#include "utf8.h"

#define KK_MAX_EXPAND_DEPTH 16
/* A define that names another twice, nested, doubles at each level: the
 * written-out pattern is capped well before the buffer's own ceiling. */
#define KK_MAX_EXPANDED (1u << 20)

static int
by_length_desc(const void *a, const void *b)
{
  const char *x = *(const char *const *)a, *y = *(const char *const *)b;
  size_t lx = strlen(x), ly = strlen(y);
  if (lx != ly)
    return lx > ly ? -1 : 1;
  return strcmp(x, y);
}

/* Appends s with every ASCII punctuation and space escaped. */
static int
append_escaped(kk_buf *out, const char *s)
{
  int rc = 0;
  for (; *s && !rc; s++) {
    unsigned char c = (unsigned char)*s;
    if (c < 0x80
        && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')
             || (c >= 'A' && c <= 'Z')))
      rc = kkachi__buf_append(out, "\\", 1);
    if (!rc)
      rc = kkachi__buf_append(out, s, 1);
  }
  return rc;
}

/* Whether every form is one non-ASCII character (a name syllable list):
 * then the gazetteer is a character class. */
static int
single_chars(const kk_gazetteer *g)
{
  size_t i;
  for (i = 0; i < g->nforms; i++) {
    size_t k = 0;
    kkachi__utf8_next(g->forms[i], &k);
    if (g->forms[i][k] || (unsigned char)g->forms[i][0] < 0x80)
      return 0;
  }
  return g->nforms > 0;
}

/* Appends (?:form|form|...) with the longest forms first, so that the
 * alternation prefers 부사장 to 사장. */
static int
append_gazetteer(kk_buf *out, const kk_gazetteer *g)
{
  char **forms;
  size_t i;
  int rc;

  if (g->nforms == 0)
    return kkachi__buf_puts(out, "(*FAIL)");
  if (single_chars(g)) {
    rc = kkachi__buf_puts(out, "[");
    for (i = 0; i < g->nforms && !rc; i++)
      rc = kkachi__buf_puts(out, g->forms[i]);
    return rc ? rc : kkachi__buf_puts(out, "]");
  }
  forms = kkachi__malloc(g->nforms * sizeof *forms);
  if (!forms)
    return KKACHI_ENOMEM;
  memcpy(forms, g->forms, g->nforms * sizeof *forms);
  qsort(forms, g->nforms, sizeof *forms, by_length_desc);
  rc = kkachi__buf_puts(out, "(?:");
  for (i = 0; i < g->nforms && !rc; i++) {
    if (i)
      rc = kkachi__buf_append(out, "|", 1);
    if (!rc)
      rc = append_escaped(out, forms[i]);
  }
  if (!rc)
    rc = kkachi__buf_append(out, ")", 1);
  kkachi__free(forms);
  return rc;
}

/* What the rules' patterns make of a gazetteer, worked out once per
 * compile: many rules name the same gazetteers, and sorting or measuring
 * their forms each time would cost more than compiling. */
typedef struct kk_gazalt {
  kk_buf text;  /* the forms as an alternation, once written */
  size_t bytes; /* the forms' bytes, one more each; 0 until measured */
} kk_gazalt;

/* The cache of g, or NULL outside a compile. */
static kk_gazalt *
gazalt(kkachi_engine *e, const kk_gazetteer *g)
{
  size_t i;
  for (i = 0; e->alt && i < e->ngaz; i++)
    if (e->gaz[i] == g)
      return &e->alt[i];
  return NULL;
}

/* The size of g's forms, one byte more each: how long its alternation
 * would be. */
static size_t
forms_bytes(kkachi_engine *e, const kk_gazetteer *g)
{
  kk_gazalt *a = gazalt(e, g);
  size_t total = 0, i;
  if (a && a->bytes)
    return a->bytes;
  for (i = 0; i < g->nforms; i++)
    total += strlen(g->forms[i]) + 1;
  if (a)
    a->bytes = total;
  return total;
}

/* Appends g's alternation, from the cache when compiling. */
static int
append_cached(kkachi_engine *e, kk_buf *out, const kk_gazetteer *g)
{
  kk_gazalt *a = gazalt(e, g);
  int rc;
  if (!a)
    return append_gazetteer(out, g);
  if (!a->text.len && (rc = append_gazetteer(&a->text, g)))
    return rc;
  return kkachi__buf_append(out, a->text.data, a->text.len);
}

/* A gazetteer whose alternation would be larger than this is matched by
 * shape and looked up by callout: PCRE2 caps a compiled pattern at 64 KiB
 * with its default link size, and a lookup is cheaper than a long
 * alternation anyway. */
#define KK_ALTERNATION_MAX 2048

/* Appends a candidate of the gazetteer's shape (as many words and as long
 * words as its longest form, greedy so that the longest is tried first) in
 * a group kkgN, between two callouts: "bN" lets the match go on only where
 * a form begins, "N" accepts the candidate only when it is a form. Where
 * the forms occur is found once per text (gazscan.c), so both are
 * lookups. The candidate must shrink on backtracking, one code point at a
 * time, until the lookup accepts it; PCRE2's auto-possessification looks
 * through a callout at what follows, and would make it possessive where
 * what follows cannot begin with what it repeats: the empty lookahead
 * (?=) after the callout stops that analysis there, so that the rest of
 * the pattern may still be auto-possessified. */
static int
append_gazref(kkachi_engine *e, kk_buf *out, const kk_gazetteer *g,
              kk_rule *r)
{
  size_t maxcp, maxw, slot;
  unsigned long n;
  kk_gazref *refs;
  int rc;

  if (!r)
    return KKACHI_EINVAL;
  if ((rc = kkachi__engine_scan_slot(e, g, r->lang, &slot)))
    return rc;
  maxw = kkachi__gazscan_maxw(e->scan[slot].trie);
  maxcp = kkachi__gazscan_maxcp(e->scan[slot].trie);
  refs = kkachi__realloc(r->refs, (r->nrefs + 1) * sizeof *refs);
  if (!refs)
    return KKACHI_ENOMEM;
  r->refs = refs;
  refs[r->nrefs].g = g;
  refs[r->nrefs].group = 0;
  refs[r->nrefs].slot = slot;
  n = (unsigned long)r->nrefs++;
  if (maxw == 1)
    return kkachi__buf_printf(out,
                              "(?C\"b%lu\")(?<kkg%lu>\\S{1,%lu})"
                              "(?C\"%lu\")(?=)",
                              n, n, (unsigned long)maxcp, n);
  return kkachi__buf_printf(out,
                            "(?C\"b%lu\")(?<kkg%lu>\\S{1,%lu}(?:\\x20\\S{1,%lu})"
                            "{0,%lu})(?C\"%lu\")(?=)",
                            n, n, (unsigned long)maxcp, (unsigned long)maxcp,
                            (unsigned long)maxw - 1, n);
}

/* Appends the pattern of a mention token, {{@TYPE|TYPE:func|func}}: the
 * types (or * for any), and after ':' the particle functions (- for no
 * particle; none named: any or none). */
static int
append_token(kk_buf *out, const char *spec)
{
  const char *colon = strchr(spec, ':'), *p;
  size_t ntypes = colon ? (size_t)(colon - spec) : strlen(spec);
  int rc;

  for (p = spec; p < spec + ntypes; p++)
    if (!((*p >= 'A' && *p <= 'Z') || *p == '|' || *p == '*'))
      return KKACHI_ESYNTAX;
  if (colon)
    for (p = colon + 1; *p; p++)
      if (!((*p >= 'a' && *p <= 'z') || *p == '|' || *p == '-'))
        return KKACHI_ESYNTAX;
  if (!ntypes)
    return KKACHI_ESYNTAX;
  rc = kkachi__buf_puts(out, "(?:\\x{E000}");
  if (!rc)
    rc = ntypes == 1 && spec[0] == '*'
             ? kkachi__buf_puts(out, "[A-Z]+")
             : kkachi__buf_printf(out, "(?:%.*s)", (int)ntypes, spec);
  if (!rc)
    rc = kkachi__buf_puts(out, ":");
  if (!rc && (!colon || !colon[1]))
    rc = kkachi__buf_puts(out, "[a-z]*");
  else if (!rc) {
    rc = kkachi__buf_puts(out, "(?:");
    for (p = colon + 1; *p && !rc; p++)
      rc = *p == '-' ? 0 : kkachi__buf_append(out, p, 1);
    if (!rc)
      rc = kkachi__buf_puts(out, ")");
  }
  return rc ? rc : kkachi__buf_puts(out, "\\x{E001})");
}

static const kk_define *
find_define(kkachi_engine *e, const char *name, size_t n)
{
  size_t i;
  for (i = 0; i < e->ndefines; i++)
    if (strlen(e->defines[i]->name) == n
        && !memcmp(e->defines[i]->name, name, n))
      return e->defines[i];
  return NULL;
}

/* Says that define d, named by r's pattern, writes out too much. */
static void
too_large(kkachi_engine *e, const kk_rule *r, const kk_define *d)
{
  kkachi__log(&e->log, KKACHI_LOG_ERROR, r ? r->file : d->file,
              r ? r->pattern_line : d->line, 0,
              "define '%s' expands past the limit of %u bytes (a define "
              "that names another more than once, nested?)",
              d->name, KK_MAX_EXPANDED);
}

/* Defines shorter than this are written out where named even in a
 * pattern that calls the others. */
#define KK_CALL_MIN 120

/* Whether define d may be called as a subroutine: long enough to be worth
 * it, and with no named group of its own, whose value a call would not
 * keep (PCRE2 restores the groups a subroutine set when it returns). */
static int
callable(const kk_define *d)
{
  const char *p = d->pattern;
  if (strlen(p) < KK_CALL_MIN)
    return 0;
  for (; (p = strstr(p, "(?")); p += 2)
    if ((p[2] == '<' && p[3] != '=' && p[3] != '!') || p[2] == '\''
        || (p[2] == 'P' && p[3] == '<'))
      return 0;
  return 1;
}

/* Writes a call of define d, "(?&kkdN)", and adds d to the defines r's
 * pattern calls (written out once at its end: see write_called). */
static int
append_call(kk_buf *out, kk_rule *r, const kk_define *d)
{
  size_t k;
  for (k = 0; k < r->nsubs && r->subs[k] != d; k++)
    ;
  if (k == r->nsubs) {
    const kk_define **subs
        = kkachi__realloc((void *)r->subs, (k + 1) * sizeof *subs);
    if (!subs)
      return KKACHI_ENOMEM;
    r->subs = subs;
    r->subs[r->nsubs++] = d;
  }
  return kkachi__buf_printf(out, "(?&kkd%lu)", (unsigned long)k);
}

static int expand(kkachi_engine *e, const char *src, kk_buf *out, kk_rule *r,
                  int depth);

/* Writes the defines r's pattern calls, each once, as the groups kkdN of
 * a DEFINE group that never matches by itself; the bodies may call more. */
static int
write_called(kkachi_engine *e, kk_buf *out, kk_rule *r)
{
  size_t k;
  int rc = r->nsubs ? kkachi__buf_puts(out, "(?(DEFINE)") : 0;
  for (k = 0; k < r->nsubs && !rc; k++) {
    rc = kkachi__buf_printf(out, "(?<kkd%lu>", (unsigned long)k);
    if (!rc)
      rc = expand(e, r->subs[k]->pattern, out, r, 1);
    if (!rc)
      rc = kkachi__buf_puts(out, ")");
  }
  return rc || !r->nsubs ? rc : kkachi__buf_puts(out, ")");
}

static int
expand(kkachi_engine *e, const char *src, kk_buf *out, kk_rule *r, int depth)
{
  const char *p = src;
  int rc = 0;

  if (depth > KK_MAX_EXPAND_DEPTH) {
    kkachi__log(&e->log, KKACHI_LOG_ERROR, r ? r->file : NULL,
                r ? r->pattern_line : 0, 0,
                "references nested too deeply (a define refers to itself?)");
    return KKACHI_ESYNTAX;
  }
  while (!rc && *p) {
    const char *open = strstr(p, "{{"), *close;
    char name[128];
    const kk_define *d;
    kk_gazetteer *g;
    size_t n;

    if (!open)
      return kkachi__buf_puts(out, p);
    if ((rc = kkachi__buf_append(out, p, (size_t)(open - p))))
      break;
    close = strstr(open + 2, "}}");
    n = close ? (size_t)(close - open - 2) : 0;
    if (!close || n == 0 || n >= sizeof name) {
      kkachi__log(&e->log, KKACHI_LOG_ERROR, r ? r->file : NULL,
                  r ? r->pattern_line : 0, 0, "unclosed {{ in pattern");
      return KKACHI_ESYNTAX;
    }
    memcpy(name, open + 2, n);
    name[n] = '\0';
    if (out->len > KK_MAX_EXPANDED)
      return KKACHI_ELIMIT; /* said once, by the outermost expand */
    if (name[0] == '@') {
      if (!r || !r->frame) {
        kkachi__log(&e->log, KKACHI_LOG_ERROR, r ? r->file : NULL,
                    r ? r->pattern_line : 0, 0,
                    "'{{%s}}' names mentions: only a rule 'over mentions' "
                    "may use it", name);
        return KKACHI_ESYNTAX;
      }
      if ((rc = append_token(out, name + 1)) == KKACHI_ESYNTAX)
        kkachi__log(&e->log, KKACHI_LOG_ERROR, r->file, r->pattern_line, 0,
                    "'{{%s}}': a mention is {{@TYPE}} or {{@TYPE:function}} "
                    "(TYPE in capitals or *, functions in lower case or -, "
                    "several joined by |)", name);
    } else if ((d = find_define(e, name, n))) {
      if (r && r->by_subroutine && callable(d))
        rc = append_call(out, r, d);
      else {
        rc = kkachi__buf_puts(out, "(?:");
        if (!rc)
          rc = expand(e, d->pattern, out, r, depth + 1);
        if (!rc)
          rc = kkachi__buf_append(out, ")", 1);
      }
      if (rc == KKACHI_ELIMIT && depth == 0)
        too_large(e, r, d);
    } else if ((g = kkachi__engine_gazetteer(e, name))) {
      if (r && (forms_bytes(e, g) > KK_ALTERNATION_MAX || r->all_by_callout)
          && !single_chars(g))
        rc = append_gazref(e, out, g, r);
      else
        rc = append_cached(e, out, g);
    } else {
      kkachi__log(&e->log, KKACHI_LOG_ERROR, r ? r->file : NULL,
                  r ? r->pattern_line : 0, 0,
                  "'%s' is neither a define nor a gazetteer", name);
      return KKACHI_ESYNTAX;
    }
    p = close + 2;
  }
  return rc;
}

int
kkachi__rules_expand(kkachi_engine *e, const char *src, kk_buf *out,
                     kk_rule *r)
{
  return expand(e, src, out, r, 0);
}

/* Resolves $group names of r's fact templates and mark lines to group
 * numbers. */
static int
bind_groups(kkachi_engine *e, kk_rule *r)
{
  size_t i, j;
  for (i = 0; i < r->nmarks; i++) {
    int n = pcre2_substring_number_from_name(r->code,
                                             (PCRE2_SPTR)r->marks[i].group);
    if (n < 0) {
      kkachi__log(&e->log, KKACHI_LOG_ERROR, r->file, r->marks[i].line, 0,
                  "rule '%s': no group named '%s' in the pattern", r->id,
                  r->marks[i].group);
      return KKACHI_ESYNTAX;
    }
    r->marks[i].gno = (uint32_t)n;
  }
  for (i = 0; i < r->nfacts; i++) {
    kk_factspec *f = &r->facts[i];
    for (j = 0; j < f->nb; j++) {
      kk_binding *b = &f->b[j];
      const char *name = b->value;
      if (!b->is_group)
        continue;
      b->ngroups = 0;
      while (*name && b->ngroups < 4) {
        const char *bar = strchr(name, '|');
        size_t len = bar ? (size_t)(bar - name) : strlen(name);
        char one[128];
        int n = -1;
        if (len < sizeof one) {
          memcpy(one, name, len);
          one[len] = '\0';
          n = pcre2_substring_number_from_name(r->code, (PCRE2_SPTR)one);
        }
        if (n < 0) {
          kkachi__log(&e->log, KKACHI_LOG_ERROR, r->file, f->line, 0,
                      "rule '%s': no group named '%.*s' in the pattern", r->id,
                      (int)len, name);
          return KKACHI_ESYNTAX;
        }
        b->group[b->ngroups++] = (uint32_t)n;
        name += len + (bar ? 1 : 0);
      }
    }
  }
  return 0;
}

/* Resolves r's needs to scan slots: each {{gazetteer}} to its own, the
 * literals together to one clause of the words all rules need, found by
 * one trie (or, for a rule with a window, to one list's slot, whose
 * places the window is measured from), so that a text is searched for
 * them once however many rules need them. */
static int
bind_needs(kkachi_engine *e, kk_rule *r)
{
  kk_buf key = KK_BUF_INIT;
  char **lits = NULL;
  size_t i, nlits = 0, slot;
  int rc = 0;

  kkachi__free(r->need_slot);
  r->need_slot = NULL;
  r->nneed_slots = 0;
  r->need_clause = 0;
  if (!r->nneeds)
    return 0;
  r->need_slot = kkachi__calloc(r->nneeds, sizeof *r->need_slot);
  lits = kkachi__calloc(r->nneeds, sizeof *lits);
  if (!r->need_slot || !lits) {
    rc = KKACHI_ENOMEM;
    goto done;
  }
  for (i = 0; i < r->nneeds && !rc; i++) {
    const char *w = r->needs[i];
    size_t n = strlen(w);
    const kk_gazetteer *g;
    char name[128];
    if (n < 5 || strncmp(w, "{{", 2) || strcmp(w + n - 2, "}}")) {
      lits[nlits++] = r->needs[i]; /* the list is named "a|b|c" */
      if (!(key.len && (rc = kkachi__buf_append(&key, "|", 1))))
        rc = kkachi__buf_puts(&key, w);
      continue;
    }
    snprintf(name, sizeof name, "%.*s", (int)(n - 4), w + 2);
    if (!(g = kkachi__engine_gazetteer(e, name))) {
      kkachi__log(&e->log, KKACHI_LOG_ERROR, r->file, r->line, 0,
                  "rule '%s': needs names '%s', which is not a gazetteer",
                  r->id, w);
      rc = KKACHI_ESYNTAX;
    } else if (!(rc = kkachi__engine_scan_slot(e, g, r->lang, &slot)))
      r->need_slot[r->nneed_slots++] = slot;
  }
  if (!rc && nlits && !r->window)
    rc = kkachi__rule_need_clause(e, r, lits, nlits);
  else if (!rc && nlits
           && !(rc = kkachi__engine_literal_slot(e, key.data, lits, nlits,
                                                 r->lang, &slot)))
    r->need_slot[r->nneed_slots++] = slot;
done:
  kkachi__free(lits);
  kkachi__buf_free(&key);
  return rc;
}

static int
compile_rule(kkachi_engine *e, kk_rule *r, pcre2_compile_context *cc)
{
  kk_buf pat = KK_BUF_INIT;
  int err, rc;
  PCRE2_SIZE off;
  size_t size = 0, i;

  r->langbit = kkachi__engine_lang_bit(e, r->lang, 1);
  if ((rc = bind_needs(e, r)))
    goto done;
  for (;;) {
    if ((rc = expand(e, r->pattern, &pat, r, 0))
        || (r->by_subroutine && (rc = write_called(e, &pat, r))))
      goto done;
    r->code = pcre2_compile((PCRE2_SPTR)pat.data, pat.len,
                            PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK
                                | (r->window ? PCRE2_USE_OFFSET_LIMIT : 0),
                            &err, &off, cc);
    /* (a gazetteer looked up by callout keeps its candidate shrinking on
     * backtracking by the (?=) after it: see append_gazref) */
    /* small gazetteers are written out as alternations, which a pattern
     * that names them often can make larger than PCRE2 allows: then every
     * one is looked up by callout instead */
    /* and where that is still too large, long defines named more than
     * once are written once and called */
    if (r->code || err != PCRE2_ERROR_PATTERN_TOO_LARGE || r->by_subroutine)
      break;
    if (r->all_by_callout)
      r->by_subroutine = 1;
    r->all_by_callout = 1;
    kkachi__free(r->refs);
    r->refs = NULL;
    r->nrefs = 0;
    kkachi__buf_reset(&pat);
  }
  if (!r->code) {
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(err, msg, sizeof msg);
    kkachi__log(&e->log, KKACHI_LOG_ERROR, r->file, r->pattern_line, 0,
                "rule '%s': pattern error at offset %lu: %s", r->id,
                (unsigned long)off, (const char *)msg);
    rc = KKACHI_EPATTERN;
    goto done;
  }
  pcre2_pattern_info(r->code, PCRE2_INFO_SIZE, &size);
  if (size > KK_MAX_COMPILED) {
    kkachi__log(&e->log, KKACHI_LOG_ERROR, r->file, r->pattern_line, 0,
                "rule '%s': compiled pattern too large (%lu bytes)", r->id,
                (unsigned long)size);
    rc = KKACHI_ELIMIT;
    goto done;
  }
  for (i = 0; i < r->nrefs; i++) {
    char name[32];
    int n;
    snprintf(name, sizeof name, "kkg%lu", (unsigned long)i);
    n = pcre2_substring_number_from_name(r->code, (PCRE2_SPTR)name);
    if (n < 0) {
      rc = KKACHI_EPATTERN;
      goto done;
    }
    r->refs[i].group = (uint32_t)n;
  }
  if (!(rc = bind_groups(e, r)))
    rc = kkachi__rule_bind_implied(e, r, pat.data, pat.len);
done:
  kkachi__free((void *)r->subs);
  r->subs = NULL;
  r->nsubs = 0;
  kkachi__buf_free(&pat);
  return rc;
}

void
kkachi__rule_jit(kk_rule *r)
{
  if (r->jit_tried || !r->code)
    return;
  r->jit_tried = 1;
  /* JIT is an optimisation: where it is unavailable, interpret. Valgrind
   * cannot follow JIT code, so KKACHI_NO_JIT turns it off for such runs. */
  if (!getenv("KKACHI_NO_JIT"))
    (void)pcre2_jit_compile(r->code, PCRE2_JIT_COMPLETE);
}

int
kkachi__rules_compile(kkachi_engine *e)
{
  pcre2_compile_context *cc = pcre2_compile_context_create(NULL);
  size_t i;
  int rc = 0, first = 0;

  if (!cc || !(e->alt = kkachi__calloc(e->ngaz ? e->ngaz : 1,
                                       sizeof *e->alt))) {
    pcre2_compile_context_free(cc);
    return KKACHI_ENOMEM;
  }
  pcre2_set_max_pattern_length(cc, (PCRE2_SIZE)16 << 20);
  for (i = 0; i < e->nrules; i++) {
    if (e->rules[i]->code)
      continue;
    rc = compile_rule(e, e->rules[i], cc);
    if (rc && !first)
      first = rc; /* report every bad rule, return the first error */
  }
  pcre2_compile_context_free(cc);
  if (!first)
    first = kkachi__rules_implied_slot(e);
  for (i = 0; i < e->ngaz; i++)
    kkachi__buf_free(&e->alt[i].text);
  kkachi__free(e->alt);
  e->alt = NULL;
  return first;
}
