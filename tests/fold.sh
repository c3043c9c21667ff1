#!/bin/sh
# Facts that two rules read over the same words, one saying less than
# the other, are one fact: a count of parties with and without their
# kind, an organization written in full and by its last words.
. "$SRCDIR/tests/lib.sh"
mkdir "$T/r"
cat >"$T/r/x.rules" <<'R'
lang ko
rule count-kind
  pattern (?<n>[0-9]+)개 (?<k>팀)이 응모
  fact program_role count=$n label=$k role=applies programhead=공모
rule count-bare
  pattern (?<n>[0-9]+)개 팀이 응모
  fact program_role count=$n role=applies programhead=공모
rule org-long
  pattern (?<o>새솔 축구 대표팀)의 골키퍼 (?<p>한도윤)
  fact affiliation person=$p org=$o title=골키퍼
rule org-short
  pattern 새솔 (?<o>축구 대표팀)의 골키퍼 (?<p>한도윤)
  fact affiliation person=$p org=$o title=골키퍼
R
printf '공모에는 87개 팀이 응모했다. 새솔 축구 대표팀의 골키퍼 한도윤이 막았다.\n' >"$T/a.txt"
"$KKACHI" extract --rules "$T/r" -f ntriples "$T/a.txt" >"$T/a.nt" 2>"$T/err" ||
  fail "extract failed: $(cat "$T/err")"
python3 "$SRCDIR/tests/facts.py" "$T/a.nt" >"$T/facts"
n=$(grep -c '^program_role - Applies .* count=87' "$T/facts")
[ "$n" = 1 ] || fail "the count with and without its kind gave $n facts: $(cat "$T/facts")"
n=$(grep -c '^affiliation' "$T/facts")
[ "$n" = 1 ] || fail "an organization and its last words gave $n affiliations: $(cat "$T/facts")"
grep -q '새솔' "$T/facts" || fail "the longer organization was not kept: $(cat "$T/facts")"
finish
