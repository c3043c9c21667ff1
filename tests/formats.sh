#!/bin/sh
# Every output format parses, N-Quads put each article in its own graph,
# and --no-evidence leaves evidence out.
. "$SRCDIR/tests/lib.sh"
need_rapper
ex="$SRCDIR/examples/ko-program-news.txt"
printf '{"id": "j1", "text": "노은서 교육부 장관이 말했다."}\n{"id": "j2", "text": "유태오 국토교통부 차관이 말했다."}\n' >"$T/two.jsonl"
for f in turtle ntriples nquads; do
  expect_status 0 "$KKACHI" extract --rules "$RULES" -f $f "$ex" "$T/two.jsonl"
  cp "$T/out" "$T/all.$f"
  parses $f "$T/all.$f"
done
"$RAPPER" -q -i turtle -o ntriples "$T/all.turtle" | LC_ALL=C sort -u >"$T/t.nt"
LC_ALL=C sort -u "$T/all.ntriples" >"$T/n.nt"
cmp -s "$T/t.nt" "$T/n.nt" || fail "Turtle and N-Triples differ in content"
grep -q '<https://w3id.org/kkachi/id/article/j2> .$' "$T/all.nquads" || fail "no graph for j2"
[ "$(grep -c '<https://w3id.org/kkachi/id/article/j1> .$' "$T/all.nquads")" -gt 5 ] || fail "j1 graph too small"
grep -q '_:' "$T/all.ntriples" && fail "blank nodes in the output"
expect_status 0 "$KKACHI" extract --rules "$RULES" --no-evidence -f ntriples "$ex"
grep -q 'kkachi/ns#Evidence' "$T/out" && fail "--no-evidence still writes evidence"
grep -q 'kkachi/ns#Affiliation' "$T/out" || fail "--no-evidence lost the facts"
# offsets are code points into the NFC text
expect_status 0 "$KKACHI" extract --rules "$RULES" -f ntriples --base https://example.org/kg/ "$T/two.jsonl"
grep -q '<https://example.org/kg/person/' "$T/out" || fail "--base not used"
grep -q 'beginIndex> "0"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>' "$T/out" || fail "begin offset 0 missing"
grep -q 'endIndex> "10"^^' "$T/out" || fail "end offset (code points) of '노은서 교육부 장관' wrong"
finish
