#!/bin/sh
# Replays every fuzz target over its corpus (tests/fuzz/corpus/TARGET,
# where every crash a fuzzer found stays as a regression input): none may
# crash, hang or, under the sanitizers, leak or overstep.
. "$SRCDIR/tests/lib.sh"
B=$(dirname "$(dirname "$KKACHI")")/tests/fuzz
for t in rules text jsonl html shacl; do
  n=$(find "$SRCDIR/tests/fuzz/corpus/$t" -type f | wc -l)
  [ "$n" -ge 5 ] || fail "$t: only $n inputs in its corpus"
  TMPDIR=$T timeout 300 "$B/replay-$t" "$SRCDIR/tests/fuzz/corpus/$t" >"$T/out" 2>"$T/err"
  rc=$?
  [ $rc = 0 ] || fail "$t: status $rc: $(tail -5 "$T/err")"
  grep -q "inputs replayed" "$T/out" || fail "$t: nothing replayed"
  cat "$T/out"
done
finish
