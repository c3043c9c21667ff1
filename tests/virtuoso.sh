#!/bin/sh
# kkachi load and query against a real SPARQL server, Virtuoso 7 on
# loopback: the Graph Store and SPARQL Update routes, digest auth from the
# environment and from ~/.netrc, answers equal to the embedded store's,
# reloads that change nothing, and a server killed in the middle of a
# 300-article load, restarted, and finished by a rerun.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/virtuoso-lib.sh"
need_virtuoso

vt_boot

# only loopback sockets
vt_listening >"$T/listen"
[ -s "$T/listen" ] || fail "found no listening socket of the server"
grep -v '^127\.0\.0\.1:' "$T/listen" && fail "Virtuoso listens beyond 127.0.0.1"

vt_isql dba "set password dba $VT_PASSWORD; checkpoint;" ||
  { cat "$T/vt/isql.out" >&2; fail "cannot set the dba password"; }
export KKACHI_PASSWORD="$VT_PASSWORD"
BASE="http://127.0.0.1:$VT_HTTP"
GSP="$BASE/sparql-graph-crud-auth"
UPD="$BASE/sparql-auth"
SPARQL="$BASE/sparql"
ART="https://w3id.org/kkachi/id/article/"
Q="$SRCDIR/examples/queries"

# count PREFIX [--store S | --endpoint U]: triples in the graphs whose IRI
# starts with the article base and PREFIX
count() {
  _p=$1
  shift
  "$KKACHI" query "$@" --results json \
    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o }
     FILTER(STRSTARTS(STR(?g), \"$ART$_p\")) }" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["results"]["bindings"][0]["n"]["value"])'
}

ex="$SRCDIR/examples/ko-program-news.txt"
# read from its folder, as the edited copy below: an article is named by
# its path as given
(cd "$SRCDIR/examples" && "$KKACHI" extract --rules "$RULES" -f nquads ko-program-news.txt) >"$T/ex.nq"
n_ex=$(sort -u "$T/ex.nq" | wc -l)

# ---- the Graph Store route, digest auth, password from the environment
expect_status 0 "$KKACHI" load --endpoint "$GSP" --user dba --auth digest "$T/ex.nq"
expect_err "loaded 1 graphs, $n_ex triples"
[ "$(count ko- --endpoint "$SPARQL")" = "$n_ex" ] ||
  fail "the server holds $(count ko- --endpoint "$SPARQL") triples, want $n_ex"
expect_status 0 "$KKACHI" load --endpoint "$GSP" --user dba "$T/ex.nq"
[ "$(count ko- --endpoint "$SPARQL")" = "$n_ex" ] || fail "a second load changed the count"

# an edited article replaces its graph
mkdir "$T/edit"
sed 's/강하람/강하늘/g' "$ex" >"$T/edit/ko-program-news.txt"
(cd "$T/edit" && "$KKACHI" extract --rules "$RULES" -f nquads ko-program-news.txt) |
  "$KKACHI" load --endpoint "$GSP" --user dba 2>"$T/err" ||
  fail "loading an edited article from stdin failed: $(cat "$T/err")"
expect_status 0 "$KKACHI" query --endpoint "$SPARQL" "@$Q/who-holds-what.rq"
grep -q '강하늘 *| 제1차관' "$T/out" || fail "the edited fact is missing"
grep -q '강하람' "$T/out" && fail "the old fact is still there"
[ "$(count ko- --endpoint "$SPARQL")" = "$n_ex" ] || fail "the edit changed the count"

# extract --load --endpoint does extract and load in one process
cd "$SRCDIR/examples" || exit 1 # from its folder: the graph loaded above
expect_status 0 "$KKACHI" extract --rules "$RULES" --load --endpoint "$GSP" --user dba ko-program-news.txt
cd - >/dev/null || exit 1
[ -s "$T/out" ] && fail "extract --endpoint also wrote RDF"
[ "$(count ko- --endpoint "$SPARQL")" = "$n_ex" ] || fail "extract --endpoint changed the count"

# ---- credentials from ~/.netrc; refused credentials stop the load
mkdir "$T/home"
printf 'machine 127.0.0.1 login dba password %s\n' "$VT_PASSWORD" >"$T/home/.netrc"
chmod 600 "$T/home/.netrc"
expect_status 0 env HOME="$T/home" KKACHI_PASSWORD= "$KKACHI" load --endpoint "$GSP" "$T/ex.nq"
expect_status 2 env KKACHI_PASSWORD=wrong "$KKACHI" load --endpoint "$GSP" --user dba "$T/ex.nq"
expect_err "refused the credentials"

# ---- SPARQL Update, alone and as the fallback of a missing Graph Store
# jsonl ID TEXT: one JSON Lines article
jsonl() {
  python3 -c 'import json,sys; print(json.dumps({"id": sys.argv[1], "text": sys.argv[2]}, ensure_ascii=False))' "$1" "$2"
}
{ jsonl up-1 "$(sed -n 5p "$ex")"; jsonl up-2 "$(sed -n 7,9p "$ex")"; } >"$T/upd.jsonl"
"$KKACHI" extract --rules "$RULES" -f nquads "$T/upd.jsonl" >"$T/upd.nq"
n_upd=$(sort -u "$T/upd.nq" | wc -l)
[ "$n_upd" -gt 0 ] || fail "the Update articles gave no triples"
expect_status 0 "$KKACHI" load --update-endpoint "$UPD" --user dba "$T/upd.nq"
expect_status 0 "$KKACHI" load --update-endpoint "$UPD" --user dba --batch 1 "$T/upd.nq"
[ "$(count up- --endpoint "$SPARQL")" = "$n_upd" ] ||
  fail "Update: $(count up- --endpoint "$SPARQL") triples, want $n_upd"
expect_status 0 "$KKACHI" load --endpoint "$BASE/no-graph-store-here" \
  --update-endpoint "$UPD" --user dba "$T/upd.nq"
expect_err "using SPARQL Update"
[ "$(count up- --endpoint "$SPARQL")" = "$n_upd" ] || fail "the fallback changed the count"

# ---- queries: errors are reported, results come in every format
expect_status 2 "$KKACHI" query --endpoint "$SPARQL" 'SELECT ?x WHERE { ?x'
expect_err "HTTP 400"
for f in csv tsv json xml; do
  expect_status 0 "$KKACHI" query --endpoint "$SPARQL" --results $f "@$Q/stages.rq"
  [ -s "$T/out" ] || fail "no $f results"
done
expect_status 0 "$KKACHI" query --endpoint "$SPARQL" "ASK { ?s ?p ?o }"
[ "$(cat "$T/out")" = true ] || fail "ASK gave '$(cat "$T/out")'"

# ---- the same answers as the embedded store, on real texts when present
set -- ko-program-news.txt # from its folder: the graph loaded above
if [ -d "$SHARED/data" ]; then
  set -- "$@" "$SHARED/data/seed/article-ko.txt" "$SHARED/data/dev-gold/texts.jsonl" \
    "$SHARED/data/wikinews-ko/dev.jsonl"
fi
(cd "$SRCDIR/examples" && "$KKACHI" extract --rules "$RULES" -f nquads "$@") >"$T/corpus.nq" 2>/dev/null
"$KKACHI" load --store "$T/store" "$T/corpus.nq" 2>"$T/err" ||
  fail "cannot load the corpus into the embedded store: $(tail -2 "$T/err")"
vt_isql "$VT_PASSWORD" "SPARQL CLEAR GRAPH <${ART}up-1>; SPARQL CLEAR GRAPH <${ART}up-2>;" ||
  fail "cannot clear the Update graphs: $(tail -2 "$T/vt/isql.out")"
"$KKACHI" load --endpoint "$GSP" --user dba "$T/corpus.nq" 2>"$T/err" ||
  fail "cannot load the corpus into Virtuoso: $(tail -2 "$T/err")"
n_store=$(count "" --store "$T/store")
n_vt=$(count "" --endpoint "$SPARQL")
[ "$n_store" = "$n_vt" ] || fail "embedded store $n_store triples, Virtuoso $n_vt"
for q in who-holds-what programs stages organization; do
  "$KKACHI" query --store "$T/store" "@$Q/$q.rq" | grep '^|' | sort >"$T/a-$q"
  "$KKACHI" query --endpoint "$SPARQL" "@$Q/$q.rq" | grep '^|' | sort >"$T/b-$q"
  [ "$(wc -l <"$T/a-$q")" -gt 1 ] || fail "$q: no answers"
  if [ $q = stages ]; then
    # Virtuoso keeps an xsd:duration as a number of months ("P6M" comes
    # back as "6"): the interval column is compared apart
    grep -q 'P6M' "$T/a-$q" || [ ! -d "$SHARED/data" ] ||
      fail "stages: no P6M interval in the embedded store"
    for x in a b; do
      awk -F'|' '{ $(NF-1) = ""; print }' "$T/$x-$q" >"$T/$x-$q.cut"
      mv "$T/$x-$q.cut" "$T/$x-$q"
    done
  fi
  diff "$T/a-$q" "$T/b-$q" >"$T/diff-$q" ||
    fail "$q: the stores answer differently: $(head -4 "$T/diff-$q")"
done

# ---- killed in the middle of a 300-article load, restarted, rerun
python3 -c '
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
for i in range(1, 301):
    print(json.dumps({"id": "kill-%03d" % i, "text": text}, ensure_ascii=False))
' "$ex" >"$T/300.jsonl"
"$KKACHI" extract --rules "$RULES" -f nquads "$T/300.jsonl" >"$T/300.nq"
"$KKACHI" load --store "$T/s300" "$T/300.nq" 2>/dev/null
n_300=$(count kill- --store "$T/s300")
[ "$n_300" -gt 30000 ] || fail "the 300 articles hold only $n_300 triples"

"$KKACHI" load --endpoint "$GSP" --user dba --retries 1 --failed "$T/failed" \
  "$T/300.nq" >"$T/kill.out" 2>"$T/kill.err" &
load_pid=$!
i=0
while [ "$(count kill- --endpoint "$SPARQL" 2>/dev/null || echo 0)" -lt 1000 ] &&
  [ $i -lt 300 ]; do
  sleep 0.1
  i=$((i + 1))
done
kill -9 "$VT_PID"
VT_PID=
wait $load_pid
st=$?
[ $st = 1 ] || fail "the interrupted load exited $st, want 1"
n_failed=$(wc -l <"$T/failed")
[ "$n_failed" -gt 0 ] && [ "$n_failed" -lt 300 ] ||
  fail "$n_failed articles listed as not loaded"
grep -q "$n_failed graphs not loaded; listed in $T/failed" "$T/kill.err" ||
  fail "no summary of what did not load: $(tail -2 "$T/kill.err")"
grep -q "kill-.*not loaded" "$T/kill.err" || fail "the articles not loaded are not named"

rm -f "$T/vt/virtuoso.lck"
vt_start
"$KKACHI" load --endpoint "$GSP" --user dba --only "$T/failed" "$T/300.nq" \
  2>"$T/err" || fail "the rerun failed: $(head -3 "$T/err")"
grep -q "loaded $n_failed graphs" "$T/err" ||
  fail "the rerun did not load just the $n_failed missing: $(tail -1 "$T/err")"
n_after=$(count kill- --endpoint "$SPARQL")
[ "$n_after" = "$n_300" ] || fail "after the rerun $n_after triples, want $n_300"
"$KKACHI" load --endpoint "$GSP" --user dba "$T/300.nq" 2>/dev/null ||
  fail "a full rerun failed"
[ "$(count kill- --endpoint "$SPARQL")" = "$n_300" ] || fail "a full rerun changed the count"

vt_stop
finish
