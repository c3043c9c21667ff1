/* gazetteer.h: named word lists (organizations, titles, surnames, ...). */
#ifndef KK_GAZETTEER_H
#define KK_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

#include "kkachi.h"
#include "strmap.h"

/* One row: the canonical form and the row's other columns. */
typedef struct kk_gaz_row {
  char *canon;
  char **cols; /* cols[0] is canon; owned */
  size_t ncols;
} kk_gaz_row;

typedef struct kk_gazetteer {
  char *name;
  kk_gaz_row **rows; /* owned */
  size_t nrows, caprows;
  char **forms; /* every surface form (borrowed from the map's rows) */
  size_t nforms, capforms;
  kk_strmap *by_form; /* surface form -> kk_gaz_row* */
  kk_strmap *files;   /* paths already loaded -> non-NULL */
  /* A quick "surely not listed": the first one and two characters of
   * every form (spaces left out) as bits, and the range of lengths. */
  uint64_t first1[1024], first2[1024];
  size_t minlen, maxlen; /* bytes, spaces left out */
} kk_gazetteer;

typedef struct kk_log kk_log;

int kkachi__gazetteer_new(kk_gazetteer **out, const char *name);
void kkachi__gazetteer_free(kk_gazetteer *g);

/* Flags of kkachi__gazetteer_load. */
#define KK_GAZ_CAPITALS 1u /* forms in lower case also capitalised */

/* Loads path into g (once per path); KKACHI_EIO (with errno set, and
 * nothing logged) when it cannot be opened. Rows are TAB-separated; alias_col
 * (1- based, 0 for none) names a column of '|'-separated aliases that are
 * surface forms too; flags are KK_GAZ_* bits; with KK_GAZ_CAPITALS, the
 * words of small (may be NULL; borrowed, read only here) stay in lower
 * case inside a capitalised form. Errors are logged through log. */
int kkachi__gazetteer_load(kk_gazetteer *g, const char *path, int alias_col,
                           unsigned flags, const kk_gazetteer *small,
                           kk_log *log);

/* Adds the form s[0..n) as a row of its own (for lists made in code,
 * such as a rule's needs). */
int kkachi__gazetteer_add(kk_gazetteer *g, const char *s, size_t n);

/* Returns the row whose surface form is s[0..n), or NULL. */
const kk_gaz_row *kkachi__gazetteer_find(const kk_gazetteer *g, const char *s,
                                         size_t n);

/* Column c (0-based) of a row, or NULL when the row is shorter or the
 * column is empty. */
const char *kkachi__gaz_col(const kk_gaz_row *row, size_t c);

#endif
