/* output.c: atomic output: a temporary file renamed into place. */
#define _POSIX_C_SOURCE 200809L
#include "output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

int
output_open(kk_output *o, const char *path)
{
  int fd;
  memset(o, 0, sizeof *o);
  o->path = path;
  if (!path || !strcmp(path, "-")) {
    o->path = NULL;
    o->fp = stdout;
    return 0;
  }
  if ((size_t)snprintf(o->tmp, sizeof o->tmp, "%s.tmp.XXXXXX", path)
      >= sizeof o->tmp) {
    cli_error("%s: path too long", path);
    return -1;
  }
  fd = mkstemp(o->tmp);
  if (fd < 0 || !(o->fp = fdopen(fd, "wb"))) {
    cli_error("%s: cannot write: %s", path, strerror(errno));
    if (fd >= 0) {
      close(fd);
      unlink(o->tmp);
    }
    return -1;
  }
  return 0;
}

int
output_close(kk_output *o, int discard)
{
  int bad = fflush(o->fp) != 0 || ferror(o->fp);
  if (!o->path) {
    if (bad)
      cli_error("cannot write to standard output: %s", strerror(errno));
    return bad ? -1 : 0;
  }
  if (fsync(fileno(o->fp)) != 0 && errno != EINVAL)
    bad = 1;
  if (fclose(o->fp) != 0)
    bad = 1;
  if (bad)
    cli_error("%s: cannot write: %s", o->path, strerror(errno));
  if (bad || discard) {
    unlink(o->tmp);
    return bad ? -1 : 0;
  }
  if (rename(o->tmp, o->path) != 0) {
    cli_error("%s: cannot rename into place: %s", o->path, strerror(errno));
    unlink(o->tmp);
    return -1;
  }
  return 0;
}
