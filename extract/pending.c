/* pending.c: a fixed table of temporary files that a signal handler can
 * remove with async-signal-safe calls only (unlink, sigaction, raise). */
#define _POSIX_C_SOURCE 200809L
#include "pending.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#define MAX_PENDING 8
#define MAX_PATH 4096

typedef struct entry {
  volatile sig_atomic_t used; /* set after path is written */
  char path[MAX_PATH];
} entry;

static entry table[MAX_PENDING];

static const int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE };

static void
on_signal(int sig)
{
  struct sigaction dfl;
  int i;
  for (i = 0; i < MAX_PENDING; i++)
    if (table[i].used)
      (void)unlink(table[i].path);
  memset(&dfl, 0, sizeof dfl);
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  (void)sigaction(sig, &dfl, NULL);
  (void)raise(sig); /* delivered, with the default action, on return */
}

void
pending_signals(void)
{
  struct sigaction sa, old;
  size_t i;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigfillset(&sa.sa_mask);
  for (i = 0; i < sizeof signals / sizeof *signals; i++) {
    if (sigaction(signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
      continue; /* e.g. SIGINT of a background job */
    (void)sigaction(signals[i], &sa, NULL);
  }
}

int
pending_add(const char *path)
{
  size_t n = strlen(path);
  int i;
  if (n >= MAX_PATH)
    return -1;
  for (i = 0; i < MAX_PENDING; i++)
    if (!table[i].used) {
      memcpy(table[i].path, path, n + 1);
      table[i].used = 1;
      return i;
    }
  return -1;
}

void
pending_remove(int slot)
{
  if (slot >= 0 && slot < MAX_PENDING)
    table[slot].used = 0;
}
