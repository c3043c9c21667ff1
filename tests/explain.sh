#!/bin/sh
# kkachi extract --explain: one fact a row in words (person — title —
# organization, agent — role — program, program — method: counts), the
# rule, the offsets and the matched text, then the sentence; plain when
# piped or with NO_COLOR, in colour on a terminal with the match marked.
. "$SRCDIR/tests/lib.sh"
ex="$SRCDIR/examples/ko-program-news.txt"
expect_status 0 "$KKACHI" extract --rules "$RULES" --explain "$ex"
grep -qx 'affiliation  강하람 — 제1차관 — 과학기술정보통신부' "$T/out" || fail "affiliation not in words"
grep -qx 'program_role 정보통신기획평가원 — executes — 차세대 양자컴퓨팅 플랫폼 개발 사업' "$T/out" ||
  fail "program role not in words"
grep -qx 'stage        차세대 양자컴퓨팅 플랫폼 개발 사업 — 서면평가: → 6' "$T/out" || fail "stage not in words"
grep -q '^    rule ko/[a-z-]*, \[[0-9]*,[0-9]*) "' "$T/out" || fail "no rule and offsets row"
grep -q '^    in: ' "$T/out" || fail "no sentence row"
[ "$(grep -c '^[a-z_]* ' "$T/out")" -ge 10 ] || fail "fewer than 10 facts"
printf '\033' >"$T/esc"
grep -q "$(cat "$T/esc")" "$T/out" && fail "colour when piped"
if command -v script >/dev/null; then
  script -qec "$KKACHI extract --rules $RULES --explain $ex 2>/dev/null" /dev/null >"$T/tty" 2>&1
  grep -q "$(cat "$T/esc")\[1;33m강하람 과기정통부 제1차관$(cat "$T/esc")\[0m" "$T/tty" ||
    fail "no colour, or the match not marked, on a terminal"
  NO_COLOR=1 script -qec "$KKACHI extract --rules $RULES --explain $ex 2>/dev/null" /dev/null >"$T/tty" 2>&1
  grep -q "$(cat "$T/esc")" "$T/tty" && fail "colour with NO_COLOR set"
fi
finish
