/* shacl_value.c: literal values for SHACL: ordering of numbers, dates and
 * strings, and well-formedness of XSD lexical forms. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "iri.h"
#include "shacl.h"

static const char *
datatype_of(librdf_node *lit)
{
  librdf_uri *u = librdf_node_get_literal_value_datatype_uri(lit);
  if (u)
    return (const char *)librdf_uri_as_string(u);
  return librdf_node_get_literal_value_language(lit) ? NS_RDF "langString"
                                                     : NS_XSD "string";
}

static int
is_xsd(const char *dt, const char *const *names)
{
  size_t i;
  if (strncmp(dt, NS_XSD, strlen(NS_XSD)))
    return 0;
  dt += strlen(NS_XSD);
  for (i = 0; names[i]; i++)
    if (!strcmp(dt, names[i]))
      return 1;
  return 0;
}

static const char *const integers[] = { "integer",
                                        "long",
                                        "int",
                                        "short",
                                        "byte",
                                        "nonNegativeInteger",
                                        "positiveInteger",
                                        "nonPositiveInteger",
                                        "negativeInteger",
                                        "unsignedLong",
                                        "unsignedInt",
                                        "unsignedShort",
                                        "unsignedByte",
                                        NULL };
static const char *const numbers[] = { "decimal", "float", "double", NULL };
static const char *const times[]
    = { "date", "dateTime", "time", "gYear", "gYearMonth", NULL };

static int
is_numeric(const char *dt)
{
  return is_xsd(dt, integers) || is_xsd(dt, numbers);
}

static int
cmp3(double a, double b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

/* The timezone of an xsd:dateTime in minutes east of UTC; 0 and *has 0
 * when it has none. */
static long
zone_minutes(const char *s, int *has)
{
  const char *z = s + 19;
  *has = 0;
  if (*z == '.')
    for (z++; isdigit((unsigned char)*z); z++)
      ;
  if (*z == 'Z') {
    *has = 1;
    return 0;
  }
  if ((*z == '+' || *z == '-') && strlen(z) == 6) {
    long m = atol(z + 1) * 60 + atol(z + 4);
    *has = 1;
    return *z == '-' ? -m : m;
  }
  return 0;
}

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static long
days_of(long y, long m, long d)
{
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static double
utc_seconds(const char *s, long zone)
{
  long days = days_of(atol(s), atol(s + 5), atol(s + 8));
  double secs
      = atol(s + 11) * 3600.0 + atol(s + 14) * 60.0 + strtod(s + 17, NULL);
  return days * 86400.0 + secs - zone * 60.0;
}

/* Two well-formed xsd:dateTime values: with timezones, as instants; with
 * none, as written; one with and one without cannot be compared. */
static int
compare_datetimes(const char *a, const char *b)
{
  int ha, hb;
  long za = zone_minutes(a, &ha), zb = zone_minutes(b, &hb);
  if (ha != hb)
    return 2;
  return cmp3(utc_seconds(a, za), utc_seconds(b, zb));
}

int
kkachi__sh_compare(librdf_node *a, librdf_node *b)
{
  const char *da, *db, *la, *lb;
  if (!a || !b || !librdf_node_is_literal(a) || !librdf_node_is_literal(b))
    return 2;
  if (!kkachi__sh_well_formed(a) || !kkachi__sh_well_formed(b))
    return 2;
  da = datatype_of(a);
  db = datatype_of(b);
  la = (const char *)librdf_node_get_literal_value(a);
  lb = (const char *)librdf_node_get_literal_value(b);
  if (is_numeric(da) && is_numeric(db))
    return cmp3(strtod(la, NULL), strtod(lb, NULL));
  if (strcmp(da, db))
    return 2;
  if (!strcmp(da, NS_XSD "dateTime"))
    return compare_datetimes(la, lb);
  if (is_xsd(da, times) || !strcmp(da, NS_XSD "string")) {
    int c = strcmp(la, lb);
    return c < 0 ? -1 : c > 0;
  }
  return 2;
}

static int
all_digits(const char *s, size_t n)
{
  size_t i;
  for (i = 0; i < n; i++)
    if (!isdigit((unsigned char)s[i]))
      return 0;
  return n > 0;
}

static int
integer_ok(const char *s, const char *dt)
{
  const char *p = s;
  long long v;
  if (*p == '+' || *p == '-')
    p++;
  if (!all_digits(p, strlen(p)))
    return 0;
  v = strtoll(s, NULL, 10);
  dt += strlen(NS_XSD);
  if (!strcmp(dt, "nonNegativeInteger") || !strncmp(dt, "unsigned", 8))
    return v >= 0 && *s != '-';
  if (!strcmp(dt, "positiveInteger"))
    return v > 0;
  if (!strcmp(dt, "nonPositiveInteger"))
    return v <= 0;
  if (!strcmp(dt, "negativeInteger"))
    return v < 0;
  if (!strcmp(dt, "byte"))
    return v >= -128 && v <= 127;
  if (!strcmp(dt, "short"))
    return v >= -32768 && v <= 32767;
  if (!strcmp(dt, "int"))
    return v >= -2147483648LL && v <= 2147483647LL;
  return 1;
}

static int
decimal_ok(const char *s)
{
  const char *p = s, *dot;
  if (*p == '+' || *p == '-')
    p++;
  dot = strchr(p, '.');
  if (!dot)
    return all_digits(p, strlen(p));
  return (all_digits(p, (size_t)(dot - p)) || dot == p)
         && (all_digits(dot + 1, strlen(dot + 1)) || !dot[1])
         && (dot != p || dot[1]);
}

static int
double_ok(const char *s)
{
  char *end;
  if (!strcmp(s, "INF") || !strcmp(s, "-INF") || !strcmp(s, "+INF")
      || !strcmp(s, "NaN"))
    return 1;
  if (!*s || isspace((unsigned char)*s))
    return 0;
  strtod(s, &end);
  return *end == '\0' && !strchr(s, 'x') && !strchr(s, 'X') && !strchr(s, 'n')
         && !strchr(s, 'N');
}

/* YYYY-MM-DD at s, a day of the calendar (what follows is checked by
 * the caller). */
static int
date_ok(const char *s)
{
  char day[11];
  if (strlen(s) < 10)
    return 0;
  memcpy(day, s, 10);
  day[10] = '\0';
  return kkachi__date_valid(day);
}

static int
zone_ok(const char *z)
{
  if (!*z || !strcmp(z, "Z"))
    return 1;
  return (z[0] == '+' || z[0] == '-') && strlen(z) == 6 && all_digits(z + 1, 2)
         && z[3] == ':' && all_digits(z + 4, 2);
}

static int
time_ok(const char *t)
{
  const char *p = t + 8;
  if (strlen(t) < 8 || !all_digits(t, 2) || t[2] != ':'
      || !all_digits(t + 3, 2) || t[5] != ':' || !all_digits(t + 6, 2))
    return 0;
  if (*p == '.') {
    p++;
    if (!isdigit((unsigned char)*p))
      return 0;
    while (isdigit((unsigned char)*p))
      p++;
  }
  return zone_ok(p);
}

int
kkachi__sh_well_formed(librdf_node *lit)
{
  const char *dt = datatype_of(lit);
  const char *s = (const char *)librdf_node_get_literal_value(lit);
  if (!s)
    return 0;
  if (is_xsd(dt, integers))
    return integer_ok(s, dt);
  if (!strcmp(dt, NS_XSD "decimal"))
    return decimal_ok(s);
  if (!strcmp(dt, NS_XSD "double") || !strcmp(dt, NS_XSD "float"))
    return double_ok(s);
  if (!strcmp(dt, NS_XSD "boolean"))
    return !strcmp(s, "true") || !strcmp(s, "false") || !strcmp(s, "1")
           || !strcmp(s, "0");
  if (!strcmp(dt, NS_XSD "date"))
    return date_ok(s) && zone_ok(s + 10);
  if (!strcmp(dt, NS_XSD "dateTime"))
    return date_ok(s) && s[10] == 'T' && time_ok(s + 11);
  if (!strcmp(dt, NS_XSD "time"))
    return time_ok(s);
  if (!strcmp(dt, NS_XSD "duration"))
    return s[0] == 'P' || (s[0] == '-' && s[1] == 'P');
  return 1; /* other datatypes: any lexical form */
}
