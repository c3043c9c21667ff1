/* fuzz_shacl.c: bytes as shapes and data in Turtle, cut at the first line
 * "#----" (all shapes and no data without it), and validated. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static kkachi_engine *world; /* for its RDF world, made once */

static void
free_world(void)
{
  kkachi_engine_free(world);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static const char cut[] = "\n#----\n";
  kkachi_graph *shapes = NULL, *dg = NULL, *report = NULL;
  const uint8_t *at = NULL;
  size_t i, n = size;
  const char *path;
  int conforms;

  for (i = 0; i + sizeof cut - 1 <= size; i++)
    if (!memcmp(data + i, cut, sizeof cut - 1)) {
      at = data + i + sizeof cut - 1;
      n = i;
      break;
    }
  if (!world) {
    if (kkachi_engine_new(&world))
      return 0;
    kkachi_engine_set_log(world, fuzz_quiet, NULL);
    atexit(free_world);
  }
  if (kkachi_graph_new(&shapes, world) || kkachi_graph_new(&dg, world))
    goto done;
  if (!(path = fuzz_file(data, n, ".ttl"))
      || kkachi_graph_load(shapes, path, "turtle"))
    goto done;
  if (at
      && (!(path = fuzz_file(at, size - (size_t)(at - data), ".ttl"))
          || kkachi_graph_load(dg, path, "turtle")))
    goto done;
  if (!kkachi_validate(dg, shapes, &conforms, &report))
    (void)kkachi_graph_size(report);
done:
  kkachi_graph_free(report);
  kkachi_graph_free(dg);
  kkachi_graph_free(shapes);
  return 0;
}
