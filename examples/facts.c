/* facts.c: a program using libkkachi through kkachi.h alone. It reads the
 * articles of one file (text, JSON Lines or HTML), extracts facts with
 * the rules under RULES, and prints one fact a line:
 *
 *   FAMILY <TAB> role=value ... <TAB> RULE <TAB> "matched text"
 *
 * build: cc -std=c11 facts.c $(pkg-config --cflags --libs kkachi)
 * usage: facts RULES FILE */
#include <stdio.h>
#include <stdlib.h>

#include <kkachi.h>

/* Prints a fact's slots as role=value, space-separated. */
static void
print_slots(const kkachi_fact_view *v)
{
  size_t i;
  for (i = 0; i < v->slot_count; i++)
    printf("%s%s=%s", i ? " " : "", v->slots[i].role, v->slots[i].value);
}

/* Extracts one article and prints its facts; returns 0 or an error. */
static int
print_facts(kkachi_engine *e, const kkachi_article *a)
{
  kkachi_result *r = NULL; /* ours: freed below */
  size_t i;
  int rc = kkachi_extract(&r, e, a);

  for (i = 0; !rc && i < kkachi_result_count(r); i++) {
    kkachi_fact_view v; /* borrows from r */
    if ((rc = kkachi_result_fact(r, i, &v)))
      break;
    printf("%s\t", v.family);
    print_slots(&v);
    printf("\t%s\t\"%s\"\n", v.rule, v.anchor);
  }
  kkachi_result_free(r);
  return rc;
}

int
main(int argc, char **argv)
{
  kkachi_engine *e = NULL;
  kkachi_reader *rd = NULL;
  int rc, status = EXIT_SUCCESS;

  if (argc != 3) {
    fprintf(stderr, "usage: facts RULES FILE\n");
    return 2;
  }
  if ((rc = kkachi_engine_new(&e))
      || (rc = kkachi_engine_load_rules(e, argv[1]))
      || (rc = kkachi_engine_compile(e))
      || (rc = kkachi_reader_open(&rd, argv[2], KKACHI_INPUT_AUTO))) {
    fprintf(stderr, "facts: %s\n", kkachi_strerror(rc));
    kkachi_engine_free(e);
    return 2;
  }
  for (;;) {
    kkachi_article *a = NULL; /* ours: freed below */
    unsigned long line = 0, col = 0;
    size_t offset = 0;
    rc = kkachi_reader_next(rd, &a, &line, &col, &offset);
    if (rc) { /* this article only: say where, and go on */
      fprintf(stderr, "facts: %s:%lu:%lu: %s\n", argv[2], line, col,
              kkachi_reader_message(rd));
      status = 1;
      continue;
    }
    if (!a)
      break;
    if ((rc = print_facts(e, a))) {
      fprintf(stderr, "facts: %s: %s\n", kkachi_article_id(a),
              kkachi_strerror(rc));
      status = 1;
    }
    kkachi_article_free(a);
  }
  kkachi_reader_free(rd);
  kkachi_engine_free(e);
  return status;
}
