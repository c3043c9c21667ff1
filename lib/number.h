/* number.h: counts and periods as Korean news writes them. */
#ifndef KK_NUMBER_H
#define KK_NUMBER_H

#include <stddef.h>

typedef struct kk_numparser kk_numparser;
struct kk_gazetteer;

/* Creates a parser (an ICU Korean spell-out formatter for 다섯, 열다섯,
 * 삼십). periods is the "period" gazetteer (may be NULL): rows of a unit
 * word and its ISO 8601 designator (개월 M, 년 Y) or a fixed duration
 * (분기 P3M). It is borrowed and must outlive the parser. */
int kkachi__numparser_new(kk_numparser **out,
                          const struct kk_gazetteer *periods);
void kkachi__numparser_free(kk_numparser *p);

/* Reads the number at the start of s[0..n): digits with thousands
 * separators (1,000), digits with Korean units (2천600, 3만), or a Korean
 * numeral (다섯, 열다섯, 스무, 삼십). What follows (개, 팀, 여, 내외) is
 * ignored. Returns 0 with *value set, or KKACHI_EINVAL when s does not
 * start with a number. *used (may be NULL) gets the bytes read. */
int kkachi__number_parse(kk_numparser *p, const char *s, size_t n, long *value,
                         size_t *used);

/* Reads a period (6개월, 3개월, 1년, 2주, 분기, 반기, 한 달) into an
 * xsd:duration such as "P6M" in out (size bytes). */
int kkachi__period_parse(kk_numparser *p, const char *s, size_t n, char *out,
                         size_t size);

#endif
