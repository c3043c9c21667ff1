/* test_buf.c: the growable buffer, its ceiling, and the string map. */
#include <string.h>

#include "buf.h"
#include "check.h"
#include "kkachi.h"
#include "strmap.h"

int
main(void)
{
  kk_buf b = KK_BUF_INIT;
  kk_strmap *m = NULL;
  char key[32];
  int i, v[500];

  CHECK(kkachi__buf_puts(&b, "abc") == 0);
  CHECK(kkachi__buf_printf(&b, "-%d", 42) == 0);
  CHECK(!strcmp(b.data, "abc-42") && b.len == 6);
  kkachi__buf_free(&b);
  b.max = 16;
  CHECK(kkachi__buf_puts(&b, "0123456789") == 0);
  CHECK(kkachi__buf_puts(&b, "0123456789") == KKACHI_ELIMIT);
  CHECK(b.len == 10); /* a refused append changes nothing */
  kkachi__buf_free(&b);

  CHECK(kkachi__strmap_new(&m) == 0);
  for (i = 0; i < 500; i++) {
    v[i] = i;
    snprintf(key, sizeof key, "key-%d", i);
    CHECK(kkachi__strmap_put(m, key, strlen(key), &v[i]) == 0);
  }
  CHECK(kkachi__strmap_size(m) == 500);
  CHECK(kkachi__strmap_get(m, "key-377", 7) == &v[377]);
  CHECK(kkachi__strmap_get(m, "key-500", 7) == NULL);
  CHECK(kkachi__strmap_put(m, "key-1", 5, &v[2]) == 0);
  CHECK(kkachi__strmap_get(m, "key-1", 5) == &v[2]);
  CHECK(kkachi__strmap_size(m) == 500);
  kkachi__strmap_free(m);
  kkachi__strmap_free(NULL);
  return CHECK_END();
}
