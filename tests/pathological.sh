#!/bin/sh
# Pathological articles (tests/pathological.py) and a rule that
# backtracks without end: each run ends, under a generous timeout, with
# its status and no lost output; a match that hits PCRE2's limits is a
# warning that names the rule. Times are measured by bench/pathological.sh.
. "$SRCDIR/tests/lib.sh"
[ -n "${PYTHON3:-}" ] || skip "python3 is not installed"
"$PYTHON3" "$SRCDIR/tests/pathological.py" "$T" || fail "cannot write the inputs"
X="$KKACHI extract --rules $RULES -f nquads"
for f in "$T"/*.txt; do
  expect_status 0 timeout 120 $X -o "$T/out.nq" "$f"
  [ -s "$T/out.nq" ] || fail "$(basename "$f"): no output"
done
# the fact inside 100,000 brackets is found, and the repeated one is one
# fact with a bounded number of evidence spans
expect_status 0 $X "$T/brackets.txt"
grep -q 'person/\\uAE40\\uD558\\uB298>' "$T/out" || fail "brackets: the fact inside was lost"
expect_status 0 $X "$T/repeated-fact.txt"
n=$(grep -c 'nif-core#anchorOf>' "$T/out")
[ "$n" -gt 0 ] && [ "$n" -le 1000 ] || fail "repeated fact: $n evidence lines"
# the English apposition said 1,500 times is one fact, read in every
# sentence up to the bound on evidence spans
expect_status 0 $X "$T/en-appositions.txt"
grep -q 'person/John_Smith>' "$T/out" || fail "en-appositions: the fact was lost"
n=$(grep -c 'nif-core#anchorOf>' "$T/out")
[ "$n" -gt 0 ] && [ "$n" -le 1000 ] || fail "en-appositions: $n evidence lines"
# the wall on work per article: an article of 300,000 sentences stops at
# the limit, with a warning naming the article, and what was read before
# is written
awk 'BEGIN { for (i = 0; i < 300000; i++) printf "김하늘 장관은 %d번째로 말했다. ", i; print "" }' >"$T/wall.txt"
expect_status 0 timeout 120 $X --time-limit 0.2 "$T/wall.txt"
expect_err "article '$T/wall.txt': matching stopped after 0.2 s at sentence "
grep -q 'person/\\uAE40\\uD558\\uB298>' "$T/out" || fail "wall: the facts read before were lost"
expect_status 2 $X --time-limit soon "$T/wall.txt"
expect_err "--time-limit: 'soon' is not a number of seconds"
# catastrophic backtracking: stopped by the match limit, with a warning
expect_status 0 timeout 120 "$KKACHI" extract --rules "$T/backtrack.rules" "$T/one-word.txt"
expect_err "rule 'ko/nested-plus' stopped on a sentence"
finish
