#!/bin/sh
# kkachi validate: what kkachi extract writes conforms to the shapes and
# uses only defined terms; a hand-broken graph is reported with the right
# focus node, path and component; bad shapes and bad data fail with 2.
. "$SRCDIR/tests/lib.sh"
need_rapper
V="$KKACHI validate --shapes $SRCDIR/vocab/kkachi-shapes.ttl --vocab $SRCDIR/vocab/kkachi.ttl"
"$KKACHI" extract --rules "$RULES" -o "$T/ex.ttl" "$SRCDIR/examples/ko-program-news.txt"
expect_status 0 $V "$T/ex.ttl"
expect_err "triples conform"
parses turtle "$T/out"
grep -Eq 'sh:conforms "?true' "$T/out" || fail "report does not say it conforms"

expect_status 1 $V "$SRCDIR/tests/validate/broken.ttl"
expect_err "do not conform"
cp "$T/out" "$T/report.ttl"
"$RAPPER" -q -i turtle -o ntriples "$T/report.ttl" >"$T/report.nt"
# one result per fault, each with its focus node, path and component
check() { # FOCUS PATH COMPONENT
  awk -v f="$1" -v p="$2" -v c="$3" '
    { s[$1] = s[$1] " " $2 " " $3 }
    END { for (r in s) if (index(s[r], f) && index(s[r], p) && index(s[r], c)) ok = 1
          exit ok ? 0 : 1 }' "$T/report.nt" || fail "no result for $1 $2 $3"
}
check '<https://w3id.org/kkachi/id/article/b1#aff-1>' '<http://www.w3.org/ns/org#member>' 'MinCountConstraintComponent>'
check '<https://w3id.org/kkachi/id/article/b1#prole-1>' '<https://w3id.org/kkachi/ns#agentCount>' 'DatatypeConstraintComponent>'
check 'program/' '<https://w3id.org/kkachi/ns#favouriteColour>' 'DefinedTermConstraintComponent>'
grep -Eq 'sh:conforms "?false' "$T/report.ttl" || fail "report says it conforms"

printf '@prefix sh: <http://www.w3.org/ns/shacl#> .\n<s> a sh:NodeShape ; sh:targetNode <x> ; sh:path ( ) ; sh:minCount "two" .\n' >"$T/bad-shapes.ttl"
expect_status 2 "$KKACHI" validate --shapes "$T/bad-shapes.ttl" --no-vocab "$T/ex.ttl"
expect_err "not well-formed SHACL"
# a shape that needs itself (twice over: sh:node and sh:xone) ends at once
printf '@prefix sh: <http://www.w3.org/ns/shacl#> .\n@prefix ex: <http://example.org/> .\nex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:node ex:S ; sh:xone ( ex:S ) .\n' >"$T/self.ttl"
printf '<http://example.org/a> <http://example.org/p> "1" .\n' >"$T/a.nt"
expect_status 2 timeout 10 "$KKACHI" validate --shapes "$T/self.ttl" --no-vocab "$T/a.nt"
expect_err "not well-formed SHACL"
# a pattern that PCRE2's match limit stops is an error of the validator,
# named with its shape and value, not a result
cat >"$T/slow.ttl" <<'TTL'
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
ex:S a sh:NodeShape ; sh:targetNode ex:a ;
  sh:property [ sh:path ex:p ; sh:pattern "^(a|a)*c$" ] .
TTL
printf '<http://example.org/a> <http://example.org/p> "%s" .\n' \
  aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaacx >"$T/slow.nt"
expect_status 2 "$KKACHI" validate --shapes "$T/slow.ttl" --no-vocab "$T/slow.nt"
expect_err "kkachi: cannot validate: sh:pattern of the shape with sh:path \
<http://example.org/p> on value \"aaaa"
expect_err "match limit exceeded"
[ "$(wc -l <"$T/err")" = 1 ] || fail "more than one error line: $(cat "$T/err")"
[ -s "$T/out" ] && fail "a report was written"
printf '<a> <b> .\n' >"$T/bad.ttl"
expect_status 2 $V "$T/bad.ttl"
expect_err "kkachi: $T/bad.ttl:1:"
expect_status 2 $V "$T/missing.ttl"
expect_err "cannot open"
expect_status 2 "$KKACHI" validate
# sh:datatype xsd:date takes days of the calendar only: February 30 and
# a leap day of a common year are no dates; a leap year's is
printf '@prefix sh: <http://www.w3.org/ns/shacl#> .\n@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n<http://example.org/S> a sh:NodeShape ; sh:targetSubjectsOf <http://example.org/d> ; sh:property [ sh:path <http://example.org/d> ; sh:datatype xsd:date ] .\n' >"$T/date-shapes.ttl"
for d in 2025-02-30 2023-02-29 2025-04-31; do
  printf '<http://example.org/a> <http://example.org/d> "%s"^^<http://www.w3.org/2001/XMLSchema#date> .\n' "$d" >"$T/d.nt"
  expect_status 1 "$KKACHI" validate --shapes "$T/date-shapes.ttl" --no-vocab "$T/d.nt"
done
printf '<http://example.org/a> <http://example.org/d> "2024-02-29+09:00"^^<http://www.w3.org/2001/XMLSchema#date> .\n' >"$T/d.nt"
expect_status 0 "$KKACHI" validate --shapes "$T/date-shapes.ttl" --no-vocab "$T/d.nt"
finish
