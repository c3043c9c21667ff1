/* table.h: query results as an aligned text table for a terminal. */
#ifndef KK_TABLE_H
#define KK_TABLE_H

#include <stddef.h>
#include <stdio.h>

typedef struct kk_table kk_table;

/* Creates a table of cols columns; the first row added is the header.
 * *out becomes owned by the caller (kkachi__table_free). */
int kkachi__table_new(kk_table **out, size_t cols);

/* Adds the next cell, row by row; takes a copy of text (NULL: empty). */
int kkachi__table_add(kk_table *t, const char *text);

/* Kinds of RDF term a cell can show. */
enum { KK_CELL_IRI, KK_CELL_BLANK, KK_CELL_LITERAL };

/* Adds the next cell as a person reads the term: an IRI in <>, a blank
 * node as _:label, a literal as written; value NULL: an empty cell. One
 * place, so that the tables of the embedded store and of servers agree. */
int kkachi__table_add_term(kk_table *t, int kind, const char *value);

/* Writes the table, East Asian wide characters counted as two columns. */
int kkachi__table_print(const kk_table *t, FILE *fp);

/* Frees the table. NULL is allowed. */
void kkachi__table_free(kk_table *t);

#endif
