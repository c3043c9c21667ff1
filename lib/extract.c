/* extract.c: one article through the stages: text, match, resolve. */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "article.h"
#include "engine.h"
#include "fact.h"
#include "utf8.h"

/* Guesses the language: Korean when Hangul makes up a tenth of the
 * letters, else English. */
static const char *
guess_lang(const char *s, size_t n)
{
  size_t i = 0, hangul = 0, latin = 0;
  while (i < n) {
    uint32_t c = kkachi__utf8_next(s, &i);
    if (kkachi__is_hangul(c))
      hangul++;
    else if (kkachi__is_latin_letter(c))
      latin++;
  }
  return hangul * 10 >= hangul + latin && hangul > 0 ? "ko" : "en";
}

static int
copy_meta(kkachi_result *r, const kkachi_article *a)
{
  const char *lang = a->lang && strcmp(a->lang, "auto")
                         ? a->lang
                         : guess_lang(a->text, a->len);
  r->id = kkachi__strdup(a->id);
  r->lang = kkachi__strdup(lang);
  if (!r->id || !r->lang)
    return KKACHI_ENOMEM;
  if (a->url && !(r->url = kkachi__strdup(a->url)))
    return KKACHI_ENOMEM;
  if (a->date && !(r->date = kkachi__strdup(a->date)))
    return KKACHI_ENOMEM;
  if (a->title && !(r->title = kkachi__strdup(a->title)))
    return KKACHI_ENOMEM;
  return 0;
}

/* Fills in code-point offsets of every evidence. */
static void
set_offsets(kkachi_result *r)
{
  kk_cpmap map;
  size_t i, j;
  kkachi__cpmap_init(&map, r->text.s);
  for (i = 0; i < r->nfacts; i++)
    for (j = 0; j < r->facts[i]->nev; j++) {
      kk_evidence *ev = &r->facts[i]->ev[j];
      ev->cbegin = kkachi__cpmap_get(&map, ev->begin);
      ev->cend = kkachi__cpmap_get(&map, ev->end);
    }
}

/* Orders facts by where they were first read, then by family. */
static int
by_first_evidence(const void *a, const void *b)
{
  const kk_fact *x = *(kk_fact *const *)a, *y = *(kk_fact *const *)b;
  if (x->ev[0].begin != y->ev[0].begin)
    return x->ev[0].begin < y->ev[0].begin ? -1 : 1;
  if (x->ev[0].end != y->ev[0].end)
    return x->ev[0].end < y->ev[0].end ? -1 : 1;
  return strcmp(x->family, y->family);
}

static int
by_offset(const void *a, const void *b)
{
  const kk_evidence *x = a, *y = b;
  if (x->begin != y->begin)
    return x->begin < y->begin ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

static void fact_free(kk_fact *f);

/* Drops folded facts and sorts what is left, so that output is stable. */
static void
compact(kkachi_result *r)
{
  size_t i, n = 0;
  for (i = 0; i < r->nfacts; i++) {
    kk_fact *f = r->facts[i];
    if (f->dropped || f->nev == 0) {
      fact_free(f);
      continue;
    }
    qsort(f->ev, f->nev, sizeof *f->ev, by_offset);
    r->facts[n++] = f;
  }
  r->nfacts = n;
  if (n > 1)
    qsort(r->facts, n, sizeof *r->facts, by_first_evidence);
}

int
kkachi_extract(kkachi_result **out, kkachi_engine *e, const kkachi_article *a)
{
  kkachi_result *r = NULL;
  kk_mentions ms = { NULL, 0, 0 };
  double t0;
  int rc;

  *out = NULL;
  if (!e->compiled)
    return KKACHI_EINVAL;
  if (!(r = kkachi__calloc(1, sizeof *r)))
    return KKACHI_ENOMEM;
  r->engine = e;
  if ((rc = kkachi__strmap_new(&r->orgs))
      || (rc = kkachi__strmap_new(&r->persons))
      || (rc = kkachi__strmap_new(&r->aliases))
      || (rc = kkachi__strmap_new(&r->programs)) || (rc = copy_meta(r, a)))
    goto fail;
  t0 = kkachi__profile_start(e->prof);
  if ((rc = kkachi__text_prepare(&r->text,
                                  strcmp(r->lang, "en") ? e->seg : e->seg_en,
                                  a->text, a->len)))
    goto fail;
  kkachi__profile_stage(e->prof, KK_PROF_TEXT, t0);
  if (e->prof)
    e->prof->articles++;
  e->cur_article = a->id;
  if ((rc = kkachi__match(e, &r->text, r->lang, &ms)))
    goto fail;
  t0 = kkachi__profile_start(e->prof);
  if ((rc = kkachi__resolve(r, &ms)) || (rc = kkachi__resolve_meta(r, a)))
    goto fail;
  kkachi__profile_stage(e->prof, KK_PROF_RESOLVE, t0);
  compact(r);
  set_offsets(r);
  kkachi__mentions_clear(&ms);
  *out = r;
  return 0;
fail:
  kkachi__mentions_clear(&ms);
  kkachi_result_free(r);
  return rc;
}

static void
fact_free(kk_fact *f)
{
  size_t i;
  if (!f)
    return;
  for (i = 0; i < f->nslots; i++)
    kkachi__free((char *)f->slot[i].value);
  kkachi__free(f->ev);
  kkachi__free(f);
}

static void
free_strings(char **s, size_t n)
{
  size_t i;
  for (i = 0; i < n; i++)
    kkachi__free(s[i]);
  kkachi__free(s);
}

void
kkachi_result_free(kkachi_result *r)
{
  size_t i;
  if (!r)
    return;
  for (i = 0; i < r->nfacts; i++)
    fact_free(r->facts[i]);
  kkachi__free(r->facts);
  for (i = 0; i < r->norgs; i++) {
    kkachi__free(r->org_list[i]->name);
    free_strings(r->org_list[i]->aliases, r->org_list[i]->naliases);
    kkachi__free(r->org_list[i]);
  }
  kkachi__free(r->org_list);
  for (i = 0; i < r->npersons; i++) {
    kkachi__free(r->person_list[i]->name);
    free_strings(r->person_list[i]->emails, r->person_list[i]->nemails);
    kkachi__free(r->person_list[i]);
  }
  kkachi__free(r->person_list);
  kkachi__strmap_free(r->orgs);
  kkachi__strmap_free(r->persons);
  kkachi__strmap_free(r->aliases);
  kkachi__programs_free(r);
  if (r->sentences)
    free_strings(r->sentences, 2 * r->nfacts);
  kkachi__text_clear(&r->text);
  kkachi__free(r->id);
  kkachi__free(r->lang);
  kkachi__free(r->url);
  kkachi__free(r->date);
  kkachi__free(r->title);
  free_strings(r->authors, r->nauthors);
  kkachi__free(r->publisher);
  kkachi__free(r);
}

const char *
kkachi_fact_value(const kkachi_fact_view *fact, const char *role)
{
  return fact && role ? kkachi__slot(fact->slots, fact->slot_count, role)
                      : NULL;
}

size_t
kkachi_result_count(const kkachi_result *r)
{
  return r ? r->nfacts : 0;
}

int
kkachi_result_fact(const kkachi_result *r, size_t i, kkachi_fact_view *out)
{
  const kk_fact *f;
  const kk_evidence *ev;
  kkachi_result *w = (kkachi_result *)r; /* lazily filled cache */

  if (!r || i >= r->nfacts)
    return KKACHI_EINVAL;
  f = r->facts[i];
  ev = &f->ev[0];
  if (!w->sentences) {
    size_t k;
    char **c = kkachi__calloc(2 * r->nfacts, sizeof *c);
    if (!c)
      return KKACHI_ENOMEM;
    for (k = 0; k < r->nfacts; k++) {
      const kk_evidence *e0 = &r->facts[k]->ev[0];
      const kk_sentence *s = &r->text.sent[e0->sentence];
      c[2 * k] = kkachi__strndup(r->text.s + s->begin, s->end - s->begin);
      c[2 * k + 1]
          = kkachi__strndup(r->text.s + e0->begin, e0->end - e0->begin);
      if (!c[2 * k] || !c[2 * k + 1]) {
        free_strings(c, 2 * r->nfacts);
        return KKACHI_ENOMEM;
      }
    }
    w->sentences = c;
  }
  memset(out, 0, sizeof *out);
  out->family = f->family;
  out->rule = ev->rule_id;
  out->begin = ev->cbegin;
  out->end = ev->cend;
  out->sentence = w->sentences[2 * i];
  out->anchor = w->sentences[2 * i + 1];
  out->slots = f->slot;
  out->slot_count = f->nslots;
  out->evidence_count = f->nev;
  return 0;
}
