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
open_model(kkachi_store *s)
{
  if (s->storage)
    s->model = librdf_new_model(s->world, s->storage, NULL);
  return s->model ? 0 : KKACHI_ERDF;
}

/* A folder: made when missing (another process may be making it at the
 * same moment), for a writer. */
static int
check_folder(kkachi_store *s, const char *dir)
{
  struct stat st;

  if (strchr(dir, '\'')) {
    snprintf(s->why, sizeof s->why, "a store folder may not contain a quote");
    return KKACHI_EINVAL;
  }
  if (!(s->flags & KKACHI_STORE_READ) && mkdir(dir, 0777) && errno != EEXIST) {
    snprintf(s->why, sizeof s->why, "cannot create the folder: %s",
             strerror(errno));
    return KKACHI_EIO;
  }
  if (stat(dir, &st)) {
    snprintf(s->why, sizeof s->why, "%s", strerror(errno));
    return KKACHI_EIO;
  }
  if (!S_ISDIR(st.st_mode)) {
    /* said here: Berkeley DB would fail, and librdf lose its handles */
    snprintf(s->why, sizeof s->why, "not a folder (an embedded store is a "
             "folder; sqlite:PATH for one file)");
    return KKACHI_EIO;
  }
  return (s->dir = kkachi__strdup(dir)) ? 0 : KKACHI_ENOMEM;
}

/* A folder (or hashes:FOLDER) holds a Berkeley DB hashes store named
 * "kkachi" with contexts, in its current generation (store_gen.c); a
 * writer writes a new one. */
static int
open_hashes(kkachi_store *s, const char *dir)
{
  int reader = s->flags & KKACHI_STORE_READ;
  kk_buf opts = KK_BUF_INIT, path = KK_BUF_INIT;
  int rc = check_folder(s, dir);

  /* a reader makes no lock file where there is no store */
  if (!rc && reader && !(rc = kkachi__gen_current(s, dir, &s->cur))
      && !s->cur.data[0]) {
    snprintf(s->why, sizeof s->why, "no store in this folder");
    rc = KKACHI_EIO;
  }
  if (rc || (rc = kkachi__buf_printf(&path, "%s/lock", dir))
      || (rc = kkachi__store_lock(s, path.data, dir))
      || (rc = kkachi__gen_current(s, dir, &s->cur)))
    goto done;
  if (!reader && (rc = kkachi__gen_begin(s, dir, s->cur.data, &s->next)))
    goto done;
  kkachi__buf_reset(&path);
  rc = KKACHI_ENOMEM;
  if (kkachi__buf_printf(&path, "%s/%s", dir,
                         reader ? s->cur.data : s->next.data)
      || kkachi__buf_printf(&opts, "hash-type='bdb',dir='%s',contexts='yes',"
                            "new='%s',write='%s'", path.data,
                            !reader && !s->cur.data[0] ? "yes" : "no",
                            reader ? "no" : "yes"))
    goto done;
  s->storage = librdf_new_storage(s->world, "hashes", "kkachi", opts.data);
  rc = open_model(s);
done:
  kkachi__buf_free(&opts);
  kkachi__buf_free(&path);
  return rc;
}

/* sqlite:PATH is one SQLite file, created when missing or empty. Redland
 * creates its tables only in a file it is told is new (and then first
 * deletes the file), so whether it is new is decided here, under the
 * lock PATH.lock. A reader creates nothing. */
static int
open_sqlite(kkachi_store *s, const char *path)
{
  int reader = s->flags & KKACHI_STORE_READ;
  kk_buf lock = KK_BUF_INIT;
  struct stat st;
  int rc, fresh = 1;

  kkachi__store_sqlite_wait();
  if (reader && (stat(path, &st) ? errno == ENOENT : !st.st_size)) {
    snprintf(s->why, sizeof s->why, "no store in this file");
    return KKACHI_EIO;
  }
  rc = kkachi__buf_printf(&lock, "%s.lock", path);
  if (!rc)
    rc = kkachi__store_lock(s, lock.data, path);
  kkachi__buf_free(&lock);
  if (rc)
    return rc;
  if (!stat(path, &st))
    fresh = st.st_size == 0;
  else if (errno != ENOENT) {
    snprintf(s->why, sizeof s->why, "%s", strerror(errno));
    return KKACHI_EIO;
  }
  /* a file there already must be Redland's: checked before Redland
   * writes to it */
  if (reader ? kkachi__store_sqlite_check(path, s->why, sizeof s->why)
             : !fresh && kkachi__store_sqlite_prepare(path, s->why,
                                                      sizeof s->why))
    return KKACHI_ERDF;
  s->storage = librdf_new_storage(s->world, "sqlite", path,
                                  fresh ? "new='yes'" : "new='no'");
  if (open_model(s))
    return KKACHI_ERDF;
  return fresh ? kkachi__store_sqlite_prepare(path, s->why, sizeof s->why) : 0;
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

void
kkachi__store_hush(kkachi_store *s, kk_quiet *q)
{
  s->why[0] = '\0';
  kkachi__engine_hold_rdf(s->engine, s->why, sizeof s->why);
  kkachi__quiet_begin(q);
  s->hushed = q;
}

int
kkachi__store_unhush(kkachi_store *s, kk_quiet *q, int rc)
{
  /* "SQLite database F SQL exec 'INSERT ...' failed - database or disk
   * is full (13)": the end says it */
  const char *tail;

  kkachi__quiet_end(q, s->why, sizeof s->why);
  kkachi__engine_hold_rdf(s->engine, NULL, 0);
  s->hushed = NULL;
  if ((tail = strstr(s->why, "' failed - ")))
    memmove(s->why, tail + 11, strlen(tail + 11) + 1);
  return s->why[0] && !rc ? KKACHI_ERDF : rc;
}

int
kkachi_store_open(kkachi_store **out, kkachi_engine *e, const char *spec)
{
  return kkachi_store_open_with(out, e, spec, 0);
}

int
kkachi_store_open_with(kkachi_store **out, kkachi_engine *e,
                       const char *spec, int flags)
{
  kkachi_store *s;
  const char *colon = strchr(spec, ':'), *where = spec;
  kk_quiet q;
  int rc;

  *out = NULL;
  if (!(s = kkachi__calloc(1, sizeof *s)))
    return KKACHI_ENOMEM;
  s->engine = e;
  s->flags = flags;
  s->lock = -1;
  if (!(s->world = kkachi__engine_world(e))) {
    kkachi_store_free(s);
    return KKACHI_ERDF;
  }
  if (colon && (!strncmp(spec, "hashes:", 7) || !strncmp(spec, "sqlite:", 7)))
    where = spec + 7;
  if (!(s->where = kkachi__strdup(where))) {
    kkachi_store_free(s);
    return KKACHI_ENOMEM;
  }
  /* Redland's own complaint becomes the reason on our one line */
  kkachi__store_hush(s, &q);
  if (!colon || !strncmp(spec, "hashes:", 7))
    rc = open_hashes(s, where);
  else if (!strncmp(spec, "sqlite:", 7))
    rc = open_sqlite(s, where);
  else
    rc = open_other(s, spec, colon);
  if ((rc = kkachi__store_unhush(s, &q, rc))) {
    /* Berkeley DB cannot open the files of a store there */
    int damaged = rc == KKACHI_ERDF && s->cur.len && s->cur.data[0];
    kkachi__log(&e->log, KKACHI_LOG_ERROR, where, 0, 0,
                "cannot open the store%s%s%s",
                damaged ? ": it is damaged" : "", s->why[0] ? ": " : "",
                s->why);
    s->broken = 1;
    kkachi_store_free(s);
    return rc;
  }
  s->open = 1;
  *out = s;
  return 0;
}

/* Closes Redland's store, then keeps or drops what was written. */
static int
finish(kkachi_store *s)
{
  int rc = 0, was_broken = s->broken;
  char why[sizeof s->why];
  kk_quiet q;

  memcpy(why, s->why, sizeof why); /* a failed write's reason */
  kkachi__store_hush(s, &q);
  if (s->model) {
    librdf_model_sync(s->model);
    librdf_free_model(s->model);
  }
  if (s->storage)
    librdf_free_storage(s->storage);
  s->model = NULL;
  s->storage = NULL;
  if (kkachi__store_unhush(s, &q, 0))
    s->broken = 1;
  if (was_broken)
    memcpy(s->why, why, sizeof why);
  if (s->next.len && !s->broken)
    rc = kkachi__gen_commit(s, s->dir, s->next.data, s->cur.data);
  else if (s->next.len)
    kkachi__gen_abort(s->dir, s->next.data);
  if (s->open && (rc || s->broken) && (s->flags & KKACHI_STORE_READ))
    kkachi__log(&s->engine->log, KKACHI_LOG_ERROR, s->where, 0, 0,
                "the store is damaged: %s", s->why);
  else if (s->open && (rc || s->broken))
    kkachi__log(&s->engine->log, KKACHI_LOG_ERROR, s->where, 0, 0,
                "cannot write the store: %s%s", s->why,
                s->next.len ? "; it is left as it was" : "");
  kkachi__store_unlock(s);
  return rc ? rc : s->broken ? KKACHI_ERDF : 0;
}

int
kkachi_store_close(kkachi_store *s)
{
  int rc;
  if (!s)
    return 0;
  rc = finish(s);
  kkachi__buf_free(&s->cur);
  kkachi__buf_free(&s->next);
  kkachi__free(s->dir);
  kkachi__free(s->where);
  kkachi__free(s);
  return rc;
}

void
kkachi_store_free(kkachi_store *s)
{
  kkachi_store_close(s);
}

void
kkachi_store_set_callbacks(kkachi_store *s, kkachi_graph_fn report,
                           kkachi_graph_filter_fn filter, void *user_data)
{
  s->report = report;
  s->filter = filter;
  s->user_data = user_data;
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
