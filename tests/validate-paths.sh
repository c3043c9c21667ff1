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
finish
