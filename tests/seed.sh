#!/bin/sh
# The seed article: the five people, the byline, who runs and executes
# the program, who applied and took part, its three stages, nothing else
# (kk-score, every family P = R = 1), and its golden graph.
. "$SRCDIR/tests/lib.sh"
need_shared
need_rapper
command -v python3 >/dev/null || skip "python3 is not installed"
D="$SHARED/data/seed"
# read from its folder: an article is named by its path as given
(cd "$D" && "$KKACHI" extract --rules "$RULES" -f ntriples -o "$T/seed.nt" article-ko.txt) ||
  fail "extract failed on the seed"
python3 "$SHARED/tools/kk-score" --gold "$D/gold.jsonl" --pred "$T/seed.nt" \
  --doc seed --show-misses >"$T/score"
cat "$T/score"
grep -q '^micro P=1.000 R=1.000' "$T/score" || fail "seed is not P = R = 1"
for fam in affiliation program_role stage article; do
  grep -q "^$fam: P=1.000 R=1.000" "$T/score" || fail "$fam is not P = R = 1"
done
# the whole graph, less the matched text (which stays in ../shared)
grep -v 'nif-core#anchorOf>' "$T/seed.nt" | LC_ALL=C sort >"$T/got.nt"
if ! cmp -s "$T/got.nt" "$SRCDIR/tests/golden/seed.nt"; then
  fail "seed graph differs from tests/golden/seed.nt"
  diff "$SRCDIR/tests/golden/seed.nt" "$T/got.nt" | head -20 >&2
fi
finish
