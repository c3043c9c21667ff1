/* shacl_nodes.c: node sets and graph look-ups for the SHACL validator. */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "iri.h"
#include "shacl.h"
#include "strmap.h"

#define KK_NODES_INDEX_AT 32

/* The index key of a node, made without raptor's escaping writer (which
 * cost most of the time of a path walk): its kind, then its parts, each
 * but the last after its length. In small when it fits, else allocated;
 * NULL when out of memory. */
static char *
key_of(librdf_node *node, char *small, size_t cap, size_t *klen)
{
  const unsigned char *part[3] = { NULL, NULL, NULL };
  size_t len[3] = { 0, 0, 0 }, need, i;
  char kind = '?', *out, *w;

  if (node->type == RAPTOR_TERM_TYPE_URI) {
    kind = 'I';
    part[0] = raptor_uri_as_counted_string(node->value.uri, &len[0]);
  } else if (node->type == RAPTOR_TERM_TYPE_BLANK) {
    kind = 'B';
    part[0] = node->value.blank.string;
    len[0] = node->value.blank.string_len;
  } else if (node->type == RAPTOR_TERM_TYPE_LITERAL) {
    kind = 'L';
    part[0] = node->value.literal.string;
    len[0] = node->value.literal.string_len;
    part[1] = node->value.literal.language;
    len[1] = node->value.literal.language_len;
    if (node->value.literal.datatype)
      part[2] = raptor_uri_as_counted_string(node->value.literal.datatype,
                                             &len[2]);
  }
  need = 1 + 2 * 24 + len[0] + len[1] + len[2];
  if (!(out = need <= cap ? small : kkachi__malloc(need)))
    return NULL;
  w = out;
  *w++ = kind;
  for (i = 0; i < 3; i++) {
    if (i < 2)
      w += snprintf(w, 24, "%zu:", len[i]);
    if (len[i])
      memcpy(w, part[i], len[i]);
    w += len[i];
  }
  *klen = (size_t)(w - out);
  return out;
}

#define KEY_SMALL 256

static int
index_node(kk_nodes *s, librdf_node *node)
{
  char small[KEY_SMALL], *k;
  size_t n;
  int rc;
  if (!(k = key_of(node, small, sizeof small, &n)))
    return KKACHI_ENOMEM;
  rc = kkachi__strmap_put(s->idx, k, n, node);
  if (k != small)
    kkachi__free(k);
  return rc;
}

int
kkachi__nodes_has(const kk_nodes *s, librdf_node *node)
{
  size_t i;
  if (s->idx) {
    char small[KEY_SMALL], *k;
    size_t n;
    int found;
    if (!(k = key_of(node, small, sizeof small, &n)))
      return 0;
    found = kkachi__strmap_get(s->idx, k, n) != NULL;
    if (k != small)
      kkachi__free(k);
    return found;
  }
  for (i = 0; i < s->n; i++)
    if (librdf_node_equals(s->v[i], node))
      return 1;
  return 0;
}

int
kkachi__nodes_insert(kk_nodes *s, librdf_node *node)
{
  int rc;
  if (kkachi__nodes_has(s, node))
    return 0;
  rc = kkachi__nodes_push(s, node);
  return rc ? rc : 1;
}

int
kkachi__nodes_add(kk_nodes *s, librdf_node *node)
{
  int rc = kkachi__nodes_insert(s, node);
  return rc < 0 ? rc : 0;
}

int
kkachi__nodes_push(kk_nodes *s, librdf_node *node)
{
  librdf_node *copy;
  if (s->n == s->cap) {
    size_t cap = s->cap ? s->cap * 2 : 8;
    librdf_node **p = kkachi__realloc(s->v, cap * sizeof *p);
    if (!p)
      return KKACHI_ENOMEM;
    s->v = p;
    s->cap = cap;
  }
  if (!(copy = librdf_new_node_from_node(node)))
    return KKACHI_ENOMEM;
  s->v[s->n++] = copy;
  if (!s->idx && s->n > KK_NODES_INDEX_AT) {
    size_t i;
    if (kkachi__strmap_new(&s->idx))
      return KKACHI_ENOMEM;
    for (i = 0; i < s->n; i++)
      if (index_node(s, s->v[i]))
        return KKACHI_ENOMEM;
    return 0;
  }
  return s->idx ? index_node(s, copy) : 0;
}

void
kkachi__nodes_clear(kk_nodes *s)
{
  size_t i;
  for (i = 0; i < s->n; i++)
    librdf_free_node(s->v[i]);
  kkachi__free(s->v);
  kkachi__strmap_free(s->idx);
  memset(s, 0, sizeof *s);
}

librdf_node *
kkachi__sh_iri(kk_shacl *v, const char *iri)
{
  return librdf_new_node_from_uri_string(v->w, (const unsigned char *)iri);
}

int
kkachi__sh_is(librdf_node *node, const char *iri)
{
  librdf_uri *u;
  if (!node || !librdf_node_is_resource(node))
    return 0;
  u = librdf_node_get_uri(node);
  return u && !strcmp((const char *)librdf_uri_as_string(u), iri);
}

int
kkachi__nodes_collect(librdf_iterator *it, kk_nodes *out)
{
  int rc = 0;
  if (!it)
    return KKACHI_ERDF;
  while (!rc && !librdf_iterator_end(it)) {
    rc = kkachi__nodes_add(out, librdf_iterator_get_object(it));
    librdf_iterator_next(it);
  }
  librdf_free_iterator(it);
  return rc;
}

int
kkachi__sh_objects(kk_shacl *v, librdf_model *m, librdf_node *s, const char *p,
                   kk_nodes *out)
{
  librdf_node *pn = kkachi__sh_iri(v, p);
  librdf_iterator *it;
  if (!pn)
    return KKACHI_ENOMEM;
  it = librdf_model_get_targets(m, s, pn);
  librdf_free_node(pn);
  return kkachi__nodes_collect(it, out);
}

int
kkachi__sh_subjects(kk_shacl *v, librdf_model *m, const char *p,
                    librdf_node *o, kk_nodes *out)
{
  librdf_node *pn = kkachi__sh_iri(v, p);
  librdf_iterator *it;
  if (!pn)
    return KKACHI_ENOMEM;
  it = librdf_model_get_sources(m, pn, o);
  librdf_free_node(pn);
  return kkachi__nodes_collect(it, out);
}

int
kkachi__sh_add(kk_shacl *v, librdf_model *m, librdf_node *s, const char *p,
               librdf_node *o)
{
  librdf_node *pn = kkachi__sh_iri(v, p);
  librdf_node *sc = s ? librdf_new_node_from_node(s) : NULL;
  if (!pn || !sc || !o) {
    if (pn)
      librdf_free_node(pn);
    if (sc)
      librdf_free_node(sc);
    if (o)
      librdf_free_node(o);
    return KKACHI_ENOMEM;
  }
  return librdf_model_add(m, sc, pn, o) ? KKACHI_ERDF : 0;
}

librdf_node *
kkachi__sh_one(kk_shacl *v, librdf_model *m, librdf_node *s, const char *p)
{
  librdf_node *pn = kkachi__sh_iri(v, p), *o = NULL;
  if (!pn)
    return NULL;
  o = librdf_model_get_target(m, s, pn); /* a new node, or NULL */
  librdf_free_node(pn);
  return o;
}

int
kkachi__sh_list(kk_shacl *v, librdf_model *m, librdf_node *head, kk_nodes *out)
{
  librdf_node *cur = librdf_new_node_from_node(head);
  int rc = 0, guard = 0;
  while (cur && !rc && !kkachi__sh_is(cur, NS_RDF "nil")) {
    librdf_node *first = kkachi__sh_one(v, m, cur, NS_RDF "first");
    librdf_node *rest = kkachi__sh_one(v, m, cur, NS_RDF "rest");
    if (!first || !rest || ++guard > 100000) {
      v->failure = 1; /* not a well-formed list */
      rc = KKACHI_ESYNTAX;
    } else {
      /* a list may name a member twice: sh:xone ( ex:s ex:s ), a
       * sequence path ( _:p _:p ) */
      rc = kkachi__nodes_push(out, first);
    }
    if (first)
      librdf_free_node(first);
    librdf_free_node(cur);
    cur = rest;
  }
  if (cur)
    librdf_free_node(cur);
  return rc;
}

void
kkachi__results_clear(kk_results *r)
{
  size_t i;
  for (i = 0; i < r->n; i++) {
    kk_result *x = &r->v[i];
    librdf_node *n[5] = { x->focus, x->path, x->value, x->shape, x->severity };
    size_t k;
    for (k = 0; k < 5; k++)
      if (n[k])
        librdf_free_node(n[k]);
  }
  kkachi__free(r->v);
  memset(r, 0, sizeof *r);
}
