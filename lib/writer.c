/* writer.c: serialises article graphs with raptor2, one document per run. */
#include <string.h>

#include "alloc.h"
#include "engine.h"
#include "fact.h"
#include "graph.h"
#include "iri.h"

struct kkachi_writer {
  kkachi_engine *e;
  raptor_serializer *ser;
  int nquads;
  librdf_storage *seen_store; /* RDF/JSON: the triples already sent */
  librdf_model *seen;
  int evidence;
  int text;
  int started;
};

static const char *const prefixes[][2] = {
  { "kk", KK_NS },     { "schema", NS_SCHEMA }, { "org", NS_ORG },
  { "nif", NS_NIF },   { "skos", NS_SKOS },     { "xsd", NS_XSD },
  { "rdfs", NS_RDFS },
};

int
kkachi_writer_new(kkachi_writer **out, kkachi_engine *e, FILE *fp,
                  const char *format)
{
  librdf_world *w = kkachi__engine_world(e);
  raptor_world *rw;
  kkachi_writer *wr;
  size_t i;
  int turtle = !strcmp(format, "turtle"), rdfxml = !strcmp(format, "rdfxml");

  *out = NULL;
  if (!turtle && !rdfxml && strcmp(format, "ntriples")
      && strcmp(format, "nquads") && strcmp(format, "json"))
    return KKACHI_EINVAL;
  if (!w || !(rw = librdf_world_get_raptor(w)))
    return KKACHI_ERDF;
  if (!(wr = kkachi__calloc(1, sizeof *wr)))
    return KKACHI_ENOMEM;
  wr->e = e;
  wr->evidence = 1;
  wr->nquads = !strcmp(format, "nquads");
  wr->ser = raptor_new_serializer(rw, format);
  if (!wr->ser)
    goto fail;
  /* raptor's RDF/JSON serializer keeps every triple until the end and
   * fails on one it already holds (an entity two articles share): the
   * writer sends each triple once */
  if (!strcmp(format, "json")
      && (!(wr->seen_store = librdf_new_storage(
              w, "hashes", NULL, "hash-type='memory',index-predicates='no'"))
          || !(wr->seen = librdf_new_model(w, wr->seen_store, NULL))))
    goto fail;
  /* Turtle and RDF/XML get prefixes for the vocabularies but no base:
   * raptor would write the vocabulary prefixes relative to it
   * ("kk: <../ns#>"). */
  if (turtle || rdfxml) {
    for (i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
      raptor_uri *u
          = raptor_new_uri(rw, (const unsigned char *)prefixes[i][1]);
      int bad = !u
                || raptor_serializer_set_namespace(
                    wr->ser, u, (const unsigned char *)prefixes[i][0]);
      if (u)
        raptor_free_uri(u);
      if (bad)
        goto fail;
    }
  }
  if (raptor_serializer_start_to_file_handle(wr->ser, NULL, fp))
    goto fail;
  wr->started = 1;
  *out = wr;
  return 0;
fail:
  kkachi_writer_free(wr);
  return KKACHI_ERDF;
}

void
kkachi_writer_set_evidence(kkachi_writer *w, int on)
{
  w->evidence = on;
}

void
kkachi_writer_set_text(kkachi_writer *w, int on)
{
  w->text = on;
}

/* Streams the model's statements to the serializer, in the article's
 * named graph for N-Quads. */
static int
serialize_model(kkachi_writer *w, librdf_model *model, const char *iri)
{
  librdf_world *world = kkachi__engine_world(w->e);
  librdf_stream *st = librdf_model_as_stream(model);
  librdf_node *graph = NULL;
  int rc = 0;

  if (!st)
    return KKACHI_ERDF;
  if (w->nquads) {
    graph = librdf_new_node_from_uri_string(world, (const unsigned char *)iri);
    if (!graph)
      rc = KKACHI_ENOMEM;
  }
  while (!rc && !librdf_stream_end(st)) {
    librdf_statement *s = librdf_stream_get_object(st);
    raptor_statement copy = *s; /* librdf_statement is raptor_statement */
    copy.graph = graph;
    if (w->seen && librdf_model_contains_statement(w->seen, s))
      ; /* sent with an earlier article */
    else if (w->seen && librdf_model_add_statement(w->seen, s))
      rc = KKACHI_ENOMEM;
    else if (raptor_serializer_serialize_statement(w->ser, &copy))
      rc = KKACHI_EIO;
    librdf_stream_next(st);
  }
  librdf_free_stream(st);
  if (graph)
    librdf_free_node(graph);
  return rc;
}

int
kkachi_writer_add(kkachi_writer *w, const kkachi_result *r)
{
  librdf_world *world = kkachi__engine_world(w->e);
  librdf_storage *storage;
  librdf_model *model = NULL;
  char *iri = NULL;
  int rc = KKACHI_ERDF;

  /* an indexed in-memory store per article: memory does not grow with
   * the corpus, and duplicate triples collapse */
  storage = librdf_new_storage(world, "hashes", NULL,
                               "hash-type='memory',index-predicates='no'");
  if (!storage)
    return KKACHI_ERDF;
  model = librdf_new_model(world, storage, NULL);
  if (!model)
    goto done;
  rc = kkachi__graph_build(model, w->e, r,
                           (w->evidence ? KK_GRAPH_EVIDENCE : 0) |
                               (w->text ? KK_GRAPH_TEXT : 0),
                           &iri);
  if (!rc)
    rc = serialize_model(w, model, iri);
done:
  kkachi__free(iri);
  if (model)
    librdf_free_model(model);
  librdf_free_storage(storage);
  return rc;
}

int
kkachi_writer_finish(kkachi_writer *w)
{
  if (!w->started)
    return 0;
  w->started = 0;
  return raptor_serializer_serialize_end(w->ser) ? KKACHI_EIO : 0;
}

void
kkachi_writer_free(kkachi_writer *w)
{
  if (!w)
    return;
  /* a writer freed unfinished (after an error) still ends the
   * serializer, which frees the stream raptor made for fp */
  if (w->started)
    (void)raptor_serializer_serialize_end(w->ser);
  if (w->ser)
    raptor_free_serializer(w->ser);
  if (w->seen)
    librdf_free_model(w->seen);
  if (w->seen_store)
    librdf_free_storage(w->seen_store);
  kkachi__free(w);
}
