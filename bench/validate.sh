#!/bin/sh
# bench/validate.sh: validates a generated graph of at least a million
# triples against the shipped shapes and vocabulary, and prints
# triples/s and peak memory. The graph is what kkachi extract writes for
# the texts under ../shared (or the shipped example), repeated with the
# articles renamed, so that facts and evidence multiply while entities
# are shared as in a real archive.
set -eu
: "${KKACHI:?}" "${SRCDIR:?}"
MIN=${MIN_TRIPLES:-1000000}
T=$(mktemp -d "${TMPDIR:-/tmp}/kkachi-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
. "$SRCDIR/bench/corpus.sh"
bench_corpus ntriples "$MIN" "$T/big.nt"
triples=$(wc -l <"$T/big.nt")
echo "graph: $triples triples ($copies copies of $one), $(du -m "$T/big.nt" | cut -f1) MB"
/usr/bin/time -f "%e %M" -o "$T/time" "$KKACHI" validate \
  --shapes "$SRCDIR/vocab/kkachi-shapes.ttl" --vocab "$SRCDIR/vocab/kkachi.ttl" \
  "$T/big.nt" >"$T/report.ttl" 2>"$T/err" || true
cat "$T/err"
read -r secs kb <"$T/time"
awk -v t="$triples" -v s="$secs" -v k="$kb" 'BEGIN {
  printf "validate: %.1f s, %.0f triples/s, peak RSS %.0f MB\n", s, t / s, k / 1024 }'
