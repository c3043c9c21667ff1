#!/bin/sh
# bench/load.sh: load throughput. Builds N-Quads of at least 100,000
# triples (the texts under ../shared, or the shipped example, repeated as
# distinct articles), loads them into the embedded Berkeley DB store and a
# SQLite file, fresh and again, and into a private Virtuoso 7 on loopback
# (when installed) by the Graph Store and by SPARQL Update, and prints
# triples/s for each.
set -u
: "${KKACHI:?}" "${SRCDIR:?}"
MIN=${MIN_TRIPLES:-100000}
T=$(mktemp -d "${TMPDIR:-/tmp}/kkachi-bench.XXXXXX")
trap 'vt_stop 2>/dev/null; rm -rf "$T"' EXIT
fail() { echo "bench: $*" >&2; }
skip() { echo "bench: $*" >&2; exit 0; }
finish() { exit 1; }
. "$SRCDIR/bench/corpus.sh"
bench_corpus nquads "$MIN" "$T/big.nq"
echo "corpus: $(wc -l <"$T/big.nq") quads ($copies copies of $one)"

rate() { sed -n 's/.*triples into \([^ ]*\).* in \([0-9.]*\) s (\([0-9]*\) triples\/s).*/\3 triples\/s (\2 s)/p' "$T/err"; }
run() {
  label=$1
  shift
  "$KKACHI" load "$@" "$T/big.nq" 2>"$T/err" || { fail "$label: $(tail -1 "$T/err")"; return; }
  echo "$label: $(rate)"
}
run "embedded store, fresh   " --store "$T/bdb"
run "embedded store, again   " --store "$T/bdb"
run "SQLite file, fresh      " --store "sqlite:$T/k.db"
run "SQLite file, again      " --store "sqlite:$T/k.db"

. "$SRCDIR/tests/virtuoso-lib.sh"
[ -n "$VT_BIN" ] || skip "Virtuoso 7 is not installed: no server figures"
set -- $(vt_ports)
VT_SQL=$1
VT_HTTP=$2
vt_write_ini
vt_start
vt_isql dba "set password dba $VT_PASSWORD;"
export KKACHI_PASSWORD="$VT_PASSWORD"
GSP="http://127.0.0.1:$VT_HTTP/sparql-graph-crud-auth"
UPD="http://127.0.0.1:$VT_HTTP/sparql-auth"
# Virtuoso's SPARQL Update rejects xsd:duration literals: leave them out
grep -v 'XMLSchema#duration>' "$T/big.nq" >"$T/nodur.nq" && mv "$T/nodur.nq" "$T/big.nq"
run "Virtuoso Graph Store, fresh" --endpoint "$GSP" --user dba
run "Virtuoso Graph Store, again" --endpoint "$GSP" --user dba
vt_isql "$VT_PASSWORD" "RDF_GLOBAL_RESET();"
run "Virtuoso Update, fresh  " --update-endpoint "$UPD" --user dba
run "Virtuoso Update, again  " --update-endpoint "$UPD" --user dba
