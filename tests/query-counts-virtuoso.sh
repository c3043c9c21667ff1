#!/bin/sh
# The ready queries and distinct counts answer the same on the embedded
# store (a folder and sqlite:) as on a second engine, a private Virtuoso 7
# on loopback, over many graphs that share entities; the distinct counts
# also equal python3's, from the N-Quads.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/virtuoso-lib.sh"
need_virtuoso
# fewer copies than query-counts.sh: rasqal's DISTINCT and OPTIONAL take
# time growing with the square of the rows (and under the sanitizers,
# where this test looks for memory faults, not answers, one copy: five
# took minutes of CPU for organization.rq alone)
COPIES=5
[ -z "${SAN_CFLAGS:-}" ] || COPIES=1
. "$SRCDIR/tests/query-corpus.sh"

vt_boot
vt_isql dba "set password dba $VT_PASSWORD; checkpoint;" ||
  { cat "$T/vt/isql.out" >&2; fail "cannot set the dba password"; finish; }
export KKACHI_PASSWORD="$VT_PASSWORD"
SPARQL="http://127.0.0.1:$VT_HTTP/sparql"
Q="$SRCDIR/examples/queries"
# the server's own graphs are left out
MINE='FILTER(STRSTARTS(STR(?g), "https://w3id.org/kkachi/id/article/"))'

"$KKACHI" load --endpoint "http://127.0.0.1:$VT_HTTP/sparql-graph-crud-auth" \
  --user dba "$T/corpus.nq" 2>"$T/err" ||
  fail "cannot load the corpus into Virtuoso: $(tail -2 "$T/err")"
for S in "$T/store" "sqlite:$T/store.db"; do
  "$KKACHI" load --store "$S" "$T/corpus.nq" 2>"$T/err" ||
    fail "$S: cannot load the corpus: $(tail -2 "$T/err")"
done

# answer WHERE QUERY: the table's rows, sorted, the xsd:duration column
# of stages.rq left out (Virtuoso gives "P6M" back as "6")
answer() {
  "$KKACHI" query $1 "$2" >"$T/q.out" 2>"$T/q.err" ||
    fail "$1: $(head -2 "$T/q.err")"
  case $2 in
  *stages.rq) grep '^|' "$T/q.out" | awk -F'|' '{ $(NF-1) = ""; print }' ;;
  *) grep '^|' "$T/q.out" ;;
  esac | sort
}

# value WHERE QUERY: the one value a count gives
value() {
  "$KKACHI" query $1 --results csv "$2" 2>"$T/q.err" | tail -n +2 | tr -d '\r'
}

for q in who-holds-what programs stages organization; do
  answer "--endpoint $SPARQL" "@$Q/$q.rq" >"$T/vt-$q"
  [ "$(wc -l <"$T/vt-$q")" -gt 2 ] || fail "$q: Virtuoso gives no answers"
  for S in "$T/store" "sqlite:$T/store.db"; do
    answer "--store $S" "@$Q/$q.rq" | diff - "$T/vt-$q" >"$T/diff" ||
      fail "$q on $S differs from Virtuoso: $(head -5 "$T/diff")"
  done
done

for v in g s p o "g ?s"; do
  want=$(value "--endpoint $SPARQL" \
    "SELECT (COUNT(*) AS ?n) WHERE {
       SELECT DISTINCT ?$v WHERE { GRAPH ?g { ?s ?p ?o } $MINE } }")
  key=$(echo "$v" | tr -d '? ')
  [ "$want" = "$(truth "$key")" ] ||
    fail "Virtuoso: $want distinct ?$v, the N-Quads have $(truth "$key")"
  case $v in
  ?)
    got=$(value "--endpoint $SPARQL" \
      "SELECT (COUNT(DISTINCT ?$v) AS ?n)
       WHERE { GRAPH ?g { ?s ?p ?o } $MINE }")
    [ "$got" = "$want" ] ||
      fail "Virtuoso: COUNT(DISTINCT ?$v) gives $got, SELECT DISTINCT $want" ;;
  esac
  for S in "$T/store" "sqlite:$T/store.db"; do
    got=$(value "--store $S" \
      "SELECT (COUNT(*) AS ?n) WHERE {
         SELECT DISTINCT ?$v WHERE { GRAPH ?g { ?s ?p ?o } $MINE } }")
    [ "$got" = "$want" ] || fail "$S: $got distinct ?$v, Virtuoso $want"
  done
done

# triples per graph
G='SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } '"$MINE"' }
   GROUP BY ?g'
"$KKACHI" query --endpoint "$SPARQL" --results csv "$G" | tr -d '\r"' |
  sort >"$T/vt-graphs"
[ "$(wc -l <"$T/vt-graphs")" = $((COPIES * 2 + 1)) ] ||
  fail "Virtuoso has $(($(wc -l <"$T/vt-graphs") - 1)) graphs"
for S in "$T/store" "sqlite:$T/store.db"; do
  "$KKACHI" query --store "$S" --results csv "$G" | tr -d '\r"' | sort |
    diff - "$T/vt-graphs" >"$T/diff" ||
    fail "$S: triples per graph differ from Virtuoso: $(head -3 "$T/diff")"
done

vt_stop
finish
