/* match.c: runs every compiled rule over every sentence, with limits. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "alloc.h"
#include "engine.h"
#include "fact.h"
#include "family.h"

static int
push_mention(kk_mentions *ms, kk_mention **out)
{
  if (ms->n == ms->cap) {
    size_t cap = ms->cap ? ms->cap * 2 : 32;
    kk_mention *p = kkachi__realloc(ms->m, cap * sizeof *p);
    if (!p)
      return KKACHI_ENOMEM;
    ms->m = p;
    ms->cap = cap;
  }
  *out = &ms->m[ms->n];
  memset(*out, 0, sizeof **out);
  (*out)->order = ms->n++;
  return 0;
}

/* Trims ASCII and ideographic white space off a captured value. */
static void
trim_span(const char *s, size_t *b, size_t *e)
{
  while (*b < *e && (s[*b] == ' ' || s[*b] == '\t'))
    (*b)++;
  while (*e > *b && (s[*e - 1] == ' ' || s[*e - 1] == '\t'))
    (*e)--;
}

static int
complete(const kk_mention *m)
{
  const char *roles[KK_MAX_SLOTS];
  size_t i;
  for (i = 0; i < m->nslots; i++)
    roles[i] = m->slot[i].role;
  return kkachi__family_complete(m->spec->fam, roles, m->nslots);
}

/* Adds one mention per fact template of r for the current match. */
static int
yield(kk_mentions *ms, const kk_rule *r, const char *subject, size_t base,
      size_t sentence, const PCRE2_SIZE *ov, uint32_t npairs)
{
  size_t i, j;
  int rc;

  for (i = 0; i < r->nfacts; i++) {
    const kk_factspec *f = &r->facts[i];
    kk_mention *m;
    if ((rc = push_mention(ms, &m)))
      return rc;
    m->rule = r;
    m->spec = f;
    m->family = f->family;
    m->begin = base + ov[0];
    m->end = base + ov[1];
    m->sentence = sentence;
    for (j = 0; j < f->nb && m->nslots < KK_MAX_SLOTS; j++) {
      const kk_binding *b = &f->b[j];
      char *v;
      if (b->is_group) {
        size_t gb = 0, ge = 0, k;
        for (k = 0; k < b->ngroups; k++) {
          uint32_t gi = b->group[k];
          if (gi >= npairs || ov[2 * gi] == PCRE2_UNSET)
            continue; /* the group did not take part */
          gb = ov[2 * gi];
          ge = ov[2 * gi + 1];
          trim_span(subject, &gb, &ge);
          if (gb < ge)
            break;
        }
        if (gb == ge)
          continue; /* no group took part: the role is absent */
        v = kkachi__strndup(subject + gb, ge - gb);
      } else {
        v = kkachi__strdup(b->value);
      }
      if (!v)
        return KKACHI_ENOMEM;
      m->slot[m->nslots].role = b->role;
      m->slot[m->nslots].value = v;
      m->nslots++;
    }
    if (!complete(m)) { /* a required role did not take part */
      for (j = 0; j < m->nslots; j++)
        kkachi__free((char *)m->slot[j].value);
      ms->n--;
    }
  }
  return 0;
}

/* The gazetteer callouts: "bN" lets the match go on only where a form
 * of the rule's gazetteer reference N begins, "N" accepts the candidate
 * in group kkgN only when it is a form; otherwise the match backtracks.
 * Both look up where the forms occur, found once per text. */
int kkachi__gazetteer_callout(pcre2_callout_block *cb, void *data);

int
kkachi__gazetteer_callout(pcre2_callout_block *cb, void *data)
{
  const kkachi_engine *e = data;
  const kk_rule *r = e->cur_rule;
  const kk_gazref *ref;
  const kk_gazspans *sp;
  unsigned long i = 0;
  PCRE2_SIZE b, end;
  PCRE2_SPTR s = cb->callout_string;
  size_t k = 0;
  int begin;

  if (!r || !s || !cb->callout_string_length)
    return 0;
  begin = s[0] == 'b';
  for (k = (size_t)begin; k < cb->callout_string_length && s[k] >= '0' && s[k] <= '9'; k++)
    i = i * 10 + (unsigned long)(s[k] - '0');
  if (i >= r->nrefs)
    return PCRE2_ERROR_CALLOUT;
  ref = &r->refs[i];
  sp = &e->scan[ref->slot].spans;
  if (begin) {
    b = cb->current_position;
    if (e->cur_marked)
      b = kkachi__marked_begin(e->cur_marked, b);
    return kkachi__gazspans_starts(sp, e->cur_base + b) ? 0 : 1;
  }
  if (ref->group >= cb->capture_top)
    return 1;
  b = cb->offset_vector[2 * ref->group];
  end = cb->offset_vector[2 * ref->group + 1];
  if (b == PCRE2_UNSET || end <= b)
    return 1;
  if (e->cur_marked) {
    b = kkachi__marked_begin(e->cur_marked, b);
    end = kkachi__marked_end(e->cur_marked, end);
  }
  return kkachi__gazspans_has(sp, e->cur_base + b, e->cur_base + end) ? 0
                                                                       : 1;
}

/* Adds the mentions that r's match marks, by their groups. */
static int
add_marks(kkachi_engine *e, const kk_rule *r, const char *subject,
          const PCRE2_SIZE *ov, uint32_t npairs)
{
  size_t i;
  int rc = 0;
  for (i = 0; i < r->nmarks && !rc; i++) {
    uint32_t g = r->marks[i].gno;
    size_t b, end;
    if (g >= npairs || ov[2 * g] == PCRE2_UNSET)
      continue;
    b = ov[2 * g];
    end = ov[2 * g + 1];
    trim_span(subject, &b, &end);
    rc = kkachi__marked_add(&e->marked, r->marks[i].type, b, end);
  }
  return rc;
}

/* One match of r: its marks, and its facts unless quoted speech hides
 * them. For a rule over mentions the match's offsets are first taken
 * back to the sentence's; nset is what pcre2_match returned. */
static int
take_match(kkachi_engine *e, const kk_rule *r, const kk_text *t, size_t si,
           kk_mentions *ms, int nset)
{
  const kk_sentence *s = &t->sent[si];
  const char *subject = t->s + s->begin;
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(e->md), *raw = e->raw;
  uint32_t npairs = pcre2_get_ovector_count(e->md), i;
  int rc;

  if (r->frame) {
    for (i = 0; i < npairs; i++) {
      /* pairs from nset on belong to groups this match did not set, or
       * to none of this pattern's: pcre2_match leaves the latter as
       * they were */
      if ((int)i >= nset || ov[2 * i] == PCRE2_UNSET) {
        raw[2 * i] = raw[2 * i + 1] = PCRE2_UNSET;
        continue;
      }
      raw[2 * i] = kkachi__marked_begin(&e->marked, ov[2 * i]);
      raw[2 * i + 1] = kkachi__marked_end(&e->marked, ov[2 * i + 1]);
      if (raw[2 * i + 1] < raw[2 * i])
        raw[2 * i + 1] = raw[2 * i];
    }
    ov = raw;
  }
  if ((rc = add_marks(e, r, subject, ov, npairs)))
    return rc;
  if (r->skip_quoted && kkachi__text_in_quote(t, s->begin + ov[0]))
    return 0;
  return yield(ms, r, subject, s->begin, si, ov, npairs);
}

/* The offset of the code point after the one at i in s[0..len) (past len
 * when i is len: the end of a search). */
static size_t
next_cp(const char *s, size_t len, size_t i)
{
  for (i++; i < len && ((unsigned char)s[i] & 0xC0) == 0x80; i++)
    ;
  return i;
}

/* Matches r over subject[0..len) from *start, its match starting no later
 * than limit (PCRE2_UNSET: anywhere); takes each match. 1 when the rule
 * has yielded all it may in the sentence (a limit or its cap). */
static int
scan_from(kkachi_engine *e, const kk_rule *r, const kk_text *t, size_t si,
          kk_mentions *ms, const char *subject, size_t len, size_t *start,
          PCRE2_SIZE limit, unsigned *count, int *rc)
{
  pcre2_set_offset_limit(e->mctx, limit);
  while (*start <= len) {
    PCRE2_SIZE *ov;
    int n = pcre2_match(r->code, (PCRE2_SPTR)subject, len, *start,
                        PCRE2_NO_UTF_CHECK, e->md, e->mctx);
    if (n == PCRE2_ERROR_NOMATCH)
      return 0;
    if (n < 0) { /* a limit: warn and go on with the next rule */
      PCRE2_UCHAR msg[128];
      pcre2_get_error_message(n, msg, sizeof msg);
      kkachi__log(&e->log, KKACHI_LOG_WARNING, r->file, r->line, 0,
                  "rule '%s' stopped on a sentence: %s", r->id,
                  (const char *)msg);
      return 1;
    }
    if (e->cur_prof)
      e->cur_prof->matches++;
    if ((*rc = take_match(e, r, t, si, ms, n)))
      return 1;
    ov = pcre2_get_ovector_pointer(e->md);
    if (++*count >= KK_MAX_MATCHES_PER_RULE)
      return 1;
    if (ov[1] > *start)
      *start = ov[1];
    else /* empty match: step one code point */
      *start = next_cp(subject, len, *start);
  }
  return 1;
}

/* The first place at or after from where a word r needs begins, in the
 * sentence [sb, se) of the text: 1 and *at set (text offsets), or 0. */
static int
next_anchor(const kkachi_engine *e, const kk_rule *r, size_t from, size_t se,
            size_t *at)
{
  size_t i, best = se, a;
  int found = 0;
  for (i = 0; i < r->nneed_slots; i++)
    if (kkachi__gazspans_next(&e->scan[r->need_slot[i]].spans, from, best,
                              &a)) {
      best = a;
      found = 1;
    }
  *at = best;
  return found;
}

/* A rule with a window: matched only where a match may start, from
 * window code points before each word it needs to that word, so that
 * the rest of the sentence costs nothing. */
static int
run_windowed(kkachi_engine *e, const kk_rule *r, const kk_text *t, size_t si,
             kk_mentions *ms)
{
  const kk_sentence *s = &t->sent[si];
  const char *subject = t->s + s->begin;
  size_t len = s->end - s->begin, start = 0, at;
  unsigned count = 0;
  int rc = 0;

  while (next_anchor(e, r, s->begin + start, s->end, &at)) {
    size_t a = at - s->begin, lo = a, k;
    for (k = 0; k < r->window && lo > start; k++) { /* back N code points */
      lo--;
      while (lo > start && ((unsigned char)subject[lo] & 0xC0) == 0x80)
        lo--;
    }
    if (lo < start)
      lo = start;
    start = lo;
    if (scan_from(e, r, t, si, ms, subject, len, &start, a, &count, &rc))
      break;
    if (start <= a) /* nothing more starts before this word */
      start = next_cp(subject, len, a);
  }
  pcre2_set_offset_limit(e->mctx, PCRE2_UNSET);
  return rc;
}

static int
run_rule(kkachi_engine *e, const kk_rule *r, const kk_text *t, size_t si,
         kk_mentions *ms)
{
  const kk_sentence *s = &t->sent[si];
  const char *subject = r->frame ? e->marked.s.data : t->s + s->begin;
  size_t len = r->frame ? e->marked.s.len : s->end - s->begin, start = 0;
  unsigned count = 0;
  int rc = 0;

  e->cur_rule = r;
  e->cur_base = s->begin;
  e->cur_marked = r->frame ? &e->marked : NULL;
  if (r->window && r->nneed_slots)
    rc = run_windowed(e, r, t, si, ms);
  else
    (void)scan_from(e, r, t, si, ms, subject, len, &start, PCRE2_UNSET,
                    &count, &rc);
  e->cur_marked = NULL;
  return rc;
}

/* CPU time of this thread, in seconds. */
static double
cpu_now(void)
{
  struct timespec ts;
  if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts))
    return 0;
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Whether rule k runs on sentence s of an article in lang, whose bit
 * among the rules' languages is bit. */
static int
applies(kkachi_engine *e, size_t k, const kk_sentence *s, const char *lang,
        unsigned bit)
{
  const kk_rule *r = e->rules[k];
  if (!r->code || !(r->langbit & bit)
      || (bit == ~0u && strcmp(r->lang, lang))) /* past 32 languages */
    return 0;
  if (!s->body && !r->scope_any)
    return 0;
  if (kkachi__needs_met(e, r))
    return 1;
  if (e->prof)
    e->prof->rule[k].skipped++;
  return 0;
}

/* run_rule for rule k, timed when profiling. */
static int
run_rule_at(kkachi_engine *e, size_t k, const kk_text *t, size_t si,
            kk_mentions *ms)
{
  double t0;
  int rc;
  kkachi__rule_jit(e->rules[k]);
  if (!e->prof)
    return run_rule(e, e->rules[k], t, si, ms);
  e->cur_prof = &e->prof->rule[k];
  t0 = kkachi__profile_now();
  rc = run_rule(e, e->rules[k], t, si, ms);
  e->cur_prof->secs += kkachi__profile_now() - t0;
  e->cur_prof->runs++;
  e->cur_prof = NULL;
  return rc;
}

/* The wall on work per article, looked at every 64 runs and after each
 * run over a long sentence: 1 when it is passed (said once). */
static int
past_wall(kkachi_engine *e, const kk_text *t, size_t i, size_t runs,
          double start)
{
  if (e->time_limit <= 0
      || !(runs % 64 == 0 || t->sent[i].end - t->sent[i].begin > 65536)
      || cpu_now() - start <= e->time_limit)
    return 0;
  kkachi__log(&e->log, KKACHI_LOG_WARNING, NULL, 0, 0,
              "article '%s': matching stopped after %g s at sentence "
              "%lu of %lu; the facts read before are kept",
              e->cur_article ? e->cur_article : "?", e->time_limit,
              (unsigned long)i + 1, (unsigned long)t->nsent);
  return 1;
}

/* Writes the rewritten sentence to stderr, tokens in ⟦ ⟧ (for rule
 * writers: KKACHI_MENTIONS=1). */
static void
show_marks(const kk_marked *k)
{
  size_t i;
  fputs("mentions: ", stderr);
  for (i = 0; i < k->s.len; i++) {
    const unsigned char *c = (const unsigned char *)k->s.data + i;
    if (i + 2 < k->s.len && c[0] == 0xEE && c[1] == 0x80
        && (c[2] == 0x80 || c[2] == 0x81)) {
      fputs(c[2] == 0x80 ? "\xE2\x9F\xA6" : "\xE2\x9F\xA7", stderr);
      i += 2;
    } else
      fputc(*c, stderr);
  }
  fputc('\n', stderr);
}

/* Runs the rules that mark mentions over sentence i, then rewrites it
 * over them for the rules that match over mentions. */
static int
mark_sentence(kkachi_engine *e, const kk_text *t, size_t i, const char *lang,
              kk_mentions *ms, size_t *runs)
{
  const kk_sentence *s = &t->sent[i];
  unsigned bit = kkachi__engine_lang_bit(e, lang, 0);
  size_t k;
  double t0;
  int rc;

  kkachi__marked_reset(&e->marked);
  for (k = 0; k < e->nrules; k++) {
    if (!e->rules[k]->nmarks || !applies(e, k, s, lang, bit))
      continue;
    if ((rc = run_rule_at(e, k, t, i, ms)))
      return rc;
    ++*runs;
  }
  t0 = kkachi__profile_start(e->prof);
  if ((rc = kkachi__marked_build(&e->marked, t->s + s->begin,
                                 s->end - s->begin, e->g_particle,
                                 e->g_quote)))
    return rc;
  kkachi__profile_stage(e->prof, KK_PROF_MENTIONS, t0);
  if (e->show_marks)
    show_marks(&e->marked);
  return 0;
}

int
kkachi__match(kkachi_engine *e, const kk_text *t, const char *lang,
              kk_mentions *ms)
{
  size_t i, k, runs = 0;
  unsigned bit = kkachi__engine_lang_bit(e, lang, 0);
  double start = e->time_limit > 0 ? cpu_now() : 0;
  double t0 = kkachi__profile_start(e->prof);
  int rc;

  if ((rc = kkachi__engine_scan_text(e, t->s, t->len, lang)))
    return rc;
  if ((rc = kkachi__needs_text(e)))
    return rc;
  kkachi__profile_stage(e->prof, KK_PROF_SCAN, t0);
  for (i = 0; i < t->nsent; i++) {
    int marked = 0;
    kkachi__needs_sentence(e, t->s, &t->sent[i]);
    for (k = 0; k < e->nrules; k++) {
      const kk_rule *r = e->rules[k];
      if (r->nmarks || !applies(e, k, &t->sent[i], lang, bit))
        continue;
      if (r->frame && !marked) {
        if ((rc = mark_sentence(e, t, i, lang, ms, &runs)))
          return rc;
        marked = 1;
      }
      if ((rc = run_rule_at(e, k, t, i, ms)))
        return rc;
      if (past_wall(e, t, i, ++runs, start))
        return 0;
    }
    /* rules that mark mentions may yield facts too: run them where no
     * rule over mentions did */
    for (k = 0; !marked && k < e->nrules; k++)
      if (e->rules[k]->nmarks && e->rules[k]->nfacts
          && applies(e, k, &t->sent[i], lang, bit)) {
        if ((rc = mark_sentence(e, t, i, lang, ms, &runs)))
          return rc;
        marked = 1;
      }
  }
  return 0;
}
