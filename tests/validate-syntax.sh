#!/bin/sh
# kkachi validate reads each file in the syntax its ending names (.nq,
# .nquads, .nt, .ntriples, .ttl, .turtle, .trig, .rdf, .xml, .owl, .json),
# says which syntax it tried when a file does not parse, and refuses
# JSON-LD, which raptor cannot read, rather than misread it.
. "$SRCDIR/tests/lib.sh"
V="$KKACHI validate --no-vocab --shapes $T/shapes.ttl"
cat >"$T/shapes.ttl" <<'TTL'
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://e/> .
ex:S a sh:NodeShape ; sh:targetNode ex:s ;
  sh:property [ sh:path ex:p ; sh:minCount 1 ] .
TTL
nq='<http://e/s> <http://e/p> <http://e/o> <http://e/g> .'
nt='<http://e/s> <http://e/p> <http://e/o> .'
printf '%s\n' "$nq" >"$T/a.nq"
printf '%s\n' "$nq" >"$T/a.nquads"
printf '%s\n' "$nt" >"$T/a.ntriples"
printf '%s\n' "$nt" >"$T/a.NT"
printf '@prefix e: <http://e/> .\ne:s e:p e:o .\n' >"$T/a.turtle"
printf '<http://e/g> { %s }\n' "$nt" >"$T/a.trig"
printf '{ "http://e/s": { "http://e/p": [ { "value": "http://e/o", "type": "uri" } ] } }\n' >"$T/a.json"
cat >"$T/a.rdf" <<'XML'
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:e="http://e/"><rdf:Description rdf:about="http://e/s">
  <e:p rdf:resource="http://e/o"/></rdf:Description></rdf:RDF>
XML
cp "$T/a.rdf" "$T/a.owl"
cp "$T/a.rdf" "$T/a.xml"
for f in a.nq a.nquads a.ntriples a.NT a.turtle a.trig a.json a.rdf a.owl \
  a.xml; do
  expect_status 0 $V "$T/$f"
  expect_err "kkachi: 1 triples conform"
done

# a file that does not parse: the error says what it was read as
printf '<http://e/s> <http://e/p> .\n' >"$T/bad.nquads"
expect_status 2 $V "$T/bad.nquads"
expect_err "kkachi: $T/bad.nquads:1:"
expect_err "(read as nquads)"

# JSON-LD: refused with one line, nothing written
printf '{ "@context": {}, "@id": "http://e/s" }\n' >"$T/a.jsonld"
expect_status 2 $V "$T/a.jsonld"
expect_err "kkachi: $T/a.jsonld: JSON-LD is not supported; convert to N-Quads or Turtle"
[ "$(wc -l <"$T/err")" = 1 ] || fail "more than one error line: $(cat "$T/err")"
[ -s "$T/out" ] && fail "a report was written"
finish
