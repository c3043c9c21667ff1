#!/bin/sh
# KKACHI_PROFILE: the engine writes what each rule cost to standard error
# when it is done (runs, runs skipped by needs, matches, seconds), and
# nothing when the variable is unset; the graph is the same either way.
. "$SRCDIR/tests/lib.sh"
mkdir "$T/r"
cat >"$T/r/x.rules" <<'R'
lang ko
rule a
  needs 장관
  pattern (?<person>김하늘)\s+(?<title>장관)
  fact affiliation person=$person title=$title
rule b
  needs 회장
  pattern (?<person>김하늘)\s+(?<title>회장)
  fact affiliation person=$person title=$title
R
printf '김하늘 장관이 말했다. 오늘은 맑다. 김하늘 장관도 왔다.\n' >"$T/a.txt"
"$KKACHI" extract --rules "$T/r" -f ntriples "$T/a.txt" >"$T/off.nt" \
  2>"$T/off.err" || fail "extract failed"
grep -q '^profile:' "$T/off.err" && fail "a profile without KKACHI_PROFILE"
KKACHI_PROFILE=1 "$KKACHI" extract --rules "$T/r" -f ntriples "$T/a.txt" \
  >"$T/on.nt" 2>"$T/on.err" || fail "extract with KKACHI_PROFILE failed"
cmp -s "$T/off.nt" "$T/on.nt" || fail "KKACHI_PROFILE changes the graph"
grep -q '^profile: 1 articles' "$T/on.err" || fail "no profile header"
grep -q '(gazetteer scan)$' "$T/on.err" || fail "no stage lines"
# rule a ran on the two sentences with 장관 and matched twice; rule b
# was skipped on all three, so it has no line
grep -Eq '^profile: +2 +1 +2 +[0-9.]+  ko/a$' "$T/on.err" ||
  fail "rule a's line is wrong: $(grep ko/a "$T/on.err")"
grep -q 'ko/b$' "$T/on.err" && fail "a rule that never ran is listed"
finish
