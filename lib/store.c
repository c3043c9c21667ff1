/* store.c: graphs kept in a Redland store, one named graph per article,
 * queried with rasqal; loading is in store_load.c. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "buf.h"
#include "store.h"
#include "utf8.h"

static int
exists(const char *path)
{
  struct stat st;
  return stat(path, &st) == 0;
}

static int
open_model(kkachi_store *s)
{
  if (s->storage)
    s->model = librdf_new_model(s->world, s->storage, NULL);
  return s->model ? 0 : KKACHI_ERDF;
}

/* A folder (or hashes:FOLDER) holds a Berkeley DB hashes store named
 * "kkachi" with contexts. */
static int
open_hashes(kkachi_store *s, const char *dir, char *why, size_t n)
{
  kk_buf opts = KK_BUF_INIT, probe = KK_BUF_INIT;
  int rc = KKACHI_ENOMEM;

  if (!exists(dir) && mkdir(dir, 0777) != 0) {
    snprintf(why, n, "cannot create the folder: %s", strerror(errno));
    return KKACHI_EIO;
  }
  if (strchr(dir, '\'')) {
    snprintf(why, n, "a store folder may not contain a quote");
    return KKACHI_EINVAL;
  }
  if (kkachi__buf_printf(&probe, "%s/kkachi-sp2o.db", dir)
      || kkachi__buf_printf(&opts,
                            "hash-type='bdb',dir='%s',contexts='yes',"
                            "new='%s',write='yes'",
                            dir, exists(probe.data) ? "no" : "yes"))
    goto done;
  s->storage = librdf_new_storage(s->world, "hashes", "kkachi", opts.data);
  rc = open_model(s);
done:
  kkachi__buf_free(&opts);
  kkachi__buf_free(&probe);
  return rc;
}

/* sqlite:PATH is one SQLite file, created when missing or empty. Redland
 * creates its tables only in a file it is told is new (and then first
 * deletes the file), so whether it is new is decided here. */
static int
open_sqlite(kkachi_store *s, const char *path, char *why, size_t n)
{
  struct stat st;
  int fresh = 1;

  if (!stat(path, &st))
    fresh = st.st_size == 0;
  else if (errno != ENOENT) {
    snprintf(why, n, "%s", strerror(errno));
    return KKACHI_EIO;
  }
  /* a file there already must be Redland's: checked before Redland
   * writes to it */
  if (!fresh && kkachi__store_sqlite_prepare(path, why, n))
    return KKACHI_ERDF;
  s->storage = librdf_new_storage(s->world, "sqlite", path,
                                  fresh ? "new='yes'" : "new='no'");
  if (open_model(s))
    return KKACHI_ERDF;
  return fresh ? kkachi__store_sqlite_prepare(path, why, n) : 0;
}

/* NAME:ARG[:OPTIONS] for any other Redland storage. */
static int
open_other(kkachi_store *s, const char *spec, const char *colon)
{
  char *name = kkachi__strndup(spec, (size_t)(colon - spec));
  const char *arg = colon + 1, *c2 = strchr(arg, ':');
  char *a = c2 ? kkachi__strndup(arg, (size_t)(c2 - arg))
               : kkachi__strdup(arg);
  int rc = name && a ? 0 : KKACHI_ENOMEM;

  if (!rc)
    s->storage = librdf_new_storage(s->world, name, a,
                                    c2 && c2[1] ? c2 + 1 : "new='no'");
  if (!rc && !s->storage && !c2) /* create when missing */
    s->storage = librdf_new_storage(s->world, name, a, "new='yes'");
  kkachi__free(name);
  kkachi__free(a);
  return rc ? rc : open_model(s);
}

int
kkachi_store_open(kkachi_store **out, kkachi_engine *e, const char *spec)
{
  kkachi_store *s;
  const char *colon = strchr(spec, ':'), *where = spec;
  char why[512] = "";
  int rc;

  *out = NULL;
  if (!(s = kkachi__calloc(1, sizeof *s)))
    return KKACHI_ENOMEM;
  s->engine = e;
  if (!(s->world = kkachi__engine_world(e))) {
    kkachi_store_free(s);
    return KKACHI_ERDF;
  }
  /* Redland's own complaint becomes the reason on our one line */
  kkachi__engine_hold_rdf(e, why, sizeof why);
  if (!colon)
    rc = open_hashes(s, spec, why, sizeof why);
  else if (!strncmp(spec, "hashes:", 7))
    rc = open_hashes(s, where = spec + 7, why, sizeof why);
  else if (!strncmp(spec, "sqlite:", 7))
    rc = open_sqlite(s, where = spec + 7, why, sizeof why);
  else
    rc = open_other(s, spec, colon);
  kkachi__engine_hold_rdf(e, NULL, 0);
  if (rc) {
    kkachi__log(&e->log, KKACHI_LOG_ERROR, where, 0, 0,
                "cannot open the store%s%s", why[0] ? ": " : "", why);
    kkachi_store_free(s);
    return rc;
  }
  *out = s;
  return 0;
}

void
kkachi_store_free(kkachi_store *s)
{
  if (!s)
    return;
  if (s->model) {
    librdf_model_sync(s->model);
    librdf_free_model(s->model);
  }
  if (s->storage)
    librdf_free_storage(s->storage);
  kkachi__free(s);
}

size_t
kkachi_store_size(kkachi_store *s)
{
  int size = librdf_model_size(s->model); /* -1: no count kept */
  librdf_stream *st;
  size_t n = 0;
  if (size >= 0)
    return (size_t)size;
  st = librdf_model_as_stream(s->model);
  while (st && !librdf_stream_end(st)) {
    n++;
    librdf_stream_next(st);
  }
  if (st)
    librdf_free_stream(st);
  return n;
}

void
kkachi_store_changes(const kkachi_store *s, size_t *added, size_t *removed)
{
  if (added)
    *added = s->added;
  if (removed)
    *removed = s->removed;
}

/* Columns a code point takes on a terminal: East Asian wide ones two. */
static int
columns_of(uint32_t c)
{
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
                 (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
                 (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                 (c >= 0xFFE0 && c <= 0xFFE6)
             ? 2
             : 1;
}

static size_t
width_of(const char *s)
{
  size_t i = 0, n = strlen(s), w = 0;
  while (i < n)
    w += (size_t)columns_of(kkachi__utf8_next(s, &i));
  return w;
}

/* A value as a person reads it: IRIs in <>, literals as written. */
static char *
cell(librdf_node *n)
{
  kk_buf b = KK_BUF_INIT;
  if (!n)
    kkachi__buf_puts(&b, "");
  else if (librdf_node_is_resource(n))
    kkachi__buf_printf(&b, "<%s>", librdf_uri_as_string(librdf_node_get_uri(n)));
  else if (librdf_node_is_blank(n))
    kkachi__buf_printf(&b, "_:%s", librdf_node_get_blank_identifier(n));
  else
    kkachi__buf_puts(&b, (const char *)librdf_node_get_literal_value(n));
  return kkachi__buf_steal(&b);
}

static void
print_rule(FILE *fp, const size_t *w, size_t cols)
{
  size_t i, k;
  for (i = 0; i < cols; i++) {
    fputc('+', fp);
    for (k = 0; k < w[i] + 2; k++)
      fputc('-', fp);
  }
  fputs("+\n", fp);
}

/* Adds a row of cells (the variable names when r is NULL). */
static int
add_row(char ***cells, size_t *n, size_t *cap, librdf_query_results *r,
        librdf_query_results *names, int cols, size_t *w)
{
  int k;
  if (*n + (size_t)cols > *cap) {
    size_t nc = *cap ? *cap * 2 : (size_t)cols * 16;
    char **p;
    while (nc < *n + (size_t)cols)
      nc *= 2;
    if (!(p = kkachi__realloc(*cells, nc * sizeof *p)))
      return KKACHI_ENOMEM;
    *cells = p;
    *cap = nc;
  }
  for (k = 0; k < cols; k++) {
    char *c;
    if (!r)
      c = kkachi__strdup(librdf_query_results_get_binding_name(names, k));
    else {
      librdf_node *node = librdf_query_results_get_binding_value(r, k);
      c = cell(node);
      if (node)
        librdf_free_node(node);
    }
    if (!c)
      return KKACHI_ENOMEM;
    (*cells)[(*n)++] = c;
    if (width_of(c) > w[k])
      w[k] = width_of(c);
  }
  return 0;
}

/* Select results as an aligned table, wide characters counted twice. */
static int
print_table(librdf_query_results *r, FILE *fp)
{
  int cols = librdf_query_results_get_bindings_count(r);
  char **cells = NULL;
  size_t *w, n = 0, cap = 0, i, k;
  int rc;

  if (cols <= 0)
    return 0;
  if (!(w = kkachi__calloc((size_t)cols, sizeof *w)))
    return KKACHI_ENOMEM;
  rc = add_row(&cells, &n, &cap, NULL, r, cols, w);
  while (!rc && !librdf_query_results_finished(r)) {
    rc = add_row(&cells, &n, &cap, r, r, cols, w);
    librdf_query_results_next(r);
  }
  print_rule(fp, w, (size_t)cols);
  for (i = 0; !rc && i < n / (size_t)cols; i++) {
    for (k = 0; k < (size_t)cols; k++) {
      const char *c = cells[i * (size_t)cols + k];
      fprintf(fp, "| %s%*s ", c, (int)(w[k] - width_of(c)), "");
    }
    fputs("|\n", fp);
    if (i == 0)
      print_rule(fp, w, (size_t)cols);
  }
  if (!rc)
    print_rule(fp, w, (size_t)cols);
  for (i = 0; i < n; i++)
    kkachi__free(cells[i]);
  kkachi__free(cells);
  kkachi__free(w);
  return rc;
}

int
kkachi_store_query(kkachi_store *s, const char *sparql, const char *format,
                   FILE *fp)
{
  librdf_query *q = librdf_new_query(s->world, "sparql", NULL,
                                     (const unsigned char *)sparql, NULL);
  librdf_query_results *r = NULL;
  int rc = 0;

  if (!q)
    return KKACHI_ESYNTAX; /* rasqal has said where */
  r = librdf_query_execute(q, s->model);
  if (!r)
    rc = KKACHI_ESYNTAX;
  else if (librdf_query_results_is_graph(r)) {
    librdf_stream *st = librdf_query_results_as_stream(r);
    librdf_serializer *ser =
        librdf_new_serializer(s->world, "ntriples", NULL, NULL);
    if (!st || !ser ||
        librdf_serializer_serialize_stream_to_file_handle(ser, fp, NULL, st))
      rc = KKACHI_EIO;
    if (ser)
      librdf_free_serializer(ser);
    if (st)
      librdf_free_stream(st);
  } else if (!strcmp(format, "table"))
    rc = print_table(r, fp);
  else if (librdf_query_results_to_file_handle2(r, fp, format, NULL, NULL,
                                                NULL))
    rc = KKACHI_EINVAL;
  if (r)
    librdf_free_query_results(r);
  librdf_free_query(q);
  return rc;
}
