/* cmd_rules.c: kkachi rules check|test: compile rules, run their examples. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static void
help(FILE *fp)
{
  fputs("usage: kkachi rules check [--rules-unsafe] [PATH...]\n"
        "       kkachi rules test [-v] [--rules-unsafe] [PATH...]\n"
        "\n"
        "check  compiles every rule (the installed rules when no PATH is\n"
        "       given) and reports each error as FILE:LINE:COL: message.\n"
        "test   runs the examples written in the rule files and prints\n"
        "       'N passed, N failed'; -v prints every example.\n"
        "--rules-unsafe\n"
        "       lets gazetteer and include paths leave the folders loaded\n"
        "       and the installed data folder (trusted rules only)\n"
        "\n"
        "exit status: 0 all good, 1 an example failed, 2 rules do not load\n",
        fp);
}

static void
report(const char *file, unsigned long line, int ok, const char *msg,
       void *user_data)
{
  int verbose = *(int *)user_data;
  if (!ok)
    cli_error("%s:%lu: example failed: %s", file, line, msg);
  else if (verbose)
    printf("ok %s:%lu\n", file, line);
}

int
cmd_rules(int argc, char **argv)
{
  const char *paths[64];
  kkachi_engine *e = NULL;
  unsigned passed = 0, failed = 0;
  int i, n = 0, verbose = 0, test, status, rc;

  if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
    help(argc < 2 ? stderr : stdout);
    return argc < 2 ? EXIT_FAILED : EXIT_DONE;
  }
  test = !strcmp(argv[1], "test");
  if (!test && strcmp(argv[1], "check")) {
    cli_error("unknown rules command '%s' (check, test)", argv[1]);
    return EXIT_FAILED;
  }
  for (i = 2; i < argc; i++) {
    if (!strcmp(argv[i], "-v"))
      verbose = 1;
    else if (!strcmp(argv[i], "--rules-unsafe"))
      cli_set_rules_unsafe(1);
    else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
      help(stdout);
      return EXIT_DONE;
    } else if (n < 64)
      paths[n++] = argv[i];
    else {
      cli_error("too many paths");
      return EXIT_FAILED;
    }
  }
  if ((status = cli_engine(&e, paths, n, NULL, 0)))
    return status;
  if (!test) {
    printf("%lu rules compiled\n", (unsigned long)kkachi_engine_rule_count(e));
    kkachi_engine_free(e);
    return EXIT_DONE;
  }
  rc = kkachi_engine_test_rules(e, report, &verbose, &passed, &failed);
  kkachi_engine_free(e);
  if (rc) {
    cli_error("%s", kkachi_strerror(rc));
    return EXIT_FAILED;
  }
  printf("%u passed, %u failed\n", passed, failed);
  return failed ? EXIT_FINDING : EXIT_DONE;
}
