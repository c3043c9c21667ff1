/* store_check.c: an RDF file read to its end before a load writes any of
 * it, so that a file which does not parse (cut short, say) changes
 * nothing; the graphs it names are told to the store's report callback
 * as not loaded. */
#include <stdio.h>
#include <string.h>

#include "store.h"
#include "strmap.h"

typedef struct check_state {
  kkachi_store *s;
  kk_rdfsource *src;
  kk_strmap *seen; /* graph IRIs met */
  kk_buf names;    /* the same, in order, each with its NUL */
  raptor_term *last;
  int rc;
} check_state;

static void
note(check_state *c, const unsigned char *iri, size_t n)
{
  if (c->rc || kkachi__strmap_get(c->seen, (const char *)iri, n))
    return;
  if (kkachi__strmap_put(c->seen, (const char *)iri, n, c)
      || kkachi__buf_append(&c->names, (const char *)iri, n + 1))
    c->rc = KKACHI_ENOMEM;
}

static void
on_statement(void *user_data, raptor_statement *st)
{
  check_state *c = user_data;
  size_t n;
  const unsigned char *iri;

  if (c->src->errors) /* what raptor makes of a broken line */
    return;
  if (c->s->report && !st->graph) /* in the file's graph */
    note(c, (const unsigned char *)c->src->iri.data, c->src->iri.len);
  if (!c->s->report || !st->graph || st->graph->type != RAPTOR_TERM_TYPE_URI
      || (c->last && raptor_term_equals(c->last, st->graph)))
    return;
  if (c->last)
    raptor_free_term(c->last);
  c->last = raptor_term_copy(st->graph);
  iri = raptor_uri_as_counted_string(st->graph->value.uri, &n);
  note(c, iri, n);
}

/* Feeds the parser all of src; a copy of it goes to copy unless NULL. */
static int
feed(raptor_parser *p, kk_rdfsource *src, FILE *copy)
{
  unsigned char buf[65536];
  size_t n;

  while (!src->errors && (n = fread(buf, 1, sizeof buf, src->fp)) > 0) {
    if (copy && fwrite(buf, 1, n, copy) != n) {
      kkachi__log(src->log, KKACHI_LOG_ERROR, src->path, 0, 0,
                  "cannot keep a copy to read twice");
      return KKACHI_EIO;
    }
    raptor_parser_parse_chunk(p, buf, n, 0);
  }
  if (ferror(src->fp)) {
    kkachi__log(src->log, KKACHI_LOG_ERROR, src->path, 0, 0,
                "cannot read");
    return KKACHI_EIO;
  }
  if (!src->errors)
    raptor_parser_parse_chunk(p, NULL, 0, 1);
  return src->errors ? KKACHI_ESYNTAX : 0;
}

/* Tells the report callback of every graph of a file not loaded. */
static void
report_all(check_state *c, int rc)
{
  size_t off = 0;
  while (c->s->report && off < c->names.len) {
    const char *g = c->names.data + off;
    c->s->report(g, 0, rc, "its file was not loaded", c->s->user_data);
    off += strlen(g) + 1;
  }
}

int
kkachi__store_check(kkachi_store *s, kk_rdfsource *src)
{
  raptor_world *rw = librdf_world_get_raptor(s->world);
  raptor_parser *p = raptor_new_parser(rw, src->syntax);
  raptor_uri *base = raptor_new_uri(rw, (const unsigned char *)src->iri.data);
  /* stdin and pipes cannot be read twice */
  FILE *copy = fseek(src->fp, 0, SEEK_SET) ? tmpfile() : NULL;
  check_state c;

  memset(&c, 0, sizeof c);
  c.s = s;
  c.src = src;
  c.rc = p && base && !kkachi__strmap_new(&c.seen) ? 0 : KKACHI_ENOMEM;
  if (!c.rc && raptor_parser_parse_start(p, base))
    c.rc = KKACHI_ERDF;
  raptor_world_set_log_handler(rw, src, kkachi__rdfsource_on_log);
  if (!c.rc) {
    raptor_parser_set_statement_handler(p, &c, on_statement);
    c.rc = feed(p, src, copy);
  }
  raptor_world_set_log_handler(rw, NULL, NULL);
  if (c.rc)
    report_all(&c, c.rc);
  else if (copy && (fflush(copy) || fseek(copy, 0, SEEK_SET)))
    c.rc = KKACHI_EIO;
  else if (copy) {
    src->fp = copy; /* closed with src */
    copy = NULL;
  } else if (fseek(src->fp, 0, SEEK_SET))
    c.rc = KKACHI_EIO;
  if (copy)
    fclose(copy);
  if (c.last)
    raptor_free_term(c.last);
  kkachi__strmap_free(c.seen);
  kkachi__buf_free(&c.names);
  if (base)
    raptor_free_uri(base);
  if (p)
    raptor_free_parser(p);
  return c.rc;
}
