#!/bin/sh
# A load into a store on a full disk (a small tmpfs; skipped where none
# can be mounted): one line names the fault, status 2, no summary, and
# the store still answers with what it held.
. "$SRCDIR/tests/lib.sh"
mkdir "$T/mnt"
mount -t tmpfs -o size=2m tmpfs "$T/mnt" 2>/dev/null || skip "cannot mount a small tmpfs"
trap 'umount "$T/mnt" 2>/dev/null; rm -rf "$T"' EXIT

# quads FILE NAME GRAPHS: GRAPHS graphs of 40 statements, named by NAME
quads() {
  awk -v p="$2" -v n="$3" 'BEGIN { for (g = 0; g < n; g++) for (t = 0; t < 40; t++)
    printf "<http://ex.org/%s/s%d> <http://ex.org/p%d> \"%s %d %d\" <http://ex.org/g/%s/%d> .\n",
      p, t % 7, t, p, g, t, p, g }' >"$1"
}
count() {
  "$KKACHI" query --store "$1" --results csv \
    'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }' | tail -1 | tr -d '\r'
}
quads "$T/a.nq" a 5
quads "$T/big.nq" big 600

for S in "$T/mnt/store" "sqlite:$T/mnt/store.db"; do
  expect_status 0 "$KKACHI" load --store "$S" "$T/a.nq"
  expect_status 2 "$KKACHI" load --store "$S" "$T/big.nq"
  [ "$(wc -l <"$T/err")" -eq 1 ] || fail "$S: not one line: $(head -3 "$T/err")"
  grep -Eq "^kkachi: ${S#sqlite:}: cannot write the store: .*(No space left|disk is full)" "$T/err" ||
    fail "$S: $(cat "$T/err")"
  [ "$(count "$S")" = 200 ] || fail "$S: holds $(count "$S") after a full disk"
  expect_status 0 "$KKACHI" query --store "$S" 'ASK { ?s ?p ?o }'
  rm -rf "$T/mnt"/*
done
finish
