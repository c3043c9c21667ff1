/* store_gen.c: a folder store's generations. A load writes into a copy of
 * the current generation and, when all of it went well, makes the copy
 * current by renaming one small file, "current", which names it: a load
 * killed or failed at any point leaves the store as it was before it, or
 * (once the rename is done) as after it. */
#define _GNU_SOURCE /* copy_file_range */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store.h"

#define CURRENT "current"

/* dir/name into out (PATH_MAX bytes); -1 when too long. */
static int
join(char *out, const char *dir, const char *name)
{
  int n = snprintf(out, PATH_MAX, "%s/%s", dir, name);
  return n < 0 || n >= PATH_MAX ? -1 : 0;
}

/* A generation's name: "gen-" and a number. */
static int
is_gen(const char *name, unsigned long *number)
{
  char *end;
  if (strncmp(name, "gen-", 4) || !isdigit((unsigned char)name[4]))
    return 0;
  *number = strtoul(name + 4, &end, 10);
  return !*end;
}

/* The files of an older kkachi's store, kept in the folder itself. */
static int
is_legacy_file(const char *name)
{
  size_t n = strlen(name);
  return !strncmp(name, "kkachi-", 7) && n > 10
         && !strcmp(name + n - 3, ".db");
}

/* Removes a generation: its files, then itself. */
static void
remove_gen(const char *dir, const char *name)
{
  char path[PATH_MAX], file[PATH_MAX];
  struct dirent *d;
  DIR *dp;

  if (join(path, dir, name) || !(dp = opendir(path)))
    return;
  while ((d = readdir(dp)))
    if (d->d_name[0] != '.' && !join(file, path, d->d_name))
      unlink(file);
  closedir(dp);
  rmdir(path);
}

int
kkachi__gen_current(kkachi_store *s, const char *dir, kk_buf *cur)
{
  char path[PATH_MAX], name[64] = "";
  unsigned long number;
  struct stat st;
  ssize_t n = -1;
  int fd;

  kkachi__buf_reset(cur);
  if (join(path, dir, CURRENT))
    return KKACHI_EINVAL;
  if ((fd = open(path, O_RDONLY | O_CLOEXEC)) >= 0) {
    n = read(fd, name, sizeof name - 1);
    close(fd);
  } else if (errno == ENOENT) { /* an older kkachi's store, or none */
    if (join(path, dir, "kkachi-sp2o.db") || stat(path, &st))
      return kkachi__buf_puts(cur, "") ? KKACHI_ENOMEM : 0;
    return kkachi__buf_puts(cur, ".") ? KKACHI_ENOMEM : 0;
  }
  if (n > 0)
    name[strcspn(name, "\n")] = '\0';
  if (n <= 0 || !is_gen(name, &number) || join(path, dir, name)
      || stat(path, &st) || !S_ISDIR(st.st_mode)) {
    snprintf(s->why, sizeof s->why, "the store is damaged: %s names no "
             "generation of it (see kkachi(1), RECOVERY)", CURRENT);
    return KKACHI_ERDF;
  }
  return kkachi__buf_puts(cur, name) ? KKACHI_ENOMEM : 0;
}

/* Copies the file at from to a new file at to. */
static int
copy_file(const char *from, const char *to)
{
  char buf[65536];
  int in = open(from, O_RDONLY | O_CLOEXEC), out = -1, rc = -1;
  ssize_t n;

  if (in < 0 || (out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                            0666)) < 0)
    goto done;
  while ((n = copy_file_range(in, NULL, out, NULL, 1 << 30, 0)) > 0)
    ;
  if (n < 0 && (errno == ENOSYS || errno == EXDEV || errno == EINVAL
                || errno == EOPNOTSUPP)) /* no copy in the kernel */
    while ((n = read(in, buf, sizeof buf)) > 0)
      if (write(out, buf, (size_t)n) != n) {
        n = -1;
        break;
      }
  rc = n == 0 ? 0 : -1;
done:
  if (in >= 0)
    close(in);
  if (out >= 0 && close(out))
    rc = -1;
  return rc;
}

/* Removes what killed loads left: generations other than cur, and a
 * "current" never renamed into place. */
static void
remove_leftovers(const char *dir, const char *cur)
{
  char path[PATH_MAX];
  unsigned long number;
  struct dirent *d;
  DIR *dp = opendir(dir);

  if (!dp)
    return;
  while ((d = readdir(dp)))
    if (is_gen(d->d_name, &number) && strcmp(d->d_name, cur))
      remove_gen(dir, d->d_name);
  closedir(dp);
  if (!join(path, dir, CURRENT ".new"))
    unlink(path);
}

/* Copies the files of generation cur of dir into the folder to. */
static int
copy_gen(kkachi_store *s, const char *dir, const char *cur, const char *to)
{
  char from[PATH_MAX], src[PATH_MAX], dst[PATH_MAX];
  int legacy = !strcmp(cur, "."), rc = 0;
  struct dirent *d;
  DIR *dp;

  if (join(from, dir, cur) || !(dp = opendir(from)))
    rc = -1;
  while (!rc && (d = readdir(dp))) {
    if (d->d_name[0] == '.' || (legacy && !is_legacy_file(d->d_name)))
      continue;
    if (join(src, from, d->d_name) || join(dst, to, d->d_name)
        || copy_file(src, dst))
      rc = -1;
  }
  if (rc)
    snprintf(s->why, sizeof s->why, "cannot copy the store: %s",
             strerror(errno));
  if (dp)
    closedir(dp);
  return rc ? KKACHI_EIO : 0;
}

int
kkachi__gen_begin(kkachi_store *s, const char *dir, const char *cur,
                  kk_buf *next)
{
  unsigned long number = 0;
  char path[PATH_MAX];
  int rc;

  remove_leftovers(dir, cur);
  is_gen(cur, &number);
  kkachi__buf_reset(next);
  if (kkachi__buf_printf(next, "gen-%lu", number + 1))
    return KKACHI_ENOMEM;
  if (join(path, dir, next->data))
    return KKACHI_EINVAL;
  if (mkdir(path, 0777)) {
    snprintf(s->why, sizeof s->why, "cannot make a generation: %s",
             strerror(errno));
    return KKACHI_EIO;
  }
  if (cur[0] && (rc = copy_gen(s, dir, cur, path))) {
    remove_gen(dir, next->data);
    return rc;
  }
  return 0;
}

/* Writes a file or folder to disk. */
static int
sync_path(const char *path)
{
  int fd = open(path, O_RDONLY | O_CLOEXEC), rc = fd < 0 || fsync(fd);
  if (fd >= 0)
    close(fd);
  return rc ? -1 : 0;
}

/* Writes to disk the files of the folder path, and the folder. */
static int
sync_folder(const char *path)
{
  char file[PATH_MAX];
  struct dirent *d;
  DIR *dp = opendir(path);
  int rc = dp ? 0 : -1;

  while (!rc && (d = readdir(dp)))
    if (d->d_name[0] != '.' && (join(file, path, d->d_name)
                                || sync_path(file)))
      rc = -1;
  if (dp)
    closedir(dp);
  return rc ? rc : sync_path(path);
}

/* Writes "current" anew, naming next, and renames it into place. */
static int
point_to(const char *dir, const char *next)
{
  char path[PATH_MAX], tmp[PATH_MAX];
  size_t n = strlen(next);
  int fd, rc = -1;

  if (join(path, dir, CURRENT) || join(tmp, dir, CURRENT ".new"))
    return -1;
  if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666)) < 0)
    return -1;
  if (write(fd, next, n) == (ssize_t)n && write(fd, "\n", 1) == 1
      && !fsync(fd))
    rc = 0;
  if (close(fd) || rc || rename(tmp, path)) {
    unlink(tmp);
    return -1;
  }
  return sync_path(dir); /* the rename, on disk */
}

int
kkachi__gen_commit(kkachi_store *s, const char *dir, const char *next,
                   const char *cur)
{
  char path[PATH_MAX];
  struct dirent *d;
  DIR *dp;

  if (join(path, dir, next) || sync_folder(path) || point_to(dir, next)) {
    snprintf(s->why, sizeof s->why, "cannot write the store: %s",
             strerror(errno));
    return KKACHI_EIO;
  }
  if (strcmp(cur, ".")) {
    if (cur[0])
      remove_gen(dir, cur);
    return 0;
  }
  if ((dp = opendir(dir))) { /* an older kkachi's files, now copied */
    while ((d = readdir(dp)))
      if (is_legacy_file(d->d_name) && !join(path, dir, d->d_name))
        unlink(path);
    closedir(dp);
  }
  return 0;
}

void
kkachi__gen_abort(const char *dir, const char *next)
{
  remove_gen(dir, next);
}
