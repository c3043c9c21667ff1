/* rdfgraph.c: RDF graphs read with raptor into an indexed librdf model. */
#include "rdfgraph.h"

#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "engine.h"
#include "iri.h"
#include "rdfsource.h"

int
kkachi_graph_new(kkachi_graph **out, kkachi_engine *e)
{
  kkachi_graph *g;
  *out = NULL;
  if (!(g = kkachi__calloc(1, sizeof *g)))
    return KKACHI_ENOMEM;
  g->engine = e;
  g->world = kkachi__engine_world(e);
  if (g->world)
    /* balanced trees keep nodes as they are; the hashes storage encodes
     * them and reads "1"^^xsd:boolean back as "true" */
    g->storage = librdf_new_storage(g->world, "trees", NULL,
                                    "index-spo='yes',index-sop='no',"
                                    "index-ops='yes',index-pso='yes'");
  if (g->storage)
    g->model = librdf_new_model(g->world, g->storage, NULL);
  if (!g->model) {
    kkachi_graph_free(g);
    return KKACHI_ERDF;
  }
  *out = g;
  return 0;
}

void
kkachi_graph_free(kkachi_graph *g)
{
  if (!g)
    return;
  if (g->model)
    librdf_free_model(g->model);
  if (g->storage)
    librdf_free_storage(g->storage);
  kkachi__free(g);
}

size_t
kkachi_graph_size(const kkachi_graph *g)
{
  int n = librdf_model_size(g->model);
  return n > 0 ? (size_t)n : 0;
}

typedef struct load_state {
  kkachi_graph *g;
  int errors;
} load_state;

static void
on_statement(void *user_data, raptor_statement *st)
{
  load_state *s = user_data;
  raptor_statement copy = *st;
  copy.graph = NULL; /* the triples of every graph */
  /* librdf_statement is raptor_statement: the model copies it, and keeps
   * the literal as written (librdf's own parser would make "none" of an
   * ill-formed xsd:boolean into "false") */
  if (librdf_model_add_statement(s->g->model, &copy))
    s->errors++;
}

int
kkachi_graph_load(kkachi_graph *g, const char *path, const char *syntax)
{
  raptor_world *rw = librdf_world_get_raptor(g->world);
  raptor_parser *parser = NULL;
  raptor_uri *base = NULL;
  load_state st = { g, 0 };
  kk_rdfsource src;
  int rc;

  if ((rc = kkachi__rdfsource_open(&src, &g->engine->log, path, syntax,
                                   "turtle")))
    return rc;
  rc = KKACHI_ERDF;
  /* relative IRIs resolve against the file's own file: IRI */
  parser = raptor_new_parser(rw, src.syntax);
  base = raptor_new_uri(rw, (const unsigned char *)src.iri.data);
  if (!parser || !base)
    goto done;
  raptor_world_set_log_handler(rw, &src, kkachi__rdfsource_on_log);
  raptor_parser_set_statement_handler(parser, &st, on_statement);
  if (raptor_parser_parse_file_stream(parser, src.fp, NULL, base) ||
      st.errors || src.errors)
    rc = KKACHI_ESYNTAX;
  else
    rc = 0;
  raptor_world_set_log_handler(rw, NULL, NULL);
done:
  if (rc == KKACHI_ESYNTAX && !src.errors)
    kkachi__log(&g->engine->log, KKACHI_LOG_ERROR, path, 0, 0,
                "cannot parse as %s", src.syntax);
  if (parser)
    raptor_free_parser(parser);
  if (base)
    raptor_free_uri(base);
  kkachi__rdfsource_close(&src);
  return rc;
}
int
kkachi_graph_write(kkachi_graph *g, FILE *fp, const char *format)
{
  static const char *const ns[][2] = { { "sh", "http://www.w3.org/ns/shacl#" },
                                       { "kk", KK_NS },
                                       { "rdf", NS_RDF },
                                       { "xsd", NS_XSD },
                                       { "schema", NS_SCHEMA } };
  librdf_serializer *s = librdf_new_serializer(g->world, format, NULL, NULL);
  size_t i;
  int rc = 0;

  if (!s)
    return KKACHI_EINVAL;
  for (i = 0; i < sizeof ns / sizeof ns[0]; i++) {
    librdf_uri *u = librdf_new_uri(g->world, (const unsigned char *)ns[i][1]);
    if (u) {
      librdf_serializer_set_namespace(s, u, ns[i][0]);
      librdf_free_uri(u);
    }
  }
  if (librdf_serializer_serialize_model_to_file_handle(s, fp, NULL, g->model))
    rc = KKACHI_EIO;
  librdf_free_serializer(s);
  return rc;
}
