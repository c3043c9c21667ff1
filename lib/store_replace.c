/* store_replace.c: new versions of named graphs put into a store by
 * difference: statements the store holds already stay, new ones are
 * added, and those a new version lacks are removed when it is complete.
 * Putting the same graphs again writes nothing.
 *
 * Statements are known by the MD5 of their graph and their encoding: 16
 * bytes each, however long the literals, for all the graphs of a load,
 * whose statements may come in any order.
 *
 * New statements are added in batches sorted by subject and predicate,
 * the key of the Berkeley DB store's largest index: its pages (a cache of
 * 256 KiB, which Redland gives no way to enlarge) are then read and
 * written once a batch instead of about once a statement. A fresh load of
 * 128k quads makes 228k page reads and writes instead of 553k. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "store.h"
#include "strmap.h"

enum { HELD = 1, NEW = 2 }; /* in the store before; in the new version */

/* Statements added at once: 16k make most of the gain of sorting a whole
 * load (228k page reads and writes instead of 213k), in a few MiB. */
#define KK_ADD_BATCH 16384

typedef struct dslot {
  uint64_t a, b;  /* the digest */
  unsigned flags; /* 0: an empty slot */
} dslot;

typedef struct graph_state {
  librdf_node *graph; /* a copy */
  unsigned char *enc; /* its encoding, hashed with its statements */
  size_t enclen;
  size_t held, kept; /* statements it held; of those, in the new version */
} graph_state;

/* A statement waiting to be added, and where its sort key is. */
typedef struct pending {
  librdf_statement *st; /* owned */
  graph_state *g;
  size_t off, len; /* in the replacer's keys */
  const unsigned char *key;
} pending;

struct kk_replacer {
  kkachi_store *s;
  librdf_digest *md5;
  dslot *slots; /* open addressing, a power of two */
  size_t cap, size;
  kk_strmap *names; /* graph name -> graph_state */
  graph_state **graphs;
  size_t ngraphs, capgraphs;
  graph_state *cur;
  unsigned char *buf; /* scratch for encoding */
  size_t bufcap;
  pending *pend; /* new statements, not added yet */
  size_t npend, cappend;
  kk_buf keys; /* their subjects and predicates, encoded */
};

static dslot *
find(const kk_replacer *r, uint64_t a, uint64_t b)
{
  size_t i = (size_t)a & (r->cap - 1);
  while (r->slots[i].flags && (r->slots[i].a != a || r->slots[i].b != b))
    i = (i + 1) & (r->cap - 1);
  return &r->slots[i];
}

static int
grow(kk_replacer *r)
{
  size_t i, old_cap = r->cap;
  dslot *old = r->slots;
  r->cap = old_cap ? old_cap * 2 : 1024;
  if (!(r->slots = kkachi__calloc(r->cap, sizeof *r->slots))) {
    r->slots = old;
    r->cap = old_cap;
    return KKACHI_ENOMEM;
  }
  for (i = 0; i < old_cap; i++)
    if (old[i].flags)
      *find(r, old[i].a, old[i].b) = old[i];
  kkachi__free(old);
  return 0;
}

/* The slot of a statement of g (flags 0 when it is new to the load). */
static int
slot_of(kk_replacer *r, graph_state *g, librdf_statement *st, dslot **out)
{
  size_t n = librdf_statement_encode2(r->s->world, st, NULL, 0);
  const unsigned char *d;
  uint64_t a, b;

  if (!n)
    return KKACHI_ERDF;
  if (n > r->bufcap) {
    unsigned char *p = kkachi__realloc(r->buf, n);
    if (!p)
      return KKACHI_ENOMEM;
    r->buf = p;
    r->bufcap = n;
  }
  if (librdf_statement_encode2(r->s->world, st, r->buf, n) != n)
    return KKACHI_ERDF;
  librdf_digest_init(r->md5);
  librdf_digest_update(r->md5, g->enc, g->enclen);
  librdf_digest_update(r->md5, r->buf, n);
  librdf_digest_final(r->md5);
  d = librdf_digest_get_digest(r->md5);
  memcpy(&a, d, sizeof a);
  memcpy(&b, d + sizeof a, sizeof b);
  if ((r->size + 1) * 4 > r->cap * 3 && grow(r))
    return KKACHI_ENOMEM;
  *out = find(r, a, b);
  if (!(*out)->flags) {
    (*out)->a = a;
    (*out)->b = b;
  }
  return 0;
}

/* Marks the statements the store holds in g. */
static int
read_held(kk_replacer *r, graph_state *g)
{
  librdf_stream *st = librdf_model_context_as_stream(r->s->model, g->graph);
  int rc = st ? 0 : KKACHI_ERDF;
  dslot *d;

  for (; !rc && !librdf_stream_end(st); librdf_stream_next(st)) {
    if (!(rc = slot_of(r, g, librdf_stream_get_object(st), &d)) && !d->flags) {
      d->flags = HELD;
      r->size++;
      g->held++;
    }
  }
  if (st)
    librdf_free_stream(st);
  return rc;
}

static int
new_graph(kk_replacer *r, librdf_node *node, graph_state **out)
{
  graph_state *g = kkachi__calloc(1, sizeof *g);
  size_t n = librdf_node_encode(node, NULL, 0);
  int rc;

  *out = NULL;
  if (!g)
    return KKACHI_ENOMEM;
  if (r->ngraphs == r->capgraphs) {
    size_t cap = r->capgraphs ? r->capgraphs * 2 : 64;
    graph_state **p = kkachi__realloc(r->graphs, cap * sizeof *p);
    if (!p) {
      kkachi__free(g);
      return KKACHI_ENOMEM;
    }
    r->graphs = p;
    r->capgraphs = cap;
  }
  r->graphs[r->ngraphs++] = g; /* freed with the replacer from here on */
  if (!n || !(g->enc = kkachi__malloc(n))
      || !(g->graph = librdf_new_node_from_node(node)))
    return KKACHI_ENOMEM;
  g->enclen = librdf_node_encode(node, g->enc, n);
  if (!(rc = read_held(r, g)))
    *out = g;
  return rc;
}

int
kkachi__replacer_graph(kk_replacer *r, librdf_node *node, int *fresh)
{
  unsigned char *k;
  size_t n;
  int rc = 0;

  *fresh = 0;
  if (r->cur && raptor_term_equals(r->cur->graph, node))
    return 0;
  if (!(k = raptor_term_to_counted_string(node, &n)))
    return KKACHI_ENOMEM;
  r->cur = kkachi__strmap_get(r->names, (const char *)k, n);
  if (!r->cur) {
    *fresh = 1;
    rc = new_graph(r, node, &r->cur);
    if (!rc && (rc = kkachi__strmap_put(r->names, (const char *)k, n, r->cur)))
      r->cur = NULL;
  }
  raptor_free_memory(k);
  return rc;
}

/* A statement of its own: copying a storage's statement may only count
 * one more user of it, and the storage reuses it for the next. */
static librdf_statement *
copy_statement(kk_replacer *r, librdf_statement *st)
{
  librdf_node *s = librdf_new_node_from_node(librdf_statement_get_subject(st));
  librdf_node *p
      = librdf_new_node_from_node(librdf_statement_get_predicate(st));
  librdf_node *o = librdf_new_node_from_node(librdf_statement_get_object(st));
  if (s && p && o) /* the statement owns them, or frees them on failure */
    return librdf_new_statement_from_nodes(r->s->world, s, p, o);
  if (s)
    librdf_free_node(s);
  if (p)
    librdf_free_node(p);
  if (o)
    librdf_free_node(o);
  return NULL;
}

/* Orders as Berkeley DB does: bytes, then length. */
static int
cmp_pending(const void *a, const void *b)
{
  const pending *x = a, *y = b;
  int c = memcmp(x->key, y->key, x->len < y->len ? x->len : y->len);
  return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* Adds the pending statements to the store, sorted. */
static int
flush(kk_replacer *r)
{
  size_t i;
  int rc = 0;

  for (i = 0; i < r->npend; i++)
    r->pend[i].key = (const unsigned char *)r->keys.data + r->pend[i].off;
  if (r->npend)
    qsort(r->pend, r->npend, sizeof *r->pend, cmp_pending);
  for (i = 0; i < r->npend; i++) {
    /* copies the statement */
    if (!rc
        && librdf_model_context_add_statement(r->s->model, r->pend[i].g->graph,
                                              r->pend[i].st))
      rc = KKACHI_ERDF;
    else if (!rc)
      r->s->added++;
    librdf_free_statement(r->pend[i].st);
  }
  r->npend = 0;
  kkachi__buf_reset(&r->keys);
  return rc;
}

/* Keeps a copy of st to add, with its subject and predicate from the
 * encoding in r->buf (they begin it). */
static int
queue(kk_replacer *r, librdf_statement *st)
{
  pending *p;
  size_t n = librdf_statement_encode_parts2(r->s->world, st, NULL, NULL, 0,
                                            LIBRDF_STATEMENT_SUBJECT
                                                | LIBRDF_STATEMENT_PREDICATE);

  if (r->npend == r->cappend) { /* an article needs a few dozen */
    size_t cap = r->cappend ? r->cappend * 2 : 64;
    if (!(p = kkachi__realloc(r->pend, cap * sizeof *p)))
      return KKACHI_ENOMEM;
    r->pend = p;
    r->cappend = cap;
  }
  p = &r->pend[r->npend];
  p->g = r->cur;
  p->off = r->keys.len;
  p->len = n;
  if (kkachi__buf_append(&r->keys, (const char *)r->buf, n))
    return KKACHI_ENOMEM;
  if (!(p->st = copy_statement(r, st)))
    return KKACHI_ENOMEM;
  return ++r->npend == KK_ADD_BATCH ? flush(r) : 0;
}

int
kkachi__replacer_add(kk_replacer *r, librdf_statement *st)
{
  dslot *d;
  int rc = r->cur ? slot_of(r, r->cur, st, &d) : KKACHI_EINVAL;

  if (rc || (d->flags & NEW))
    return rc; /* a statement met twice is put once */
  if (d->flags & HELD)
    r->cur->kept++;
  else if ((rc = queue(r, st)))
    return rc;
  else
    r->size++;
  d->flags |= NEW;
  return 0;
}

/* Removes from g what the store held in it and the new version lacks. */
static int
remove_stale(kk_replacer *r, graph_state *g)
{
  librdf_stream *st = librdf_model_context_as_stream(r->s->model, g->graph);
  librdf_statement **stale = NULL;
  size_t n = 0, i, want = g->held - g->kept;
  int rc = st ? 0 : KKACHI_ERDF;
  dslot *d;

  if (!rc && !(stale = kkachi__calloc(want, sizeof *stale)))
    rc = KKACHI_ENOMEM;
  /* collected first: removing under the stream would disturb it */
  for (; !rc && n < want && !librdf_stream_end(st); librdf_stream_next(st)) {
    librdf_statement *x = librdf_stream_get_object(st);
    if ((rc = slot_of(r, g, x, &d)) || (d->flags & NEW))
      continue;
    if (!(stale[n++] = copy_statement(r, x)))
      rc = KKACHI_ENOMEM;
  }
  if (st)
    librdf_free_stream(st);
  for (i = 0; i < n; i++) {
    if (!rc && stale[i]
        && librdf_model_context_remove_statement(r->s->model, g->graph,
                                                 stale[i]))
      rc = KKACHI_ERDF;
    else if (!rc)
      r->s->removed++;
    if (stale[i])
      librdf_free_statement(stale[i]);
  }
  kkachi__free(stale);
  return rc;
}

int
kkachi__replacer_finish(kk_replacer *r)
{
  size_t i;
  int rc = flush(r);
  for (i = 0; i < r->ngraphs && !rc; i++)
    if (r->graphs[i]->kept < r->graphs[i]->held)
      rc = remove_stale(r, r->graphs[i]);
  return rc;
}

int
kkachi__replacer_new(kk_replacer **out, kkachi_store *s)
{
  kk_replacer *r = kkachi__calloc(1, sizeof *r);

  *out = NULL;
  if (!r)
    return KKACHI_ENOMEM;
  r->s = s;
  if (!(r->md5 = librdf_new_digest(s->world, "MD5"))) {
    kkachi__replacer_free(r);
    return KKACHI_ERDF;
  }
  if (kkachi__strmap_new(&r->names) || grow(r)) {
    kkachi__replacer_free(r);
    return KKACHI_ENOMEM;
  }
  *out = r;
  return 0;
}

void
kkachi__replacer_free(kk_replacer *r)
{
  size_t i;
  if (!r)
    return;
  for (i = 0; i < r->ngraphs; i++) {
    if (r->graphs[i]->graph)
      librdf_free_node(r->graphs[i]->graph);
    kkachi__free(r->graphs[i]->enc);
    kkachi__free(r->graphs[i]);
  }
  kkachi__free(r->graphs);
  for (i = 0; i < r->npend; i++)
    librdf_free_statement(r->pend[i].st);
  kkachi__free(r->pend);
  kkachi__buf_free(&r->keys);
  kkachi__strmap_free(r->names);
  kkachi__free(r->slots);
  kkachi__free(r->buf);
  if (r->md5)
    librdf_free_digest(r->md5);
  kkachi__free(r);
}
