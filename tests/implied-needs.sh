#!/bin/sh
# A rule runs only on sentences that hold the words its pattern must find,
# read from the pattern as a needs line is: here 가람 and 선정, with no
# needs line; what it finds is the same as when it runs everywhere.
. "$SRCDIR/tests/lib.sh"
mkdir "$T/r"
cat >"$T/r/x.rules" <<'R'
lang ko
rule a
  pattern (?<org>가람[가-힣]*)(?:이|가)\s+(?:최종\s+)?(?:선정|선발)
  fact affiliation person=김하늘 org=$org title=장관
rule b
  pattern (?<org>가람[가-힣]*)(?:이|가)\s+(?:최종\s+)?(?:선정|선발)(*SKIP)
  fact affiliation person=김하늘 org=$org title=장관
R
printf '가람대학이 선정됐다. 가람대학은 웃었다. 나래대학이 선정됐다. 오늘은 맑다. 가람고가 최종 선발됐다.\n' >"$T/a.txt"
KKACHI_PROFILE=1 "$KKACHI" extract --rules "$T/r" -f ntriples "$T/a.txt" \
  >"$T/out.nt" 2>"$T/err" || fail "extract failed"
# rule a: only the first and the last sentence hold both; rule b, whose
# (*SKIP) is not read, runs on all five
grep -Eq '^profile: +2 +3 +2 +[0-9.]+  ko/a$' "$T/err" ||
  fail "rule a's line is wrong: $(grep ko/a "$T/err")"
grep -Eq '^profile: +5 +0 +2 +[0-9.]+  ko/b$' "$T/err" ||
  fail "rule b's line is wrong: $(grep ko/b "$T/err")"
grep -q "ns#Affiliation>" "$T/out.nt" ||
  fail "the rules yield no fact"
finish
