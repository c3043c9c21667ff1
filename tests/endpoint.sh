#!/bin/sh
# kkachi load and query against a stand-in SPARQL server (fake-sparql.py):
# what goes over the wire for the Graph Store and for SPARQL Update, that
# the bodies are valid Turtle / TriG with every term escaped, retries on
# 503, the list of graphs not loaded and the rerun of just those (every
# one after a 401), a server that never answers (--timeout), a server
# gone, basic auth from the environment and ~/.netrc (no password in a
# URL), and the SPARQL
# Protocol for queries.
. "$SRCDIR/tests/lib.sh"
need_rapper
command -v python3 >/dev/null || skip "python3 is not installed"

S="$T/srv"
mkdir "$S"
python3 "$SRCDIR/tests/fake-sparql.py" "$S" 2>"$T/srv.err" &
srv_pid=$!
trap 'kill $srv_pid 2>/dev/null; rm -rf "$T"' EXIT
i=0
while [ ! -s "$S/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
[ -s "$S/port" ] || { fail "the stand-in server did not start"; finish; }
URL="http://127.0.0.1:$(cat "$S/port")"

cat >"$T/g.nq" <<'EOF'
<http://ex/s> <http://ex/p> "a \"quoted\" \\ back\nslash 한글 <b> {x} }" <http://ex/g1> .
<http://ex/s> <http://ex/p> "x"@ko <http://ex/g1> .
<http://ex/s> <http://ex/q> "5"^^<http://www.w3.org/2001/XMLSchema#integer> <http://ex/g2> .
<http://ex/s> <http://ex/r> <http://ex/한글/o> <http://ex/g2> .
<http://ex/s> <http://ex/p> "again" <http://ex/g1> .
EOF
# the triples of a graph, as sorted N-Triples written by rapper
"$RAPPER" -q -i nquads -o nquads "$T/g.nq" >"$T/g.canon"
triples() {
  grep " <http://ex/$1> .\$" "$T/g.canon" | sed "s| <http://ex/$1> .\$| .|" | sort
}

# ---- Graph Store: PUT replaces, a graph met again is added by POST
expect_status 0 "$KKACHI" load --endpoint "$URL/gsp" "$T/g.nq"
expect_err "loaded 3 graphs, 5 triples"
awk '{ print $1, $2 }' "$S/graphs" >"$T/calls"
printf 'PUT http://ex/g1\nPUT http://ex/g2\nPOST http://ex/g1\n' >"$T/want"
cmp -s "$T/calls" "$T/want" || fail "Graph Store calls: $(cat "$T/calls")"
set -- $(awk '{ print $3 }' "$S/graphs")
for g in g1 g2; do
  "$RAPPER" -q -i turtle -o ntriples "$S/$1" "http://base/" | sort >"$T/got"
  shift
  triples $g | grep -v again >"$T/want"
  [ $g = g2 ] && triples $g >"$T/want"
  cmp -s "$T/got" "$T/want" ||
    fail "$g: the Turtle sent says $(cat "$T/got"), want $(cat "$T/want")"
done
grep -q '한글' "$S/$(awk 'NR == 1 { print $3 }' "$S/graphs")" ||
  fail "the Turtle sent escapes UTF-8 it could keep"

# ---- SPARQL Update: one request, one DELETE, one INSERT DATA
rm -f "$S/graphs"
expect_status 0 "$KKACHI" load --update-endpoint "$URL/update" "$T/g.nq"
set -- "$S"/update-*.rq
[ $# = 1 ] || fail "$# Update requests, want 1"
u=$1
grep -c '^<http://ex/g[12]>$' "$u" | grep -qx 2 ||
  fail "the DELETE does not name g1 and g2 once each: $(head -4 "$u")"
[ "$(grep -c '^DELETE' "$u")" = 1 ] && [ "$(grep -c '^INSERT DATA' "$u")" = 1 ] ||
  fail "want one DELETE and one INSERT DATA: $(cat "$u")"
# the INSERT DATA block as TriG, read by rapper
sed -n '/^INSERT DATA {$/,$p' "$u" | sed '1d;$d' | sed 's/^GRAPH //' >"$T/u.trig"
"$RAPPER" -q -i trig -o nquads "$T/u.trig" "http://base/" | sort >"$T/got"
sort "$T/g.canon" >"$T/want"
cmp -s "$T/got" "$T/want" || fail "the INSERT DATA says: $(cat "$T/got")"
rm -f "$S"/update-*.rq
expect_status 0 "$KKACHI" load --update-endpoint "$URL/update" --batch 2 "$T/g.nq"
set -- "$S"/update-*.rq
[ $# = 3 ] || fail "--batch 2 sent $# requests, want 3"

# ---- no Graph Store there: SPARQL Update instead
rm -f "$S"/update-*.rq
expect_status 0 "$KKACHI" load --endpoint "$URL/nogsp" --update-endpoint "$URL/update" "$T/g.nq"
expect_err "no Graph Store here; using SPARQL Update"
[ -n "$(ls "$S"/update-*.rq 2>/dev/null)" ] || fail "the fallback sent nothing"

# ---- 503 twice, then loaded; with no retries, listed and rerun
echo 2 >"$S/fail-next"
expect_status 0 "$KKACHI" load --endpoint "$URL/gsp" "$T/g.nq"
[ "$(grep -c ' 503$' "$S/log")" = 2 ] || fail "503 answers: $(grep -c ' 503$' "$S/log")"
echo 1 >"$S/fail-next"
rm -f "$S/graphs"
expect_status 1 "$KKACHI" load --endpoint "$URL/gsp" --retries 0 --failed "$T/failed" "$T/g.nq"
expect_err "<http://ex/g1> not loaded: HTTP 503: busy"
expect_err "1 graphs not loaded; listed in $T/failed"
[ "$(cat "$T/failed")" = http://ex/g1 ] || fail "--failed wrote '$(cat "$T/failed")'"
rm -f "$S/graphs"
expect_status 0 "$KKACHI" load --endpoint "$URL/gsp" --only "$T/failed" "$T/g.nq"
[ "$(awk '{ print $2 }' "$S/graphs" | sort -u)" = http://ex/g1 ] ||
  fail "--only sent $(cat "$S/graphs")"
expect_status 2 "$KKACHI" load --endpoint "$URL/gsp" --only "$T/nowhere" "$T/g.nq"
expect_status 2 "$KKACHI" load --endpoint "$URL/gsp" --retries x "$T/g.nq"
expect_status 2 "$KKACHI" load --endpoint "$URL/gsp" --store "$T/st" "$T/g.nq"

# ---- a syntax error: the graph it cuts short is not sent
printf '<http://ex/s> <http://ex/p> "1" <http://ex/g3> .\n<http://ex/s> <http://ex/p> "2" <http://ex/g4> .\n<http://ex/s> <http://ex/p> "3 <http://ex/g4> .\n' >"$T/bad.nq"
rm -f "$S/graphs"
expect_status 1 "$KKACHI" load --endpoint "$URL/gsp" "$T/bad.nq"
expect_err "kkachi: $T/bad.nq:3:"
expect_err "<http://ex/g4> not loaded"
[ "$(awk '{ print $2 }' "$S/graphs")" = http://ex/g3 ] ||
  fail "sent $(cat "$S/graphs") from a file with an error"

# ---- basic auth: refused, from the environment, from ~/.netrc
touch "$S/need-auth"
printf '<http://ex/s> <http://ex/p> "1" <http://ex/g5> .\n' >"$T/g5.nq"
printf 'http://ex/g1\nhttp://ex/g2\nhttp://ex/g5\n' >"$T/want"
for o in --endpoint --update-endpoint; do
  : >"$S/log"
  expect_status 2 "$KKACHI" load $o "$URL/gsp" --failed "$T/failed" "$T/g.nq" "$T/g5.nq"
  expect_err "kkachi: $URL/gsp: the server refused the credentials (HTTP 401: who are you); nothing more sent"
  expect_err "4 graphs not loaded; listed in $T/failed"
  grep -q "not loaded:" "$T/err" && fail "$o: a line for each graph after a 401"
  # every graph not loaded is listed, so that --only finishes the load
  sort -u "$T/failed" | cmp -s - "$T/want" || fail "$o: --failed lists $(cat "$T/failed")"
  [ "$(wc -l <"$S/log")" = 1 ] || fail "$o: sent more after a 401: $(cat "$S/log")"
done
expect_status 2 "$KKACHI" extract --rules "$SRCDIR/extract/rules" --endpoint "$URL/gsp" --failed "$T/failed" "$SRCDIR/examples/ko-program-news.txt" "$SRCDIR/examples/en-program-news.txt"
expect_err "refused the credentials (HTTP 401: who are you)"
[ "$(wc -l <"$T/failed")" = 2 ] || fail "extract: --failed lists $(cat "$T/failed")"
expect_status 0 env KKACHI_PASSWORD=pw "$KKACHI" load --endpoint "$URL/gsp" --user kk --auth basic "$T/g.nq"
tail -1 "$S/log" | grep -q ' Basic 20[14]$' || fail "no Basic auth: $(tail -1 "$S/log")"
mkdir "$T/home"
printf 'machine 127.0.0.1 login kk password pw\n' >"$T/home/.netrc"
chmod 600 "$T/home/.netrc"
expect_status 0 env HOME="$T/home" "$KKACHI" load --endpoint "$URL/gsp" "$T/g.nq"
# a password in the URL is refused, and never printed
for o in --endpoint --update-endpoint; do
  expect_status 2 "$KKACHI" load $o "http://kk:s3cret@127.0.0.1:1/gsp" "$T/g.nq"
  expect_err "kkachi: $o: a URL may not hold a user or password; use --user NAME"
  grep -q s3cret "$T/err" && fail "$o: the password is printed"
done
expect_status 2 "$KKACHI" query --endpoint "kk:s3cret@127.0.0.1:1/sparql" "ASK {}"
grep -q s3cret "$T/err" && fail "query: the password is printed"
expect_status 2 "$KKACHI" extract --rules "$SRCDIR/extract/rules" --endpoint "http://kk@127.0.0.1:1/gsp" "$SRCDIR/examples/ko-program-news.txt"
expect_err "--endpoint: a URL may not hold a user"
rm "$S/need-auth"

# ---- queries by the SPARQL Protocol; a rejected query is the server's
# message, one line, its control characters escaped
q='SELECT * WHERE { ?s ?p "한 & = +%" }'
expect_status 0 "$KKACHI" query --endpoint "$URL/sparql" "$q"
len=$(python3 -c 'import sys; print(len(sys.argv[1]))' "$q")
grep -q "| SELECT \* WHE *| $len |" "$T/out" || fail "query table: $(cat "$T/out")"
grep -q '| <http://ex/한> *| *|' "$T/out" || fail "IRI cell: $(cat "$T/out")"
expect_status 0 "$KKACHI" query --endpoint "$URL/sparql" --results json "$q"
grep -q '"vars":\["q","n"\]' "$T/out" || fail "json not passed through"
expect_status 2 "$KKACHI" query --endpoint "$URL/sparql" "syntax error"
expect_err "kkachi: $URL/sparql: the server rejected the query: HTTP 400: Parse error: line 1"
[ "$(wc -l <"$T/err")" = 1 ] || fail "a rejected query: $(cat "$T/err")"
expect_status 2 "$KKACHI" query --endpoint "$URL/sparql" "bell"
expect_err 'HTTP 400: \x1b[31mred\x07 한'
expect_status 2 "$KKACHI" query --endpoint "$URL/nothing" "ASK {}"
expect_err "kkachi: $URL/nothing: HTTP 404: no such thing here"
[ "$(wc -l <"$T/err")" = 1 ] || fail "no query service: $(cat "$T/err")"
expect_status 2 "$KKACHI" query --update-endpoint "$URL/update" "ASK {}"

# ---- a server that accepts and never answers: each attempt gives up after
# --timeout, and the first graph that still gets no answer ends the load,
# the rest listed (timeout 60 turns a hang into a failure; nothing is timed)
touch "$S/hang"
: >"$S/log"
expect_status 2 timeout 60 "$KKACHI" load --endpoint "$URL/gsp" --timeout 1 --retries 1 --failed "$T/failed" "$T/g.nq" "$T/g5.nq"
expect_err "kkachi: $URL/gsp: no answer within 1 s, 2 attempts; nothing more sent"
expect_err "4 graphs not loaded; listed in $T/failed"
grep -q "not loaded:" "$T/err" && fail "a line for each graph after a timeout"
sort -u "$T/failed" | cmp -s - "$T/want" || fail "--failed after a timeout lists $(cat "$T/failed")"
[ "$(grep -c ' hang$' "$S/log")" = 2 ] || fail "attempts after a timeout: $(cat "$S/log")"
expect_status 2 timeout 60 "$KKACHI" load --update-endpoint "$URL/update" --timeout 1 --retries 0 "$T/g.nq"
expect_err "no answer within 1 s, 1 attempts; nothing more sent"
expect_status 2 timeout 60 "$KKACHI" query --endpoint "$URL/sparql" --timeout 1 --retries 0 "ASK {}"
expect_err "kkachi: $URL/sparql: the server did not answer in time"
expect_status 2 "$KKACHI" load --endpoint "$URL/gsp" --timeout 0 "$T/g.nq"
expect_err "--timeout is a number from 1 to 86400, not '0'"
rm "$S/hang"

# ---- the server gone: every graph listed, quickly
kill $srv_pid
wait $srv_pid 2>/dev/null
expect_status 1 "$KKACHI" load --endpoint "$URL/gsp" --retries 1 --failed "$T/failed" "$T/g.nq"
expect_err "not loaded: "
[ "$(sort -u "$T/failed" | wc -l)" = 2 ] || fail "--failed lists $(cat "$T/failed")"
expect_status 2 "$KKACHI" query --endpoint "$URL/sparql" "ASK {}"
finish
