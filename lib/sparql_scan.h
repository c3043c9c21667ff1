/* sparql_scan.h: looks through SPARQL text for what the embedded engine
 * would answer wrongly. */
#ifndef KK_SPARQL_SCAN_H
#define KK_SPARQL_SCAN_H

#include <stddef.h>

/* The first aggregate over DISTINCT values (COUNT(DISTINCT ...), SUM,
 * MIN, MAX, AVG, SAMPLE or GROUP_CONCAT) in the query text q, outside
 * strings, IRIs and comments: a pointer into q at the aggregate's name,
 * its length in *len and its place in *line and *col (from 1, columns in
 * characters), or NULL when there is none. */
const char *kkachi__sparql_distinct_aggregate(const char *q, size_t *len,
                                              unsigned long *line,
                                              unsigned long *col);

#endif
