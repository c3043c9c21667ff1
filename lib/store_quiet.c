/* store_quiet.c: Berkeley DB's messages, which it writes to stderr itself
 * (a line for every page it fails to write), kept off stderr while a
 * store is opened, written or closed: the first becomes the reason of
 * kkachi's one line, and any other text written meanwhile is passed on. */
#define _GNU_SOURCE /* memfd_create */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "store.h"

/* A line of Berkeley DB: "BDB" and four digits. */
static int
from_bdb(const char *line)
{
  return !strncmp(line, "BDB", 3) && isdigit((unsigned char)line[3])
         && isdigit((unsigned char)line[6]);
}

void
kkachi__quiet_begin(kk_quiet *q)
{
  int fd;

  q->saved = -1;
  q->fd = -1;
  fflush(stderr);
  /* in memory: a full disk is one reason to be quiet */
  if ((fd = memfd_create("kkachi-stderr", MFD_CLOEXEC)) < 0)
    return;
  if ((q->saved = dup(2)) < 0 || dup2(fd, 2) < 0) {
    if (q->saved >= 0)
      close(q->saved);
    q->saved = -1;
    close(fd);
    return;
  }
  q->fd = fd;
}

void
kkachi__quiet_pause(kk_quiet *q, int pause)
{
  if (q->saved < 0)
    return;
  fflush(stderr);
  dup2(pause ? q->saved : q->fd, 2);
}

int
kkachi__quiet_end(kk_quiet *q, char *why, size_t n)
{
  char line[1024];
  FILE *fp;
  int bdb = 0;

  if (q->saved < 0)
    return 0;
  fflush(stderr);
  dup2(q->saved, 2);
  close(q->saved);
  q->saved = -1;
  lseek(q->fd, 0, SEEK_SET);
  if (!(fp = fdopen(q->fd, "r"))) {
    close(q->fd);
    return 0;
  }
  while (fgets(line, sizeof line, fp)) {
    if (!from_bdb(line)) {
      fputs(line, stderr);
      continue;
    }
    if (!bdb++ && n && !why[0]) {
      /* "BDB0137 write: 0x55d0, 4096: No space left on device" */
      const char *r = strrchr(line, ':');
      line[strcspn(line, "\n")] = '\0';
      snprintf(why, n, "%s", r ? r + 2 : line + 8);
    }
  }
  fclose(fp);
  fflush(stderr);
  return bdb;
}
