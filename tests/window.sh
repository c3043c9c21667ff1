#!/bin/sh
# window N: a rule is matched only where its match may start, at most N
# characters before a word it needs; a match that starts further back is
# not found, one within the window is, and the shipped rules give the same
# graph with their windows as without them.
. "$SRCDIR/tests/lib.sh"
mkdir "$T/r"
rules() { # $1: window line or nothing
  cat >"$T/r/x.rules" <<R
lang ko
rule a
  needs 장관
$1
  pattern (?<org>가람[가-힣]*)\s+(?:[가-힣]+\s+){0,3}(?<person>김하늘)\s+장관
  fact affiliation person=\$person org=\$org title=장관
R
}
printf '가람부 새 정책 담당 김하늘 장관이 말했다.\n' >"$T/a.txt"
count() { "$KKACHI" extract --rules "$T/r" -f ntriples "$T/a.txt" |
  grep -c 'ns#Affiliation>'; }
rules ""
[ "$(count)" = 1 ] || fail "without a window the rule does not match"
rules "  window 30"
[ "$(count)" = 1 ] || fail "a window of 30 lost a match that starts 17 before"
rules "  window 5"
[ "$(count)" = 0 ] || fail "a window of 5 found a match that starts 17 before"
# the shipped rules' windows lose nothing on the shipped example (and on
# the dev-gold texts when ../shared is there)
sed '/^  window /d' "$RULES/ko/affiliation.rules" >"$T/aff.rules"
mkdir -p "$T/all"
cp -r "$RULES" "$T/all/rules"
cp -r "$SRCDIR/extract/gazetteers" "$T/all/gazetteers"
cp "$T/aff.rules" "$T/all/rules/ko/affiliation.rules"
texts="$SRCDIR/examples/ko-program-news.txt"
[ -f "$SHARED/data/dev-gold/texts.jsonl" ] &&
  texts="$texts $SHARED/data/dev-gold/texts.jsonl"
for f in $texts; do
  "$KKACHI" extract --rules "$RULES" -f ntriples "$f" >"$T/with.nt" 2>/dev/null
  "$KKACHI" extract --rules "$T/all/rules" -f ntriples "$f" >"$T/without.nt" 2>/dev/null
  cmp -s "$T/with.nt" "$T/without.nt" ||
    fail "windows change the graph of $(basename "$f")"
done
finish
