#!/bin/sh
# A failed write to standard output is an error of every subcommand: one
# line on stderr and status 2, not a quiet status 0.
. "$SRCDIR/tests/lib.sh"
[ -c /dev/full ] || skip "no /dev/full"
ex="$SRCDIR/examples/ko-program-news.txt"

# full FOR CMD...: CMD with stdout on /dev/full exits 2 with one message
full() {
  _what=$1
  shift
  "$@" >/dev/full 2>"$T/err"
  _got=$?
  [ "$_got" = 2 ] || fail "$_what > /dev/full: status $_got, want 2"
  [ "$(wc -l <"$T/err")" = 1 ] || fail "$_what > /dev/full: not one error line"
}

full "rules check" "$KKACHI" rules check "$RULES"
expect_err "kkachi: cannot write to standard output: No space left on device"
full "rules test" "$KKACHI" rules test "$RULES"
expect_err "kkachi: cannot write to standard output: No space left on device"
full "--help" "$KKACHI" --help
full "extract" "$KKACHI" extract --rules "$RULES" "$ex"
expect_err "kkachi: cannot write to standard output: No space left on device"
# several articles (copies under other names, as a repeated name warns)
for i in 1 2; do cp "$ex" "$T/ex$i.txt"; done
full "extract -j 2" "$KKACHI" extract --rules "$RULES" -j 2 -f nquads "$ex" "$T/ex1.txt" "$T/ex2.txt"
"$KKACHI" extract --rules "$RULES" -f nquads "$ex" >"$T/a.nq" 2>/dev/null
expect_status 0 "$KKACHI" load --store "sqlite:$T/q.db" "$T/a.nq"
full "query" "$KKACHI" query --store "sqlite:$T/q.db" --results csv \
  'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }'
expect_err "kkachi: cannot write to standard output: No space left on device"
full "query (table)" "$KKACHI" query --store "sqlite:$T/q.db" \
  'SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }'
# written whole, the same commands still exit 0
expect_status 0 "$KKACHI" rules check "$RULES"
grep -q 'rules compiled' "$T/out" || fail "rules check printed nothing"
expect_status 0 "$KKACHI" rules test "$RULES"
finish
