#!/bin/sh
# A reference to a program with a word of the pointing-word gazetteer
# (이번 공모) speaks of the program named last before it, though no fact
# was read of that program (a "seen" program fact); a fact that names no
# program keeps to the program of the fact read last.
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
# A program word alone (공모, 사업) before any fact names a program is the
# program of that kind seen last, not an unnamed one; a seen program of
# another kind leaves it unnamed.
mkdir "$T/w"
cat >"$T/w/x.rules" <<'R'
lang ko
rule seen
  pattern (?<p>새싹 [가-힣]+ (?:공모|설명회))
  fact program name=$p seen=yes
rule chosen
  pattern (?<r>공모)에서 (?<n>[0-9]+)개 팀을 선정
  fact stage selected=$n programref=$r method=FinalSelection
R
printf '새싹 마을 공모 결과가 나왔다. 공모에서 5개 팀을 선정했다.\n' >"$T/w1.txt"
printf '새싹 마을 설명회가 열렸다. 공모에서 5개 팀을 선정했다.\n' >"$T/w2.txt"
for x in w1 w2; do
  "$KKACHI" extract --rules "$T/w" -f ntriples "$T/$x.txt" >"$T/$x.nt" \
    2>"$T/err" || fail "extract failed: $(cat "$T/err")"
done
grep -q 'name> "\\uC0C8\\uC2F9 \\uB9C8\\uC744 \\uACF5\\uBAA8"' "$T/w1.nt" ||
  grep -q 'name> "새싹 마을 공모"' "$T/w1.nt" ||
  fail "a program word alone did not speak of the program seen: $(cat "$T/w1.nt")"
if grep -q '설명회\|\\uC124\\uBA85\\uD68C' "$T/w2.nt"; then
  fail "a program word spoke of a seen program of another kind: $(cat "$T/w2.nt")"
fi
finish
