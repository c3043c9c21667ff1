#!/bin/sh
# kkachi validate and SHACL paths: a report whose results share a
# sequence, inverse or alternative path is Turtle that rapper reads, with
# each path written in place as a list.
. "$SRCDIR/tests/lib.sh"
need_rapper
cat >"$T/shapes.ttl" <<'TTL'
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
ex:Seq a sh:PropertyShape ; sh:targetNode ex:a, ex:b ;
  sh:path ( ex:p [ sh:inversePath ex:q ] ) ; sh:minCount 1 .
ex:Alt a sh:PropertyShape ; sh:targetNode ex:a, ex:b ;
  sh:path [ sh:alternativePath ( ex:p ex:q ) ] ; sh:minCount 1 .
TTL
printf '<http://example.org/c> <http://example.org/r> "1" .\n' >"$T/data.nt"
V="$KKACHI validate --no-vocab"
expect_status 1 $V --shapes "$T/shapes.ttl" "$T/data.nt"
cp "$T/out" "$T/report.ttl"
parses turtle "$T/report.ttl"
"$RAPPER" -q -i turtle -o ntriples "$T/report.ttl" >"$T/report.nt" 2>/dev/null
n=$(grep -c 'MinCountConstraintComponent' "$T/report.nt")
[ "$n" = 4 ] || fail "$n results, want 4"
# each result has its own path: 2 sequences of 2 members, 2 lists of 2
n=$(grep -c '#first>' "$T/report.nt")
[ "$n" = 8 ] || fail "$n list members in the report, want 8"
n=$(grep -c 'inversePath' "$T/report.nt")
[ "$n" = 2 ] || fail "$n inverse paths in the report, want 2"
grep -q 'sh:resultPath (' "$T/report.ttl" || fail "no list written in place"
# a cycle of 40 nodes: from each, zero-or-more, one-or-more and inverse
# closures reach all 40, also where another alternative has reached some
# of them first
awk 'BEGIN { for (i = 0; i < 40; i++)
  printf "<http://example.org/n%d> <http://example.org/next> <http://example.org/n%d> .\n<http://example.org/n%d> a <http://example.org/Node> .\n", i, (i + 1) % 40, i }' |
  sed 's/ a </ <http:\/\/www.w3.org\/1999\/02\/22-rdf-syntax-ns#type> </' >"$T/ring.nt"
cat >"$T/ring.ttl" <<'TTL'
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
ex:S a sh:NodeShape ; sh:targetClass ex:Node ;
  sh:property [ sh:path [ sh:zeroOrMorePath ex:next ] ;
                sh:minCount 40 ; sh:maxCount 40 ; sh:class ex:Node ] ;
  sh:property [ sh:path [ sh:oneOrMorePath ex:next ] ;
                sh:minCount 40 ; sh:maxCount 40 ] ;
  sh:property [ sh:path [ sh:zeroOrMorePath [ sh:inversePath ex:next ] ] ;
                sh:minCount 40 ; sh:maxCount 40 ] ;
  sh:property [ sh:path [ sh:alternativePath
                  ( ex:next [ sh:oneOrMorePath ex:next ] ) ] ;
                sh:minCount 40 ; sh:maxCount 40 ] ;
  sh:property [ sh:path ( ex:next [ sh:zeroOrMorePath ex:next ] ) ;
                sh:minCount 40 ; sh:maxCount 40 ] .
TTL
expect_status 0 $V --shapes "$T/ring.ttl" "$T/ring.nt"
expect_err "80 triples conform"
# one count too many: one result per node
sed 's/sh:maxCount 40 ; sh:class/sh:maxCount 39 ; sh:class/' "$T/ring.ttl" >"$T/ring39.ttl"
expect_status 1 $V --shapes "$T/ring39.ttl" "$T/ring.nt"
n=$(grep -c 'sh:MaxCountConstraintComponent' "$T/out")
[ "$n" = 40 ] || fail "$n results, want 40"
finish
