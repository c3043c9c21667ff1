#!/bin/sh
# An organization named with a bracket between a body and its branch
# ("가람공단(이사장 한도윤) 나래지부") is written without the bracket; a
# bracket that opens the name ((재)새솔재단) is left to the legal forms
# (no gazetteer of them here, so it stays).
. "$SRCDIR/tests/lib.sh"

mkdir "$T/r"
cat >"$T/r/x.rules" <<'R'
lang ko
rule branch-runs
  pattern (?<o>가람공단\(이사장 한도윤\) 나래지부)는 (?<p>새싹 강좌)를 열었다
  fact program_role agent=$o program=$p role=runs
rule legal-runs
  pattern (?<o>\(재\)새솔재단)은 (?<p>나래 캠프)를 열었다
  fact program_role agent=$o program=$p role=runs
R
printf '가람공단(이사장 한도윤) 나래지부는 새싹 강좌를 열었다. (재)새솔재단은 나래 캠프를 열었다.\n' >"$T/a.txt"
"$KKACHI" extract --rules "$T/r" -f ntriples "$T/a.txt" >"$T/a.nt" 2>"$T/err" ||
  fail "extract failed: $(cat "$T/err")"
python3 "$SRCDIR/tests/facts.py" "$T/a.nt" >"$T/facts"
grep -q '^program_role org/가람공단_나래지부 Runs ' "$T/facts" ||
  fail "the branch kept its bracket: $(cat "$T/facts")"
grep -q '^program_role org/(재)새솔재단 Runs ' "$T/facts" ||
  fail "a bracket that opens the name was taken out: $(cat "$T/facts")"
finish
