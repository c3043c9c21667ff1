/* escape.h: control characters made visible before they reach a
 * terminal. */
#ifndef KK_ESCAPE_H
#define KK_ESCAPE_H

#include <stddef.h>
#include <stdio.h>

/* Writes s[0..n) to fp with every C0 control but TAB, DEL and every byte
 * that is not part of UTF-8 as \xNN, and every C1 control as \u00NN, so
 * that no text from an input or a server moves the cursor, sets colours
 * or breaks a line. */
void escape_write(FILE *fp, const char *s, size_t n);

/* escape_write() of a string; NULL writes nothing. */
void escape_puts(FILE *fp, const char *s);

#endif
