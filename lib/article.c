/* article.c: one input document with its metadata. */
#include <string.h>

#include "alloc.h"
#include "article.h"
#include "kkachi.h"
#include "utf8.h"

static int
only_space(const char *s, size_t n)
{
  size_t i = 0;
  while (i < n) { /* valid UTF-8 by now */
    uint32_t c = kkachi__utf8_next(s, &i);
    if (!kkachi__is_space(c) && c != 0xfeff) /* a byte order mark too */
      return 0;
  }
  return 1;
}

int
kkachi_article_new(kkachi_article **out, const char *id, const char *text,
                   size_t len, size_t *bad_offset)
{
  kkachi_article *a;
  size_t bad = 0;
  int rc;

  *out = NULL;
  if (!id || !*id || kkachi__utf8_check(id, strlen(id), NULL)
      || (!text && len))
    return KKACHI_EINVAL; /* an id names an IRI: never empty, UTF-8 */
  if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) { /* byte order mark */
    text += 3;
    len -= 3;
  }
  rc = kkachi__utf8_check(text, len, &bad);
  if (rc) {
    if (bad_offset)
      *bad_offset = bad;
    return rc;
  }
  if (only_space(text, len))
    return KKACHI_EEMPTY;
  if (!(a = kkachi__calloc(1, sizeof *a)))
    return KKACHI_ENOMEM;
  a->id = kkachi__strdup(id);
  a->text = kkachi__strndup(text, len);
  a->len = len;
  if (!a->id || !a->text) {
    kkachi_article_free(a);
    return KKACHI_ENOMEM;
  }
  *out = a;
  return 0;
}

int
kkachi_article_set(kkachi_article *a, const char *key, const char *value)
{
  char **slot, *copy;
  if (!strcmp(key, "url"))
    slot = &a->url;
  else if (!strcmp(key, "date"))
    slot = &a->date;
  else if (!strcmp(key, "title"))
    slot = &a->title;
  else if (!strcmp(key, "lang"))
    slot = &a->lang;
  else if (!strcmp(key, "publisher"))
    slot = &a->publisher;
  else if (!strcmp(key, "author"))
    slot = &a->author;
  else
    return KKACHI_EINVAL;
  if (kkachi__utf8_check(value, strlen(value), NULL))
    return KKACHI_EUTF8;
  if (slot == &a->author) { /* one more author, on a line of its own */
    size_t old = a->author ? strlen(a->author) : 0, n = strlen(value);
    if (!n || strchr(value, '\n'))
      return KKACHI_EINVAL;
    if (!(copy = kkachi__realloc(a->author, old + n + 2)))
      return KKACHI_ENOMEM;
    if (old)
      copy[old++] = '\n';
    memcpy(copy + old, value, n + 1);
    a->author = copy;
    return 0;
  }
  if (!(copy = kkachi__strdup(value)))
    return KKACHI_ENOMEM;
  kkachi__free(*slot);
  *slot = copy;
  return 0;
}

const char *
kkachi_article_id(const kkachi_article *a)
{
  return a->id;
}

void
kkachi_article_free(kkachi_article *a)
{
  if (!a)
    return;
  kkachi__free(a->id);
  kkachi__free(a->text);
  kkachi__free(a->url);
  kkachi__free(a->date);
  kkachi__free(a->title);
  kkachi__free(a->lang);
  kkachi__free(a->author);
  kkachi__free(a->publisher);
  kkachi__free(a);
}

size_t
kkachi_article_size(const kkachi_article *a)
{
  return a->len;
}
