/* html.c: a saved news page read with libxml2's HTML parser: the article
 * body found by where the text is densest, the site's chrome (menus,
 * share buttons, related news, comments, footers) left out, and the
 * page's title, date, address and language read from <title>, Open Graph,
 * article:published_time and JSON-LD. */
#include <ctype.h>
#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "buf.h"
#include "html.h"
#include "html_decode.h"
#include "html_depth.h"
#include "html_kept.h"

#define MIN_PARAGRAPH 40 /* bytes of text that make a paragraph */
#define MAX_DEPTH 1000   /* elements deep, for the recursive walks */
#define MIN_SHOWN 200    /* bytes of text below which none can be missed */

/* Elements that are never article text. */
static const char *const dropped[] = {
  "script", "style", "noscript", "nav", "header", "footer", "aside", "form",
  "iframe", "button", "select", "svg", "template", "object", "embed", NULL
};

/* Words in a class or id that mark site chrome, whatever the site. */
static const char *const chrome[] = {
  "comment", "reply", "share", "sns", "social", "related", "recommend",
  "popular", "ranking", "most", "footer", "header", "gnb", "lnb", "nav",
  "menu", "sidebar", "aside", "banner", "advert", "ad-", "ads", "promo",
  "copyright", "subscribe", "login", "breadcrumb", "tag", "keyword", NULL
};

/* Words in a class or id that mark the byline. */
static const char *const byline[] = { "byline", "reporter", "writer",
                                      "author", NULL };

static int
is(const xmlNode *n, const char *name)
{
  return n->type == XML_ELEMENT_NODE &&
         !strcasecmp((const char *)n->name, name);
}

/* Whether the class or id of n holds one of words. */
static int
marked(xmlNode *n, const char *const *words)
{
  static const char *const attrs[] = { "class", "id" };
  size_t a, w;
  int hit = 0;
  for (a = 0; !hit && a < 2; a++) {
    xmlChar *v = xmlGetProp(n, (const xmlChar *)attrs[a]);
    char *s = (char *)v, *p;
    if (!v)
      continue;
    for (p = s; *p; p++)
      *p = (char)tolower((unsigned char)*p);
    for (w = 0; !hit && words[w]; w++)
      hit = strstr(s, words[w]) != NULL;
    xmlFree(v);
  }
  return hit;
}

static int
is_dropped(xmlNode *n)
{
  size_t i;
  for (i = 0; dropped[i]; i++)
    if (is(n, dropped[i]))
      return 1;
  return !is(n, "body") && !is(n, "html") && !is(n, "article") &&
         marked(n, chrome) && !marked(n, byline);
}

/* Takes the chrome out of the tree below n. */
static void
strip(xmlNode *n)
{
  xmlNode *c = n->children, *next;
  for (; c; c = next) {
    next = c->next;
    if (c->type == XML_COMMENT_NODE ||
        (c->type == XML_ELEMENT_NODE && is_dropped(c))) {
      xmlUnlinkNode(c);
      xmlFreeNode(c);
    } else if (c->type == XML_ELEMENT_NODE)
      strip(c);
  }
}

static int
is_block(const xmlNode *n)
{
  static const char *const blocks[] = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "tr", "table", "section", "article", "blockquote", "dd", "dt", "pre",
    "figcaption", "main", NULL
  };
  size_t i;
  for (i = 0; blocks[i]; i++)
    if (is(n, blocks[i]))
      return 1;
  return 0;
}

/* Bytes of text of n's own paragraph: its text children and inline
 * elements, links left out. */
static size_t
own_text(const xmlNode *n)
{
  const xmlNode *c;
  size_t len = 0;
  for (c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE && c->content) {
      const xmlChar *s = c->content;
      for (; *s; s++)
        len += !isspace(*s);
    } else if (c->type == XML_ELEMENT_NODE && !is_block(c) && !is(c, "a"))
      len += own_text(c);
  }
  return len;
}

/* Scores every element: a paragraph counts fully for itself and its
 * parent, half for its grandparent. Keeps the best in *best. */
static void
score(xmlNode *n, double *scores, size_t *count, xmlNode **nodes,
      size_t cap)
{
  xmlNode *c;
  for (c = n->children; c; c = c->next) {
    size_t len, i;
    xmlNode *up[3];
    if (c->type != XML_ELEMENT_NODE)
      continue;
    score(c, scores, count, nodes, cap);
    if ((len = own_text(c)) < MIN_PARAGRAPH)
      continue;
    up[0] = c;
    up[1] = c->parent;
    up[2] = c->parent ? c->parent->parent : NULL;
    for (i = 0; i < 3; i++) {
      size_t k;
      if (!up[i] || up[i]->type != XML_ELEMENT_NODE)
        continue;
      for (k = 0; k < *count && nodes[k] != up[i]; k++)
        ;
      if (k == *count) {
        if (*count == cap)
          continue;
        nodes[(*count)++] = up[i];
        scores[k] = 0;
      }
      scores[k] += i < 2 ? (double)len : (double)len / 2;
    }
  }
}

/* Appends the text below n, a line break around each block. */
static int
text_of(const xmlNode *n, kk_buf *b)
{
  const xmlNode *c;
  int rc = 0;
  for (c = n->children; !rc && c; c = c->next) {
    if (c->type == XML_TEXT_NODE && c->content) {
      const char *s = (const char *)c->content;
      for (; !rc && *s; s++) {
        char ch = strchr(" \t\r\n\f\v", *s) ? ' ' : *s;
        int space = ch == ' ';
        if (space && (!b->len || b->data[b->len - 1] == ' ' ||
                      b->data[b->len - 1] == '\n'))
          continue;
        rc = kkachi__buf_append(b, &ch, 1);
      }
    } else if (c->type == XML_ELEMENT_NODE) {
      int block = is_block(c);
      if (block && b->len && b->data[b->len - 1] != '\n')
        rc = kkachi__buf_append(b, "\n", 1);
      if (!rc)
        rc = text_of(c, b);
      if (!rc && block && b->len && b->data[b->len - 1] != '\n')
        rc = kkachi__buf_append(b, "\n", 1);
    }
  }
  return rc;
}

static int
contains(const xmlNode *outer, const xmlNode *n)
{
  for (; n; n = n->parent)
    if (n == outer)
      return 1;
  return 0;
}

/* Byline elements outside the body, appended as lines of their own. */
static int
bylines(xmlNode *n, const xmlNode *body, kk_buf *b)
{
  xmlNode *c;
  int rc = 0;
  for (c = n->children; !rc && c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || contains(body, c) || contains(c, body))
      continue;
    if (marked(c, byline)) {
      size_t before = b->len;
      rc = kkachi__buf_append(b, "\n", 1);
      if (!rc)
        rc = text_of(c, b);
      if (!rc && b->len == before + 1)
        b->len = before; /* nothing in it */
    } else
      rc = bylines(c, body, b);
  }
  return rc;
}

/* The page's body as text, paragraphs on lines of their own. */
static int
body_text(xmlDoc *doc, kk_buf *out)
{
  xmlNode *root = xmlDocGetRootElement(doc), *best = NULL;
  enum { CAP = 4096 };
  xmlNode **nodes = NULL;
  double *scores = NULL, top = 0;
  size_t count = 0, i;
  int rc = KKACHI_ENOMEM;

  if (!root)
    return KKACHI_EEMPTY;
  strip(root);
  if (!(nodes = kkachi__calloc(CAP, sizeof *nodes)) ||
      !(scores = kkachi__calloc(CAP, sizeof *scores)))
    goto done;
  score(root, scores, &count, nodes, CAP);
  for (i = 0; i < count; i++)
    if (scores[i] > top) {
      top = scores[i];
      best = nodes[i];
    }
  if (!best)
    best = root;
  rc = text_of(best, out);
  if (!rc && best != root)
    rc = bylines(root, best, out);
done:
  kkachi__free(nodes);
  kkachi__free(scores);
  return rc;
}

/* ---- metadata ---- */

#define KK_MAX_AUTHORS 8

typedef struct meta {
  char *title, *date, *url, *lang, *publisher;
  char *author[KK_MAX_AUTHORS];
  size_t nauthors;
  /* 3 JSON-LD, 2 Open Graph and named meta tags, 1 other */
  int title_rank, date_rank, url_rank, publisher_rank, author_rank;
  int oom; /* a copy failed: the page fails with KKACHI_ENOMEM */
} meta;

static void
take(meta *m, char **slot, int *rank, int r, const char *v)
{
  if (!v || !*v || r <= *rank)
    return;
  kkachi__free(*slot);
  if (!(*slot = kkachi__strdup(v)))
    m->oom = 1;
  *rank = r;
}

/* Adds an author at rank r: a better rank replaces the list, the same
 * rank adds to it. Links (article:author is often a profile page) are
 * not names. */
static void
add_author(meta *m, int r, const char *v)
{
  size_t i;
  if (!v || !*v || r < m->author_rank || !strncmp(v, "http", 4)
      || strchr(v, '\n'))
    return;
  if (r > m->author_rank) {
    for (i = 0; i < m->nauthors; i++)
      kkachi__free(m->author[i]);
    m->nauthors = 0;
    m->author_rank = r;
  }
  for (i = 0; i < m->nauthors; i++)
    if (!strcmp(m->author[i], v))
      return;
  if (m->nauthors < KK_MAX_AUTHORS) {
    if ((m->author[m->nauthors] = kkachi__strdup(v)))
      m->nauthors++;
    else
      m->oom = 1;
  }
}

/* A JSON-LD name: a string, or an object's "name". */
static const char *
ld_name(json_t *v)
{
  if (json_is_object(v))
    v = json_object_get(v, "name");
  return json_string_value(v);
}

static void
json_ld(meta *m, json_t *v)
{
  json_t *type, *item;
  size_t i;
  if (json_is_array(v)) {
    json_array_foreach(v, i, item) json_ld(m, item);
    return;
  }
  if (!json_is_object(v))
    return;
  if ((item = json_object_get(v, "@graph")))
    json_ld(m, item);
  type = json_object_get(v, "@type");
  if (!json_is_string(type) || !strstr(json_string_value(type), "Article"))
    return;
  take(m, &m->title, &m->title_rank, 3,
       json_string_value(json_object_get(v, "headline")));
  take(m, &m->date, &m->date_rank, 3,
       json_string_value(json_object_get(v, "datePublished")));
  take(m, &m->url, &m->url_rank, 3, json_string_value(json_object_get(v, "url")));
  take(m, &m->publisher, &m->publisher_rank, 3,
       ld_name(json_object_get(v, "publisher")));
  item = json_object_get(v, "author");
  if (json_is_array(item)) {
    json_t *one;
    json_array_foreach(item, i, one) add_author(m, 3, ld_name(one));
  } else
    add_author(m, 3, ld_name(item));
}

static void
read_meta(xmlNode *n, meta *m)
{
  xmlNode *c;
  for (c = n; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    if (is(c, "meta")) {
      xmlChar *p = xmlGetProp(c, (const xmlChar *)"property");
      xmlChar *v = xmlGetProp(c, (const xmlChar *)"content");
      const char *k = (const char *)p;
      if (!p)
        k = (const char *)(p = xmlGetProp(c, (const xmlChar *)"name"));
      if (k && v) {
        if (!strcmp(k, "og:title"))
          take(m, &m->title, &m->title_rank, 2, (const char *)v);
        else if (!strcmp(k, "og:url"))
          take(m, &m->url, &m->url_rank, 2, (const char *)v);
        else if (!strcmp(k, "article:published_time"))
          take(m, &m->date, &m->date_rank, 2, (const char *)v);
        else if (!strcmp(k, "og:site_name") || !strcmp(k, "publisher")
                 || !strcmp(k, "article:publisher"))
          take(m, &m->publisher, &m->publisher_rank, 2, (const char *)v);
        else if (!strcmp(k, "author") || !strcmp(k, "article:author")
                 || !strcmp(k, "dable:author"))
          add_author(m, 2, (const char *)v);
      }
      xmlFree(p);
      xmlFree(v);
    } else if (is(c, "title")) {
      xmlChar *t = xmlNodeGetContent(c);
      take(m, &m->title, &m->title_rank, 1, (const char *)t);
      xmlFree(t);
    } else if (is(c, "script")) {
      xmlChar *type = xmlGetProp(c, (const xmlChar *)"type");
      if (type && !strcmp((const char *)type, "application/ld+json")) {
        xmlChar *t = xmlNodeGetContent(c);
        json_t *j = t ? json_loads((const char *)t, 0, NULL) : NULL;
        if (j)
          json_ld(m, j);
        json_decref(j);
        xmlFree(t);
      }
      xmlFree(type);
    } else if (is(c, "html")) {
      xmlChar *l = xmlGetProp(c, (const xmlChar *)"lang");
      if (l && (!strncmp((const char *)l, "ko", 2) ||
                !strncmp((const char *)l, "en", 2))) {
        kkachi__free(m->lang);
        if (!(m->lang = kkachi__strndup((const char *)l, 2)))
          m->oom = 1;
      }
      xmlFree(l);
    }
    if (c->children)
      read_meta(c->children, m);
  }
}

/* libxml2 tells every page's HTML5 tags as errors, through handlers that
 * raptor sets for the whole process: they are quiet while a page parses.
 * What they would say is no guide to a page misread (misread() is). */
static void
quiet(void *user_data, xmlErrorPtr err)
{
  (void)user_data;
  (void)err;
}

/* Flattens a page nested too deep to walk; fails with KKACHI_ESYNTAX
 * when the tree holds much less text than the page shows. */
static int
misread(xmlDoc *doc, const kk_buf *page, char *msg, size_t msgsize)
{
  xmlNode *root = xmlDocGetRootElement(doc);
  size_t shown, kept;
  kkachi__html_flatten(root, MAX_DEPTH);
  shown = kkachi__html_raw_text(page->data ? page->data : "", page->len);
  kept = kkachi__html_dom_text(root);
  if (shown < MIN_SHOWN || kept >= shown / 2)
    return 0;
  snprintf(msg, msgsize, "the HTML parser kept only %lu of the page's %lu "
           "bytes of text", (unsigned long)kept, (unsigned long)shown);
  return KKACHI_ESYNTAX;
}

/* Parses the page as the bytes say (html_decode.c); *d says what that
 * took. A page the parser misread is refused: msg says why and *rc is
 * set. */
static xmlDoc *
parse_page(const char *data, size_t len, kk_decoded *d, int *rc, char *msg,
           size_t msgsize)
{
  xmlStructuredErrorFunc old = xmlStructuredError;
  void *old_ctx = xmlStructuredErrorContext;
  kk_buf utf8 = KK_BUF_INIT;
  xmlDoc *doc = NULL;

  if ((*rc = kkachi__html_decode(&utf8, d, data, len))) {
    snprintf(msg, msgsize, "%s", kkachi_strerror(*rc));
    goto done;
  }
  if (d->bad + d->nul > len / 4) { /* a quarter of the page: no text */
    snprintf(msg, msgsize, "not a page of text: %lu of its %lu bytes are "
             "NUL or do not decode", (unsigned long)(d->bad + d->nul),
             (unsigned long)len);
    *rc = KKACHI_ESYNTAX;
    goto done;
  }
  xmlSetStructuredErrorFunc(NULL, quiet);
  doc = htmlReadMemory(utf8.data ? utf8.data : "",
                       (int)(utf8.len > 0x7fffffff ? 0x7fffffff : utf8.len),
                       NULL, "UTF-8",
                       HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                           HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                           HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE);
  xmlSetStructuredErrorFunc(old_ctx, old);
  *rc = KKACHI_ESYNTAX;
  if (!doc)
    snprintf(msg, msgsize, "not an HTML page that can be read");
  else
    *rc = misread(doc, &utf8, msg, msgsize);
  if (*rc) {
    xmlFreeDoc(doc);
    doc = NULL;
  }
done:
  kkachi__buf_free(&utf8);
  return doc;
}

/* The warning for a page read with bytes replaced: the first of them. */
static void
replaced(const kk_decoded *d, char *msg, size_t msgsize)
{
  int nul = d->nul && (!d->bad || d->nul_offset < d->bad_offset);
  size_t all = d->nul + d->bad;
  char more[48] = "";
  if (!all)
    return;
  if (all > 1)
    snprintf(more, sizeof more, " (%lu bytes in all)", (unsigned long)all);
  snprintf(msg, msgsize, "%s%s at byte offset %lu read as U+FFFD%s",
           nul ? "NUL byte" : "invalid ", nul ? "" : d->charset,
           (unsigned long)(nul ? d->nul_offset : d->bad_offset), more);
}

/* Gives the article the page's metadata. */
static int
set_meta(kkachi_article *a, meta *m)
{
  size_t i;
  int rc = 0;
  if (m->date && strlen(m->date) >= 10)
    m->date[10] = '\0'; /* the day of a dateTime */
  if ((m->title && (rc = kkachi_article_set(a, "title", m->title))) ||
      (m->date && (rc = kkachi_article_set(a, "date", m->date))) ||
      (m->url && (rc = kkachi_article_set(a, "url", m->url))) ||
      (m->lang && (rc = kkachi_article_set(a, "lang", m->lang))) ||
      (m->publisher &&
       (rc = kkachi_article_set(a, "publisher", m->publisher))))
    return rc;
  for (i = 0; !rc && i < m->nauthors; i++)
    rc = kkachi_article_set(a, "author", m->author[i]);
  return rc;
}

int
kkachi__html_article(kkachi_article **out, const char *id, const char *data,
                     size_t len, char *msg, size_t msgsize)
{
  xmlDoc *doc;
  meta m;
  kk_decoded d;
  kk_buf text = KK_BUF_INIT;
  size_t bad = 0, i;
  int rc;

  *out = NULL;
  msg[0] = '\0';
  memset(&m, 0, sizeof m);
  if (!(doc = parse_page(data, len, &d, &rc, msg, msgsize)))
    return rc;
  read_meta(xmlDocGetRootElement(doc), &m);
  rc = m.oom ? KKACHI_ENOMEM : body_text(doc, &text);
  if (!rc)
    rc = kkachi_article_new(out, id, text.data ? text.data : "", text.len,
                            &bad);
  if (rc)
    snprintf(msg, msgsize, "%s", rc == KKACHI_EEMPTY
                                     ? "the page has no article text"
                                     : kkachi_strerror(rc));
  else if ((rc = set_meta(*out, &m))) {
    snprintf(msg, msgsize, "%s", kkachi_strerror(rc));
    kkachi_article_free(*out);
    *out = NULL;
  } else
    replaced(&d, msg, msgsize);
  for (i = 0; i < m.nauthors; i++)
    kkachi__free(m.author[i]);
  kkachi__free(m.publisher);
  kkachi__free(m.title);
  kkachi__free(m.date);
  kkachi__free(m.url);
  kkachi__free(m.lang);
  kkachi__buf_free(&text);
  xmlFreeDoc(doc);
  return rc;
}
