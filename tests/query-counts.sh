#!/bin/sh
# Counts on the embedded store (a folder and sqlite:) equal those python3
# takes straight from the N-Quads; aggregates over DISTINCT values, which
# the store's engine (rasqal 0.9.33) miscounts, are refused with one line
# that says where, and nothing on stdout.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/query-corpus.sh"
[ "$(truth g)" = $((COPIES * 2)) ] || fail "the corpus has $(truth g) graphs"

# csv_value: the one value of a one-row CSV answer on stdin
csv_value() {
  tail -n +2 | tr -d '\r'
}

# distinct_count STORE VARS: rows of SELECT DISTINCT VARS over the graphs
distinct_count() {
  "$KKACHI" query --store "$1" --results csv \
    "SELECT (COUNT(*) AS ?n) WHERE {
       SELECT DISTINCT $2 WHERE { GRAPH ?g { ?s ?p ?o } } }" | csv_value
}

for S in "$T/store" "sqlite:$T/store.db"; do
  "$KKACHI" load --store "$S" "$T/corpus.nq" 2>"$T/err" ||
    fail "$S: cannot load the corpus: $(tail -1 "$T/err")"
  for v in g s p o; do
    got=$(distinct_count "$S" "?$v")
    [ "$got" = "$(truth $v)" ] ||
      fail "$S: $got distinct ?$v, the N-Quads have $(truth $v)"
  done
  got=$(distinct_count "$S" "?g ?s")
  [ "$got" = "$(truth gs)" ] ||
    fail "$S: $got distinct (?g, ?s), the N-Quads have $(truth gs)"
  "$KKACHI" query --store "$S" --results tsv \
    'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g' |
    tail -n +2 | tr -d '<>"' |
    sed 's/\^\^.*//; s/^/graph /; s/\t/ /' | sort >"$T/per-graph"
  grep '^graph ' "$T/truth" | sort | diff - "$T/per-graph" >"$T/diff" ||
    fail "$S: triples per graph differ: $(head -3 "$T/diff")"

  # refused, with the query's place
  expect_status 2 "$KKACHI" query --store "$S" \
    'SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }'
  expect_err "kkachi: query:1:9: COUNT(DISTINCT ...) is refused"
  [ "$(wc -l <"$T/err")" = 1 ] || fail "$S: the refusal is not one line"
  [ -s "$T/out" ] && fail "$S: a refused query printed $(head -2 "$T/out")"
  printf '%s\n' 'SELECT ?g' '  (group_concat( # the subjects' \
    ' distinct ?s) AS ?n)' 'WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g' \
    >"$T/q.rq"
  expect_status 2 "$KKACHI" query --store "$S" "@$T/q.rq"
  expect_err "kkachi: $T/q.rq:2:4: group_concat(DISTINCT ...) is refused"
  expect_status 2 "$KKACHI" query --store "$S" - <"$T/q.rq"
  expect_err "kkachi: stdin:2:4: group_concat(DISTINCT ...)"
  for agg in SUM Min max AVG sample; do
    expect_status 2 "$KKACHI" query --store "$S" \
      "SELECT ($agg(DISTINCT ?o) AS ?n) WHERE { ?s ?p ?o }"
    expect_err "$agg(DISTINCT ...) is refused"
  done
  # the words alone, in strings, IRIs, comments and names, are no refusal
  expect_status 0 "$KKACHI" query --store "$S" --results csv \
    'PREFIX count: <http://example.org/count(distinct>
     SELECT DISTINCT ?count # COUNT(DISTINCT ?count)
     WHERE { ?count <http://example.org/COUNT(DISTINCT> "COUNT(DISTINCT ?s)",
       """SUM( DISTINCT""", count:x }'
  [ -z "$(csv_value <"$T/out")" ] ||
    fail "$S: unexpected answer $(head -2 "$T/out")"
  expect_status 0 "$KKACHI" query --store "$S" --results csv \
    'SELECT (COUNT(?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }'
  [ "$(csv_value <"$T/out")" = "$(wc -l <"$T/corpus.nq" | tr -d ' ')" ] ||
    fail "$S: COUNT(?g) gave $(csv_value <"$T/out")"
done
finish
