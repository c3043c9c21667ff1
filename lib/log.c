/* log.c: formats diagnostics and hands them to the user's callback. */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>

void
kkachi__log(kk_log *log, int level, const char *file, unsigned long line,
            unsigned long col, const char *fmt, ...)
{
  char msg[1024];
  va_list ap;

  if (!log || !log->fn)
    return;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  log->fn(level, file, line, col, msg, log->user_data);
}
