/* article.h: the article object's fields, for the stages that read them. */
#ifndef KK_ARTICLE_H
#define KK_ARTICLE_H

#include <stddef.h>

struct kkachi_article {
  char *id;
  char *text;
  size_t len;
  char *url, *date, *title, *lang;
  char *author;    /* authors named by metadata, one per line */
  char *publisher; /* the outlet named by metadata */
};

#endif
