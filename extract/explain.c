/* explain.c: the --explain table, with the facts in words (control
 * characters of the text escaped: only kkachi's own colours reach the
 * terminal). */
#define _POSIX_C_SOURCE 200809L /* fileno */
#include "explain.h"
#include "escape.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DASH " \xE2\x80\x94 " /* " — " */

typedef struct paint {
  const char *family, *words, *dim, *hit, *off;
} paint;

static const paint plain = { "", "", "", "", "" };
static const paint colour
    = { "\033[1;36m", "\033[1m", "\033[2m", "\033[1;33m", "\033[0m" };

/* Writes the parts that are there, joined by dashes. */
static void
joined(FILE *fp, const char *const *parts, size_t n)
{
  size_t i, k = 0;
  for (i = 0; i < n; i++)
    if (parts[i] && *parts[i]) {
      fputs(k++ ? DASH : "", fp);
      escape_puts(fp, parts[i]);
    }
}

/* The fact in words, by family; role=value for families it does not
 * know. */
static void
words(FILE *fp, const kkachi_fact_view *v)
{
  const char *f = v->family;
  if (!strcmp(f, "affiliation")) {
    const char *p[]
        = { kkachi_fact_value(v, "person") ? kkachi_fact_value(v, "person")
                                           : kkachi_fact_value(v, "surname"),
            kkachi_fact_value(v, "title"), kkachi_fact_value(v, "org") };
    joined(fp, p, 3);
  } else if (!strcmp(f, "byline")) {
    const char *p[]
        = { kkachi_fact_value(v, "author"), kkachi_fact_value(v, "title"),
            kkachi_fact_value(v, "publisher"), kkachi_fact_value(v, "email") };
    joined(fp, p, 4);
  } else if (!strcmp(f, "program_role")) {
    char who[256];
    const char *agent = kkachi_fact_value(v, "agent");
    if (!agent && kkachi_fact_value(v, "count")) {
      snprintf(who, sizeof who, "%s %s", kkachi_fact_value(v, "count"),
               kkachi_fact_value(v, "label") ? kkachi_fact_value(v, "label")
                                             : "");
      agent = who;
    }
    {
      const char *p[] = { agent, kkachi_fact_value(v, "role"),
                          kkachi_fact_value(v, "program") };
      joined(fp, p, 3);
    }
  } else if (!strcmp(f, "stage")) {
    const char *in = kkachi_fact_value(v, "entrants"),
               *sel = kkachi_fact_value(v, "selected"),
               *out = kkachi_fact_value(v, "eliminated"),
               *every = kkachi_fact_value(v, "interval");
    const char *p[] = { kkachi_fact_value(v, "program"),
                        kkachi_fact_value(v, "methodlabel")
                            ? kkachi_fact_value(v, "methodlabel")
                            : kkachi_fact_value(v, "method") };
    joined(fp, p, 2);
    if (in || sel) { /* 15 → 10, or → 5 */
      fputs(": ", fp);
      escape_puts(fp, in);
      fputs(sel ? (in ? " \xE2\x86\x92 " : "\xE2\x86\x92 ") : "", fp);
      escape_puts(fp, sel);
    }
    if (out) {
      fputs(", \xE2\x88\x92", fp);
      escape_puts(fp, out);
      fputs(every ? " every " : "", fp);
      escape_puts(fp, every);
    }
  } else if (!strcmp(f, "alias")) {
    const char *p[]
        = { kkachi_fact_value(v, "name"), kkachi_fact_value(v, "alias") };
    joined(fp, p, 2);
  } else if (!strcmp(f, "email")) {
    const char *p[]
        = { kkachi_fact_value(v, "person"), kkachi_fact_value(v, "email") };
    joined(fp, p, 2);
  } else {
    size_t i;
    for (i = 0; i < v->slot_count; i++) {
      fprintf(fp, "%s%s=", i ? " | " : "", v->slots[i].role);
      escape_puts(fp, v->slots[i].value);
    }
  }
}

/* The sentence, with the matched text marked when in colour. */
static void
sentence(FILE *fp, const kkachi_fact_view *v, const paint *c)
{
  const char *at = *c->hit ? strstr(v->sentence, v->anchor) : NULL;
  if (!at || !*v->anchor) {
    escape_puts(fp, v->sentence);
    return;
  }
  escape_write(fp, v->sentence, (size_t)(at - v->sentence));
  fputs(c->hit, fp);
  escape_puts(fp, v->anchor);
  fputs(c->off, fp);
  escape_puts(fp, at + strlen(v->anchor));
}

int
explain_article(FILE *fp, const kkachi_article *a, const kkachi_result *r)
{
  const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");
  const paint *c
      = isatty(fileno(fp)) && !(nc && *nc) && !(term && !strcmp(term, "dumb"))
            ? &colour
            : &plain;
  size_t i;

  fprintf(fp, "%s# ", c->dim);
  escape_puts(fp, kkachi_article_id(a));
  fprintf(fp, ": %lu facts%s\n", (unsigned long)kkachi_result_count(r),
          c->off);
  for (i = 0; i < kkachi_result_count(r); i++) {
    kkachi_fact_view v;
    int rc = kkachi_result_fact(r, i, &v);
    if (rc)
      return rc;
    fprintf(fp, "%s%-13s%s%s", c->family, v.family, c->off, c->words);
    words(fp, &v);
    fprintf(fp, "%s\n    %srule ", c->off, c->dim);
    escape_puts(fp, v.rule);
    fprintf(fp, ", [%lu,%lu)%s \"", v.begin, v.end, c->off);
    escape_puts(fp, v.anchor);
    fputc('"', fp);
    if (v.evidence_count > 1)
      fprintf(fp, " (+%lu more)", (unsigned long)v.evidence_count - 1);
    fputs("\n    in: ", fp);
    sentence(fp, &v, c);
    fputc('\n', fp);
  }
  return ferror(fp) ? KKACHI_EIO : 0;
}
