/* cli.c: diagnostics and engine set-up shared by the subcommands. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cli.h"
#include "escape.h"

/* Every diagnostic line goes out here: what it quotes from inputs, ids
 * and servers has its control characters escaped (escape.c). */
void
cli_log(int level, const char *file, unsigned long line, unsigned long col,
        const char *msg, void *user_data)
{
  const char *kind = level == KKACHI_LOG_WARNING ? "warning: " : "";
  (void)user_data;
  if (level == KKACHI_LOG_INFO)
    return;
  fputs("kkachi: ", stderr);
  if (file) {
    escape_puts(stderr, file);
    if (line && col)
      fprintf(stderr, ":%lu:%lu", line, col);
    else if (line)
      fprintf(stderr, ":%lu", line);
    fputs(": ", stderr);
  }
  fputs(kind, stderr);
  escape_puts(stderr, msg);
  fputc('\n', stderr);
}

void
cli_error(const char *fmt, ...)
{
  char small[512], *msg = small;
  va_list ap;
  int n;

  va_start(ap, fmt);
  n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n >= (int)sizeof small && (msg = malloc((size_t)n + 1))) {
    va_start(ap, fmt);
    vsnprintf(msg, (size_t)n + 1, fmt, ap);
    va_end(ap);
  } else if (n >= (int)sizeof small)
    msg = small; /* no memory: the message cut short */
  fputs("kkachi: ", stderr);
  escape_puts(stderr, n < 0 ? fmt : msg);
  fputc('\n', stderr);
  if (msg != small)
    free(msg);
}

const char *
cli_datadir(void)
{
  const char *dir = getenv("KKACHI_DATADIR");
  return dir && *dir ? dir : KKACHI_DATADIR;
}

const char *
cli_default_store(void)
{
  static const char *store;
  if (!store) {
    const char *s = getenv("KKACHI_STORE");
    store = s && *s ? s : "kkachi.store";
  }
  return store;
}

double
cli_now(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

const char *
cli_default_rules(void)
{
  static char path[4096];
  snprintf(path, sizeof path, "%s/rules", cli_datadir());
  return path;
}

static int rules_unsafe;

void
cli_set_rules_unsafe(int on)
{
  rules_unsafe = on;
}

int
cli_engine(kkachi_engine **out, const char *const *paths, int n,
           const char *const *add, int nadd)
{
  kkachi_engine *e = NULL;
  const char *def = cli_default_rules();
  int i, rc;

  *out = NULL;
  if ((rc = kkachi_engine_new(&e))) {
    cli_error("%s", kkachi_strerror(rc));
    return EXIT_FAILED;
  }
  kkachi_engine_set_log(e, cli_log, NULL);
  kkachi_engine_set_rules_unsafe(e, rules_unsafe);
  rc = kkachi_engine_allow_folder(e, cli_datadir());
  if (!rc && n == 0)
    rc = kkachi_engine_load_rules(e, def);
  for (i = 0; i < n && !rc; i++)
    rc = kkachi_engine_load_rules(e, paths[i]);
  for (i = 0; i < nadd && !rc; i++)
    rc = kkachi_engine_load_rules(e, add[i]);
  if (!rc)
    rc = kkachi_engine_compile(e);
  if (rc) {
    if (rc == KKACHI_ENORULES || rc == KKACHI_ENOMEM)
      cli_error("%s", kkachi_strerror(rc));
    kkachi_engine_free(e);
    return EXIT_FAILED;
  }
  *out = e;
  return EXIT_DONE;
}
