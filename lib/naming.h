/* naming.h: the ids of articles that bring none: paths and text digests. */
#ifndef KK_NAMING_H
#define KK_NAMING_H

#include <stddef.h>

/* Sets *out (owned by the caller) to the id of the article read from
 * path: the path as given, without the spellings that name the same file
 * ("./" steps, repeated '/'), and bytes that are not UTF-8 written as %XX
 * (a file name need not be UTF-8; an id must). */
int kkachi__name_from_path(char **out, const char *path);

/* Writes "stdin-" and the first 16 hex digits of the SHA-256 of
 * text[0..len) to out (at least KK_DIGEST_NAME bytes): the id of an article
 * piped in, the same for the same text in every run. */
#define KK_DIGEST_NAME 23
void kkachi__name_from_text(char *out, const char *text, size_t len);

#endif
