/* kkachi.c: the kkachi program: subcommand dispatch, --version, --help. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "pending.h"

static void
usage(FILE *fp)
{
  fputs("usage: kkachi COMMAND [OPTIONS] [ARGS]\n"
        "\n"
        "Reads news articles and writes what they say as RDF facts.\n"
        "\n"
        "commands:\n"
        "  extract      read articles, write their graph (Turtle, N-Triples,\n"
        "               N-Quads, RDF/XML, RDF/JSON) or a picture (DOT, SVG)\n"
        "  validate     check RDF data against SHACL shapes and the\n"
        "               vocabulary; write a validation report\n"
        "  load         load RDF into a store, one named graph per article\n"
        "  query        run SPARQL on a store\n"
        "  rules check  compile rule files and report errors\n"
        "  rules test   run the examples written in rule files\n"
        "\n"
        "  kkachi COMMAND --help   options of a command\n"
        "  kkachi --version        versions of kkachi and its libraries\n"
        "\n"
        "exit status: 0 done, 1 done with a finding (some input unreadable),\n"
        "2 nothing useful done (usage, rules, I/O)\n",
        fp);
}

/* Flushes and closes stdout: a write that failed (a full disk, a closed
 * pipe when SIGPIPE is ignored) makes the status EXIT_FAILED, with a
 * message unless the command failed already, and so said why. */
static int
close_stdout(int status)
{
  int bad = fflush(stdout) != 0 || ferror(stdout), err = errno;
  if (fclose(stdout) != 0 && errno != EBADF && !bad) {
    bad = 1;
    err = errno;
  }
  if (bad && status != EXIT_FAILED)
    cli_error("cannot write to standard output: %s", strerror(err));
  return bad ? EXIT_FAILED : status;
}

static int
run(int argc, char **argv)
{
  if (argc < 2) {
    usage(stderr);
    return EXIT_FAILED;
  }
  if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
    char deps[512];
    kkachi_dependency_versions(deps, sizeof deps);
    printf("kkachi %s\n%s\n", kkachi_version(), deps);
    return EXIT_DONE;
  }
  if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
    usage(stdout);
    return EXIT_DONE;
  }
  if (!strcmp(argv[1], "extract"))
    return cmd_extract(argc - 1, argv + 1);
  if (!strcmp(argv[1], "rules"))
    return cmd_rules(argc - 1, argv + 1);
  if (!strcmp(argv[1], "validate"))
    return cmd_validate(argc - 1, argv + 1);
  if (!strcmp(argv[1], "load"))
    return cmd_load(argc - 1, argv + 1);
  if (!strcmp(argv[1], "query"))
    return cmd_query(argc - 1, argv + 1);
  cli_error("unknown command '%s' (see kkachi --help)", argv[1]);
  return EXIT_FAILED;
}

int
main(int argc, char **argv)
{
  pending_signals();
  return close_stdout(run(argc, argv));
}
