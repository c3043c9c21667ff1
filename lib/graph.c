/* graph.c: maps facts onto the kk: vocabulary in a librdf model. */
#include "graph.h"

#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "date.h"
#include "engine.h"
#include "fact.h"
#include "iri.h"
#include "utf8.h"

typedef struct gctx {
  librdf_world *w;
  librdf_model *m;
  kkachi_engine *e;
  const kkachi_result *r;
  int evidence;
  int text; /* write the article's text as nif:isString */
  kk_buf article, node;
  unsigned long nev; /* evidence nodes written so far */
} gctx;

static librdf_node *
iri_node(gctx *g, const char *iri)
{
  return librdf_new_node_from_uri_string(g->w, (const unsigned char *)iri);
}

/* librdf_model_add takes ownership of the three nodes, also on failure. */
static int
add(gctx *g, librdf_node *s, librdf_node *p, librdf_node *o)
{
  if (!s || !p || !o) {
    if (s)
      librdf_free_node(s);
    if (p)
      librdf_free_node(p);
    if (o)
      librdf_free_node(o);
    return KKACHI_ENOMEM;
  }
  return librdf_model_add(g->m, s, p, o) ? KKACHI_ERDF : 0;
}

static int
t_iri(gctx *g, const char *s, const char *p, const char *o)
{
  return add(g, iri_node(g, s), iri_node(g, p), iri_node(g, o));
}

static int
t_lit(gctx *g, const char *s, const char *p, const char *text,
      const char *lang)
{
  return add(g, iri_node(g, s), iri_node(g, p),
             librdf_new_node_from_literal(g->w, (const unsigned char *)text,
                                          lang, 0));
}

static int
t_typed(gctx *g, const char *s, const char *p, const char *text,
        const char *dt)
{
  librdf_uri *u = librdf_new_uri(g->w, (const unsigned char *)dt);
  librdf_node *o = u ? librdf_new_node_from_typed_literal(
                       g->w, (const unsigned char *)text, NULL, u)
                     : NULL;
  if (u)
    librdf_free_uri(u);
  return add(g, iri_node(g, s), iri_node(g, p), o);
}

static int
t_type(gctx *g, const char *s, const char *kk_class)
{
  kk_buf c = KK_BUF_INIT;
  int rc = kkachi__buf_printf(&c, KK_NS "%s", kk_class);
  if (!rc)
    rc = t_iri(g, s, NS_RDF "type", c.data);
  kkachi__buf_free(&c);
  return rc;
}

static int
has_hangul(const char *s)
{
  size_t i = 0, n = strlen(s);
  while (i < n)
    if (kkachi__is_hangul(kkachi__utf8_next(s, &i)))
      return 1;
  return 0;
}

/* Language tag for a name: a name in Hangul is Korean whatever the
 * article's language (the canonical 과학기술정보통신부 met in an English
 * article); Latin-only names in a Korean article (KAIST, NIPA) are left
 * untagged; others take the article's. */
static const char *
name_lang(gctx *g, const char *s)
{
  if (has_hangul(s))
    return "ko";
  if (!strcmp(g->r->lang, "ko"))
    return NULL;
  return g->r->lang;
}

static int org_iri(gctx *g, kk_buf *b, const char *name);

/* The authors and the outlet the page's metadata names. */
static int
meta_people(gctx *g)
{
  const kkachi_result *r = g->r;
  kk_buf b = KK_BUF_INIT;
  size_t i;
  int rc = 0;

  for (i = 0; i < r->nauthors && !rc; i++)
    if (!(rc = kkachi__iri_entity(&b, g->e->base, "person", r->authors[i])))
      rc = t_iri(g, g->article.data, NS_SCHEMA "author", b.data);
  if (!rc && r->publisher && !(rc = org_iri(g, &b, r->publisher)))
    rc = t_iri(g, g->article.data, NS_SCHEMA "publisher", b.data);
  kkachi__buf_free(&b);
  return rc;
}

static int
article_node(gctx *g)
{
  const kkachi_result *r = g->r;
  const char *a = g->article.data;
  int rc;

  if ((rc = t_type(g, a, "Article"))
      || (rc = t_lit(g, a, NS_SCHEMA "identifier", r->id, NULL))
      || (rc = t_lit(g, a, NS_SCHEMA "inLanguage", r->lang, NULL)))
    return rc;
  if (r->title && (rc = t_lit(g, a, NS_SCHEMA "headline", r->title, r->lang)))
    return rc;
  if (r->url && (rc = t_lit(g, a, NS_SCHEMA "url", r->url, NULL)))
    return rc;
  /* the text the evidence offsets count in */
  if (g->text && (rc = t_lit(g, a, NS_NIF "isString", r->text.s, NULL)))
    return rc;
  if (r->date && kkachi__date_valid(r->date)
      && (rc = t_typed(g, a, NS_SCHEMA "datePublished", r->date,
                       NS_XSD "date")))
    return rc;
  return meta_people(g);
}

static int
org_iri(gctx *g, kk_buf *b, const char *name)
{
  return kkachi__iri_entity(b, g->e->base, "org", name);
}

static int
orgs(gctx *g)
{
  size_t i, j;
  int rc = 0;
  for (i = 0; i < g->r->norgs && !rc; i++) {
    const kk_org *o = g->r->org_list[i];
    if ((rc = org_iri(g, &g->node, o->name))
        || (rc = t_type(g, g->node.data, o->cls))
        || (rc = t_lit(g, g->node.data, NS_SCHEMA "name", o->name,
                       name_lang(g, o->name))))
      return rc;
    for (j = 0; j < o->naliases && !rc; j++)
      rc = t_lit(g, g->node.data, NS_SCHEMA "alternateName", o->aliases[j],
                 name_lang(g, o->aliases[j]));
  }
  return rc;
}

static int
persons(gctx *g)
{
  size_t i, j;
  int rc = 0;
  for (i = 0; i < g->r->npersons && !rc; i++) {
    const kk_person *p = g->r->person_list[i];
    if ((rc = kkachi__iri_entity(&g->node, g->e->base, "person", p->name))
        || (rc = t_type(g, g->node.data, "Person"))
        || (rc = t_lit(g, g->node.data, NS_SCHEMA "name", p->name,
                       name_lang(g, p->name))))
      return rc;
    for (j = 0; j < p->nemails && !rc; j++)
      rc = t_lit(g, g->node.data, NS_SCHEMA "email", p->emails[j], NULL);
  }
  return rc;
}

/* Writes the evidence nodes of f and links them from node. */
static int
evidence(gctx *g, const char *node, const kk_fact *f)
{
  kk_buf ev = KK_BUF_INIT, num = KK_BUF_INIT;
  size_t i;
  int rc = 0;

  if (!g->evidence)
    return 0;
  for (i = 0; i < f->nev && !rc; i++) {
    const kk_evidence *x = &f->ev[i];
    kkachi__buf_reset(&ev);
    kkachi__buf_reset(&num);
    if ((rc = kkachi__buf_printf(&ev, "%s#ev-%lu", g->article.data, ++g->nev))
        || (rc = t_iri(g, node, KK_NS "evidence", ev.data))
        || (rc = t_type(g, ev.data, "Evidence"))
        || (rc = t_iri(g, ev.data, NS_NIF "referenceContext", g->article.data))
        || (rc = kkachi__buf_printf(&num, "%lu", x->cbegin))
        || (rc = t_typed(g, ev.data, NS_NIF "beginIndex", num.data,
                         NS_XSD "nonNegativeInteger")))
      break;
    kkachi__buf_reset(&num);
    if ((rc = kkachi__buf_printf(&num, "%lu", x->cend))
        || (rc = t_typed(g, ev.data, NS_NIF "endIndex", num.data,
                         NS_XSD "nonNegativeInteger")))
      break;
    kkachi__buf_reset(&num);
    if ((rc = kkachi__buf_append(&num, g->r->text.s + x->begin,
                                 x->end - x->begin))
        || (rc = t_lit(g, ev.data, NS_NIF "anchorOf", num.data, NULL)))
      break;
    kkachi__buf_reset(&num);
    if ((rc = kkachi__buf_printf(&num, KK_RULES_NS "%s", x->rule_id))
        || (rc = t_iri(g, ev.data, KK_NS "rule", num.data))
        || (rc = t_type(g, num.data, "Rule"))
        || (rc = t_lit(g, num.data, NS_RDFS "label", x->rule_id, NULL)))
      break;
  }
  kkachi__buf_free(&ev);
  kkachi__buf_free(&num);
  return rc;
}

static int
role(gctx *g, const char *title, kk_buf *iri)
{
  const kk_gaz_row *row
      = kkachi__gazetteer_find(g->e->g_title, title, strlen(title));
  if (!row)
    row = kkachi__gazetteer_find(g->e->g_prof, title, strlen(title));
  const char *name = kkachi__gaz_col(row, 1);
  const char *en;
  int rc;

  if (!name)
    name = title;
  /* the English label of the role itself, so that every title filed
   * under one role gives it the same labels */
  row = kkachi__gazetteer_find(g->e->g_title, name, strlen(name));
  if (!row)
    row = kkachi__gazetteer_find(g->e->g_prof, name, strlen(name));
  en = kkachi__gaz_col(row, 2);
  /* the role's own name is Korean when written in Hangul, also when an
   * English title (minister) is filed under it (장관) */
  if ((rc = kkachi__iri_entity(iri, g->e->base, "role", name))
      || (rc = t_type(g, iri->data, "Role"))
      || (rc = t_lit(g, iri->data, NS_SKOS "prefLabel", name,
                     has_hangul(name) ? "ko" : g->r->lang)))
    return rc;
  if (en && strcmp(en, name))
    rc = t_lit(g, iri->data, NS_SKOS "prefLabel", en, "en");
  return rc;
}

static int
affiliation(gctx *g, const kk_fact *f, unsigned long n)
{
  const char *person = kkachi__slot(f->slot, f->nslots, "person");
  const char *org = kkachi__slot(f->slot, f->nslots, "org");
  const char *title = kkachi__slot(f->slot, f->nslots, "title");
  kk_buf node = KK_BUF_INIT, p = KK_BUF_INIT, o = KK_BUF_INIT;
  int rc;

  if ((rc = kkachi__buf_printf(&node, "%s#aff-%lu", g->article.data, n))
      || (rc = kkachi__iri_entity(&p, g->e->base, "person", person))
      || (rc = t_type(g, node.data, "Affiliation"))
      || (rc = t_iri(g, node.data, NS_ORG "member", p.data))
      || (title
          && (rc = t_lit(g, node.data, KK_NS "title", title, g->r->lang))))
    goto done;
  if (org
      && ((rc = org_iri(g, &o, org))
          || (rc = t_iri(g, node.data, NS_ORG "organization", o.data))
          || (rc = t_iri(g, p.data, NS_SCHEMA "affiliation", o.data))))
    goto done;
  if (title
      && ((rc = role(g, title, &o))
          || (rc = t_iri(g, node.data, NS_ORG "role", o.data))))
    goto done;
  rc = evidence(g, node.data, f);
done:
  kkachi__buf_free(&node);
  kkachi__buf_free(&p);
  kkachi__buf_free(&o);
  return rc;
}

static int
byline(gctx *g, const kk_fact *f)
{
  const char *author = kkachi__slot(f->slot, f->nslots, "author");
  const char *pub = kkachi__slot(f->slot, f->nslots, "publisher");
  kk_buf b = KK_BUF_INIT;
  int rc;

  if ((rc = kkachi__iri_entity(&b, g->e->base, "person", author))
      || (rc = t_iri(g, g->article.data, NS_SCHEMA "author", b.data)))
    goto done;
  if (pub && !g->r->publisher /* the page's own metadata comes first */
      && ((rc = org_iri(g, &b, pub))
          || (rc = t_iri(g, g->article.data, NS_SCHEMA "publisher", b.data))))
    goto done;
  rc = evidence(g, g->article.data, f);
done:
  kkachi__buf_free(&b);
  return rc;
}

static int
program_iri(gctx *g, kk_buf *b, const kk_program *p)
{
  kkachi__buf_reset(b);
  if (p->local)
    return kkachi__buf_printf(b, "%s#program-%lu", g->article.data, p->n);
  return kkachi__iri_entity(b, g->e->base, "program", p->key);
}

static int
programs(gctx *g)
{
  size_t i, j;
  int rc = 0;
  for (i = 0; i < g->r->nprograms && !rc; i++) {
    const kk_program *p = g->r->program_list[i];
    if ((rc = program_iri(g, &g->node, p))
        || (rc = t_type(g, g->node.data, "Program")))
      return rc;
    for (j = 0; j < p->nnames && !rc; j++)
      rc = t_lit(g, g->node.data, NS_SCHEMA "name", p->names[j], g->r->lang);
  }
  return rc;
}

/* kk:Runs for "runs", and so on; NULL for a value the vocabulary lacks. */
static const char *
individual(const char *value, const char *const *known)
{
  size_t i;
  for (i = 0; known[i]; i += 2)
    if (!strcmp(value, known[i]))
      return known[i + 1];
  return NULL;
}

static const char *const role_types[]
    = { "runs",    "Runs",    "executes",     "Executes",
        "funds",   "Funds",   "participates", "Participates",
        "applies", "Applies", "selected",     "Selected",
        NULL };
static const char *const methods[]
    = { "DocumentReview",     "DocumentReview",      "PresentationReview",
        "PresentationReview", "OnSiteReview",        "OnSiteReview",
        "InDepthReview",      "InDepthReview",       "Interview",
        "Interview",          "PeriodicElimination", "PeriodicElimination",
        "FinalSelection",     "FinalSelection",      NULL };

/* The program a fact names, and its IRI in b. */
static const kk_program *
fact_program(gctx *g, const kk_fact *f, kk_buf *b)
{
  const char *name = kkachi__slot(f->slot, f->nslots, "program");
  const kk_program *p = name ? kkachi__program_find(g->r, name) : NULL;
  if (p && program_iri(g, b, p))
    return NULL;
  return p;
}

static int
t_integer(gctx *g, const char *s, const char *p, const char *value)
{
  if (!value)
    return 0;
  return t_typed(g, s, p, value, NS_XSD "integer");
}

static int
program_role(gctx *g, const kk_fact *f, unsigned long n)
{
  const char *role = kkachi__slot(f->slot, f->nslots, "role");
  const char *agent = kkachi__slot(f->slot, f->nslots, "agent");
  const char *label = kkachi__slot(f->slot, f->nslots, "label");
  const char *type = role ? individual(role, role_types) : NULL;
  kk_buf node = KK_BUF_INIT, prog = KK_BUF_INIT, o = KK_BUF_INIT;
  int rc = 0;

  if (!type || !fact_program(g, f, &prog))
    goto done;
  if ((rc = kkachi__buf_printf(&node, "%s#prole-%lu", g->article.data, n))
      || (rc = t_type(g, node.data, "ProgramRole"))
      || (rc = t_iri(g, node.data, KK_NS "program", prog.data))
      || (rc = kkachi__buf_printf(&o, KK_NS "%s", type))
      || (rc = t_iri(g, node.data, KK_NS "roleType", o.data))
      || (rc = t_integer(g, node.data, KK_NS "agentCount",
                         kkachi__slot(f->slot, f->nslots, "count"))))
    goto done;
  if (label
      && (rc = t_lit(g, node.data, KK_NS "agentLabel", label, g->r->lang)))
    goto done;
  if (agent) {
    if ((rc = org_iri(g, &o, agent))
        || (rc = t_iri(g, node.data, KK_NS "agent", o.data)))
      goto done;
    if (!strcmp(role, "runs"))
      rc = t_iri(g, prog.data, KK_NS "runBy", o.data);
    else if (!strcmp(role, "executes"))
      rc = t_iri(g, prog.data, KK_NS "executedBy", o.data);
    if (rc)
      goto done;
  }
  rc = evidence(g, node.data, f);
done:
  kkachi__buf_free(&node);
  kkachi__buf_free(&prog);
  kkachi__buf_free(&o);
  return rc;
}

/* The position of stage f among the stages of its program so far. */
static unsigned long
stage_order(gctx *g, const kk_fact *f)
{
  const char *key = kkachi__slot(f->slot, f->nslots, "program");
  unsigned long n = 0;
  size_t i;
  for (i = 0; i < g->r->nfacts; i++) {
    const kk_fact *h = g->r->facts[i];
    if (!strcmp(h->family, "stage")
        && kkachi__same(kkachi__slot(h->slot, h->nslots, "program"), key))
      n++;
    if (h == f)
      break;
  }
  return n;
}

static int
stage(gctx *g, const kk_fact *f, unsigned long n)
{
  static const char *const counts[][2]
      = { { "entrants", "entrantCount" },
          { "selected", "selectedCount" },
          { "eliminated", "eliminatedCount" } };
  const char *method = kkachi__slot(f->slot, f->nslots, "method");
  const char *label = kkachi__slot(f->slot, f->nslots, "methodlabel");
  const char *interval = kkachi__slot(f->slot, f->nslots, "interval");
  const char *type = method ? individual(method, methods) : NULL;
  kk_buf node = KK_BUF_INIT, prog = KK_BUF_INIT, o = KK_BUF_INIT;
  size_t i;
  int rc = 0;

  if (!fact_program(g, f, &prog))
    goto done;
  if ((rc = kkachi__buf_printf(&node, "%s#stage-%lu", g->article.data, n))
      || (rc = t_type(g, node.data, "SelectionStage"))
      || (rc = t_iri(g, node.data, KK_NS "program", prog.data))
      || (rc = t_iri(g, prog.data, KK_NS "hasStage", node.data))
      || (rc = kkachi__buf_printf(&o, "%lu", stage_order(g, f)))
      || (rc = t_integer(g, node.data, KK_NS "stageOrder", o.data)))
    goto done;
  kkachi__buf_reset(&o);
  if (type
      && ((rc = kkachi__buf_printf(&o, KK_NS "%s", type))
          || (rc = t_iri(g, node.data, KK_NS "method", o.data))))
    goto done;
  if (label
      && (rc = t_lit(g, node.data, KK_NS "methodLabel", label, g->r->lang)))
    goto done;
  for (i = 0; i < 3 && !rc; i++) {
    char p[64];
    snprintf(p, sizeof p, KK_NS "%s", counts[i][1]);
    rc = t_integer(g, node.data, p,
                   kkachi__slot(f->slot, f->nslots, counts[i][0]));
  }
  if (!rc && interval)
    rc = t_typed(g, node.data, KK_NS "interval", interval, NS_XSD "duration");
  if (!rc)
    rc = evidence(g, node.data, f);
done:
  kkachi__buf_free(&node);
  kkachi__buf_free(&prog);
  kkachi__buf_free(&o);
  return rc;
}

static int
facts(gctx *g)
{
  unsigned long naff = 0, nrole = 0, nstage = 0;
  size_t i;
  int rc = 0;
  for (i = 0; i < g->r->nfacts && !rc; i++) {
    const kk_fact *f = g->r->facts[i];
    if (!strcmp(f->family, "affiliation"))
      rc = affiliation(g, f, ++naff);
    else if (!strcmp(f->family, "byline"))
      rc = byline(g, f);
    else if (!strcmp(f->family, "program_role"))
      rc = program_role(g, f, ++nrole);
    else if (!strcmp(f->family, "stage"))
      rc = stage(g, f, ++nstage);
  }
  return rc;
}

int
kkachi__graph_build(librdf_model *model, kkachi_engine *e,
                    const kkachi_result *r, int with_evidence,
                    char **article_iri)
{
  gctx g;
  int rc;

  memset(&g, 0, sizeof g);
  g.w = kkachi__engine_world(e);
  g.m = model;
  g.e = e;
  g.r = r;
  g.evidence = (with_evidence & KK_GRAPH_EVIDENCE) != 0;
  g.text = (with_evidence & KK_GRAPH_TEXT) != 0;
  *article_iri = NULL;
  if (!g.w)
    return KKACHI_ERDF;
  if (!(rc = kkachi__iri_article(&g.article, e->base, r->id))
      && !(rc = article_node(&g)) && !(rc = orgs(&g)) && !(rc = persons(&g))
      && !(rc = programs(&g)))
    rc = facts(&g);
  if (!rc)
    *article_iri = kkachi__buf_steal(&g.article);
  kkachi__buf_free(&g.article);
  kkachi__buf_free(&g.node);
  return rc;
}

int
kkachi__article_graph(kk_article_graph *out, kkachi_engine *e,
                      const kkachi_result *r, int evidence)
{
  librdf_world *w = kkachi__engine_world(e);
  char *iri = NULL;
  int rc;
  memset(out, 0, sizeof *out);
  if (!w)
    return KKACHI_ERDF;
  out->storage = librdf_new_storage(w, "hashes", NULL,
                                    "hash-type='memory',index-predicates='no'");
  if (!out->storage || !(out->model = librdf_new_model(w, out->storage, NULL)))
    return KKACHI_ERDF;
  if ((rc = kkachi__graph_build(out->model, e, r, evidence, &iri)))
    return rc;
  out->name = librdf_new_node_from_uri_string(w, (const unsigned char *)iri);
  kkachi__free(iri);
  return out->name ? 0 : KKACHI_ENOMEM;
}

void
kkachi__article_graph_free(kk_article_graph *ag)
{
  if (ag->name)
    librdf_free_node(ag->name);
  if (ag->model)
    librdf_free_model(ag->model);
  if (ag->storage)
    librdf_free_storage(ag->storage);
  memset(ag, 0, sizeof *ag);
}
