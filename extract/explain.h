/* explain.h: the --explain table, what a rule author reads first. */
#ifndef KK_EXPLAIN_H
#define KK_EXPLAIN_H

#include <stdio.h>

#include "kkachi.h"

/* Writes an article's facts to fp, one fact a row: the family and the
 * fact in words (배경훈 — 장관 — 과학기술정보통신부), then the rule, the
 * offsets and the matched text, then the sentence. In colour when fp is a
 * terminal and NO_COLOR is not set. Returns 0 or a KKACHI_E* code. */
int explain_article(FILE *fp, const kkachi_article *a, const kkachi_result *r);

#endif
