/* progress.c: a progress line on a terminal while articles are read, and
 * a summary line when they are done. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "progress.h"

#define EVERY 0.25 /* seconds between updates of the line */

void
progress_init(progress *p, int mode, unsigned long long total)
{
  memset(p, 0, sizeof *p);
  p->on = mode > 0 || (mode == 0 && isatty(STDERR_FILENO));
  p->total = total;
  p->start = p->last = cli_now();
}

static void
line(progress *p, double t)
{
  double dt = t - p->start;
  fprintf(stderr, "\r\033[Kkkachi: %lu articles, %.1f/s, %.2f MB/s, %lu errors",
          p->articles, dt > 0 ? (double)p->articles / dt : 0.0,
          dt > 0 ? (double)p->bytes / dt / 1e6 : 0.0, p->errors);
  if (p->total && p->bytes && p->bytes < p->total && dt > 0)
    fprintf(stderr, ", %.0f s left",
            dt * (double)(p->total - p->bytes) / (double)p->bytes);
  fflush(stderr);
}

static void
tick(progress *p)
{
  double t;
  if (!p->on)
    return;
  t = cli_now();
  if (t - p->last >= EVERY) {
    p->last = t;
    line(p, t);
  }
}

void
progress_article(progress *p, size_t bytes, const kkachi_result *r)
{
  size_t i, n = r ? kkachi_result_count(r) : 0, k;
  p->articles++;
  p->bytes += bytes;
  for (i = 0; i < n; i++) {
    kkachi_fact_view v;
    if (kkachi_result_fact(r, i, &v))
      continue;
    for (k = 0; k < PROGRESS_FAMILIES && p->family[k][0]; k++)
      if (!strcmp(p->family[k], v.family))
        break;
    if (k == PROGRESS_FAMILIES)
      continue;
    snprintf(p->family[k], sizeof p->family[k], "%s", v.family);
    p->facts[k]++;
  }
  tick(p);
}

void
progress_clear(progress *p)
{
  if (p->on && p->last > p->start) {
    fputs("\r\033[K", stderr);
    fflush(stderr);
  }
}

void
progress_error(progress *p)
{
  p->errors++;
  tick(p);
}

void
progress_end(progress *p)
{
  double dt = cli_now() - p->start;
  size_t k;
  if (!p->on)
    return;
  fprintf(stderr, "\r\033[Kkkachi: %lu articles (%.2f MB) in %.2f s, %lu "
          "errors; facts:", p->articles, (double)p->bytes / 1e6, dt,
          p->errors);
  for (k = 0; k < PROGRESS_FAMILIES && p->family[k][0]; k++)
    fprintf(stderr, " %s %lu", p->family[k], p->facts[k]);
  if (!p->family[0][0])
    fputs(" none", stderr);
  fputc('\n', stderr);
}
