#!/bin/sh
# Store faults and reads, on a folder store and a sqlite: store: a file
# cut short changes nothing, --only and --failed work with a store, a
# query writes nothing and makes no store where there is none, a damaged
# store is said to be damaged, and a store an older kkachi wrote is read
# and then moved into a generation.
. "$SRCDIR/tests/lib.sh"

# quads FILE NAME GRAPHS: GRAPHS graphs of 40 statements, named by NAME
quads() {
  awk -v p="$2" -v n="$3" 'BEGIN { for (g = 0; g < n; g++) for (t = 0; t < 40; t++)
    printf "<http://ex.org/s%d> <http://ex.org/p%d> \"%s %d %d\" <http://ex.org/g/%d> .\n",
      t % 7, t, p, g, t, g }' >"$1"
}
count() {
  "$KKACHI" query --store "$1" --results csv \
    'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }' | tail -1 | tr -d '\r'
}
# has SPEC LITERAL: the store holds a statement with that object
has() {
  "$KKACHI" query --store "$1" --results csv \
    "SELECT ?s WHERE { GRAPH ?g { ?s ?p \"$2\" } }" | grep -q ex.org
}
quads "$T/a.nq" a 20
quads "$T/z.nq" z 20 # the same graphs, every statement changed
head -c 20000 "$T/z.nq" >"$T/cut.nq"
[ "$(tail -c 1 "$T/cut.nq")" = "" ] && fail "cut.nq ends a line"
mkdir "$T/data"

for S in "$T/data/store" "sqlite:$T/data/store.db"; do
  expect_status 0 "$KKACHI" load --store "$S" "$T/a.nq"
  n=$(count "$S")
  [ "$n" = 800 ] || fail "$S: holds $n"

  # a file cut short in the middle of a line changes nothing: status 2,
  # the place of the error; from stdin too
  expect_status 2 "$KKACHI" load --store "$S" "$T/cut.nq"
  expect_err "kkachi: $T/cut.nq:288:"
  [ "$(count "$S")" = "$n" ] || fail "$S: cut.nq changed the count"
  has "$S" "z 0 0" && fail "$S: cut.nq replaced a graph"
  has "$S" "a 0 0" || fail "$S: cut.nq removed a graph"
  "$KKACHI" load --store "$S" <"$T/cut.nq" >"$T/out" 2>"$T/err"
  [ $? = 2 ] || fail "$S: cut.nq on stdin did not give status 2"
  expect_err "kkachi: -:288:"
  has "$S" "z 0 0" && fail "$S: cut.nq on stdin replaced a graph"

  # --failed lists the graphs of the file not loaded; --only loads them
  expect_status 2 "$KKACHI" load --store "$S" --failed "$T/failed" "$T/cut.nq"
  expect_err "8 graphs not loaded; listed in $T/failed"
  [ "$(cat "$T/failed")" = "$(seq 0 7 | sed 's|^|http://ex.org/g/|')" ] ||
    fail "$S: the --failed list: $(cat "$T/failed")"
  expect_status 0 "$KKACHI" load --store "$S" --only "$T/failed" "$T/z.nq"
  expect_err "loaded 8 graphs"
  has "$S" "z 7 0" || fail "$S: --only did not load g/7"
  has "$S" "z 8 0" && fail "$S: --only loaded g/8"
  has "$S" "a 8 0" || fail "$S: --only replaced g/8"
  printf '<http://ex.org/g/8>\n# a comment\nhttp://ex.org/g/9\n' >"$T/only"
  expect_status 0 "$KKACHI" load --store "$S" --only "$T/only" "$T/z.nq"
  expect_err "loaded 2 graphs"
  has "$S" "z 9 0" || fail "$S: --only did not load g/9"
  has "$S" "a 10 0" || fail "$S: --only replaced g/10"
  [ "$(count "$S")" = "$n" ] || fail "$S: --only changed the count"
done

# a query writes nothing to the store
sums() { find "$T/data" -type f | sort | xargs md5sum; }
sums >"$T/before"
for S in "$T/data/store" "sqlite:$T/data/store.db"; do
  expect_status 0 "$KKACHI" query --store "$S" 'SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }'
done
sums | cmp -s "$T/before" - || fail "a query changed the store's files"

# a query reads a store it may not write (a read-only bind mount), where
# a load fails with one line
mkdir "$T/ro"
if mount --bind "$T/data" "$T/ro" 2>/dev/null; then
  trap 'umount "$T/ro" 2>/dev/null; rm -rf "$T"' EXIT
  if mount -o remount,ro,bind "$T/ro" 2>/dev/null; then
    for S in "$T/ro/store" "sqlite:$T/ro/store.db"; do
      [ "$(count "$S")" = "$n" ] || fail "$S: a read-only store counts $(count "$S")"
      expect_status 2 "$KKACHI" load --store "$S" "$T/a.nq"
      [ "$(wc -l <"$T/err")" -eq 1 ] || fail "not one line: $(cat "$T/err")"
    done
  else
    echo "no read-only bind mount here: not tested" >&2
  fi
  umount "$T/ro"
else
  echo "no bind mount here: a read-only store not tested" >&2
fi

# a query makes no store where there is none
mkdir "$T/empty"
expect_status 2 "$KKACHI" query --store "$T/empty" 'ASK { ?s ?p ?o }'
expect_err "kkachi: $T/empty: cannot open the store: no store in this folder"
[ -z "$(ls -A "$T/empty")" ] || fail "query wrote into a folder: $(ls -A "$T/empty")"
expect_status 2 "$KKACHI" query --store "$T/none" 'ASK { ?s ?p ?o }'
[ -e "$T/none" ] && fail "query made a folder"
expect_status 2 "$KKACHI" query --store "sqlite:$T/none.db" 'ASK { ?s ?p ?o }'
expect_err "no store in this file"
[ -e "$T/none.db" ] || [ -e "$T/none.db.lock" ] && fail "query made a file"

# what killed loads left is removed by the next load
S="$T/data/store"
mkdir "$S/gen-99"
echo junk >"$S/gen-99/kkachi-sp2o.db"
[ "$(count "$S")" = "$n" ] || fail "a leftover generation changed the count"
expect_status 0 "$KKACHI" load --store "$S" "$T/a.nq"
[ -e "$S/gen-99" ] && fail "a leftover generation stayed"

# a damaged store is said to be damaged, with status 2
cp -r "$S" "$T/damaged"
: >"$T/damaged/$(cat "$S/current")/kkachi-po2s.db"
expect_status 2 "$KKACHI" query --store "$T/damaged" 'ASK { ?s ?p ?o }'
expect_err "kkachi: $T/damaged: cannot open the store: it is damaged"
[ "$(wc -l <"$T/err")" -eq 1 ] || fail "not one line: $(cat "$T/err")"
expect_status 2 "$KKACHI" load --store "$T/damaged" "$T/a.nq"
expect_err "it is damaged"
echo gen-999 >"$T/damaged/current"
expect_status 2 "$KKACHI" query --store "$T/damaged" 'ASK { ?s ?p ?o }'
expect_err "the store is damaged"

# a store of an older kkachi (its files in the folder itself) is read,
# and moved into a generation by the next load
mkdir "$T/old"
mv "$S/$(cat "$S/current")"/* "$T/old/"
[ "$(count "$T/old")" = "$n" ] || fail "an older store counts $(count "$T/old")"
expect_status 0 "$KKACHI" load --store "$T/old" "$T/z.nq"
[ "$(count "$T/old")" = "$n" ] || fail "an older store, loaded, counts $(count "$T/old")"
has "$T/old" "z 3 0" || fail "the load into an older store is missing"
ls "$T/old"/kkachi-*.db >/dev/null 2>&1 && fail "an older store's files stayed"
[ -f "$T/old/current" ] || fail "an older store has no current generation"
finish
