/* output.c: atomic output: a temporary file renamed into place, or
 * written in place where renaming would replace what it must not. */
#define _GNU_SOURCE /* mkostemp */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "pending.h"

#define MAX_LINKS 40

/* Prints "PATH: cannot write: why" (once) and returns -1. */
static int
report(kk_output *o, int err)
{
  if (!o->failed) {
    if (o->path)
      cli_error("%s: cannot write: %s", o->path, strerror(err ? err : EIO));
    else
      cli_error("cannot write to standard output: %s",
                strerror(err ? err : EIO));
  }
  o->failed = 1;
  return -1;
}

/* Follows o->path's symbolic links into o->target, a relative link
 * read from its folder; *st is the target's when o->existed. Returns 0
 * or an errno value. */
static int
resolve(kk_output *o, struct stat *st)
{
  char link[sizeof o->target];
  size_t n = strlen(o->path), dir;
  ssize_t len;
  int hops;

  if (n >= sizeof o->target)
    return ENAMETOOLONG;
  memcpy(o->target, o->path, n + 1);
  for (hops = 0;; hops++) {
    if (lstat(o->target, st) != 0)
      return errno == ENOENT ? 0 : errno; /* a new file */
    if (!S_ISLNK(st->st_mode)) {
      o->existed = 1;
      return 0;
    }
    if (hops == MAX_LINKS)
      return ELOOP;
    if ((len = readlink(o->target, link, sizeof link - 1)) < 0)
      return errno;
    link[len] = '\0';
    dir = 0;
    if (link[0] != '/' && strrchr(o->target, '/'))
      dir = (size_t)(strrchr(o->target, '/') - o->target) + 1;
    if (dir + (size_t)len >= sizeof o->target)
      return ENAMETOOLONG;
    memcpy(o->target + dir, link, (size_t)len + 1);
  }
}

/* Gives the temporary file fd the owner and mode of the file it
 * replaces (st), or a new file's mode. */
static void
set_mode(int fd, const struct stat *st)
{
  mode_t mask;
  if (!st) {
    mask = umask(0);
    umask(mask);
    (void)fchmod(fd, 0666 & ~mask);
    return;
  }
  if ((st->st_uid != geteuid() || st->st_gid != getegid())
      && fchown(fd, st->st_uid, st->st_gid) != 0)
    (void)fchown(fd, (uid_t)-1, st->st_gid); /* not root: the group */
  (void)fchmod(fd, st->st_mode & 07777); /* after fchown, which clears */
}

/* Opens a temporary file beside the target; st is the target's or NULL
 * for a new file. */
static int
open_temp(kk_output *o, const struct stat *st)
{
  int fd;
  if ((size_t)snprintf(o->tmp, sizeof o->tmp, "%s.tmp.XXXXXX", o->target)
      >= sizeof o->tmp) {
    o->tmp[0] = '\0';
    return report(o, ENAMETOOLONG);
  }
  if ((fd = mkostemp(o->tmp, O_CLOEXEC)) < 0) {
    o->tmp[0] = '\0';
    return report(o, errno);
  }
  o->slot = pending_add(o->tmp);
  if (o->kind == OUTPUT_RENAME)
    set_mode(fd, st);
  if (!(o->fp = fdopen(fd, "wb"))) {
    int err = errno;
    close(fd);
    unlink(o->tmp);
    pending_remove(o->slot);
    o->slot = -1;
    o->tmp[0] = '\0';
    return report(o, err);
  }
  return 0;
}

int
output_open(kk_output *o, const char *path)
{
  struct stat st;
  int err, fd;

  memset(o, 0, sizeof *o);
  o->slot = -1;
  if (!path || !strcmp(path, "-")) {
    o->fp = stdout;
    return 0;
  }
  o->path = path;
  if ((err = resolve(o, &st)))
    return report(o, err);
  if (o->existed && S_ISDIR(st.st_mode))
    return report(o, EISDIR);
  if (o->existed && !S_ISREG(st.st_mode)) { /* a FIFO, a device */
    o->kind = OUTPUT_STREAM;
    fd = open(o->target, O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0 || !(o->fp = fdopen(fd, "wb"))) {
      err = errno;
      if (fd >= 0)
        close(fd);
      return report(o, err);
    }
    return 0;
  }
  o->kind = o->existed && st.st_nlink > 1 ? OUTPUT_COPY : OUTPUT_RENAME;
  return open_temp(o, o->existed ? &st : NULL);
}

int
output_failed(kk_output *o)
{
  if (o->failed)
    return -1;
  return ferror(o->fp) ? report(o, errno) : 0;
}

/* Copies the finished temporary file into the target, which keeps its
 * inode (and so its other names, owner and mode). */
static int
copy_into(kk_output *o)
{
  char buf[65536];
  off_t at = 0;
  ssize_t n;
  int in = fileno(o->fp), out, err = 0;

  if ((out = open(o->target, O_WRONLY | O_TRUNC | O_CLOEXEC)) < 0)
    return report(o, errno);
  while (!err && (n = pread(in, buf, sizeof buf, at)) != 0) {
    ssize_t done = 0, w;
    if (n < 0) {
      err = errno == EINTR ? 0 : errno;
      continue;
    }
    for (; !err && done < n; done += w > 0 ? w : 0)
      if ((w = write(out, buf + done, (size_t)(n - done))) < 0)
        err = errno == EINTR ? 0 : errno;
    at += n;
  }
  if (!err && fsync(out) != 0)
    err = errno;
  if (close(out) != 0 && !err)
    err = errno;
  return err ? report(o, err) : 0;
}

int
output_close(kk_output *o, int discard)
{
  int bad = o->failed || fflush(o->fp) != 0 || ferror(o->fp);

  if (bad)
    report(o, errno);
  if (o->kind == OUTPUT_STDOUT)
    return bad ? -1 : 0;
  if (!bad && fsync(fileno(o->fp)) != 0 && errno != EINVAL)
    bad = report(o, errno);
  if (!bad && !discard && o->kind == OUTPUT_COPY)
    bad = copy_into(o);
  if (fclose(o->fp) != 0 && !bad)
    bad = report(o, errno);
  if (o->kind == OUTPUT_RENAME && !bad && !discard
      && rename(o->tmp, o->target) != 0) {
    cli_error("%s: cannot rename into place: %s", o->path, strerror(errno));
    bad = -1;
  }
  if (o->tmp[0] && (bad || discard || o->kind == OUTPUT_COPY))
    unlink(o->tmp);
  pending_remove(o->slot);
  return bad ? -1 : 0;
}
