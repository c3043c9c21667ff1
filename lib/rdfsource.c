/* rdfsource.c: an RDF file opened for parsing into a store or a server. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kkachi.h"
#include "rdfsource.h"

/* The syntax of a file by its ending (in any case); Turtle when it has
 * none of these, NULL for JSON-LD, which raptor cannot read (its "json"
 * parser is RDF/JSON, and would misread it). */
static const char *
syntax_of(const char *path)
{
  static const char *const endings[][2]
      = { { ".ttl", "turtle" },       { ".turtle", "turtle" },
          { ".nt", "ntriples" },      { ".ntriples", "ntriples" },
          { ".nq", "nquads" },        { ".nquads", "nquads" },
          { ".trig", "trig" },        { ".rdf", "rdfxml" },
          { ".owl", "rdfxml" },       { ".xml", "rdfxml" },
          { ".json", "json" },        { ".jsonld", NULL } };
  size_t i, n = strlen(path);
  for (i = 0; i < sizeof endings / sizeof endings[0]; i++) {
    size_t m = strlen(endings[i][0]);
    if (n > m && !strcasecmp(path + n - m, endings[i][0]))
      return endings[i][1];
  }
  return "turtle";
}

int
kkachi__rdfsource_open(kk_rdfsource *src, kk_log *log, const char *path,
                       const char *syntax, const char *stdin_syntax)
{
  char *real = NULL;
  int rc;
  memset(src, 0, sizeof *src);
  src->path = path;
  src->log = log;
  src->syntax = syntax                ? syntax
                : !strcmp(path, "-") ? stdin_syntax
                                     : syntax_of(path);
  if (!src->syntax) {
    kkachi__log(log, KKACHI_LOG_ERROR, path, 0, 0,
                "JSON-LD is not supported; convert to N-Quads or Turtle");
    return KKACHI_EINVAL;
  }
  src->fp = strcmp(path, "-") ? fopen(path, "rb") : stdin;
  if (!src->fp) {
    kkachi__log(log, KKACHI_LOG_ERROR, path, 0, 0, "cannot open: %s",
                strerror(errno));
    return KKACHI_EIO;
  }
  real = src->fp != stdin ? realpath(path, NULL) : NULL;
  rc = kkachi__buf_printf(&src->iri, "file://%s", real ? real : "/dev/stdin");
  free(real);
  if (rc)
    kkachi__rdfsource_close(src);
  return rc;
}

void
kkachi__rdfsource_close(kk_rdfsource *src)
{
  if (src->fp && src->fp != stdin)
    fclose(src->fp);
  src->fp = NULL;
  kkachi__buf_free(&src->iri);
}

void
kkachi__rdfsource_on_log(void *user_data, raptor_log_message *msg)
{
  kk_rdfsource *src = user_data;
  int line = msg->locator ? raptor_locator_line(msg->locator) : 0;
  int col = msg->locator ? raptor_locator_column(msg->locator) : 0;
  if (msg->level < RAPTOR_LOG_LEVEL_ERROR)
    return;
  src->errors++;
  kkachi__log(src->log, KKACHI_LOG_ERROR, src->path,
              line > 0 ? (unsigned long)line : 0,
              col > 0 ? (unsigned long)col + 1 : 0, "%s (read as %s)",
              msg->text, src->syntax);
}
