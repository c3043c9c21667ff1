/* date.h: calendar dates, checked before they are written as xsd:date. */
#ifndef KK_DATE_H
#define KK_DATE_H

/* Whether s is YYYY-MM-DD naming a day of the Gregorian calendar (years
 * 0001 to 9999, February 29 in leap years only). */
int kkachi__date_valid(const char *s);

#endif
