/* store_lock.c: the lock file that lets one kkachi write a store while
 * no other reads or writes it, and many read it at once. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "store.h"

/* Who holds the lock we could not take at once. */
static const char *
holder(int fd, int exclusive)
{
  if (exclusive && !flock(fd, LOCK_SH | LOCK_NB)) {
    flock(fd, LOCK_UN);
    return "a kkachi query is reading";
  }
  return "another kkachi load is writing";
}

int
kkachi__store_lock(kkachi_store *s, const char *path, const char *where)
{
  int exclusive = !(s->flags & KKACHI_STORE_READ);
  int op = exclusive ? LOCK_EX : LOCK_SH;
  int fd = open(path, (exclusive ? O_RDWR : O_RDONLY) | O_CREAT | O_CLOEXEC,
                0666);

  if (fd < 0 && !exclusive) /* a place only others may write to */
    fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0 && !exclusive && (errno == ENOENT || errno == EACCES
                               || errno == EROFS))
    return 0; /* nobody can write there to make the lock: none needed */
  if (fd < 0) {
    snprintf(s->why, sizeof s->why, "cannot open its lock: %s",
             strerror(errno));
    return KKACHI_EIO;
  }
  s->lock = fd;
  while (flock(fd, op | LOCK_NB)) {
    if (errno == EINTR)
      continue;
    if (errno != EWOULDBLOCK) {
      snprintf(s->why, sizeof s->why, "cannot lock: %s", strerror(errno));
      return KKACHI_EIO;
    }
    if (s->flags & KKACHI_STORE_NOWAIT) {
      snprintf(s->why, sizeof s->why, "in use: %s", holder(fd, exclusive));
      return KKACHI_EBUSY;
    }
    if (s->hushed) /* said now, not when the wait is over */
      kkachi__quiet_pause(s->hushed, 1);
    kkachi__log(&s->engine->log, KKACHI_LOG_WARNING, where, 0, 0,
                "waiting for the store: %s", holder(fd, exclusive));
    if (s->hushed)
      kkachi__quiet_pause(s->hushed, 0);
    while (flock(fd, op))
      if (errno != EINTR) {
        snprintf(s->why, sizeof s->why, "cannot lock: %s", strerror(errno));
        return KKACHI_EIO;
      }
    break;
  }
  return 0;
}

void
kkachi__store_unlock(kkachi_store *s)
{
  if (s->lock >= 0)
    close(s->lock); /* releases the lock */
  s->lock = -1;
}
