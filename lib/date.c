/* date.c: calendar dates, checked before they are written as xsd:date. */
#include "date.h"

#include <string.h>

static int
digits(const char *s, int n)
{
  int v = 0;
  for (; n > 0; n--, s++) {
    if (*s < '0' || *s > '9')
      return -1;
    v = v * 10 + (*s - '0');
  }
  return v;
}

int
kkachi__date_valid(const char *s)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  int y, m, d, leap;
  if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
    return 0;
  y = digits(s, 4);
  m = digits(s + 5, 2);
  d = digits(s + 8, 2);
  if (y < 1 || m < 1 || m > 12 || d < 1)
    return 0;
  leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= days[m - 1] + (m == 2 && leap);
}
