/* shacl.c: SHACL Core validation: targets, shapes and every core
 * constraint component, over librdf models. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "engine.h"
#include "iri.h"
#include "shacl.h"

#define RDFS_NS "http://www.w3.org/2000/01/rdf-schema#"

int
kkachi__sh_result(kk_shacl *v, librdf_node *focus, librdf_node *shape,
                  librdf_node *value, const char *component)
{
  kk_results *r = v->out;
  kk_result *x;
  if (r->n == r->cap) {
    size_t cap = r->cap ? r->cap * 2 : 16;
    kk_result *p = kkachi__realloc(r->v, cap * sizeof *p);
    if (!p)
      return KKACHI_ENOMEM;
    r->v = p;
    r->cap = cap;
  }
  x = &r->v[r->n++];
  memset(x, 0, sizeof *x);
  x->component = component;
  x->focus = librdf_new_node_from_node(focus);
  x->shape = librdf_new_node_from_node(shape);
  x->path = kkachi__sh_one(v, v->shapes, shape, SH "path");
  x->severity = kkachi__sh_one(v, v->shapes, shape, SH "severity");
  if (!x->severity)
    x->severity = kkachi__sh_iri(v, SH "Violation");
  if (value)
    x->value = librdf_new_node_from_node(value);
  return x->focus && x->shape && x->severity && (!value || x->value)
             ? 0
             : KKACHI_ENOMEM;
}

/* Whether node is an instance of cls: its rdf:type or a subclass of it
 * (rdfs:subClassOf in the data graph, any depth); 1, 0, or an error. */
static int
instance_of(kk_shacl *v, librdf_node *node, librdf_node *cls)
{
  kk_nodes seen = { 0 };
  size_t i;
  int found = 0, rc;

  rc = kkachi__sh_objects(v, v->data, node, NS_RDF "type", &seen);
  for (i = 0; i < seen.n && !rc && !found; i++) {
    if (librdf_node_equals(seen.v[i], cls))
      found = 1;
    else /* grows while walked: the closure, each class once */
      rc = kkachi__sh_objects(v, v->data, seen.v[i], RDFS_NS "subClassOf",
                              &seen);
  }
  kkachi__nodes_clear(&seen);
  return rc < 0 ? rc : found;
}

static int
is_true(librdf_node *n)
{
  const char *s;
  if (!n || !librdf_node_is_literal(n))
    return 0;
  s = (const char *)librdf_node_get_literal_value(n);
  return s && !strcmp(s, "true"); /* only true: "1" leaves it off */
}

static long
integer_of(kk_shacl *v, librdf_node *n)
{
  const char *s;
  char *end;
  long x;
  if (!n || !librdf_node_is_literal(n)) {
    v->failure = 1;
    return -1;
  }
  s = (const char *)librdf_node_get_literal_value(n);
  x = strtol(s, &end, 10);
  if (*end || x < 0) {
    v->failure = 1;
    return -1;
  }
  return x;
}

/* ---- value-node components ---- */

static int
node_kind_ok(librdf_node *n, librdf_node *kind)
{
  int iri = librdf_node_is_resource(n), blank = librdf_node_is_blank(n);
  int lit = librdf_node_is_literal(n);
  if (kkachi__sh_is(kind, SH "IRI"))
    return iri;
  if (kkachi__sh_is(kind, SH "BlankNode"))
    return blank;
  if (kkachi__sh_is(kind, SH "Literal"))
    return lit;
  if (kkachi__sh_is(kind, SH "BlankNodeOrIRI"))
    return blank || iri;
  if (kkachi__sh_is(kind, SH "BlankNodeOrLiteral"))
    return blank || lit;
  if (kkachi__sh_is(kind, SH "IRIOrLiteral"))
    return iri || lit;
  return 0;
}

static int
datatype_ok(librdf_node *n, librdf_node *dt)
{
  librdf_uri *u, *want = librdf_node_get_uri(dt);
  const char *have;
  if (!librdf_node_is_literal(n) || !want)
    return 0;
  u = librdf_node_get_literal_value_datatype_uri(n);
  if (u)
    have = (const char *)librdf_uri_as_string(u);
  else if (librdf_node_get_literal_value_language(n))
    have = NS_RDF "langString";
  else
    have = NS_XSD "string";
  if (strcmp(have, (const char *)librdf_uri_as_string(want)))
    return 0;
  return kkachi__sh_well_formed(n);
}

/* The string a pattern or length applies to; NULL for blank nodes. */
static const char *
string_of(librdf_node *n)
{
  if (librdf_node_is_literal(n))
    return (const char *)librdf_node_get_literal_value(n);
  if (librdf_node_is_resource(n))
    return (const char *)librdf_uri_as_string(librdf_node_get_uri(n));
  return NULL;
}

static size_t
length_of(const char *s)
{
  size_t n = 0;
  for (; *s; s++)
    if (((unsigned char)*s & 0xC0) != 0x80)
      n++;
  return n;
}

/* The N-Triples form of a node, cut to about 60 bytes, for a message. */
static void
show(librdf_node *n, char *buf, size_t size)
{
  unsigned char *s = raptor_term_to_string(n);
  size_t len = s ? strlen((const char *)s) : 0, cut = len;
  if (cut > 60)
    for (cut = 60; cut && (s[cut] & 0xC0) == 0x80; cut--)
      ; /* not inside a UTF-8 sequence */
  snprintf(buf, size, "%.*s%s", (int)cut, s ? (const char *)s : "?",
           cut < len ? "..." : "");
  raptor_free_memory(s);
}

/* Logs that PCRE2's error (a limit) stopped the match of shape's
 * sh:pattern on value n: a fault of the validation, not a result. */
static int
limit_error(kk_shacl *v, librdf_node *shape, librdf_node *n, int err)
{
  char sh[80], val[80], msg[120];
  librdf_node *path = librdf_node_is_blank(shape)
                          ? kkachi__sh_one(v, v->shapes, shape, SH "path")
                          : NULL; /* names a shape that has no name */
  pcre2_get_error_message(err, (PCRE2_UCHAR *)msg, sizeof msg);
  show(path ? path : shape, sh, sizeof sh);
  show(n, val, sizeof val);
  kkachi__log(v->log, KKACHI_LOG_ERROR, NULL, 0, 0,
              "cannot validate: sh:pattern of %s %s on value %s: %s",
              path ? "the shape with sh:path" : "shape", sh, val, msg);
  if (path)
    librdf_free_node(path);
  return KKACHI_ELIMIT;
}

/* Whether the pattern matches; KKACHI_ELIMIT, logged with the shape and
 * the value, when PCRE2's limits stop the match: that is no result. */
static int
pattern_ok(kk_shacl *v, librdf_node *shape, librdf_node *n, librdf_node *pat,
           librdf_node *flags)
{
  const char *s = string_of(n), *f;
  uint32_t opts = PCRE2_UTF | PCRE2_UCP;
  pcre2_code *re;
  pcre2_match_data *md;
  pcre2_match_context *mc;
  PCRE2_SIZE off;
  int err, m = -1;

  if (!s || !librdf_node_is_literal(pat))
    return 0;
  for (f = flags ? string_of(flags) : ""; f && *f; f++)
    opts |= *f == 'i'   ? PCRE2_CASELESS
            : *f == 'm' ? PCRE2_MULTILINE
            : *f == 's' ? PCRE2_DOTALL
            : *f == 'x' ? PCRE2_EXTENDED
            : *f == 'q' ? PCRE2_LITERAL
                        : 0;
  re = pcre2_compile(librdf_node_get_literal_value(pat), PCRE2_ZERO_TERMINATED,
                     opts, &err, &off, NULL);
  if (!re) {
    v->failure = 1;
    return 0;
  }
  md = pcre2_match_data_create_from_pattern(re, NULL);
  if ((mc = pcre2_match_context_create(NULL))) {
    pcre2_set_match_limit(mc, KK_MATCH_LIMIT);
    pcre2_set_depth_limit(mc, KK_DEPTH_LIMIT);
    pcre2_set_heap_limit(mc, KK_HEAP_LIMIT);
  }
  if (md && mc)
    m = pcre2_match(re, (PCRE2_SPTR)s, strlen(s), 0, 0, md, mc);
  pcre2_match_data_free(md);
  pcre2_match_context_free(mc);
  pcre2_code_free(re);
  if (!md || !mc)
    return KKACHI_ENOMEM;
  if (m < 0 && m != PCRE2_ERROR_NOMATCH)
    return limit_error(v, shape, n, m);
  return m >= 0;
}

static int
lang_matches(const char *tag, const char *range)
{
  size_t n = strlen(range);
  return !strncasecmp(tag, range, n) && (tag[n] == '\0' || tag[n] == '-');
}

static int
language_in_ok(kk_shacl *v, librdf_node *n, librdf_node *list)
{
  kk_nodes langs = { 0 };
  const char *tag;
  size_t i;
  int ok = 0, rc;
  if (!librdf_node_is_literal(n)
      || !(tag = librdf_node_get_literal_value_language(n)))
    return 0;
  rc = kkachi__sh_list(v, v->shapes, list, &langs);
  for (i = 0; i < langs.n && !ok && !rc; i++)
    ok = string_of(langs.v[i]) && lang_matches(tag, string_of(langs.v[i]));
  kkachi__nodes_clear(&langs);
  return rc < 0 ? rc : ok;
}

/* How many of the shapes in list node conforms to. */
static int
count_conforming(kk_shacl *v, librdf_node *list, librdf_node *node,
                 size_t *count)
{
  kk_nodes shapes = { 0 };
  size_t i, n;
  int rc = kkachi__sh_list(v, v->shapes, list, &shapes);
  *count = 0;
  for (i = 0; i < shapes.n && !rc; i++) {
    int c = kkachi__sh_conforms(v, shapes.v[i], node);
    if (c < 0)
      rc = c;
    else
      *count += (size_t)c;
  }
  n = shapes.n;
  kkachi__nodes_clear(&shapes);
  return rc < 0 ? rc : (int)n;
}

/* The parameters that apply to each value node on its own, in the order
 * of params_iri; their values are read once per shape and focus node, not
 * once per value node. */
enum {
  P_CLASS, P_DATATYPE, P_NODEKIND, P_MINEX, P_MININ, P_MAXEX, P_MAXIN,
  P_MINLEN, P_MAXLEN, P_PATTERN, P_FLAGS, P_LANGIN, P_IN, P_NODE, P_NOT,
  P_AND, P_OR, P_XONE, NPARAMS
};
static const char *const params_iri[NPARAMS] = {
  SH "class",        SH "datatype",     SH "nodeKind",  SH "minExclusive",
  SH "minInclusive", SH "maxExclusive", SH "maxInclusive", SH "minLength",
  SH "maxLength",    SH "pattern",      SH "flags",     SH "languageIn",
  SH "in",           SH "node",         SH "not",       SH "and",
  SH "or",           SH "xone"
};

/* The values of shape's per-value parameters; 1 when it has some, 0
 * when it has none, or an error. */
static int
read_params(kk_shacl *v, librdf_node *shape, kk_nodes *p)
{
  size_t i;
  int rc = 0, any = 0;
  for (i = 0; i < NPARAMS && !rc; i++) {
    rc = kkachi__sh_objects(v, v->shapes, shape, params_iri[i], &p[i]);
    any |= p[i].n > 0 && i != P_FLAGS;
  }
  return rc ? rc : any;
}

static void
clear_params(kk_nodes *p)
{
  size_t i;
  for (i = 0; i < NPARAMS; i++)
    kkachi__nodes_clear(&p[i]);
}

static int
value_checks(kk_shacl *v, librdf_node *shape, librdf_node *focus,
             librdf_node *n, const kk_nodes *params)
{
  static const struct {
    const char *component;
    int cmp_ok[3]; /* allowed results of compare(value, param) */
  } ranges[] = {
    { "MinExclusiveConstraintComponent", { 0, 0, 1 } },
    { "MinInclusiveConstraintComponent", { 0, 1, 1 } },
    { "MaxExclusiveConstraintComponent", { 1, 0, 0 } },
    { "MaxInclusiveConstraintComponent", { 1, 1, 0 } },
  };
  const kk_nodes *p;
  librdf_node *flags = params[P_FLAGS].n ? params[P_FLAGS].v[0] : NULL;
  size_t i, k;
  int rc = 0;

#define EACH(param) for (p = &params[param], k = 0; !rc && k < p->n; k++)
#define FAIL_IF(cond, comp)                                                   \
  if (!rc && (cond))                                                          \
  rc = kkachi__sh_result(v, focus, shape, n, comp)
/* a test that gives 1, 0 or an error */
#define FAIL_UNLESS(test, comp)                                               \
  {                                                                           \
    int ok_ = (test);                                                         \
    if (ok_ < 0)                                                              \
      rc = ok_;                                                               \
    FAIL_IF(ok_ == 0, comp);                                                  \
  }

  EACH(P_CLASS)
  FAIL_UNLESS(instance_of(v, n, p->v[k]), "ClassConstraintComponent");
  EACH(P_DATATYPE)
  FAIL_IF(!datatype_ok(n, p->v[k]), "DatatypeConstraintComponent");
  EACH(P_NODEKIND)
  FAIL_IF(!node_kind_ok(n, p->v[k]), "NodeKindConstraintComponent");
  for (i = 0; i < 4; i++) {
    EACH(P_MINEX + i)
    {
      int c = kkachi__sh_compare(n, p->v[k]);
      FAIL_IF(c == 2 || !ranges[i].cmp_ok[c + 1], ranges[i].component);
    }
  }
  EACH(P_MINLEN)
  FAIL_IF(!string_of(n)
              || length_of(string_of(n)) < (size_t)integer_of(v, p->v[k]),
          "MinLengthConstraintComponent");
  EACH(P_MAXLEN)
  FAIL_IF(!string_of(n)
              || length_of(string_of(n)) > (size_t)integer_of(v, p->v[k]),
          "MaxLengthConstraintComponent");
  EACH(P_PATTERN)
  FAIL_UNLESS(pattern_ok(v, shape, n, p->v[k], flags),
              "PatternConstraintComponent");
  EACH(P_LANGIN)
  FAIL_UNLESS(language_in_ok(v, n, p->v[k]), "LanguageInConstraintComponent");
  EACH(P_IN)
  {
    kk_nodes list = { 0 };
    rc = kkachi__sh_list(v, v->shapes, p->v[k], &list);
    FAIL_IF(!kkachi__nodes_has(&list, n), "InConstraintComponent");
    kkachi__nodes_clear(&list);
  }
  EACH(P_NODE)
  FAIL_UNLESS(kkachi__sh_conforms(v, p->v[k], n), "NodeConstraintComponent");
  EACH(P_NOT)
  {
    int c = kkachi__sh_conforms(v, p->v[k], n);
    if (c < 0)
      rc = c;
    FAIL_IF(c == 1, "NotConstraintComponent");
  }
  EACH(P_AND)
  {
    size_t count;
    int all = count_conforming(v, p->v[k], n, &count);
    if (all < 0)
      rc = all;
    FAIL_IF(count != (size_t)all, "AndConstraintComponent");
  }
  EACH(P_OR)
  {
    size_t count;
    int all = count_conforming(v, p->v[k], n, &count);
    if (all < 0)
      rc = all;
    FAIL_IF(count == 0, "OrConstraintComponent");
  }
  EACH(P_XONE)
  {
    size_t count;
    int all = count_conforming(v, p->v[k], n, &count);
    if (all < 0)
      rc = all;
    FAIL_IF(count != 1, "XoneConstraintComponent");
  }
#undef EACH
#undef FAIL_IF
#undef FAIL_UNLESS
  return rc;
}

/* ---- components on the set of value nodes ---- */

static int
count_checks(kk_shacl *v, librdf_node *shape, librdf_node *focus,
             const kk_nodes *values)
{
  librdf_node *min = kkachi__sh_one(v, v->shapes, shape, SH "minCount");
  librdf_node *max = kkachi__sh_one(v, v->shapes, shape, SH "maxCount");
  int rc = 0;
  if (min && values->n < (size_t)integer_of(v, min))
    rc = kkachi__sh_result(v, focus, shape, NULL,
                           "MinCountConstraintComponent");
  if (!rc && max && integer_of(v, max) >= 0
      && values->n > (size_t)integer_of(v, max))
    rc = kkachi__sh_result(v, focus, shape, NULL,
                           "MaxCountConstraintComponent");
  if (min)
    librdf_free_node(min);
  if (max)
    librdf_free_node(max);
  return rc;
}

static int
unique_lang(kk_shacl *v, librdf_node *shape, librdf_node *focus,
            const kk_nodes *values)
{
  librdf_node *u = kkachi__sh_one(v, v->shapes, shape, SH "uniqueLang");
  size_t i, j;
  int rc = 0;
  if (!u)
    return 0;
  if (is_true(u))
    for (i = 0; i < values->n && !rc; i++) {
      const char *a
          = librdf_node_is_literal(values->v[i])
                ? librdf_node_get_literal_value_language(values->v[i])
                : NULL;
      int dup = 0, earlier = 0;
      if (!a || !*a)
        continue;
      for (j = 0; j < values->n; j++) {
        const char *b
            = librdf_node_is_literal(values->v[j])
                  ? librdf_node_get_literal_value_language(values->v[j])
                  : NULL;
        if (j != i && b && !strcasecmp(a, b)) {
          dup = 1;
          if (j < i)
            earlier = 1;
        }
      }
      if (dup && !earlier) /* one result per language */
        rc = kkachi__sh_result(v, focus, shape, NULL,
                               "UniqueLangConstraintComponent");
    }
  librdf_free_node(u);
  return rc;
}

/* equals, disjoint, lessThan, lessThanOrEquals: the values against those
 * of a property of the focus node. */
static int
pair_checks(kk_shacl *v, librdf_node *shape, librdf_node *focus,
            const kk_nodes *values)
{
  static const char *const params[]
      = { SH "equals", SH "disjoint", SH "lessThan", SH "lessThanOrEquals" };
  static const char *const comps[]
      = { "EqualsConstraintComponent", "DisjointConstraintComponent",
          "LessThanConstraintComponent",
          "LessThanOrEqualsConstraintComponent" };
  size_t i, a, b;
  int rc = 0;

  for (i = 0; i < 4 && !rc; i++) {
    kk_nodes props = { 0 }, other = { 0 };
    size_t k;
    rc = kkachi__sh_objects(v, v->shapes, shape, params[i], &props);
    for (k = 0; k < props.n && !rc; k++) {
      kkachi__nodes_clear(&other);
      rc = kkachi__sh_objects(
          v, v->data, focus,
          (const char *)librdf_uri_as_string(librdf_node_get_uri(props.v[k])),
          &other);
      for (a = 0; a < values->n && !rc; a++) {
        librdf_node *x = values->v[a];
        if (i == 0 && !kkachi__nodes_has(&other, x))
          rc = kkachi__sh_result(v, focus, shape, x, comps[i]);
        else if (i == 1 && kkachi__nodes_has(&other, x))
          rc = kkachi__sh_result(v, focus, shape, x, comps[i]);
        for (b = 0; i >= 2 && b < other.n && !rc; b++) {
          int c = kkachi__sh_compare(x, other.v[b]);
          if (c == 2 || c > 0 || (i == 2 && c == 0))
            rc = kkachi__sh_result(v, focus, shape, x, comps[i]);
        }
      }
      for (b = 0; i == 0 && b < other.n && !rc; b++)
        if (!kkachi__nodes_has(values, other.v[b]))
          rc = kkachi__sh_result(v, focus, shape, other.v[b], comps[i]);
    }
    kkachi__nodes_clear(&props);
    kkachi__nodes_clear(&other);
  }
  return rc;
}

static int
has_value(kk_shacl *v, librdf_node *shape, librdf_node *focus,
          const kk_nodes *values)
{
  kk_nodes want = { 0 };
  size_t k;
  int rc = kkachi__sh_objects(v, v->shapes, shape, SH "hasValue", &want);
  for (k = 0; k < want.n && !rc; k++)
    if (!kkachi__nodes_has(values, want.v[k]))
      rc = kkachi__sh_result(v, focus, shape, NULL,
                             "HasValueConstraintComponent");
  kkachi__nodes_clear(&want);
  return rc;
}

/* The qualified value shapes of the siblings of shape: those of the other
 * property shapes of every shape that has shape as a property. */
static int
siblings(kk_shacl *v, librdf_node *shape, kk_nodes *out)
{
  kk_nodes parents = { 0 }, props = { 0 };
  size_t i, j;
  int rc = kkachi__sh_subjects(v, v->shapes, SH "property", shape, &parents);
  for (i = 0; i < parents.n && !rc; i++) {
    kkachi__nodes_clear(&props);
    rc = kkachi__sh_objects(v, v->shapes, parents.v[i], SH "property", &props);
    for (j = 0; j < props.n && !rc; j++)
      if (!librdf_node_equals(props.v[j], shape))
        rc = kkachi__sh_objects(v, v->shapes, props.v[j],
                                SH "qualifiedValueShape", out);
  }
  kkachi__nodes_clear(&parents);
  kkachi__nodes_clear(&props);
  return rc;
}

static int
qualified(kk_shacl *v, librdf_node *shape, librdf_node *focus,
          const kk_nodes *values)
{
  librdf_node *q
      = kkachi__sh_one(v, v->shapes, shape, SH "qualifiedValueShape");
  librdf_node *min = NULL, *max = NULL, *dis = NULL;
  kk_nodes sib = { 0 };
  size_t i, j, count = 0;
  int rc = 0;

  if (!q)
    return 0;
  min = kkachi__sh_one(v, v->shapes, shape, SH "qualifiedMinCount");
  max = kkachi__sh_one(v, v->shapes, shape, SH "qualifiedMaxCount");
  dis = kkachi__sh_one(v, v->shapes, shape, SH "qualifiedValueShapesDisjoint");
  if (is_true(dis))
    rc = siblings(v, shape, &sib);
  for (i = 0; i < values->n && !rc; i++) {
    int c = kkachi__sh_conforms(v, q, values->v[i]);
    for (j = 0; c == 1 && j < sib.n; j++) {
      int s = kkachi__sh_conforms(v, sib.v[j], values->v[i]);
      if (s < 0)
        c = s;
      else if (s == 1)
        c = 0;
    }
    if (c < 0)
      rc = c;
    else
      count += (size_t)c;
  }
  if (!rc && min && count < (size_t)integer_of(v, min))
    rc = kkachi__sh_result(v, focus, shape, NULL,
                           "QualifiedMinCountConstraintComponent");
  if (!rc && max && count > (size_t)integer_of(v, max))
    rc = kkachi__sh_result(v, focus, shape, NULL,
                           "QualifiedMaxCountConstraintComponent");
  librdf_node *all[4] = { q, min, max, dis };
  for (i = 0; i < 4; i++)
    if (all[i])
      librdf_free_node(all[i]);
  kkachi__nodes_clear(&sib);
  return rc;
}

/* sh:closed: the focus node's properties must be among the paths of the
 * shape's property shapes and the ignored ones. */
static int
closed(kk_shacl *v, librdf_node *shape, librdf_node *focus,
       const kk_nodes *values)
{
  librdf_node *c = kkachi__sh_one(v, v->shapes, shape, SH "closed");
  librdf_node *ign = NULL;
  kk_nodes allowed = { 0 }, props = { 0 };
  librdf_stream *st = NULL;
  size_t i, k;
  int rc = 0;

  if (!is_true(c))
    goto done;
  rc = kkachi__sh_objects(v, v->shapes, shape, SH "property", &props);
  for (i = 0; i < props.n && !rc; i++) {
    librdf_node *p = kkachi__sh_one(v, v->shapes, props.v[i], SH "path");
    if (p && librdf_node_is_resource(p))
      rc = kkachi__nodes_add(&allowed, p);
    if (p)
      librdf_free_node(p);
  }
  if (!rc
      && (ign = kkachi__sh_one(v, v->shapes, shape, SH "ignoredProperties")))
    rc = kkachi__sh_list(v, v->shapes, ign, &allowed);
  for (k = 0; k < values->n && !rc; k++) {
    librdf_statement *pat = librdf_new_statement_from_nodes(
        v->w, librdf_new_node_from_node(values->v[k]), NULL, NULL);
    if (!pat) {
      rc = KKACHI_ENOMEM;
      break;
    }
    st = librdf_model_find_statements(v->data, pat);
    while (st && !rc && !librdf_stream_end(st)) {
      librdf_statement *t = librdf_stream_get_object(st);
      librdf_node *p = librdf_statement_get_predicate(t);
      if (!kkachi__nodes_has(&allowed, p)) {
        rc = kkachi__sh_result(v, focus, shape, librdf_statement_get_object(t),
                               "ClosedConstraintComponent");
        if (!rc) { /* the result's path is the property itself */
          kk_result *x = &v->out->v[v->out->n - 1];
          if (x->path)
            librdf_free_node(x->path);
          x->path = librdf_new_node_from_node(p);
        }
      }
      librdf_stream_next(st);
    }
    if (st)
      librdf_free_stream(st);
    st = NULL;
    librdf_free_statement(pat);
  }
done:
  if (c)
    librdf_free_node(c);
  if (ign)
    librdf_free_node(ign);
  kkachi__nodes_clear(&allowed);
  kkachi__nodes_clear(&props);
  return rc;
}

/* ---- shapes ---- */

int
kkachi__sh_validate_shape(kk_shacl *v, librdf_node *shape, librdf_node *focus)
{
  librdf_node *path, *deact;
  kk_nodes values = { 0 }, props = { 0 }, params[NPARAMS];
  size_t i, k;
  int rc = 0;

  for (i = 0; i < (size_t)v->depth; i++)
    if (librdf_node_equals(v->stack[i][0], shape)
        && librdf_node_equals(v->stack[i][1], focus)) {
      /* a shape that needs itself for the same node (sh:node, sh:and,
       * ... back to itself): recursive shapes are not defined by SHACL,
       * and following them would not end */
      v->failure = 1;
      return KKACHI_ESYNTAX;
    }
  if (v->depth >= KK_SHACL_MAX_DEPTH) {
    v->failure = 1;
    return KKACHI_ESYNTAX;
  }
  memset(params, 0, sizeof params);
  v->stack[v->depth][0] = shape;
  v->stack[v->depth][1] = focus;
  v->depth++;
  deact = kkachi__sh_one(v, v->shapes, shape, SH "deactivated");
  if (is_true(deact))
    goto done;
  path = kkachi__sh_one(v, v->shapes, shape, SH "path");
  if (path) {
    rc = kkachi__sh_path(v, path, focus, &values);
    librdf_free_node(path);
    if (!rc)
      rc = count_checks(v, shape, focus, &values);
    if (!rc)
      rc = unique_lang(v, shape, focus, &values);
    if (!rc)
      rc = qualified(v, shape, focus, &values);
  } else
    rc = kkachi__nodes_add(&values, focus);
  if (!rc)
    rc = pair_checks(v, shape, focus, &values);
  if (!rc)
    rc = has_value(v, shape, focus, &values);
  if (!rc)
    rc = closed(v, shape, focus, &values);
  if (!rc && (rc = read_params(v, shape, params)) > 0)
    for (rc = 0, i = 0; i < values.n && !rc; i++)
      rc = value_checks(v, shape, focus, values.v[i], params);
  if (!rc)
    rc = kkachi__sh_objects(v, v->shapes, shape, SH "property", &props);
  for (k = 0; k < props.n && !rc; k++)
    for (i = 0; i < values.n && !rc; i++)
      rc = kkachi__sh_validate_shape(v, props.v[k], values.v[i]);
done:
  if (deact)
    librdf_free_node(deact);
  clear_params(params);
  kkachi__nodes_clear(&values);
  kkachi__nodes_clear(&props);
  v->depth--;
  return rc;
}

int
kkachi__sh_conforms(kk_shacl *v, librdf_node *shape, librdf_node *node)
{
  kk_results tmp = { 0 }, *saved = v->out;
  int rc;
  v->out = &tmp;
  rc = kkachi__sh_validate_shape(v, shape, node);
  v->out = saved;
  if (!rc)
    rc = tmp.n == 0;
  kkachi__results_clear(&tmp);
  return rc;
}
