/* alloc.c: allocation wrapper with failure injection for torture tests. */
#include "alloc.h"

#include <stdlib.h>
#include <string.h>

static unsigned long fail_at; /* 0: never fail */

void
kkachi__alloc_fail_at(unsigned long n)
{
  fail_at = n;
}

unsigned long
kkachi__alloc_pending(void)
{
  return fail_at;
}

static int
should_fail(void)
{
  if (fail_at == 0)
    return 0;
  if (--fail_at == 0)
    return 1;
  return 0;
}

void *
kkachi__malloc(size_t n)
{
  if (should_fail())
    return NULL;
  return malloc(n ? n : 1);
}

void *
kkachi__calloc(size_t n, size_t size)
{
  if (should_fail())
    return NULL;
  return calloc(n ? n : 1, size ? size : 1);
}

void *
kkachi__realloc(void *p, size_t n)
{
  if (should_fail())
    return NULL;
  return realloc(p, n ? n : 1);
}

char *
kkachi__strndup(const char *s, size_t n)
{
  char *d = kkachi__malloc(n + 1);
  if (!d)
    return NULL;
  memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

char *
kkachi__strdup(const char *s)
{
  return kkachi__strndup(s, strlen(s));
}

void
kkachi__free(void *p)
{
  free(p);
}
