/* store.c: graphs kept in a Redland store, one named graph per article;
 * loading is in store_load.c, queries in store_query.c. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "buf.h"
#include "store.h"

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

  struct stat st;

  if (!exists(dir) && mkdir(dir, 0777) != 0) {
    snprintf(why, n, "cannot create the folder: %s", strerror(errno));
    return KKACHI_EIO;
  }
  if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
    /* said here: Berkeley DB would fail, and librdf lose its handles */
    snprintf(why, n, "not a folder (an embedded store is a folder; "
                     "sqlite:PATH for one file)");
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
