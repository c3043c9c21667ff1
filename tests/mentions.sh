#!/bin/sh
# Mentions and frames: rules with mark lines mark typed mentions, the
# particles gazetteer splits off the particle after each, and a rule over
# mentions reads the agent, the program and the verb with words between
# them; its facts carry the names and the evidence span of the text as
# written.
. "$SRCDIR/tests/lib.sh"
mkdir "$T/r"
cat >"$T/r/x.rules" <<'R'
lang ko
gazetteer particles p.tsv
gazetteer quote q.tsv aliases=2
rule org
  pattern (?<o>[가-힣]{2,8}(?:시|부))(?=[은는이가의에 ])
  mark ORG=$o
rule prog
  pattern (?<p>'[^']+'|\[[^\]]+\])
  mark PROGRAM=$p
rule applies
  over mentions
  quoted skip
  pattern (?<a>{{@ORG:topic}})\s+.*?(?<p>{{@PROGRAM:at}})\s+.*?신청했다
  fact program_role agent=$a program=$p role=applies
rule bare
  over mentions
  pattern (?<a>{{@ORG:-}})\s주관
  fact program_role agent=$a role=runs programhead=행사
R
printf '는\ttopic\n에\tat\n의\tgen\n' >"$T/r/p.tsv"
printf "'\t'\n" >"$T/r/q.tsv"
printf "가람시는 지난달 환경부의 '푸른 숲 사업'에 주민 30명과 함께 신청했다.\n" >"$T/a.txt"

KKACHI_MENTIONS=1 "$KKACHI" extract --rules "$T/r" -f ntriples "$T/a.txt" \
  >"$T/a.nt" 2>"$T/err" || fail "extract with frames failed"
python3 "$SRCDIR/tests/facts.py" "$T/a.nt" >"$T/facts"
grep -q '^program_role org/가람시 Applies program/푸른숲사업' "$T/facts" ||
  fail "the frame did not read agent and program: $(cat "$T/facts")"
# the evidence is the text as written, from the agent to the verb
grep -q 'beginIndex> "0"' "$T/a.nt" && grep -q 'endIndex> "40"' "$T/a.nt" ||
  fail "evidence offsets are not those of the text"
grep -q '⟦ORG:topic⟧ 지난달 ⟦ORG:gen⟧ ⟦PROGRAM:at⟧ 주민 30명과 함께 신청했다' "$T/err" ||
  fail "KKACHI_MENTIONS did not show the sentence as frames read it: $(cat "$T/err")"

# without the particle (환경부 주관) the token has none; the particle
# gazetteer is what splits it off, not the rule
printf "올해 사업은 환경부 주관으로 열린다.\n" >"$T/b.txt"
"$KKACHI" extract --rules "$T/r" -f ntriples "$T/b.txt" >"$T/b.nt" ||
  fail "extract failed"
python3 "$SRCDIR/tests/facts.py" "$T/b.nt" | grep -q 'program_role org/환경부 Runs' ||
  fail "{{@ORG:-}} did not match a mention with no particle"

# quoted speech is skipped by position in the text, not in the rewrite
printf "장관은 \"가람시는 '푸른 숲 사업'에 신청했다\"고 말했다.\n" >"$T/c.txt"
"$KKACHI" extract --rules "$T/r" -f ntriples "$T/c.txt" >"$T/c.nt" ||
  fail "extract failed"
python3 "$SRCDIR/tests/facts.py" "$T/c.nt" | grep -q Applies &&
  fail "a frame inside quoted speech yielded a fact"

# quotation marks are the quote gazetteer's: a name in brackets is a
# quoted name only once the brackets are listed there
printf "가람시는 지난달 [푸른 숲 사업]에 신청했다.\n" >"$T/q.txt"
"$KKACHI" extract --rules "$T/r" -f ntriples "$T/q.txt" >"$T/q.nt" ||
  fail "extract failed"
python3 "$SRCDIR/tests/facts.py" "$T/q.nt" | grep -q 'program/푸른숲사업' &&
  fail "brackets not in the quote gazetteer were taken from the name"
printf '[\t]\n' >>"$T/r/q.tsv"
"$KKACHI" extract --rules "$T/r" -f ntriples "$T/q.txt" >"$T/q.nt" ||
  fail "extract failed"
python3 "$SRCDIR/tests/facts.py" "$T/q.nt" | grep -q 'program_role org/가람시 Applies program/푸른숲사업' ||
  fail "a pair of marks added to the quote gazetteer was not read as quotes: $(python3 "$SRCDIR/tests/facts.py" "$T/q.nt")"

# the shipped rules: agent, program and verb apart, and a stage with no
# program named, kept on an unnamed program of the article
printf "충청북도는 해양수산부의 '새싹 어촌 공모사업'에 9개 시군 21개소를 신청했다.\n" >"$T/d.txt"
printf "서류심사와 면접을 거쳐 최종 12명을 뽑는다.\n" >"$T/e.txt"
"$KKACHI" extract --rules "$RULES" -f ntriples "$T/d.txt" >"$T/d.nt" &&
  "$KKACHI" extract --rules "$RULES" -f ntriples "$T/e.txt" >"$T/e.nt" ||
  fail "extract with the shipped rules failed"
python3 "$SRCDIR/tests/facts.py" "$T/d.nt" >"$T/d.facts"
grep -q 'program_role org/충청북도 Applies program/새싹어촌공모사업' "$T/d.facts" ||
  fail "shipped frames missed the applicant: $(cat "$T/d.facts")"
grep -q 'program_role org/해양수산부 Runs program/새싹어촌공모사업' "$T/d.facts" ||
  fail "shipped rules missed the runner: $(cat "$T/d.facts")"
python3 "$SRCDIR/tests/facts.py" "$T/e.nt" >"$T/e.facts"
grep -q 'stage .* Interview .*selected=12' "$T/e.facts" ||
  fail "the stage with no program named was dropped: $(cat "$T/e.facts")"
"$KKACHI" validate --shapes "$SRCDIR/vocab/kkachi-shapes.ttl" --vocab "$SRCDIR/vocab/kkachi.ttl" "$T/e.nt" >"$T/v" 2>&1 ||
  fail "the unnamed program does not validate: $(cat "$T/v")"
finish
