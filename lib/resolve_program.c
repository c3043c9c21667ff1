/* resolve_program.c: programs, the parts organizations play in them, and
 * their selection stages: names, references ("이번 공모"), counts and
 * periods made into values. */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "engine.h"
#include "fact.h"
#include "number.h"

/* The identity of a named program: its name without spaces, so that
 * "독자 AI파운데이션 모델" and "독자 AI 파운데이션 모델" meet. */
static int
program_key(kk_buf *b, const char *name)
{
  int rc = 0;
  kkachi__buf_reset(b);
  for (; *name && !rc; name++)
    if (*name != ' ')
      rc = kkachi__buf_append(b, name, 1);
  return rc;
}

kk_program *
kkachi__program_find(const kkachi_result *r, const char *name)
{
  kk_buf key = KK_BUF_INIT;
  kk_program *p = NULL;
  if (!program_key(&key, name))
    p = kkachi__strmap_get(r->programs, key.data, key.len);
  if (!p) { /* an unnamed one, by its description */
    kkachi__buf_reset(&key);
    if (!kkachi__buf_printf(&key, "#%s", name))
      p = kkachi__strmap_get(r->programs, key.data, key.len);
  }
  kkachi__buf_free(&key);
  return p;
}

/* The length of a quotation mark, opening or closing (the quote
 * gazetteer, may be NULL), at s, or 0. */
static size_t
quote_len(const kk_gazetteer *quotes, const char *s)
{
  size_t k, n = strnlen(s, KK_QUOTE_MAX);
  for (k = 1; quotes && k <= n; k++)
    if (kkachi__gazetteer_find(quotes, s, k))
      return k;
  return 0;
}

/* A name as written, without quotes and with single spaces. A name that
 * starts quoted is what the quotes hold: '2019 관광두레사업' 공모 ->
 * 2019 관광두레사업. */
static int
clean_name(kk_buf *b, const kk_gazetteer *quotes, const char *name)
{
  int rc = 0, space = 0, nquotes = 0, lead = quote_len(quotes, name) > 0;

  kkachi__buf_reset(b);
  while (*name && !rc) {
    size_t q = quote_len(quotes, name);
    if (q) {
      name += q;
      if (++nquotes == 2 && lead)
        break;
      continue;
    }
    if (*name == ' ') {
      space = b->len > 0;
      name++;
      continue;
    }
    if (space)
      rc = kkachi__buf_append(b, " ", 1);
    space = 0;
    if (!rc)
      rc = kkachi__buf_append(b, name++, 1);
  }
  if (!rc && !b->len)
    rc = KKACHI_EINVAL;
  return rc;
}

/* Finds or adds the program name (local: an unnamed description). */
static int
program_get(kkachi_result *r, const char *written, int local, kk_program **out)
{
  kk_buf key = KK_BUF_INIT, clean = KK_BUF_INIT;
  const char *name;
  kk_program *p;
  int rc;

  *out = NULL;
  if ((rc = clean_name(&clean, r->engine->g_quote, written)))
    goto done;
  name = clean.data;
  if ((rc = local ? kkachi__buf_printf(&key, "#%s", name)
                  : program_key(&key, name)))
    goto done;
  p = kkachi__strmap_get(r->programs, key.data, key.len);
  if (!p) {
    rc = KKACHI_ENOMEM;
    if (!(p = kkachi__calloc(1, sizeof *p)))
      goto done;
    if (!(p->key = kkachi__strdup(key.data))
        || kkachi__push_ptr((void ***)&r->program_list, &r->nprograms,
                            &r->capprograms, p)) {
      kkachi__free(p->key);
      kkachi__free(p);
      goto done;
    }
    p->local = local;
    if (local) {
      size_t i;
      for (i = 0; i < r->nprograms; i++)
        p->n += r->program_list[i]->local;
    }
    if ((rc = kkachi__strmap_put(r->programs, p->key, strlen(p->key), p)))
      goto done;
  }
  rc = kkachi__add_unique(&p->names, &p->nnames, name);
  *out = p;
done:
  kkachi__buf_free(&key);
  kkachi__buf_free(&clean);
  return rc == KKACHI_EINVAL ? 0 : rc;
}

/* Whether a reference points back with a word of its own before the
 * program word (이번 공모, 이 사업, 해당 사업, 동 사업): its first word is
 * one of the pointing-word gazetteer, not a program word alone (사업,
 * 공모). Without that gazetteer no reference points back. */
static int
pointing_ref(kkachi_engine *e, const char *ref)
{
  const char *space = strchr(ref, ' ');
  return e->g_pointing && space
         && kkachi__gazetteer_find(e->g_pointing, ref, (size_t)(space - ref));
}

/* Whether name ends in word (나래 청년 사업, 사업). */
static int
ends_with(const char *name, const char *word)
{
  size_t n = strlen(name), w = strlen(word);
  return w > 0 && w <= n && !strcmp(name + n - w, word);
}

/* The program a mention speaks of: named, described, referred to ("이번
 * 공모": the program named last before it, of which a fact was read or
 * not; a program word alone, 사업, before any fact names a program: the
 * program of that kind named last), or, with none of these, the one read
 * last. *out is NULL when there is none. */
static int
mention_program(kkachi_result *r, const kk_mention *m, kk_program **out)
{
  const char *name = kkachi__slot(m->slot, m->nslots, "program");
  const char *desc = kkachi__slot(m->slot, m->nslots, "programdesc");
  const char *ref = kkachi__slot(m->slot, m->nslots, "programref");
  const char *head;
  int rc = 0;

  *out = NULL;
  if (!name) /* the program family names it "name" */
    name = kkachi__slot(m->slot, m->nslots, "name");
  if (name)
    rc = program_get(r, name, 0, out);
  else if (desc)
    rc = program_get(r, desc, 1, out);
  else if (ref && r->seen_program
           && (pointing_ref(r->engine, ref)
               || (!r->last_program && ends_with(r->seen_program, ref))))
    rc = program_get(r, r->seen_program, 0, out); /* 사업: 나래 사업 */
  else if (ref && !r->last_program)
    rc = program_get(r, ref, 1, out); /* "이 프로그램", never named */
  else if (r->last_program) {
    *out = r->last_program; /* a program seen since stays the nearest */
    return 0;
  } else if ((head = kkachi__slot(m->slot, m->nslots, "programhead")))
    rc = program_get(r, head, 1, out); /* none named in the article yet */
  if (!rc && *out) {
    r->last_program = *out;
    if (name || desc || (ref && pointing_ref(r->engine, ref))) {
      kkachi__free(r->seen_program); /* read since: no longer the nearest */
      r->seen_program = NULL;
    }
  }
  return rc;
}

/* A program named where no fact is read of it (a "seen" program fact):
 * only a reference that follows ("이번 공모") speaks of it; the facts
 * that name no program keep to the one read last. */
static int
program_seen(kkachi_result *r, const char *name)
{
  char *copy = kkachi__strdup(name);
  if (!copy)
    return KKACHI_ENOMEM;
  kkachi__free(r->seen_program);
  r->seen_program = copy;
  return 0;
}

int
kkachi__resolve_program(kkachi_result *r, const kk_mention *m)
{
  kk_program *p;
  const char *name = kkachi__slot(m->slot, m->nslots, "name");
  if (name && kkachi__slot(m->slot, m->nslots, "seen"))
    return program_seen(r, name);
  return mention_program(r, m, &p);
}

/* Sets role to the number read from text (NULL: nothing); an unreadable
 * number drops the role. */
static int
set_number(kkachi_result *r, kk_fact *f, const char *role, const char *text)
{
  char buf[32];
  long v;
  if (!text
      || kkachi__number_parse(r->engine->num, text, strlen(text), &v, NULL))
    return 0;
  snprintf(buf, sizeof buf, "%ld", v);
  return kkachi__fact_set(f, role, buf);
}

/* Whether two facts of a family say the same (every role equal). */
static kk_fact *
find_equal(kkachi_result *r, const kk_fact *f)
{
  size_t i, k;
  for (i = 0; i < r->nfacts; i++) {
    kk_fact *g = r->facts[i];
    if (g == f || g->dropped || strcmp(g->family, f->family)
        || g->nslots != f->nslots)
      continue;
    for (k = 0; k < f->nslots; k++)
      if (!kkachi__same(kkachi__slot(g->slot, g->nslots, f->slot[k].role),
                        f->slot[k].value))
        break;
    if (k == f->nslots)
      return g;
  }
  return NULL;
}

/* Keeps f when it says something new; else its evidence goes to the
 * fact that said it first and f is dropped. */
static int
keep_or_merge(kkachi_result *r, kk_fact *f, const kk_mention *m)
{
  kk_fact *g = find_equal(r, f);
  if (g) {
    f->dropped = 1;
    return kkachi__fact_add_mention(g, m);
  }
  return kkachi__fact_add_mention(f, m);
}

/* The organization a bare head word stands for ("군은 … 선정됐다" after
 * "가람군은 …"): the one seen last in the article whose name ends in it,
 * or NULL. The name is r's. */
static const char *
org_of_head(kkachi_result *r, const char *head)
{
  size_t n = strlen(head), i;
  for (i = r->norgs; i-- > 0;) {
    const char *name = r->org_list[i]->name;
    size_t m = strlen(name);
    if (m > n && !strcmp(name + m - n, head))
      return name;
  }
  return NULL;
}

/* Whether the agent is a bare head word the org-class gazetteer lists
 * (군, 재단): it names an organization only through one read before. */
static int
bare_head(kkachi_result *r, const char *agent)
{
  kkachi_engine *e = r->engine;
  return e->g_orgclass
         && kkachi__gazetteer_find(e->g_orgclass, agent, strlen(agent));
}

int
kkachi__resolve_program_role(kkachi_result *r, const kk_mention *m)
{
  const char *agent = kkachi__slot(m->slot, m->nslots, "agent");
  const char *role = kkachi__slot(m->slot, m->nslots, "role");
  kk_program *p;
  kk_org *o = NULL;
  kk_fact *f;
  int rc;

  if (agent && bare_head(r, agent) && !(agent = org_of_head(r, agent)))
    return 0; /* "군은" with no 가람군 before it: nobody known */
  if ((rc = mention_program(r, m, &p)) || !p || !role)
    return rc;
  if (agent && (rc = kkachi__result_org(r, agent, &o)))
    return rc;
  if ((rc = kkachi__fact_new(r, "program_role", &f)))
    return rc;
  if ((rc = kkachi__fact_set(f, "role", role))
      || (rc = kkachi__fact_set(f, "program", p->names[0]))
      || (rc = kkachi__fact_set(f, "agent", o ? o->name : NULL))
      || (rc = set_number(r, f, "count",
                          kkachi__slot(m->slot, m->nslots, "count")))
      || (rc = kkachi__fact_set(f, "label",
                                kkachi__slot(m->slot, m->nslots, "label"))))
    return rc;
  if (!o && !kkachi__slot(f->slot, f->nslots, "count")) {
    f->dropped = 1; /* neither who nor how many */
    return 0;
  }
  return keep_or_merge(r, f, m);
}

/* The method of a stage: a kk: individual written in the rule, or the
 * label as written looked up in the "method" gazetteer. */
static const char *
stage_method(kkachi_result *r, const kk_mention *m)
{
  const char *method = kkachi__slot(m->slot, m->nslots, "method");
  const char *label = kkachi__slot(m->slot, m->nslots, "methodlabel");
  const kk_gaz_row *row;
  if (method || !label)
    return method;
  row = kkachi__gazetteer_find(kkachi__engine_gazetteer(r->engine, "method"),
                               label, strlen(label));
  return kkachi__gaz_col(row, 1);
}

int
kkachi__resolve_stage(kkachi_result *r, const kk_mention *m)
{
  static const char *const counts[] = { "entrants", "selected", "eliminated" };
  const char *interval = kkachi__slot(m->slot, m->nslots, "interval");
  kk_program *p;
  kk_fact *f;
  char iso[32];
  size_t i;
  int rc;

  if ((rc = mention_program(r, m, &p)) || !p)
    return rc;
  if ((rc = kkachi__fact_new(r, "stage", &f)))
    return rc;
  if ((rc = kkachi__fact_set(f, "program", p->names[0]))
      || (rc = kkachi__fact_set(f, "method", stage_method(r, m)))
      || (rc
          = kkachi__fact_set(f, "methodlabel",
                             kkachi__slot(m->slot, m->nslots, "methodlabel"))))
    return rc;
  for (i = 0; i < 3; i++)
    if ((rc = set_number(r, f, counts[i],
                         kkachi__slot(m->slot, m->nslots, counts[i]))))
      return rc;
  if (interval
      && !kkachi__period_parse(r->engine->num, interval, strlen(interval), iso,
                               sizeof iso)
      && (rc = kkachi__fact_set(f, "interval", iso)))
    return rc;
  if (!kkachi__slot(f->slot, f->nslots, "method")
      && !kkachi__slot(f->slot, f->nslots, "entrants")
      && !kkachi__slot(f->slot, f->nslots, "selected")
      && !kkachi__slot(f->slot, f->nslots, "eliminated")) {
    f->dropped = 1; /* selects nobody that the text counts or names */
    return 0;
  }
  return keep_or_merge(r, f, m);
}

static int
overlap(const kk_fact *a, const kk_fact *b)
{
  size_t i, j;
  for (i = 0; i < a->nev; i++)
    for (j = 0; j < b->nev; j++)
      if (a->ev[i].begin < b->ev[j].end && b->ev[j].begin < a->ev[i].end)
        return 1;
  return 0;
}

/* Whether stage a says nothing that b, read from an overlapping span,
 * does not say too (a final selection is what any method ends in). */
static int
subsumed(const kk_fact *a, const kk_fact *b)
{
  const char *am = kkachi__slot(a->slot, a->nslots, "method");
  int final = am && !strcmp(am, "FinalSelection");
  size_t k;
  if (a->nslots > b->nslots + (final ? 1 : 0))
    return 0;
  for (k = 0; k < a->nslots; k++) {
    const char *role = a->slot[k].role;
    if (final && (!strcmp(role, "method") || !strcmp(role, "methodlabel")))
      continue;
    if (!kkachi__same(kkachi__slot(b->slot, b->nslots, role),
                      a->slot[k].value))
      return 0;
  }
  return 1;
}

/* Folds each fact of the family into another of it read from an
 * overlapping span when it says no more than that one (less(a, b)); of
 * two that say the same, the later goes into the earlier. */
static int
fold_lesser_read(kkachi_result *r, const char *family,
                 int (*less)(const kk_fact *, const kk_fact *))
{
  size_t i, j;
  for (i = 0; i < r->nfacts; i++) {
    kk_fact *a = r->facts[i];
    if (a->dropped || strcmp(a->family, family))
      continue;
    for (j = 0; j < r->nfacts; j++) {
      kk_fact *b = r->facts[j];
      if (b == a || b->dropped || strcmp(b->family, family) || !overlap(a, b)
          || !less(a, b) || (less(b, a) && j > i))
        continue;
      if (kkachi__fact_fold(a, b))
        return KKACHI_ENOMEM;
      break;
    }
  }
  return 0;
}

int
kkachi__fold_stages(kkachi_result *r)
{
  return fold_lesser_read(r, "stage", subsumed);
}

/* Whether fact a says nothing that b does not say too. */
static int
says_less(const kk_fact *a, const kk_fact *b)
{
  size_t k;
  if (a->nslots > b->nslots)
    return 0;
  for (k = 0; k < a->nslots; k++)
    if (!kkachi__same(kkachi__slot(b->slot, b->nslots, a->slot[k].role),
                      a->slot[k].value))
      return 0;
  return 1;
}

/* Whether role fact a says what b says of a program that b names in
 * full and a by its last words only: the same party in the same role,
 * read from overlapping words, is one fact, of the longer name. */
static int
names_program_in_part(const kk_fact *a, const kk_fact *b)
{
  size_t k;
  if (a->nslots != b->nslots)
    return 0;
  for (k = 0; k < a->nslots; k++) {
    const char *role = a->slot[k].role;
    const char *bv = kkachi__slot(b->slot, b->nslots, role);
    if (!strcmp(role, "program") ? !kkachi__last_words(bv, a->slot[k].value)
                                 : !kkachi__same(bv, a->slot[k].value))
      return 0;
  }
  return 1;
}

int
kkachi__fold_roles(kkachi_result *r)
{
  int rc = fold_lesser_read(r, "program_role", says_less);
  return rc ? rc : fold_lesser_read(r, "program_role", names_program_in_part);
}

/* Whether role fact f has that role, agent and program. */
static int
role_is(const kk_fact *f, const char *role, const char *agent,
        const char *program)
{
  return !f->dropped && !strcmp(f->family, "program_role")
         && kkachi__same(kkachi__slot(f->slot, f->nslots, "role"), role)
         && kkachi__same(kkachi__slot(f->slot, f->nslots, "agent"), agent)
         && kkachi__same(kkachi__slot(f->slot, f->nslots, "program"),
                         program);
}

int
kkachi__prefer_executes(kkachi_result *r)
{
  size_t i, j;
  for (i = 0; i < r->nfacts; i++) {
    kk_fact *f = r->facts[i];
    const char *agent, *program;
    if (f->dropped || strcmp(f->family, "program_role")
        || !kkachi__same(kkachi__slot(f->slot, f->nslots, "role"), "runs"))
      continue;
    agent = kkachi__slot(f->slot, f->nslots, "agent");
    program = kkachi__slot(f->slot, f->nslots, "program");
    if (!agent)
      continue;
    for (j = 0; j < r->nfacts; j++)
      if (role_is(r->facts[j], "executes", agent, program)) {
        f->dropped = 1;
        break;
      }
  }
  return 0;
}

void
kkachi__programs_free(kkachi_result *r)
{
  size_t i, j;
  for (i = 0; i < r->nprograms; i++) {
    kk_program *p = r->program_list[i];
    for (j = 0; j < p->nnames; j++)
      kkachi__free(p->names[j]);
    kkachi__free(p->names);
    kkachi__free(p->key);
    kkachi__free(p);
  }
  kkachi__free(r->program_list);
  kkachi__strmap_free(r->programs);
  kkachi__free(r->seen_program);
  r->seen_program = NULL;
}
