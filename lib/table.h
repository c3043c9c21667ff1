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

/* Writes the table, East Asian wide characters counted as two columns. */
int kkachi__table_print(const kk_table *t, FILE *fp);

/* Frees the table. NULL is allowed. */
void kkachi__table_free(kk_table *t);

#endif
