/* pool.c: articles extracted by worker threads, each with an engine of
 * its own, and handed back in the order they were read. */
#include <pthread.h>
#include <stdlib.h>

#include "pool.h"

enum { EMPTY = 0, QUEUED, TAKEN, DONE };

typedef struct job {
  kkachi_article *a;
  kkachi_result *r;
  const char *path;
  char *bytes; /* rendered by the worker, or NULL */
  size_t nbytes;
  int rc, state;
} job;

struct pool {
  kkachi_engine *main;
  kkachi_engine **engines;
  int n, stop, started;
  pthread_t *threads;
  pthread_mutex_t mu;
  pthread_cond_t work, done;
  job *ring;
  size_t cap;
  size_t head, next, tail; /* delivered < taken < queued, as counters */
  pool_deliver_fn deliver;
  void *user_data;
  pool_render_fn render;
  void *render_data;
};

typedef struct worker {
  pool *p;
  kkachi_engine *e;
  int index;
} worker;

static void *
work(void *arg)
{
  worker *w = arg;
  pool *p = w->p;
  for (;;) {
    job *j;
    pthread_mutex_lock(&p->mu);
    while (!p->stop && p->next == p->tail)
      pthread_cond_wait(&p->work, &p->mu);
    if (p->next == p->tail) { /* stopping, and nothing is left */
      pthread_mutex_unlock(&p->mu);
      break;
    }
    j = &p->ring[p->next++ % p->cap];
    j->state = TAKEN;
    pthread_mutex_unlock(&p->mu);
    j->rc = kkachi_extract(&j->r, w->e, j->a);
    if (!j->rc && p->render)
      j->rc = p->render(w->index, j->r, &j->bytes, &j->nbytes,
                        p->render_data);
    pthread_mutex_lock(&p->mu);
    j->state = DONE;
    pthread_cond_broadcast(&p->done);
    pthread_mutex_unlock(&p->mu);
  }
  free(w);
  return NULL;
}

int
pool_start(pool **out, kkachi_engine *main, kkachi_engine **engines, int n,
           pool_deliver_fn fn, void *user_data)
{
  pool *p = calloc(1, sizeof *p);
  int i;
  *out = NULL;
  if (!p)
    return KKACHI_ENOMEM;
  p->main = main;
  p->engines = engines;
  p->n = n;
  p->deliver = fn;
  p->user_data = user_data;
  p->cap = n > 0 ? 4 * (size_t)n : 1;
  p->ring = calloc(p->cap, sizeof *p->ring);
  p->threads = n > 0 ? calloc((size_t)n, sizeof *p->threads) : NULL;
  if (!p->ring || (n > 0 && !p->threads)) {
    pool_finish(p);
    return KKACHI_ENOMEM;
  }
  pthread_mutex_init(&p->mu, NULL);
  pthread_cond_init(&p->work, NULL);
  pthread_cond_init(&p->done, NULL);
  p->started = 1;
  for (i = 0; i < n; i++) {
    worker *w = malloc(sizeof *w);
    if (w) {
      w->p = p;
      w->e = engines[i];
      w->index = i;
    }
    if (!w || pthread_create(&p->threads[i], NULL, work, w)) {
      free(w);
      p->n = i; /* join those running */
      pool_finish(p);
      return KKACHI_ENOMEM;
    }
  }
  *out = p;
  return 0;
}

/* Hands over the oldest article once it is done. */
static void
deliver_head(pool *p)
{
  job *j = &p->ring[p->head % p->cap], copy;
  pthread_mutex_lock(&p->mu);
  while (j->state != DONE)
    pthread_cond_wait(&p->done, &p->mu);
  copy = *j;
  j->state = EMPTY;
  j->a = NULL;
  j->r = NULL;
  j->bytes = NULL;
  p->head++;
  pthread_mutex_unlock(&p->mu);
  p->deliver(copy.a, copy.r, copy.rc, copy.path, copy.bytes, copy.nbytes,
             p->user_data);
}

void
pool_set_render(pool *p, pool_render_fn fn, void *user_data)
{
  p->render = fn;
  p->render_data = user_data;
}

int
pool_submit(pool *p, kkachi_article *a, const char *path)
{
  job *j;
  if (p->n == 0) { /* no threads: extract here */
    kkachi_result *r = NULL;
    int rc = kkachi_extract(&r, p->main, a);
    p->deliver(a, r, rc, path, NULL, 0, p->user_data);
    return 0;
  }
  if (p->tail - p->head == p->cap)
    deliver_head(p);
  pthread_mutex_lock(&p->mu);
  j = &p->ring[p->tail % p->cap];
  j->a = a;
  j->r = NULL;
  j->path = path;
  j->bytes = NULL;
  j->nbytes = 0;
  j->rc = 0;
  j->state = QUEUED;
  p->tail++;
  pthread_cond_signal(&p->work);
  pthread_mutex_unlock(&p->mu);
  return 0;
}

void
pool_finish(pool *p)
{
  int i;
  if (!p)
    return;
  if (p->started) {
    while (p->n > 0 && p->head != p->tail)
      deliver_head(p);
    pthread_mutex_lock(&p->mu);
    p->stop = 1;
    pthread_cond_broadcast(&p->work);
    pthread_mutex_unlock(&p->mu);
    for (i = 0; i < p->n; i++)
      pthread_join(p->threads[i], NULL);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->done);
  }
  free(p->threads);
  free(p->ring);
  free(p);
}
