/* render.c: per-worker line writers onto memory streams. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include "render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct lane {
  kkachi_writer *w;
  FILE *fp; /* an open_memstream over buf */
  char *buf;
  size_t size;
} lane;

struct render {
  lane *lanes;
  int n;
};

int
render_new(render **out, kkachi_engine **engines, int n, const char *format,
           int evidence, int text)
{
  render *rd;
  int i, rc;

  *out = NULL;
  if (strcmp(format, "ntriples") && strcmp(format, "nquads"))
    return 0;
  if (!(rd = calloc(1, sizeof *rd))
      || !(rd->lanes = calloc((size_t)n, sizeof *rd->lanes))) {
    free(rd);
    return KKACHI_ENOMEM;
  }
  rd->n = n;
  for (i = 0; i < n; i++) {
    lane *l = &rd->lanes[i];
    if (!(l->fp = open_memstream(&l->buf, &l->size))) {
      render_free(rd);
      return KKACHI_ENOMEM;
    }
    if ((rc = kkachi_writer_new(&l->w, engines[i], l->fp, format))) {
      render_free(rd);
      return rc;
    }
    kkachi_writer_set_evidence(l->w, evidence);
    kkachi_writer_set_text(l->w, text);
  }
  *out = rd;
  return 0;
}

int
render_article(render *rd, int worker, const kkachi_result *r, char **bytes,
               size_t *n)
{
  lane *l = &rd->lanes[worker];
  int rc;

  *bytes = NULL;
  *n = 0;
  if ((rc = kkachi_writer_add(l->w, r)))
    return rc;
  if (fflush(l->fp))
    return KKACHI_ENOMEM;
  if (l->size && !(*bytes = malloc(l->size)))
    return KKACHI_ENOMEM;
  memcpy(*bytes, l->buf, l->size);
  *n = l->size;
  rewind(l->fp); /* the next article starts the buffer again */
  return 0;
}

void
render_free(render *rd)
{
  int i;
  if (!rd)
    return;
  for (i = 0; rd->lanes && i < rd->n; i++) {
    lane *l = &rd->lanes[i];
    kkachi_writer_free(l->w); /* line formats write nothing at the end */
    if (l->fp)
      fclose(l->fp);
    free(l->buf);
  }
  free(rd->lanes);
  free(rd);
}
