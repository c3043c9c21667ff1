/* cli.h: what the kkachi subcommands share. */
#ifndef KK_CLI_H
#define KK_CLI_H

#include "kkachi.h"

/* Exit statuses, as cli.md fixes them. */
enum { EXIT_DONE = 0, EXIT_FINDING = 1, EXIT_FAILED = 2 };

/* Prints "kkachi: FILE:LINE:COL: msg" to stderr (kkachi_log_fn), control
 * characters in FILE and msg escaped (escape.h). */
void cli_log(int level, const char *file, unsigned long line,
             unsigned long col, const char *msg, void *user_data);

/* Prints "kkachi: msg" to stderr, control characters escaped, so that the
 * message stays one line whatever it quotes. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The folder of the installed data ($KKACHI_DATADIR or the compiled-in
 * one). */
const char *cli_datadir(void);

/* The folder of the installed rules ($KKACHI_DATADIR/rules or the
 * compiled-in data folder). Static storage. */
const char *cli_default_rules(void);

/* The embedded store without --store: $KKACHI_STORE or "kkachi.store".
 * The same pointer each time, so that a default can be told from a
 * store named on the command line. */
const char *cli_default_store(void);

/* Seconds on a monotonic clock, for rates and durations. */
double cli_now(void);

/* Lets the rules of the next cli_engine calls read any path
 * (--rules-unsafe); by default they read below the folders loaded and the
 * installed data folder only. */
void cli_set_rules_unsafe(int on);

/* Makes an engine with the rules of paths (or the installed rules when
 * n is 0, plus add[] in any case) loaded and compiled. Returns an exit
 * status; *out is set on EXIT_DONE. */
int cli_engine(kkachi_engine **out, const char *const *paths, int n,
               const char *const *add, int nadd);

int cmd_extract(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_load(int argc, char **argv);
int cmd_query(int argc, char **argv);

#endif
