/* svg.c: Graphviz's dot run on the picture, its input a pipe that may
 * close early (dot failed) without the program dying of SIGPIPE. */
#define _GNU_SOURCE /* pipe2 */
#include "svg.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int
svg_available(void)
{
  const char *path = getenv("PATH"), *p, *end;
  char file[4096];
  struct stat st;

  if (!path)
    path = "/usr/bin:/bin";
  for (p = path;; p = end + 1) {
    int len;
    end = strchr(p, ':');
    len = end ? (int)(end - p) : (int)strlen(p);
    if (len == 0) /* an empty entry is the current folder */
      snprintf(file, sizeof file, "dot");
    else
      snprintf(file, sizeof file, "%.*s/dot", len, p);
    if (stat(file, &st) == 0 && S_ISREG(st.st_mode)
        && access(file, X_OK) == 0)
      return 1;
    if (!end)
      return 0;
  }
}

/* Starts dot reading *in, writing fd; returns its pid or -1. */
static pid_t
spawn(int fd, int *in)
{
  static char *const argv[] = { "dot", "-Tsvg", NULL };
  posix_spawn_file_actions_t fa;
  posix_spawnattr_t attr;
  sigset_t dfl;
  pid_t pid = -1;
  int p[2];

  if (pipe2(p, O_CLOEXEC) != 0)
    return -1;
  sigemptyset(&dfl);
  sigaddset(&dfl, SIGPIPE); /* ignored here, not in dot */
  posix_spawn_file_actions_init(&fa);
  posix_spawnattr_init(&attr);
  posix_spawnattr_setsigdefault(&attr, &dfl);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
  if (posix_spawn_file_actions_adddup2(&fa, p[0], 0)
      || posix_spawn_file_actions_adddup2(&fa, fd, 1)
      || posix_spawnp(&pid, "dot", &fa, &attr, argv, environ))
    pid = -1;
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  close(p[0]);
  if (pid < 0)
    close(p[1]);
  else
    *in = p[1];
  return pid;
}

int
svg_draw(const dot *d, int fd, char *why, size_t n)
{
  struct sigaction ign, old;
  FILE *fp;
  pid_t pid;
  int in = -1, st = 0, wrote;

  memset(&ign, 0, sizeof ign);
  ign.sa_handler = SIG_IGN;
  sigemptyset(&ign.sa_mask);
  if ((pid = spawn(fd, &in)) < 0) {
    snprintf(why, n, "cannot run Graphviz (dot): %s", strerror(errno));
    return -1;
  }
  sigaction(SIGPIPE, &ign, &old); /* dot may stop reading */
  if ((fp = fdopen(in, "w"))) {
    wrote = dot_write(d, fp) == 0;
    wrote = fclose(fp) == 0 && wrote;
  } else {
    wrote = 0;
    close(in);
  }
  sigaction(SIGPIPE, &old, NULL);
  while (waitpid(pid, &st, 0) < 0)
    if (errno != EINTR) {
      snprintf(why, n, "cannot wait for Graphviz (dot): %s", strerror(errno));
      return -1;
    }
  if (WIFSIGNALED(st))
    snprintf(why, n, "Graphviz (dot) was killed by signal %d",
             WTERMSIG(st));
  else if (WEXITSTATUS(st) != 0)
    snprintf(why, n, "Graphviz (dot) failed with status %d",
             WEXITSTATUS(st));
  else if (!wrote)
    snprintf(why, n, "cannot write to Graphviz (dot)");
  else
    return 0;
  return -1;
}
