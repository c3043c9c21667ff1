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

# RDF/XML and RDF/JSON: the same triples as N-Triples
expect_status 0 "$KKACHI" extract --rules "$RULES" -f ntriples "$ex"
sort "$T/out" >"$T/want.nt"
expect_status 0 "$KKACHI" extract --rules "$RULES" -f rdfxml "$ex"
cp "$T/out" "$T/x.rdf"
if [ -n "${RAPPER:-}" ] && [ -x "$RAPPER" ]; then
  "$RAPPER" -q -i rdfxml -o ntriples "$T/x.rdf" | sort >"$T/got.nt"
  cmp -s "$T/want.nt" "$T/got.nt" || fail "RDF/XML holds other triples"
fi
grep -q 'xmlns:kk="https://w3id.org/kkachi/ns#"' "$T/x.rdf" || fail "RDF/XML without the kk: prefix"
expect_status 0 "$KKACHI" extract --rules "$RULES" -f json "$ex"
"$PYTHON3" - "$T/out" "$T/want.nt" <<'PY2' || fail "RDF/JSON does not hold the triples"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
n = sum(len(vs) for p in d.values() for vs in p.values())
want = sum(1 for l in open(sys.argv[2], encoding="utf-8") if l.strip())
assert n == want, (n, want)
PY2
# RDF/JSON of a corpus whose articles share entities: the union, whole
cp "$ex" "$T/copy.txt"
expect_status 0 "$KKACHI" extract --rules "$RULES" -f ntriples "$ex" "$T/copy.txt" "$T/two.jsonl"
LC_ALL=C sort -u "$T/out" >"$T/union.nt"
expect_status 0 "$KKACHI" extract --rules "$RULES" -f json "$ex" "$T/copy.txt" "$T/two.jsonl"
[ -s "$T/err" ] && fail "RDF/JSON of shared entities: $(cat "$T/err")"
cp "$T/out" "$T/union.json"
parses json "$T/union.json"
"$RAPPER" -q -i json -o ntriples "$T/union.json" | LC_ALL=C sort -u >"$T/got.nt"
cmp -s "$T/union.nt" "$T/got.nt" ||
  fail "RDF/JSON holds $(wc -l <"$T/got.nt") triples, want $(wc -l <"$T/union.nt")"
# a picture: names, titles and counts as labels, no IRIs; --svg through
# Graphviz when it is installed
expect_status 0 "$KKACHI" extract --rules "$RULES" -f dot "$ex"
head -1 "$T/out" | grep -q '^digraph kkachi {$' || fail "dot: no digraph"
grep -q 'https://' "$T/out" && fail "dot: IRIs in the picture"
grep -q '^  "p:[^"]*" -> "o:[^"]*" \[label="[^"]' "$T/out" || fail "dot: no person -> organization edge with a title"
grep -q 'shape=note' "$T/out" || fail "dot: no stage"
[ "$(sort "$T/out" | uniq -d | wc -l)" = 0 ] || fail "dot: repeated lines"
if command -v dot >/dev/null; then
  dot -Tsvg "$T/out" >/dev/null 2>"$T/dot.err" || fail "dot: Graphviz rejects it: $(cat "$T/dot.err")"
  expect_status 0 "$KKACHI" extract --rules "$RULES" --svg "$T/pic.svg" -f ntriples "$ex"
  grep -q '<svg' "$T/pic.svg" || fail "--svg wrote no SVG"
  cmp -s "$T/out" "$T/want.nt" 2>/dev/null || sort "$T/out" | cmp -s - "$T/want.nt" || fail "--svg changed the output"
else
  expect_status 2 "$KKACHI" extract --rules "$RULES" --svg "$T/pic.svg" "$ex"
  expect_err "cannot draw the picture: Graphviz (dot) is not installed"
fi
# with a store the facts are loaded, whatever the format
expect_status 0 "$KKACHI" extract --rules "$RULES" -f dot --load="$T/st" "$ex"
expect_status 0 "$KKACHI" query --store "$T/st" --results csv 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }'
n=$(tail -1 "$T/out" | tr -d "\r")
[ "$n" -gt 100 ] || fail "-f dot --load loaded $n triples"
expect_status 2 "$KKACHI" extract --rules "$RULES" -f jsonld "$ex"
expect_err "unknown format 'jsonld' (turtle, ntriples, nquads, rdfxml, json, dot)"
finish
