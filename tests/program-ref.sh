#!/bin/sh
# A reference to a program with a word of the pointing-word gazetteer
# (이번 공모) speaks of the program named last before it, though no fact was read of that program (a "seen" program
# fact); a fact that names no program keeps to the program of the fact
# read last.
. "$SRCDIR/tests/lib.sh"

mkdir "$T/r"
printf '이번\n해당\n' >"$T/r/pointing.txt"
cat >"$T/r/x.rules" <<'R'
lang ko
gazetteer pointing-word pointing.txt
rule seen
  pattern (?<p>새싹 [가-힣]+ 공모)
  fact program name=$p seen=yes
rule runs
  pattern (?<a>가람재단)은 (?<p>나래 장학 사업)을 추진
  fact program_role agent=$a program=$p role=runs
rule applies
  pattern (?<r>이번 공모)에는 (?<n>[0-9]+)개 팀이 신청
  fact program_role count=$n programref=$r role=applies
rule funds
  pattern (?<a>새솔재단)이 후원
  fact program_role agent=$a role=funds
R
printf '가람재단은 나래 장학 사업을 추진한다. 새싹 마을 공모 결과가 나왔다. 새솔재단이 후원한다. 이번 공모에는 15개 팀이 신청했다.\n' >"$T/a.txt"
"$KKACHI" extract --rules "$T/r" -f ntriples "$T/a.txt" >"$T/a.nt" \
  2>"$T/err" || fail "extract failed: $(cat "$T/err")"
python3 "$SRCDIR/tests/facts.py" "$T/a.nt" >"$T/facts"
grep -q '^program_role - Applies .*새싹마을공모.* count=15' "$T/facts" ||
  fail "the reference did not speak of the program seen before it: $(cat "$T/facts")"
grep -q '^program_role .*새솔재단 Funds .*나래장학사업' "$T/facts" ||
  fail "a fact with no program left the program read last: $(cat "$T/facts")"
# A program seen and never referred to is no node of its own.
printf '새싹 마을 공모 결과가 나왔다.\n' >"$T/b.txt"
"$KKACHI" extract --rules "$T/r" -f ntriples "$T/b.txt" >"$T/b.nt" \
  2>"$T/err" || fail "extract failed: $(cat "$T/err")"
if grep -q 'Program>' "$T/b.nt"; then
  fail "a program only seen was written: $(cat "$T/b.nt")"
fi
finish
