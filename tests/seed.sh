#!/bin/sh
# The seed article: the five people, the byline, nothing else
# (kk-score affiliation and article families, P = R = 1).
. "$SRCDIR/tests/lib.sh"
need_shared
need_rapper
command -v python3 >/dev/null || skip "python3 is not installed"
D="$SHARED/data/seed"
expect_status 0 "$KKACHI" extract --rules "$RULES" -f ntriples -o "$T/seed.nt" "$D/article-ko.txt"
python3 "$SHARED/tools/kk-score" --gold "$D/gold.jsonl" --family affiliation \
  --family article --pred "$T/seed.nt" --doc seed --show-misses >"$T/score"
cat "$T/score"
grep -q '^micro P=1.000 R=1.000' "$T/score" || fail "seed is not P = R = 1"
finish
