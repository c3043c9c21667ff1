/* store_sqlite.c: a Redland SQLite file checked, and given the indexes
 * Redland's SQLite storage lacks.
 *
 * Redland finds a literal's id by its text, a blank node's by its label,
 * a statement by all its parts and a graph's statements by their graph,
 * in tables it indexes only by URI and by subject: without more indexes
 * each look-up reads a whole table, and loading slows with every
 * statement the file holds. SQLite's planner, with no statistics, takes
 * the index that matches the most columns; each kind of look-up has one
 * that matches more of its columns than any other does, so that a
 * statement is never looked up by its predicate alone. The object and
 * predicate indexes serve SPARQL patterns with no subject. */
#include <sqlite3.h>
#include <stdio.h>

#include "store.h"

/* How long a connection waits for another program's lock on the file
 * (kkachi's own processes wait on the lock file first). */
#define KK_SQLITE_WAIT_MS 60000

static const char *const index_sql[] = {
  "CREATE INDEX IF NOT EXISTS kkachi_literal ON literals (text)",
  "CREATE INDEX IF NOT EXISTS kkachi_blank ON blanks (blank)",
  /* a graph's statements */
  "CREATE INDEX IF NOT EXISTS kkachi_graph ON triples (contextUri)",
  /* a statement of a graph (three columns), (s p ?) patterns (two) */
  "CREATE INDEX IF NOT EXISTS kkachi_spg "
  "ON triples (subjectUri, predicateUri, contextUri)",
  /* (? p o) and (? ? o) patterns */
  "CREATE INDEX IF NOT EXISTS kkachi_op ON triples (objectUri, predicateUri)",
  "CREATE INDEX IF NOT EXISTS kkachi_lp "
  "ON triples (objectLiteral, predicateUri)",
  /* (? p ?) patterns */
  "CREATE INDEX IF NOT EXISTS kkachi_p ON triples (predicateUri)",
};

/* The number of Redland's four tables the database has. */
static int
count_tables(sqlite3 *db, int *n)
{
  sqlite3_stmt *q;
  int rc = sqlite3_prepare_v2(db,
                              "SELECT count(*) FROM sqlite_master WHERE "
                              "type = 'table' AND name IN ('uris', "
                              "'blanks', 'literals', 'triples')",
                              -1, &q, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
    *n = sqlite3_column_int(q, 0);
    rc = SQLITE_OK;
  }
  sqlite3_finalize(q);
  return rc;
}

/* Opens path, checks it has Redland's tables, and with write gives it
 * kkachi's indexes. */
static int
prepare(const char *path, int write, char *why, size_t n)
{
  sqlite3 *db = NULL;
  const char *msg = NULL;
  size_t i;
  int tables = 0;
  /* read-write even to read: a load killed or failed leaves a journal
   * that the first to open the file rolls back (read-only where the
   * file is write-protected) */
  int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL);

  if (rc == SQLITE_OK) /* another program may be committing */
    rc = sqlite3_busy_timeout(db, KK_SQLITE_WAIT_MS);
  if (rc == SQLITE_OK)
    rc = count_tables(db, &tables);
  if (rc == SQLITE_OK && tables != 4)
    msg = "not a Redland SQLite store (no table of statements)";
  for (i = 0; write && rc == SQLITE_OK && !msg
              && i < sizeof index_sql / sizeof *index_sql;
       i++)
    rc = sqlite3_exec(db, index_sql[i], NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  if (msg)
    snprintf(why, n, "%s", msg);
  sqlite3_close(db);
  return msg ? KKACHI_ERDF : 0;
}

int
kkachi__store_sqlite_prepare(const char *path, char *why, size_t n)
{
  return prepare(path, 1, why, n);
}

int
kkachi__store_sqlite_check(const char *path, char *why, size_t n)
{
  return prepare(path, 0, why, n);
}

/* Called by SQLite for each connection it opens. */
static int
on_connection(sqlite3 *db, const char **err, const void *api)
{
  (void)err;
  (void)api;
  sqlite3_busy_timeout(db, KK_SQLITE_WAIT_MS);
  return SQLITE_OK;
}

void
kkachi__store_sqlite_wait(void)
{
  /* the one way to reach Redland's connection; SQLite registers the
   * same function once however often it is asked */
  sqlite3_auto_extension((void (*)(void))on_connection);
}
