/* html_kept.c: how much of a page's text the HTML parser kept, to tell a
 * page it misread (a quote left open that turns the rest of the page
 * into an attribute) from one that has little text. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "html_kept.h"

/* Where the element whose text is no text (script, style) closes, or
 * the end. */
static size_t
skip_raw(const char *s, size_t n, size_t i, const char *name)
{
  size_t len = strlen(name);
  for (; i + 2 + len <= n; i++)
    if (s[i] == '<' && s[i + 1] == '/' && !strncasecmp(s + i + 2, name, len))
      return i;
  return n;
}

/* Bytes of the character reference at s[i] ("&amp;", "&#xD55C;"), or 0
 * when there is none. */
static size_t
reference(const char *s, size_t n, size_t i)
{
  size_t k;
  for (k = i + 1; k < n && k < i + 12; k++)
    if (s[k] == ';')
      return k > i + 1 ? k + 1 - i : 0;
    else if (!isalnum((unsigned char)s[k]) && s[k] != '#')
      return 0;
  return 0;
}

static int
opens(const char *s, size_t n, size_t i, const char *what)
{
  size_t len = strlen(what);
  return i + len <= n && !strncasecmp(s + i, what, len);
}

size_t
kkachi__html_raw_text(const char *s, size_t n)
{
  size_t i = 0, count = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i], d = i + 1 < n ? s[i + 1] : 0;
    if (opens(s, n, i, "<!--")) {
      /* "<!-->" and "<!--->" end where they begin, as in a browser */
      for (i += 2; i < n && !opens(s, n, i, "-->"); i++)
        ;
      i = i < n ? i + 3 : n;
    } else if (c == '<' && (isalpha(d) || d == '/' || d == '!' || d == '?')) {
      int script = opens(s, n, i, "<script"), style = opens(s, n, i, "<style");
      const char *end = memchr(s + i, '>', n - i);
      i = end ? (size_t)(end - s) + 1 : n;
      if (script || style)
        i = skip_raw(s, n, i, script ? "script" : "style");
    } else if (c == '&' && reference(s, n, i)) {
      count++;
      i += reference(s, n, i);
    } else {
      count += !isspace(c);
      i++;
    }
  }
  return count;
}

static int
is_raw(const xmlNode *n)
{
  return n->type == XML_ELEMENT_NODE &&
         (!strcasecmp((const char *)n->name, "script") ||
          !strcasecmp((const char *)n->name, "style"));
}

size_t
kkachi__html_dom_text(const xmlNode *n)
{
  size_t count = 0;
  for (; n; n = n->next) {
    if (n->type == XML_TEXT_NODE && n->content) {
      const xmlChar *p = n->content;
      for (; *p; p++)
        count += !isspace(*p);
    } else if (n->type == XML_ELEMENT_NODE && !is_raw(n))
      count += kkachi__html_dom_text(n->children);
  }
  return count;
}
