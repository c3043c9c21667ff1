/* shacl_path.c: SHACL property paths: predicate, inverse, sequence,
 * alternative, zero-or-more, one-or-more, zero-or-one. */
#include <string.h>

#include "iri.h"
#include "shacl.h"

static int eval(kk_shacl *v, librdf_node *path, const kk_nodes *from,
                int forward, kk_nodes *out, int depth);

/* One step along a predicate, forward or backward, from every node. */
static int
step(kk_shacl *v, librdf_node *pred, const kk_nodes *from, int forward,
     kk_nodes *out)
{
  size_t i;
  int rc = 0;
  for (i = 0; i < from->n && !rc; i++) {
    librdf_iterator *it
        = forward ? librdf_model_get_targets(v->data, from->v[i], pred)
                  : librdf_model_get_sources(v->data, pred, from->v[i]);
    rc = kkachi__nodes_collect(it, out);
  }
  return rc;
}

/* The closure of path from the nodes: reflexive when with_self. A
 * breadth-first walk with its own set of the nodes it has met, so that
 * each is expanded once however many cycles lead back to it, and nodes
 * out already holds (from another alternative) are still walked from. */
static int
closure(kk_shacl *v, librdf_node *path, const kk_nodes *from, int forward,
        int with_self, kk_nodes *out, int depth)
{
  kk_nodes seen = { 0 }, frontier = { 0 }, next = { 0 };
  size_t i;
  int rc = 0;

  for (i = 0; i < from->n && rc >= 0; i++) {
    if (with_self)
      rc = kkachi__nodes_add(out, from->v[i]);
    if (rc >= 0 && (rc = kkachi__nodes_insert(&seen, from->v[i])) == 1)
      rc = kkachi__nodes_push(&frontier, from->v[i]);
  }
  while (rc >= 0 && frontier.n) {
    rc = eval(v, path, &frontier, forward, &next, depth + 1);
    kkachi__nodes_clear(&frontier);
    for (i = 0; i < next.n && rc >= 0; i++) {
      rc = kkachi__nodes_add(out, next.v[i]);
      if (rc >= 0 && (rc = kkachi__nodes_insert(&seen, next.v[i])) == 1)
        rc = kkachi__nodes_push(&frontier, next.v[i]);
    }
    kkachi__nodes_clear(&next);
  }
  kkachi__nodes_clear(&seen);
  kkachi__nodes_clear(&frontier);
  kkachi__nodes_clear(&next);
  return rc < 0 ? rc : 0;
}

static int
sequence(kk_shacl *v, const kk_nodes *members, const kk_nodes *from,
         int forward, kk_nodes *out, int depth)
{
  kk_nodes cur = { 0 }, next = { 0 };
  size_t i, k;
  int rc = 0;

  for (i = 0; i < from->n && !rc; i++)
    rc = kkachi__nodes_add(&cur, from->v[i]);
  for (k = 0; k < members->n && !rc; k++) {
    size_t m = forward ? k : members->n - 1 - k;
    rc = eval(v, members->v[m], &cur, forward, &next, depth + 1);
    kkachi__nodes_clear(&cur);
    cur = next;
    memset(&next, 0, sizeof next);
  }
  for (i = 0; i < cur.n && !rc; i++)
    rc = kkachi__nodes_add(out, cur.v[i]);
  kkachi__nodes_clear(&cur);
  return rc;
}

static int
eval(kk_shacl *v, librdf_node *path, const kk_nodes *from, int forward,
     kk_nodes *out, int depth)
{
  kk_nodes list = { 0 };
  librdf_node *inner;
  int rc = 0;

  if (depth > KK_SHACL_MAX_DEPTH) {
    v->failure = 1;
    return KKACHI_ESYNTAX;
  }
  if (librdf_node_is_resource(path))
    return step(v, path, from, forward, out);
  if (!librdf_node_is_blank(path)) {
    v->failure = 1;
    return KKACHI_ESYNTAX;
  }
  if ((inner = kkachi__sh_one(v, v->shapes, path, NS_RDF "first"))) {
    librdf_free_node(inner);
    inner = NULL;
    rc = kkachi__sh_list(v, v->shapes, path, &list);
    if (!rc)
      rc = sequence(v, &list, from, forward, out, depth);
  } else if ((inner = kkachi__sh_one(v, v->shapes, path, SH "inversePath"))) {
    rc = eval(v, inner, from, !forward, out, depth + 1);
  } else if ((inner
              = kkachi__sh_one(v, v->shapes, path, SH "alternativePath"))) {
    size_t i;
    rc = kkachi__sh_list(v, v->shapes, inner, &list);
    for (i = 0; i < list.n && !rc; i++)
      rc = eval(v, list.v[i], from, forward, out, depth + 1);
  } else if ((inner = kkachi__sh_one(v, v->shapes, path, SH "zeroOrMorePath")))
    rc = closure(v, inner, from, forward, 1, out, depth);
  else if ((inner = kkachi__sh_one(v, v->shapes, path, SH "oneOrMorePath")))
    rc = closure(v, inner, from, forward, 0, out, depth);
  else if ((inner = kkachi__sh_one(v, v->shapes, path, SH "zeroOrOnePath"))) {
    size_t i;
    for (i = 0; i < from->n && !rc; i++)
      rc = kkachi__nodes_add(out, from->v[i]);
    if (!rc)
      rc = eval(v, inner, from, forward, out, depth + 1);
  } else {
    v->failure = 1;
    rc = KKACHI_ESYNTAX;
  }
  if (inner)
    librdf_free_node(inner);
  kkachi__nodes_clear(&list);
  return rc;
}

int
kkachi__sh_path(kk_shacl *v, librdf_node *path, librdf_node *focus,
                kk_nodes *out)
{
  kk_nodes from = { 0 };
  int rc = kkachi__nodes_add(&from, focus);
  if (!rc)
    rc = eval(v, path, &from, 1, out, 0);
  kkachi__nodes_clear(&from);
  return rc;
}
