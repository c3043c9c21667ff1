/* resolve.c: from rule mentions to facts: canonical names, article-local
 * aliases, short forms ("배 장관") and merged duplicates. */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "article.h"
#include "engine.h"
#include "fact.h"
#include "utf8.h"

/* How many sentences back a pronoun may find the person it stands for. */
#define KK_PRONOUN_REACH 6

const char *
kkachi__slot(const kkachi_slot *s, size_t n, const char *role)
{
  size_t i;
  for (i = 0; i < n; i++)
    if (!strcmp(s[i].role, role))
      return s[i].value;
  return NULL;
}

void
kkachi__mentions_clear(kk_mentions *ms)
{
  size_t i, j;
  for (i = 0; i < ms->n; i++)
    for (j = 0; j < ms->m[i].nslots; j++)
      kkachi__free((char *)ms->m[i].slot[j].value);
  kkachi__free(ms->m);
  memset(ms, 0, sizeof *ms);
}

/* The class of an organization not in the gazetteer, from the longest
 * ending listed in the org-class gazetteer. */
static const char *
class_by_ending(kkachi_engine *e, const char *name)
{
  size_t n = strlen(name), i = 0;
  if (!e->g_orgclass)
    return "Organization";
  while (i < n) { /* suffixes from the longest, at code-point starts */
    const kk_gaz_row *row
        = kkachi__gazetteer_find(e->g_orgclass, name + i, n - i);
    if (row && i > 0 && kkachi__gaz_col(row, 1))
      return kkachi__gaz_col(row, 1);
    kkachi__utf8_next(name, &i);
  }
  return "Organization";
}

/* The length of the mark of a legal form that s[0..n) begins with
 * ((재), 주식회사), a space after it included, or 0. */
static size_t
legal_prefix(kkachi_engine *e, const char *s, size_t n)
{
  size_t i = 0, best = 0;
  while (i < n) {
    kkachi__utf8_next(s, &i);
    if (kkachi__gazetteer_find(e->g_legal, s, i))
      best = i;
  }
  if (best && best < n && s[best] == ' ')
    best++;
  return best;
}

/* The length of the mark of a legal form that s[0..n) ends with (㈜,
 * 주식회사), a space before it included, or 0. */
static size_t
legal_suffix(kkachi_engine *e, const char *s, size_t n)
{
  size_t i = 0, best = 0;
  while (i < n) {
    if (kkachi__gazetteer_find(e->g_legal, s + i, n - i)) {
      best = n - i;
      break;
    }
    kkachi__utf8_next(s, &i);
  }
  if (best && best < n && s[n - best - 1] == ' ')
    best++;
  return best;
}

/* Writes into b the name s without the marks of a legal form before and
 * after it ((재)가람산업진흥원, 한결테크㈜, 주식회사 새솔), and returns 1;
 * returns 0 (b untouched) when s has none, or when less than two code
 * points would be left. */
static int
without_legal_form(kkachi_engine *e, const char *s, kk_buf *b)
{
  size_t n = strlen(s), pre, suf;
  if (!e->g_legal)
    return 0;
  pre = legal_prefix(e, s, n);
  suf = legal_suffix(e, s + pre, n - pre);
  if ((!pre && !suf) || kkachi__utf8_count(s + pre, n - pre - suf) < 2)
    return 0;
  kkachi__buf_reset(b);
  return kkachi__buf_append(b, s + pre, n - pre - suf) ? -1 : 1;
}

/* Writes into b the name s without a bracket inside it, between a body
 * and its branch or department ("가람공단(이사장 한도윤) 나래지부" is
 * "가람공단 나래지부"), and returns 1; returns 0 (b untouched) when s has
 * none. */
static int
without_inner_bracket(const char *s, kk_buf *b)
{
  const char *open = strchr(s, '('), *close;
  if (!open || open == s || open[-1] == ' ')
    return 0;
  close = strchr(open + 1, ')');
  if (!close || close[1] != ' ' || !close[2]
      || memchr(open + 1, '(', (size_t)(close - open - 1)))
    return 0;
  kkachi__buf_reset(b);
  return kkachi__buf_append(b, s, (size_t)(open - s))
             || kkachi__buf_append(b, close + 1, strlen(close + 1))
             ? -1
             : 1;
}

int
kkachi__result_org(kkachi_result *r, const char *s, kk_org **out)
{
  kkachi_engine *e = r->engine;
  const char *canon = kkachi__strmap_get(r->aliases, s, strlen(s));
  const kk_gaz_row *row;
  const char *cls = NULL;
  kk_buf bare = KK_BUF_INIT;
  kk_org *o;
  int rc;

  if (!canon) {
    row = kkachi__gazetteer_find(e->g_org, s, strlen(s));
    /* (재)가람산업진흥원 is 가람산업진흥원, written with its legal form */
    if (!row
        && ((rc = without_legal_form(e, s, &bare)) != 0
            || (rc = without_inner_bracket(s, &bare)) != 0)) {
      if (rc < 0) {
        kkachi__buf_free(&bare);
        return KKACHI_ENOMEM;
      }
      rc = kkachi__result_org(r, bare.data, &o);
      kkachi__buf_free(&bare);
      if (rc)
        return rc;
      *out = o;
      return kkachi__add_unique(&o->aliases, &o->naliases, s);
    }
    canon = row ? row->canon : s;
    cls = row ? kkachi__gaz_col(row, 1) : NULL;
  } else {
    row = kkachi__gazetteer_find(e->g_org, canon, strlen(canon));
    cls = row ? kkachi__gaz_col(row, 1) : NULL;
  }
  o = kkachi__strmap_get(r->orgs, canon, strlen(canon));
  if (!o) {
    if (!(o = kkachi__calloc(1, sizeof *o)))
      return KKACHI_ENOMEM;
    if (!(o->name = kkachi__strdup(canon))
        || kkachi__push_ptr((void ***)&r->org_list, &r->norgs, &r->caporgs,
                            o)) {
      kkachi__free(o->name);
      kkachi__free(o);
      return KKACHI_ENOMEM;
    }
    o->cls = cls ? cls : class_by_ending(e, canon);
    if ((rc = kkachi__strmap_put(r->orgs, o->name, strlen(o->name), o)))
      return rc;
  }
  if (strcmp(s, o->name)
      && (rc = kkachi__add_unique(&o->aliases, &o->naliases, s)))
    return rc;
  *out = o;
  return 0;
}

int
kkachi__result_person(kkachi_result *r, const char *name, kk_person **out)
{
  kk_person *p = kkachi__strmap_get(r->persons, name, strlen(name));
  if (!p) {
    if (!(p = kkachi__calloc(1, sizeof *p)))
      return KKACHI_ENOMEM;
    if (!(p->name = kkachi__strdup(name))
        || kkachi__push_ptr((void ***)&r->person_list, &r->npersons,
                            &r->cappersons, p)) {
      kkachi__free(p->name);
      kkachi__free(p);
      return KKACHI_ENOMEM;
    }
    if (kkachi__strmap_put(r->persons, p->name, strlen(p->name), p))
      return KKACHI_ENOMEM;
  }
  *out = p;
  return 0;
}

/* A name the rules took for a person, but which a gazetteer knows as a
 * common word, an organization or a title. */
static int not_a_person(kkachi_engine *e, const char *name);

/* A name of several words (a transliteration) is refused when one of its
 * words is a common word, an organization or a title ("이번 신임"). */
static int
has_common_word(kkachi_engine *e, const char *name)
{
  const char *w = name, *sp;
  if (!strchr(name, ' '))
    return 0;
  while (*w) {
    char word[128];
    size_t n;
    sp = strchr(w, ' ');
    n = sp ? (size_t)(sp - w) : strlen(w);
    if (n < sizeof word) {
      memcpy(word, w, n);
      word[n] = '\0';
      if (not_a_person(e, word)
          || kkachi__gazetteer_find(e->g_notorg, word, n))
        return 1;
    }
    w += n + (sp ? 1 : 0);
  }
  return 0;
}

/* Whether s[0..n) is a particle (particles.tsv) whose function is one
 * of funcs (NULL-terminated). */
static int
particle_of(const kkachi_engine *e, const char *s, size_t n,
            const char *const *funcs)
{
  const kk_gaz_row *row;
  const char *f;
  if (!e->g_particle || !(row = kkachi__gazetteer_find(e->g_particle, s, n))
      || !(f = kkachi__gaz_col(row, 1)))
    return 0;
  for (; *funcs; funcs++)
    if (!strcmp(f, *funcs))
      return 1;
  return 0;
}

/* Whether the syllable at s (to the end of the string) is a topic or
 * subject particle (은, 는, 이, 가). */
static int
topic_or_subject(const kkachi_engine *e, const char *s)
{
  static const char *const funcs[] = { "topic", "subj", NULL };
  return particle_of(e, s, strlen(s), funcs);
}

static int
not_a_person(kkachi_engine *e, const char *name)
{
  size_t n = strlen(name), c;
  /* "인선은" read as a name is 인선 with a one-syllable particle
   * (particles.tsv); so is "삼성은", an organization with the topic or
   * subject particle (not "타스만", a word of a foreign name) */
  if (n > 3 && kkachi__gazetteer_find(e->g_particle, name + n - 3, 3)
      && (kkachi__gazetteer_find(e->g_notname, name, n - 3)
          || (n >= 9 && topic_or_subject(e, name + n - 3)
              && kkachi__gazetteer_find(e->g_org, name, n - 3))))
    return 1;
  /* "후보인", "코치였던": a title or an occupation with an ending of the
   * copula of one to three syllables (copulas.txt) */
  for (c = 3; c <= 9 && n > c + 3; c += 3)
    if (kkachi__gazetteer_find(e->g_copula, name + n - c, c)
        && (kkachi__gazetteer_find(e->g_title, name, n - c)
            || kkachi__gazetteer_find(e->g_prof, name, n - c)))
      return 1;
  return has_common_word(e, name)
         || kkachi__gazetteer_find(e->g_notname, name, n)
         || kkachi__gazetteer_find(e->g_org, name, n)
         || kkachi__gazetteer_find(e->g_title, name, n)
         || kkachi__gazetteer_find(e->g_prof, name, n);
}

static int
starts_with(const char *s, const char *prefix)
{
  return !strncmp(s, prefix, strlen(prefix)) && strlen(s) > strlen(prefix);
}

/* The role a title is filed under (제1차관 -> 차관), or the title. */
static const char *
role_of(kkachi_engine *e, const char *title)
{
  const kk_gaz_row *row
      = kkachi__gazetteer_find(e->g_title, title, strlen(title));
  const char *role;
  if (!row)
    row = kkachi__gazetteer_find(e->g_prof, title, strlen(title));
  role = kkachi__gaz_col(row, 1);
  return role ? role : title;
}

/* Whether the name written as short stands for the full name: a Korean
 * surname glued to the given name (배 for 배경훈), or the first or last
 * word of a name of several words in Latin letters (Bae for Bae
 * Kyung-hoon, Pusterla for Bruno Pusterla). */
static int
short_for(const char *full, const char *short_)
{
  size_t n = strlen(short_), f = strlen(full), i = 0;
  const char *last = strrchr(full, ' ');
  int latin = 1;
  while (i < f && latin)
    latin = kkachi__utf8_next(full, &i) < 0x250;
  if (!latin || !strchr(full, ' '))
    return starts_with(full, short_);
  return (f > n && !strncmp(full, short_, n) && full[n] == ' ')
         || (last && !strcmp(last + 1, short_));
}

/* "배 장관", "Minister Bae", "Bae said": evidence for the latest earlier
 * fact of a person the short form stands for, with the same title or
 * role when one is given; with none, the mention is dropped. */
static int
short_form(kkachi_result *r, const kk_mention *m, const char *surname,
           const char *title)
{
  size_t i;
  for (i = r->nfacts; i-- > 0;) {
    kk_fact *f = r->facts[i];
    const char *p, *t;
    if (f->dropped || strcmp(f->family, "affiliation"))
      continue;
    p = kkachi__slot(f->slot, f->nslots, "person");
    t = kkachi__slot(f->slot, f->nslots, "title");
    if (p && short_for(p, surname)
        && (!title
            || (t
                && (!strcmp(t, title)
                    || !strcmp(role_of(r->engine, t),
                               role_of(r->engine, title))))))
      return kkachi__fact_add_mention(f, m);
  }
  return 0;
}

/* Whether a Korean name of two to four syllables is an abbreviation of
 * the organization it stands beside (조중방 for 조선중앙방송): its
 * first syllable begins the organization, the others follow in order,
 * the organization is at least two syllables longer, and the name is
 * not written whole inside it (반기문 in 반기문재단). */
static int
abbreviates(const char *name, const char *org)
{
  size_t n = strlen(name), o = strlen(org), i = 3, j = 3;
  if (n < 6 || n > 12 || o < n + 6 || strstr(org, name)
      || (unsigned char)name[0] < 0xea || strncmp(name, org, 3))
    return 0;
  while (i < n && j + 3 <= o) {
    if (!strncmp(name + i, org + j, 3))
      i += 3;
    j += 3;
  }
  return i >= n;
}

/* Whether s[0..n) is a particle (particles.tsv) that may follow the
 * subject a sentence opens with: a topic, subject, object, genitive or
 * "also" (은, 께서, 를, 의, 도), not one of place or company. */
static int
opening_particle(const kkachi_engine *e, const char *s, size_t n)
{
  static const char *const funcs[]
      = { "topic", "subj", "obj", "gen", "also", NULL };
  return particle_of(e, s, n, funcs);
}

/* Where sentence k of the text opens, after spaces and an opening quote
 * or bracket (borrowed from t); its end into *end. */
static const char *
sentence_opening(const kk_text *t, size_t k, const char **end)
{
  const char *s = t->s + t->sent[k].begin;
  *end = t->s + t->sent[k].end;
  while (s < *end && strchr(" \t\n\"'([", *s))
    s++;
  return s;
}

/* The first word of sentence k of the text (after spaces and an
 * opening quote or bracket) into *w (borrowed from t) and *n, ending
 * at a space: 0 when the sentence has no such word. */
static int
first_word(const kk_text *t, size_t k, const char **w, size_t *n)
{
  const char *end, *s = sentence_opening(t, k, &end), *sp;
  if (!(sp = memchr(s, ' ', (size_t)(end - s))) || sp == s)
    return 0;
  *w = s;
  *n = (size_t)(sp - s);
  return 1;
}

/* Whether sentence k of the text opens with form followed by an opening
 * particle and a space. */
static int
opens_with(const kkachi_engine *e, const kk_text *t, size_t k,
           const char *form)
{
  const char *end, *s = sentence_opening(t, k, &end), *sp;
  size_t n = strlen(form);
  if ((size_t)(end - s) <= n || strncmp(s, form, n))
    return 0;
  s += n;
  if (!(sp = memchr(s, ' ', (size_t)(end - s))))
    return 0;
  return opening_particle(e, s, (size_t)(sp - s));
}

/* Whether sentence k opens with a pronoun (pronouns.txt: 그, 그녀)
 * followed by an opening particle. */
static int
opens_with_pronoun(const kkachi_engine *e, const kk_text *t, size_t k)
{
  const char *w;
  size_t n, i = 0;
  if (!e->g_pronoun || !first_word(t, k, &w, &n))
    return 0;
  while (i < n) {
    kkachi__utf8_next(w, &i);
    if (i < n && kkachi__gazetteer_find(e->g_pronoun, w, i)
        && opening_particle(e, w + i, n - i))
      return 1;
  }
  return 0;
}

/* Whether sentence k opens with the person's name, the last word of a
 * name of several words (엔케 for 로베르트 엔케), or a pronoun, each
 * followed by an opening particle. */
static int
opens_with_person(const kkachi_engine *e, const kk_text *t, size_t k,
                  const char *person)
{
  const char *last = strrchr(person, ' ');
  return opens_with(e, t, k, person) || opens_with_pronoun(e, t, k)
         || (last && strlen(last + 1) >= 6 && opens_with(e, t, k, last + 1));
}

/* The person a pronoun (the mention ms->m[i]: "그는 가람연구원 원장을
 * 거쳐") stands for, into *out (borrowed from ms), or NULL when that is
 * not safe to say. It is the person of the latest earlier affiliation
 * mention, in an earlier sentence; that sentence and those after it
 * name no other person (a short form there stands for it), and each
 * sentence between opens with that person or a pronoun, but for one.
 * A pronoun inside quoted speech stands for no one. */
static void
antecedent(kkachi_result *r, const kk_mentions *ms, size_t i,
           const char **out)
{
  const kk_mention *m = &ms->m[i];
  const char *p = NULL;
  size_t j, k, ps = 0, loose = 0;

  *out = NULL;
  if (kkachi__text_in_quote(&r->text, m->begin))
    return;
  for (j = i; j-- > 0 && !p;) {
    const kk_mention *x = &ms->m[j];
    const char *q = kkachi__slot(x->slot, x->nslots, "person");
    if (!strcmp(x->family, "affiliation") && q
        && !not_a_person(r->engine, q)) {
      p = q;
      ps = x->sentence;
    }
  }
  if (!p || ps >= m->sentence || m->sentence - ps > KK_PRONOUN_REACH)
    return;
  for (j = 0; j < i; j++) {
    const kk_mention *x = &ms->m[j];
    const char *q = kkachi__slot(x->slot, x->nslots, "person");
    const char *sn = kkachi__slot(x->slot, x->nslots, "surname");
    if (x->sentence < ps || strcmp(x->family, "affiliation"))
      continue;
    if (q && !not_a_person(r->engine, q) && strcmp(q, p)
        && !short_for(p, q))
      return;
    if (!q && sn && !short_for(p, sn))
      return;
  }
  for (k = ps + 1; k < m->sentence; k++)
    if (!opens_with_person(r->engine, &r->text, k, p) && loose++)
      return;
  *out = p;
}

static int
affiliation_of(kkachi_result *r, const kk_mention *m, const char *person);

/* "그는 가람연구원 원장을 거쳐": an affiliation of the person the
 * pronoun stands for (antecedent), or nothing when it is not safe to
 * say who. */
static int
pronoun(kkachi_result *r, const kk_mentions *ms, size_t i)
{
  const char *person;
  antecedent(r, ms, i, &person);
  return person ? affiliation_of(r, &ms->m[i], person) : 0;
}

static int
affiliation(kkachi_result *r, const kk_mention *m)
{
  return affiliation_of(r, m, kkachi__slot(m->slot, m->nslots, "person"));
}

/* The affiliation a mention reads, of person (NULL: the mention's short
 * form, if any). */
static int
affiliation_of(kkachi_result *r, const kk_mention *m, const char *person)
{
  static const char *const roles[] = { "person", "org", "title" };
  const char *surname = kkachi__slot(m->slot, m->nslots, "surname");
  const char *org = kkachi__slot(m->slot, m->nslots, "org");
  const char *title = kkachi__slot(m->slot, m->nslots, "title");
  const char *values[3];
  kk_org *o = NULL;
  kk_person *p;
  kk_fact *f;
  int rc;

  if (!person)
    return surname ? short_form(r, m, surname, title) : 0;
  if (!title && !org)
    return 0;
  if (not_a_person(r->engine, person))
    return 0;
  if (org && abbreviates(person, org))
    return 0;
  if (org && (rc = kkachi__result_org(r, org, &o)))
    return rc;
  if ((rc = kkachi__result_person(r, person, &p)))
    return rc;
  values[0] = person;
  values[1] = o ? o->name : NULL;
  values[2] = title;
  f = kkachi__fact_find(r, "affiliation", roles, values, 3);
  if (!f) {
    if ((rc = kkachi__fact_new(r, "affiliation", &f)))
      return rc;
    if ((rc = kkachi__fact_set(f, "person", person))
        || (rc = kkachi__fact_set(f, "org", values[1]))
        || (rc = kkachi__fact_set(f, "title", title)))
      return rc;
  }
  return kkachi__fact_add_mention(f, m);
}

static int
byline(kkachi_result *r, const kk_mention *m)
{
  static const char *const roles[] = { "author" };
  const char *author = kkachi__slot(m->slot, m->nslots, "author");
  const char *pub = kkachi__slot(m->slot, m->nslots, "publisher");
  const char *email = kkachi__slot(m->slot, m->nslots, "email");
  kk_org *o = NULL;
  kk_person *p;
  kk_fact *f;
  int rc;

  if (!author || not_a_person(r->engine, author))
    return 0;
  if (pub && (rc = kkachi__result_org(r, pub, &o)))
    return rc;
  if (o && !strcmp(o->cls, "Organization"))
    o->cls = "MediaOrganization"; /* whoever publishes a byline is media */
  if ((rc = kkachi__result_person(r, author, &p)))
    return rc;
  if (email && (rc = kkachi__add_unique(&p->emails, &p->nemails, email)))
    return rc;
  f = kkachi__fact_find(r, "byline", roles, &author, 1);
  if (!f && (rc = kkachi__fact_new(r, "byline", &f)))
    return rc;
  if ((rc = kkachi__fact_set(f, "author", author))
      || (rc = kkachi__fact_set(f, "publisher", o ? o->name : NULL))
      || (rc = kkachi__fact_set(f, "email", email)))
    return rc;
  return kkachi__fact_add_mention(f, m);
}

static int
alias(kkachi_result *r, const kk_mention *m)
{
  const char *name = kkachi__slot(m->slot, m->nslots, "name");
  const char *al = kkachi__slot(m->slot, m->nslots, "alias");
  kk_org *o;
  int rc;

  if (!name || !al || kkachi__strmap_get(r->aliases, al, strlen(al)))
    return 0;
  if ((rc = kkachi__result_org(r, name, &o)))
    return rc;
  if ((rc = kkachi__strmap_put(r->aliases, al, strlen(al), o->name)))
    return rc;
  return kkachi__add_unique(&o->aliases, &o->naliases, al);
}

static int
email(kkachi_result *r, const kk_mention *m)
{
  const char *person = kkachi__slot(m->slot, m->nslots, "person");
  const char *mail = kkachi__slot(m->slot, m->nslots, "email");
  kk_person *p;
  int rc;
  if (!person || !mail || not_a_person(r->engine, person))
    return 0;
  if ((rc = kkachi__result_person(r, person, &p)))
    return rc;
  return kkachi__add_unique(&p->emails, &p->nemails, mail);
}

/* Whether the title `t` is the same as `shorter`, or a title fused with
 * its organization or unit that ends in it (충남지사 for 지사, 국가안보실장
 * for 안보실장); `shorter` is two syllables or more. */
static int
title_covers(const char *t, const char *shorter)
{
  size_t n, m;
  if (kkachi__same(t, shorter))
    return 1;
  if (!t || !shorter)
    return 0;
  n = strlen(t);
  m = strlen(shorter);
  return m >= 6 && n > m && !strcmp(t + n - m, shorter);
}

/* An affiliation that lacks the role `missing` says less than one of the
 * same person and `kept` that has it: fold it into that. A title may be
 * kept in a longer form fused with the organization (see title_covers). */
static int
fold_lesser(kkachi_result *r, const char *missing, const char *kept)
{
  const char *const roles[] = { "person", kept };
  size_t i, j, k;
  for (i = 0; i < r->nfacts; i++) {
    kk_fact *f = r->facts[i];
    const char *v[2];
    if (f->dropped || strcmp(f->family, "affiliation")
        || kkachi__slot(f->slot, f->nslots, missing))
      continue;
    v[0] = kkachi__slot(f->slot, f->nslots, "person");
    v[1] = kkachi__slot(f->slot, f->nslots, kept);
    for (j = 0; j < r->nfacts; j++) {
      kk_fact *g = r->facts[j];
      if (g == f || g->dropped || strcmp(g->family, "affiliation")
          || !kkachi__slot(g->slot, g->nslots, missing))
        continue;
      for (k = 0; k < 2; k++) {
        const char *w = kkachi__slot(g->slot, g->nslots, roles[k]);
        if (k == 1 && !strcmp(kept, "title") ? !title_covers(w, v[k])
                                              : !kkachi__same(w, v[k]))
          break;
      }
      if (k < 2)
        continue;
      if (kkachi__fact_fold(f, g))
        return KKACHI_ENOMEM;
      break;
    }
  }
  return 0;
}

/* Whether the name `word` (one word) is the first or the last word of
 * the name `full` of several words (오바마 of 버락 오바마). */
static int
word_of_name(const char *full, const char *word)
{
  size_t n, m;
  if (!full || !word || strchr(word, ' ') || !strchr(full, ' '))
    return 0;
  n = strlen(full);
  m = strlen(word);
  if (m == 0 || n <= m + 1)
    return 0;
  return (!strncmp(full, word, m) && full[m] == ' ')
         || (!strcmp(full + n - m, word) && full[n - m - 1] == ' ');
}

/* Calls pair(r, f, g) for affiliations f and g (not dropped, f not g)
 * until it folds f away (1) or fails (negative), for each f in turn. */
static int
each_affiliation_pair(kkachi_result *r,
                      int (*pair)(kkachi_result *, kk_fact *, kk_fact *))
{
  size_t i, j;
  int rc;
  for (i = 0; i < r->nfacts; i++) {
    kk_fact *f = r->facts[i];
    if (f->dropped || strcmp(f->family, "affiliation"))
      continue;
    for (j = 0; j < r->nfacts && !f->dropped; j++) {
      kk_fact *g = r->facts[j];
      if (g == f || g->dropped || strcmp(g->family, "affiliation"))
        continue;
      if ((rc = pair(r, f, g)) < 0)
        return rc;
      if (rc)
        break;
    }
  }
  return 0;
}

/* A name of one word that a rule for Korean names read inside a
 * transliterated name of several words ("오바마 미국 대통령" in "버락
 * 오바마 미국 대통령") is no other person: an affiliation of it is folded
 * into one of the full name with the same title and, when it has one,
 * the same organization. */
static int
name_word_pair(kkachi_result *r, kk_fact *f, kk_fact *g)
{
  const char *p = kkachi__slot(f->slot, f->nslots, "person");
  const char *o = kkachi__slot(f->slot, f->nslots, "org");
  (void)r;
  if (!p || strchr(p, ' ')
      || !word_of_name(kkachi__slot(g->slot, g->nslots, "person"), p)
      || !title_covers(kkachi__slot(g->slot, g->nslots, "title"),
                       kkachi__slot(f->slot, f->nslots, "title"))
      || (o && !kkachi__same(kkachi__slot(g->slot, g->nslots, "org"), o)))
    return 0;
  return kkachi__fact_fold(f, g) ? KKACHI_ENOMEM : 1;
}

static int
fold_name_words(kkachi_result *r)
{
  return each_affiliation_pair(r, name_word_pair);
}

/* An affiliation without an organization is folded into one of the same
 * person and title with one; a membership without a title ("Lena Ortiz
 * of Lund University") into one of the same person and organization with
 * a title ("Lund University professor Lena Ortiz"). */
static int
fold_lesser_all(kkachi_result *r)
{
  int rc = fold_lesser(r, "org", "title");
  return rc ? rc : fold_lesser(r, "title", "org");
}

/* Whether some evidence of f and of g overlap in one sentence. */
static int
read_together(const kk_fact *f, const kk_fact *g)
{
  size_t i, j;
  for (i = 0; i < f->nev; i++)
    for (j = 0; j < g->nev; j++)
      if (f->ev[i].sentence == g->ev[j].sentence
          && f->ev[i].begin < g->ev[j].end && g->ev[j].begin < f->ev[i].end)
        return 1;
  return 0;
}

/* Another affiliation of the person with the organization and title of
 * values, other than f; or NULL. */
static kk_fact *
same_affiliation(kkachi_result *r, const kk_fact *f, const char *const *values)
{
  static const char *const roles[] = { "person", "org", "title" };
  size_t i, k;
  for (i = 0; i < r->nfacts; i++) {
    kk_fact *g = r->facts[i];
    if (g == f || g->dropped || strcmp(g->family, "affiliation"))
      continue;
    for (k = 0; k < 3; k++)
      if (!kkachi__same(kkachi__slot(g->slot, g->nslots, roles[k]), values[k]))
        break;
    if (k == 3)
      return g;
  }
  return NULL;
}

/* A membership without a title and an affiliation of the same person
 * with a title but no organization, read over the same words ("새솔교구
 * 소속 한도윤 원로신부", "한도윤(새솔시체육회) 선수"), are one affiliation:
 * the title at that organization. */
static int
merge_member_titles(kkachi_result *r)
{
  size_t i, j;
  int rc;
  for (i = 0; i < r->nfacts; i++) {
    kk_fact *f = r->facts[i];
    const char *v[3];
    if (f->dropped || strcmp(f->family, "affiliation")
        || kkachi__slot(f->slot, f->nslots, "title"))
      continue;
    v[0] = kkachi__slot(f->slot, f->nslots, "person");
    v[1] = kkachi__slot(f->slot, f->nslots, "org");
    if (!v[0] || !v[1])
      continue;
    for (j = 0; j < r->nfacts; j++) {
      kk_fact *g = r->facts[j], *h;
      if (g == f || g->dropped || strcmp(g->family, "affiliation")
          || kkachi__slot(g->slot, g->nslots, "org")
          || !kkachi__same(kkachi__slot(g->slot, g->nslots, "person"), v[0])
          || !(v[2] = kkachi__slot(g->slot, g->nslots, "title"))
          || !read_together(f, g))
        continue;
      if ((h = same_affiliation(r, g, v))) {
        if (kkachi__fact_fold(g, h) || kkachi__fact_fold(f, h))
          return KKACHI_ENOMEM;
      } else {
        if ((rc = kkachi__fact_set(g, "org", v[1])))
          return rc;
        if (kkachi__fact_fold(f, g))
          return KKACHI_ENOMEM;
      }
      break;
    }
  }
  return 0;
}

/* Whether the organization name is in the gazetteer. */
static int
known_org(kkachi_engine *e, const char *name)
{
  return e->g_org && kkachi__gazetteer_find(e->g_org, name, strlen(name));
}

/* Whether the words the name `outer` has before its last words `inner`
 * are a country of the country gazetteer other than one of the
 * home-country gazetteer (리비아 of 리비아 국방부, not 한국): the
 * gazetteer's organization of those last words is then not the one
 * meant. Without a home-country gazetteer every country is foreign. */
static int
foreign_country_before(kkachi_engine *e, const char *outer, const char *inner)
{
  size_t n = strlen(outer) - strlen(inner) - 1;
  const kk_gaz_row *row;
  if (!e->g_country)
    return 0;
  row = kkachi__gazetteer_find(e->g_country, outer, n);
  if (!row || !row->canon)
    return 0;
  return !e->g_home
         || !kkachi__gazetteer_find(e->g_home, row->canon, strlen(row->canon));
}

/* Two affiliations of one person with one title, read over the same
 * words, whose organizations are a name and its last words (two rules
 * that began the organization at different words) are one: the longer
 * name is kept (새솔 축구 국가대표팀), unless only the shorter is in the
 * gazetteer (교육부 rather than 대한민국 교육부) and what the longer adds
 * is no foreign country (리비아 국방부 is not Korea's 국방부). */
static int
inner_org_pair(kkachi_result *r, kk_fact *f, kk_fact *g)
{
  const char *o = kkachi__slot(f->slot, f->nslots, "org");
  const char *go = kkachi__slot(g->slot, g->nslots, "org");
  if (!o
      || !kkachi__same(kkachi__slot(g->slot, g->nslots, "person"),
                       kkachi__slot(f->slot, f->nslots, "person"))
      || !kkachi__same(kkachi__slot(g->slot, g->nslots, "title"),
                       kkachi__slot(f->slot, f->nslots, "title"))
      || !kkachi__last_words(go, o) || !read_together(f, g))
    return 0;
  if (known_org(r->engine, o) && !known_org(r->engine, go)
      && !foreign_country_before(r->engine, go, o))
    return kkachi__fact_fold(g, f) ? KKACHI_ENOMEM : 0;
  return kkachi__fact_fold(f, g) ? KKACHI_ENOMEM : 1;
}

static int
fold_inner_orgs(kkachi_result *r)
{
  return each_affiliation_pair(r, inner_org_pair);
}

/* The organization fused into a title, when the gazetteer knows it: the
 * title is a word and a title of the gazetteer after it (방송통신 +
 * 위원장, 감사 + 원장, 외교부 + 장관), and the organization is the word
 * (외교부), or the word and the title without its last 장, with 회 after
 * it or not (감사원, 방송통신위원회, 대한양궁협회). Writes its canonical
 * name into buf (of size n) and returns 1, or returns 0. */
static int
fused_org(kkachi_engine *e, const char *title, char *buf, size_t n)
{
  static const char head[] = "\xec\x9e\xa5"; /* 장 */
  static const char hoe[] = "\xed\x9a\x8c";  /* 회 */
  size_t len = strlen(title), i = 0, k;
  if (!e->g_org || !e->g_title || len + 4 > n)
    return 0;
  kkachi__utf8_next(title, &i);
  kkachi__utf8_next(title, &i); /* the word has two syllables or more */
  for (; i < len; kkachi__utf8_next(title, &i)) {
    const char *rest = title + i;
    size_t m = len - i, stem;
    const kk_gaz_row *row;
    if (!kkachi__gazetteer_find(e->g_title, rest, m))
      continue;
    for (k = 0; k < 3; k++) {
      if (k == 0)
        stem = i; /* the word alone */
      else if (m > 3 && !strcmp(title + len - 3, head))
        stem = len - 3; /* the title without its 장 */
      else
        break;
      memcpy(buf, title, stem);
      buf[stem] = '\0';
      if (k == 2)
        strcat(buf, hoe);
      row = kkachi__gazetteer_find(e->g_org, buf, strlen(buf));
      if (row) {
        if (strlen(row->canon) >= n)
          return 0;
        strcpy(buf, row->canon);
        return 1;
      }
    }
  }
  return 0;
}

/* An affiliation with a title but no organization, whose title is fused
 * with an organization the gazetteer knows (최시중 방송통신위원장), is one
 * at that organization; when the same person already has that
 * affiliation, it is folded into it. */
static int
fill_fused_orgs(kkachi_result *r)
{
  static const char *const roles[] = { "person", "org", "title" };
  size_t i, j;
  int rc;
  for (i = 0; i < r->nfacts; i++) {
    kk_fact *f = r->facts[i];
    const char *v[3];
    char buf[256];
    kk_org *o;
    if (f->dropped || strcmp(f->family, "affiliation")
        || kkachi__slot(f->slot, f->nslots, "org"))
      continue;
    v[0] = kkachi__slot(f->slot, f->nslots, "person");
    v[2] = kkachi__slot(f->slot, f->nslots, "title");
    if (!v[0] || !v[2] || !fused_org(r->engine, v[2], buf, sizeof buf))
      continue;
    if ((rc = kkachi__result_org(r, buf, &o)))
      return rc;
    v[1] = o->name;
    for (j = 0; j < r->nfacts; j++) {
      kk_fact *g = r->facts[j];
      size_t k;
      if (g == f || g->dropped || strcmp(g->family, "affiliation"))
        continue;
      for (k = 0; k < 3; k++)
        if (!kkachi__same(kkachi__slot(g->slot, g->nslots, roles[k]), v[k]))
          break;
      if (k == 3)
        break;
    }
    if (j < r->nfacts) {
      if (kkachi__fact_fold(f, r->facts[j]))
        return KKACHI_ENOMEM;
    } else if ((rc = kkachi__fact_set(f, "org", v[1]))) {
      return rc;
    }
  }
  return 0;
}

/* A name that the article also uses for an organization (동아원 in "이희상
 * 동아원 회장" read once more as "동아원 회장") is no person: its
 * affiliations are dropped. */
static void
drop_org_persons(kkachi_result *r)
{
  size_t i;
  for (i = 0; i < r->nfacts; i++) {
    kk_fact *f = r->facts[i];
    const char *p;
    if (f->dropped || strcmp(f->family, "affiliation"))
      continue;
    p = kkachi__slot(f->slot, f->nslots, "person");
    if (p
        && (kkachi__strmap_get(r->orgs, p, strlen(p))
            || kkachi__strmap_get(r->aliases, p, strlen(p))))
      f->dropped = 1;
  }
}

static int
by_position(const void *a, const void *b)
{
  const kk_mention *x = a, *y = b;
  if (x->begin != y->begin)
    return x->begin < y->begin ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* The name in an author line: what comes before a reporter's title, an
 * e-mail address or a bracket ("홍길동 기자 (hong@example.com)"). */
static size_t
author_name(const char *s, size_t n, const char **start)
{
  static const char *const ends[]
      = { "선임기자", "전문기자", "객원기자", "수습기자", "인턴기자",
          "기자",     "특파원",   "reporter", "Reporter", NULL };
  size_t i, k;
  while (n && (*s == ' ' || *s == '\t')) {
    s++;
    n--;
  }
  for (i = 0; i < n; i++)
    if (s[i] == '@' || s[i] == '(' || s[i] == '<' || s[i] == ',' || s[i] == '/'
        || s[i] == '|')
      break;
  if (i < n && s[i] == '@') /* back to the start of the address */
    while (i > 0 && s[i - 1] != ' ')
      i--;
  n = i;
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
    n--;
  for (k = 0; ends[k]; k++) {
    size_t m = strlen(ends[k]);
    if (n > m && !memcmp(s + n - m, ends[k], m)) {
      n -= m;
      break;
    }
  }
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
    n--;
  *start = s;
  return n;
}

int
kkachi__resolve_meta(kkachi_result *r, const kkachi_article *a)
{
  const char *line = a->author;
  kk_person *p;
  kk_org *o;
  int rc;

  while (line && *line) {
    const char *nl = strchr(line, '\n'), *s;
    size_t n = author_name(line, nl ? (size_t)(nl - line) : strlen(line), &s);
    char name[128];
    if (n > 0 && n < sizeof name) {
      memcpy(name, s, n);
      name[n] = '\0';
      if (!not_a_person(r->engine, name)) {
        if ((rc = kkachi__result_person(r, name, &p))
            || (rc = kkachi__add_unique(&r->authors, &r->nauthors, name)))
          return rc;
      }
    }
    line = nl ? nl + 1 : NULL;
  }
  if (a->publisher && *a->publisher) {
    if ((rc = kkachi__result_org(r, a->publisher, &o)))
      return rc;
    if (!strcmp(o->cls, "Organization"))
      o->cls = "MediaOrganization"; /* whoever publishes a page is media */
    if (!(r->publisher = kkachi__strdup(o->name)))
      return KKACHI_ENOMEM;
  }
  return 0;
}

int
kkachi__resolve(kkachi_result *r, kk_mentions *ms)
{
  size_t i;
  int rc = 0;

  if (ms->n > 1)
    qsort(ms->m, ms->n, sizeof *ms->m, by_position);
  for (i = 0; i < ms->n && !rc; i++)       /* aliases first: they hold for */
    if (!strcmp(ms->m[i].family, "alias")) /* the whole article */
      rc = alias(r, &ms->m[i]);
  for (i = 0; i < ms->n && !rc; i++) {
    const kk_mention *m = &ms->m[i];
    if (!strcmp(m->family, "affiliation")
        && kkachi__slot(m->slot, m->nslots, "pronoun"))
      rc = pronoun(r, ms, i);
    else if (!strcmp(m->family, "affiliation"))
      rc = affiliation(r, m);
    else if (!strcmp(m->family, "byline"))
      rc = byline(r, m);
    else if (!strcmp(m->family, "email"))
      rc = email(r, m);
    else if (!strcmp(m->family, "program"))
      rc = kkachi__resolve_program(r, m);
    else if (!strcmp(m->family, "program_role"))
      rc = kkachi__resolve_program_role(r, m);
    else if (!strcmp(m->family, "stage"))
      rc = kkachi__resolve_stage(r, m);
  }
  if (!rc)
    rc = fold_name_words(r);
  if (!rc)
    rc = fold_lesser_all(r);
  if (!rc)
    rc = merge_member_titles(r);
  if (!rc)
    rc = fold_inner_orgs(r);
  if (!rc)
    rc = fill_fused_orgs(r);
  if (!rc)
    drop_org_persons(r);
  if (!rc)
    rc = kkachi__fold_stages(r);
  if (!rc)
    rc = kkachi__fold_roles(r);
  if (!rc)
    rc = kkachi__prefer_executes(r);
  return rc;
}
