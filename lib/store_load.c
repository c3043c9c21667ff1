/* store_load.c: named graphs into a store, each new version of a graph
 * replacing the old one by difference: statements the store holds already
 * stay, new ones are added, and those the new version lacks are removed.
 * Loading the same graphs again writes nothing. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "graph.h"
#include "store.h"
#include "strmap.h"

/* A statement the graph held before its new version was met. */
typedef struct held {
  librdf_statement *st; /* a copy; NULL once the new version has it too */
} held;

/* The new version of one graph, while its statements come in. */
typedef struct graph_run {
  kkachi_store *s;
  librdf_node *graph; /* a copy; NULL between runs */
  kk_strmap *keys;    /* encoded statement -> its held entry, or &met */
  held *old;          /* what the store held in the graph */
  size_t nold;
  unsigned char *key; /* scratch for encoding */
  size_t keycap;
} graph_run;

/* Marks statements that are in the store and in the new version. */
static held met;

/* The statement's bytes (Redland's own encoding) in r->key. */
static int
encode(graph_run *r, librdf_statement *st, size_t *len)
{
  size_t n = librdf_statement_encode2(r->s->world, st, NULL, 0);
  if (!n)
    return KKACHI_ERDF;
  if (n > r->keycap) {
    unsigned char *p = kkachi__realloc(r->key, n);
    if (!p)
      return KKACHI_ENOMEM;
    r->key = p;
    r->keycap = n;
  }
  *len = n;
  return librdf_statement_encode2(r->s->world, st, r->key, n) == n
             ? 0
             : KKACHI_ERDF;
}

/* Copies the statements the store holds in g into r->old. */
static int
read_graph(graph_run *r, librdf_node *g)
{
  librdf_stream *st = librdf_model_context_as_stream(r->s->model, g);
  size_t cap = 0;
  int rc = st ? 0 : KKACHI_ERDF;

  for (; !rc && !librdf_stream_end(st); librdf_stream_next(st)) {
    librdf_statement *x = librdf_stream_get_object(st);
    if (r->nold == cap) {
      held *p = kkachi__realloc(r->old, (cap ? cap * 2 : 64) * sizeof *p);
      if (!p) {
        rc = KKACHI_ENOMEM;
        break;
      }
      r->old = p;
      cap = cap ? cap * 2 : 64;
    }
    if (!x || !(r->old[r->nold].st = librdf_new_statement_from_statement(x)))
      rc = x ? KKACHI_ENOMEM : KKACHI_ERDF;
    else
      r->nold++;
  }
  if (st)
    librdf_free_stream(st);
  return rc;
}

/* Starts the new version of g. again: this load has already put g in
 * the store, and what it holds is part of the new version. */
static int
run_begin(graph_run *r, librdf_node *g, int again)
{
  size_t i, len;
  int rc;

  if (!(r->graph = librdf_new_node_from_node(g)))
    return KKACHI_ENOMEM;
  rc = read_graph(r, g);
  for (i = 0; !rc && i < r->nold; i++)
    if (!(rc = encode(r, r->old[i].st, &len)))
      rc = kkachi__strmap_put(r->keys, (const char *)r->key, len,
                              again ? &met : &r->old[i]);
  for (i = 0; again && i < r->nold; i++) {
    librdf_free_statement(r->old[i].st);
    r->old[i].st = NULL;
  }
  return rc;
}

/* One statement of the new version: added unless the store has it. */
static int
run_add(graph_run *r, librdf_statement *st)
{
  size_t len;
  held *h;
  int rc = encode(r, st, &len);

  if (rc)
    return rc;
  h = kkachi__strmap_get(r->keys, (const char *)r->key, len);
  if (h == &met || (h && !h->st))
    return 0; /* a duplicate */
  if (h) {
    librdf_free_statement(h->st);
    h->st = NULL;
    return 0;
  }
  /* copies st */
  if (librdf_model_context_add_statement(r->s->model, r->graph, st))
    return KKACHI_ERDF;
  r->s->added++;
  return kkachi__strmap_put(r->keys, (const char *)r->key, len, &met);
}

/* Ends the run: with commit, the statements the new version lacks are
 * removed from the store; without, the store keeps them. */
static int
run_end(graph_run *r, int commit)
{
  size_t i;
  int rc = 0;

  for (i = 0; i < r->nold; i++) {
    if (!r->old[i].st)
      continue;
    if (commit && !rc) {
      if (librdf_model_context_remove_statement(r->s->model, r->graph,
                                                r->old[i].st))
        rc = KKACHI_ERDF;
      else
        r->s->removed++;
    }
    librdf_free_statement(r->old[i].st);
  }
  kkachi__free(r->old);
  r->old = NULL;
  r->nold = 0;
  if (r->graph)
    librdf_free_node(r->graph);
  r->graph = NULL;
  kkachi__strmap_clear(r->keys);
  return rc;
}

static int
run_init(graph_run *r, kkachi_store *s)
{
  memset(r, 0, sizeof *r);
  r->s = s;
  return kkachi__strmap_new(&r->keys);
}

static void
run_free(graph_run *r)
{
  run_end(r, 0);
  kkachi__strmap_free(r->keys);
  kkachi__free(r->key);
}

typedef struct load_state {
  kkachi_store *s;
  const char *path;
  librdf_node *file_graph; /* for triples outside any graph */
  kk_strmap *seen;         /* names of the graphs this load has met */
  graph_run run;
  size_t graphs, triples;
  int rc;
} load_state;

/* Ends the current graph's run and begins g's. */
static int
switch_graph(load_state *ls, librdf_node *g)
{
  unsigned char *k;
  size_t n;
  int again, rc = run_end(&ls->run, 1);

  if (rc)
    return rc;
  if (!(k = raptor_term_to_counted_string(g, &n)))
    return KKACHI_ENOMEM;
  again = kkachi__strmap_get(ls->seen, (const char *)k, n) != NULL;
  if (!again) {
    rc = kkachi__strmap_put(ls->seen, (const char *)k, n, ls);
    ls->graphs++;
  }
  raptor_free_memory(k);
  return rc ? rc : run_begin(&ls->run, g, again);
}

static void
on_statement(void *user_data, raptor_statement *st)
{
  load_state *ls = user_data;
  raptor_statement t = *st;
  librdf_node *g = st->graph ? st->graph : ls->file_graph;
  if (ls->rc)
    return;
  t.graph = NULL;
  /* statements come in runs of one graph */
  if (!ls->run.graph || !raptor_term_equals(ls->run.graph, g))
    ls->rc = switch_graph(ls, g);
  if (!ls->rc)
    ls->rc = run_add(&ls->run, &t);
  ls->triples++;
}

static void
on_log(void *user_data, raptor_log_message *msg)
{
  load_state *ls = user_data;
  int line = msg->locator ? raptor_locator_line(msg->locator) : 0;
  int col = msg->locator ? raptor_locator_column(msg->locator) : 0;
  if (msg->level < RAPTOR_LOG_LEVEL_ERROR)
    return;
  if (!ls->rc)
    ls->rc = KKACHI_ESYNTAX;
  kkachi__log(&ls->s->engine->log, KKACHI_LOG_ERROR, ls->path,
              line > 0 ? (unsigned long)line : 0,
              col > 0 ? (unsigned long)col + 1 : 0, "%s", msg->text);
}

static const char *
syntax_of(const char *path)
{
  size_t n = strlen(path);
  if (n > 3 && !strcmp(path + n - 3, ".nq"))
    return "nquads";
  if (n > 5 && !strcmp(path + n - 5, ".trig"))
    return "trig";
  if (n > 3 && !strcmp(path + n - 3, ".nt"))
    return "ntriples";
  if (!strcmp(path, "-"))
    return "nquads"; /* what kkachi extract -f nquads writes */
  return "turtle";
}

/* Parses fp into the store, in one transaction where the storage has
 * them (SQLite: one commit instead of one a statement). */
static void
parse_into(load_state *ls, FILE *fp, const char *iri, const char *syntax)
{
  raptor_world *rw = librdf_world_get_raptor(ls->s->world);
  raptor_parser *p = raptor_new_parser(rw, syntax);
  raptor_uri *base = raptor_new_uri(rw, (const unsigned char *)iri);
  int txn;

  ls->file_graph = librdf_new_node_from_uri_string(ls->s->world,
                                                   (const unsigned char *)iri);
  if (!base || !ls->file_graph || !p) {
    ls->rc = KKACHI_ERDF;
    goto done;
  }
  txn = !librdf_model_transaction_start(ls->s->model);
  raptor_world_set_log_handler(rw, ls, on_log);
  raptor_parser_set_statement_handler(p, ls, on_statement);
  if (raptor_parser_parse_file_stream(p, fp, NULL, base) && !ls->rc)
    ls->rc = KKACHI_ESYNTAX;
  raptor_world_set_log_handler(rw, NULL, NULL);
  /* what was read before a syntax error replaces its graph */
  if (run_end(&ls->run, !ls->rc || ls->rc == KKACHI_ESYNTAX) && !ls->rc)
    ls->rc = KKACHI_ERDF;
  if (txn && librdf_model_transaction_commit(ls->s->model) && !ls->rc)
    ls->rc = KKACHI_EIO;
done:
  if (p)
    raptor_free_parser(p);
  if (base)
    raptor_free_uri(base);
}

int
kkachi_store_load(kkachi_store *s, const char *path, const char *syntax,
                  size_t *graphs, size_t *triples)
{
  load_state ls;
  kk_buf iri = KK_BUF_INIT;
  char *real = NULL;
  FILE *fp;

  memset(&ls, 0, sizeof ls);
  ls.s = s;
  ls.path = path;
  fp = strcmp(path, "-") ? fopen(path, "rb") : stdin;
  if (!fp) {
    kkachi__log(&s->engine->log, KKACHI_LOG_ERROR, path, 0, 0,
                "cannot open: %s", strerror(errno));
    return KKACHI_EIO;
  }
  real = strcmp(path, "-") ? realpath(path, NULL) : NULL;
  ls.rc = kkachi__buf_printf(&iri, "file://%s", real ? real : "/dev/stdin");
  if (!ls.rc)
    ls.rc = kkachi__strmap_new(&ls.seen);
  if (!ls.rc)
    ls.rc = run_init(&ls.run, s);
  if (!ls.rc)
    parse_into(&ls, fp, iri.data, syntax ? syntax : syntax_of(path));
  if (!ls.rc && librdf_model_sync(s->model))
    ls.rc = KKACHI_EIO;
  if (graphs)
    *graphs = ls.graphs;
  if (triples)
    *triples = ls.triples;
  run_free(&ls.run);
  if (ls.file_graph)
    librdf_free_node(ls.file_graph);
  kkachi__strmap_free(ls.seen);
  kkachi__buf_free(&iri);
  free(real);
  if (fp != stdin)
    fclose(fp);
  return ls.rc;
}

/* Puts the statements of tmp into the store as the new version of g. */
static int
replace_with(kkachi_store *s, librdf_node *g, librdf_model *tmp)
{
  librdf_stream *st = NULL;
  graph_run run;
  int txn = 0, rc = run_init(&run, s);

  if (!rc) {
    txn = !librdf_model_transaction_start(s->model);
    rc = run_begin(&run, g, 0);
  }
  if (!rc && !(st = librdf_model_as_stream(tmp)))
    rc = KKACHI_ERDF;
  for (; !rc && !librdf_stream_end(st); librdf_stream_next(st))
    rc = run_add(&run, librdf_stream_get_object(st));
  if (st)
    librdf_free_stream(st);
  if (run_end(&run, !rc) && !rc)
    rc = KKACHI_ERDF;
  if (txn && librdf_model_transaction_commit(s->model) && !rc)
    rc = KKACHI_EIO;
  run_free(&run);
  return rc;
}

int
kkachi_store_add(kkachi_store *s, const kkachi_result *r, int evidence)
{
  librdf_storage *tmp_st = librdf_new_storage(
      s->world, "hashes", NULL, "hash-type='memory',index-predicates='no'");
  librdf_model *tmp = tmp_st ? librdf_new_model(s->world, tmp_st, NULL) : NULL;
  librdf_node *g = NULL;
  char *iri = NULL;
  int rc = KKACHI_ERDF;

  if (!tmp)
    goto done;
  if ((rc = kkachi__graph_build(tmp, s->engine, r, evidence, &iri)))
    goto done;
  g = librdf_new_node_from_uri_string(s->world, (const unsigned char *)iri);
  rc = g ? replace_with(s, g, tmp) : KKACHI_ENOMEM;
done:
  if (g)
    librdf_free_node(g);
  kkachi__free(iri);
  if (tmp)
    librdf_free_model(tmp);
  if (tmp_st)
    librdf_free_storage(tmp_st);
  return rc;
}
