/* log.h: routing of located diagnostics to the engine's callback. */
#ifndef KK_LOG_H
#define KK_LOG_H

#include "kkachi.h"

struct kk_log {
  kkachi_log_fn fn;
  void *user_data;
};
typedef struct kk_log kk_log;

void kkachi__log(kk_log *log, int level, const char *file, unsigned long line,
                 unsigned long col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

#endif
