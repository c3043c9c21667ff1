#!/bin/sh
# A rule may have more groups than the 64 a match starts with (a large
# gazetteer looked up by callout adds one of its own each time it is
# named): the groups past the 64th still give their values.
. "$SRCDIR/tests/lib.sh"
mkdir "$T/r"
groups=""
i=0
while [ $i -lt 70 ]; do
  groups="$groups(?<g$i>x)?"
  i=$((i + 1))
done
{
  printf 'lang ko\n'
  printf 'rule wide\n'
  printf '  pattern %s(?<person>김하늘)\\s+(?<org>가람대)\\s+(?<title>총장)\n' "$groups"
  printf '  fact affiliation person=$person org=$org title=$title\n'
  printf '  example 김하늘 가람대 총장이 말했다.\n'
  printf '    expect affiliation person=김하늘 org=가람대 title=총장\n'
} >"$T/r/x.rules"
"$KKACHI" rules test "$T/r" >"$T/test.out" 2>&1 ||
  fail "a rule with 73 groups loses its late ones: $(cat "$T/test.out")"
printf '김하늘 가람대 총장이 말했다.\n' >"$T/a.txt"
"$KKACHI" extract --rules "$T/r" -f ntriples "$T/a.txt" >"$T/out.nt" 2>"$T/err" ||
  fail "extract failed: $(cat "$T/err")"
grep -q 'ns#Affiliation>' "$T/out.nt" ||
  fail "no affiliation from the wide rule"
finish
