/* rdfsource.h: an RDF file opened for parsing into a store or a server:
 * its stream, its syntax, the IRI of the graph for triples outside any
 * graph, and its parse errors logged with their location. */
#ifndef KK_RDFSOURCE_H
#define KK_RDFSOURCE_H

#include <raptor2.h>
#include <stdio.h>

#include "buf.h"
#include "log.h"

typedef struct kk_rdfsource {
  FILE *fp;           /* the file, or stdin for "-" */
  const char *path;   /* borrowed */
  const char *syntax; /* raptor's name for it */
  kk_buf iri;         /* file:///real/path, or file:///dev/stdin */
  kk_log *log;
  int errors;         /* parse errors seen */
} kk_rdfsource;

/* Opens path ("-" for stdin). syntax NULL chooses by the ending
 * (.ttl/.turtle, .nt/.ntriples, .nq/.nquads, .trig, .rdf/.owl/.xml, .json
 * for RDF/JSON; Turtle otherwise), and stdin_syntax for stdin. Logs and
 * returns KKACHI_EIO when the file cannot be opened, KKACHI_EINVAL for
 * JSON-LD (.jsonld), which raptor does not read. */
int kkachi__rdfsource_open(kk_rdfsource *src, kk_log *log, const char *path,
                           const char *syntax, const char *stdin_syntax);

/* Closes the file (not stdin) and frees the IRI. */
void kkachi__rdfsource_close(kk_rdfsource *src);

/* A raptor log handler (user_data: the source): errors are logged as
 * FILE:LINE:COL, with the syntax they were read as, and counted; warnings
 * are dropped. */
void kkachi__rdfsource_on_log(void *user_data, raptor_log_message *msg);

#endif
