/* cmd_validate.c: kkachi validate: RDF data against SHACL shapes and the
 * kkachi vocabulary, a W3C validation report out. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

#define MAX_SHAPES 32
#define KK_NS "https://w3id.org/kkachi/ns#"

static void
help(FILE *fp)
{
  fputs("usage: kkachi validate [--shapes FILE]... [--vocab FILE] DATA...\n"
        "\n"
        "Validates RDF data (N-Quads, N-Triples, TriG, RDF/XML, RDF/JSON or\n"
        "Turtle, by its ending; not JSON-LD; '-' for Turtle on stdin)\n"
        "against SHACL Core shapes, by default the installed\n"
        "kkachi-shapes.ttl, and reports every kk: term the vocabulary (by\n"
        "default the installed kkachi.ttl) does not define.\n"
        "Writes the W3C validation report as Turtle to stdout and a\n"
        "summary line to stderr.\n"
        "\n"
        "  --shapes FILE   shapes to validate against (repeatable)\n"
        "  --vocab FILE    the vocabulary whose terms data may use\n"
        "  --no-vocab      do not check terms against a vocabulary\n"
        "  -h, --help      this text\n"
        "\n"
        "exit status: 0 the data conforms, 1 it does not, 2 nothing done\n",
        fp);
}

static void
datafile(char *buf, size_t n, const char *name)
{
  snprintf(buf, n, "%s/vocab/%s", cli_datadir(), name);
}

static int
load_all(kkachi_graph *g, const char *const *paths, int n)
{
  int i, rc = 0;
  for (i = 0; i < n && !rc; i++)
    rc = kkachi_graph_load(g, paths[i], NULL);
  return rc;
}

int
cmd_validate(int argc, char **argv)
{
  static const struct option longs[]
      = { { "shapes", required_argument, NULL, 's' },
          { "vocab", required_argument, NULL, 'v' },
          { "no-vocab", no_argument, NULL, 'n' },
          { "help", no_argument, NULL, 'h' },
          { NULL, 0, NULL, 0 } };
  const char *shapes[MAX_SHAPES], *vocab = NULL;
  char def_shapes[4096], def_vocab[4096];
  kkachi_engine *e = NULL;
  kkachi_graph *data = NULL, *sg = NULL, *vg = NULL, *report = NULL;
  int nshapes = 0, no_vocab = 0, c, conforms = 0, status = EXIT_FAILED, rc;
  size_t undefined = 0;

  optind = 1;
  while ((c = getopt_long(argc, argv, "h", longs, NULL)) != -1) {
    switch (c) {
    case 's':
      if (nshapes == MAX_SHAPES) {
        cli_error("too many --shapes (at most %d)", MAX_SHAPES);
        return EXIT_FAILED;
      }
      shapes[nshapes++] = optarg;
      break;
    case 'v': vocab = optarg; break;
    case 'n': no_vocab = 1; break;
    case 'h': help(stdout); return EXIT_DONE;
    default: help(stderr); return EXIT_FAILED;
    }
  }
  if (optind >= argc) {
    cli_error("validate: no data file (see kkachi validate --help)");
    return EXIT_FAILED;
  }
  if (!nshapes) {
    datafile(def_shapes, sizeof def_shapes, "kkachi-shapes.ttl");
    shapes[nshapes++] = def_shapes;
  }
  if (!vocab) {
    datafile(def_vocab, sizeof def_vocab, "kkachi.ttl");
    vocab = def_vocab;
  }
  if (kkachi_engine_new(&e))
    return EXIT_FAILED;
  kkachi_engine_set_log(e, cli_log, NULL);
  if (kkachi_graph_new(&data, e) || kkachi_graph_new(&sg, e)
      || (!no_vocab && kkachi_graph_new(&vg, e)))
    goto done;
  if (load_all(sg, shapes, nshapes)
      || (vg && kkachi_graph_load(vg, vocab, NULL))
      || load_all(data, (const char *const *)argv + optind, argc - optind))
    goto done;
  rc = kkachi_validate(data, sg, &conforms, &report);
  if (rc == KKACHI_ELIMIT) /* the validator said where */
    goto done;
  if (rc) {
    cli_error("cannot validate: %s",
              rc == KKACHI_ESYNTAX ? "the shapes are not well-formed SHACL"
                                   : kkachi_strerror(rc));
    goto done;
  }
  if (vg && (rc = kkachi_check_terms(data, vg, KK_NS, report, &undefined))) {
    cli_error("cannot check terms: %s", kkachi_strerror(rc));
    goto done;
  }
  if (undefined)
    conforms = 0;
  if (kkachi_graph_write(report, stdout, "turtle") || fflush(stdout)) {
    cli_error("cannot write the report");
    goto done;
  }
  if (conforms)
    fprintf(stderr, "kkachi: %lu triples conform\n",
            (unsigned long)kkachi_graph_size(data));
  else
    fprintf(stderr, "kkachi: %lu triples do not conform (see the report)\n",
            (unsigned long)kkachi_graph_size(data));
  status = conforms ? EXIT_DONE : EXIT_FINDING;
done:
  kkachi_graph_free(report);
  kkachi_graph_free(data);
  kkachi_graph_free(sg);
  kkachi_graph_free(vg);
  kkachi_engine_free(e);
  return status;
}
