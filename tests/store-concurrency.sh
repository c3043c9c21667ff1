#!/bin/sh
# Loads and queries of one store by several kkachi processes at once, on
# a folder store and a sqlite: store: loads started together end with
# the union, a query during a load answers, a second writer waits (or,
# with --no-wait, fails), and a load killed with SIGKILL leaves the store
# as it was, or as after, so that loading again gives a clean load.
. "$SRCDIR/tests/lib.sh"
command -v flock >/dev/null || skip "flock(1) is not installed"

# quads FILE NAME GRAPHS: GRAPHS graphs of 40 statements, named by NAME
quads() {
  awk -v p="$2" -v n="$3" 'BEGIN { for (g = 0; g < n; g++) for (t = 0; t < 40; t++)
    printf "<http://ex.org/%s/s%d> <http://ex.org/p%d> \"%s %d %d\" <http://ex.org/g/%s/%d> .\n",
      p, t % 7, t, p, g, t, p, g }' >"$1"
}
quads "$T/a.nq" a 30
quads "$T/b.nq" b 40
quads "$T/c.nq" c 50
quads "$T/d.nq" d 300

count() {
  "$KKACHI" query --store "$1" --results csv \
    'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }' | tail -1 | tr -d '\r'
}

# lock_of SPEC: the lock file of a store
lock_of() {
  case $1 in
  sqlite:*) echo "${1#sqlite:}.lock" ;;
  *) echo "$1/lock" ;;
  esac
}

# under_way SPEC PID: waits until the load PID writes the store (or ends)
under_way() {
  _i=0
  while kill -0 "$2" 2>/dev/null && [ $_i -lt 600 ]; do
    case $1 in
    sqlite:*) [ -e "${1#sqlite:}-journal" ] && return ;;
    *) [ "$(ls -d "$1"/gen-* 2>/dev/null | wc -l)" -ge 2 ] && return ;;
    esac
    sleep 0.01
    _i=$((_i + 1))
  done
}

checks() {
  S=$1
  R=$2 # the same kind of store, loaded one file after another
  for f in a b c; do
    "$KKACHI" load --store "$R" "$T/$f.nq" 2>/dev/null || fail "$R: $f.nq"
  done
  abc=$(count "$R")
  [ "$abc" -eq 4800 ] || fail "$R: a sequential load holds $abc"

  # three loads of different graphs at once, into a store not made yet
  for f in a b c; do
    "$KKACHI" load --store "$S" "$T/$f.nq" 2>"$T/err-$f" &
    eval "pid_$f=\$!"
  done
  for f in a b c; do
    eval "wait \$pid_$f" || fail "$S: the load of $f.nq failed: $(cat "$T/err-$f")"
    grep -q 'loaded' "$T/err-$f" || fail "$S: no summary for $f.nq"
  done
  [ "$(count "$S")" = "$abc" ] ||
    fail "$S: three loads at once hold $(count "$S"), one after another $abc"

  # a query during a load answers (or waits), with the count of before
  # or of after
  "$KKACHI" load --store "$R" "$T/d.nq" 2>/dev/null
  abcd=$(count "$R")
  "$KKACHI" load --store "$S" "$T/d.nq" 2>"$T/err-d" &
  pid=$!
  i=0
  while kill -0 $pid 2>/dev/null && [ $i -lt 5 ]; do
    i=$((i + 1))
    n=$(count "$S") || fail "$S: a query during a load failed"
    [ "$n" = "$abc" ] || [ "$n" = "$abcd" ] || fail "$S: a query during a load counted $n"
  done
  wait $pid || fail "$S: the load of d.nq failed: $(cat "$T/err-d")"
  [ "$(count "$S")" = "$abcd" ] || fail "$S: holds $(count "$S") after d.nq"

  # another writer holds the lock: --no-wait fails at once, a load waits
  rm -f "$T/held" "$T/release"
  flock -x "$(lock_of "$S")" sh -c ": >'$T/held'; while [ ! -e '$T/release' ]; do sleep 0.05; done" &
  holder=$!
  while [ ! -e "$T/held" ]; do sleep 0.05; done
  expect_status 2 "$KKACHI" load --no-wait --store "$S" "$T/a.nq"
  expect_err "in use: another kkachi load is writing"
  [ "$(wc -l <"$T/err")" -eq 1 ] || fail "not one line: $(cat "$T/err")"
  expect_status 2 "$KKACHI" query --no-wait --store "$S" 'ASK { ?s ?p ?o }'
  expect_err "in use: another kkachi load is writing"
  "$KKACHI" load --store "$S" "$T/a.nq" 2>"$T/err-w" &
  pid=$!
  i=0 # a bound, in case the message never comes
  while ! grep -q 'waiting for the store: another kkachi load is writing' "$T/err-w"; do
    kill -0 $pid 2>/dev/null && [ $i -lt 1200 ] || break
    sleep 0.05
    i=$((i + 1))
  done
  kill -0 $pid 2>/dev/null || fail "$S: the second writer did not wait"
  : >"$T/release"
  wait $holder
  wait $pid || fail "$S: the waiting load failed: $(cat "$T/err-w")"

  # a load killed in the middle: the store is as before or as after, and
  # loading again gives the counts of a clean load
  "$KKACHI" load --store "$S" "$T/d.nq" 2>/dev/null
  sed 's/"d /"e /' "$T/d.nq" >"$T/e.nq" # every statement of d changed
  "$KKACHI" load --store "$S" "$T/e.nq" 2>/dev/null &
  pid=$!
  under_way "$S" $pid
  kill -9 $pid 2>/dev/null
  wait $pid 2>/dev/null
  n=$(count "$S")
  [ "$n" = "$abcd" ] || fail "$S: a killed load left $n statements, not $abcd"
  expect_status 0 "$KKACHI" load --store "$S" "$T/e.nq"
  "$KKACHI" load --store "$R" "$T/e.nq" 2>/dev/null
  [ "$(count "$S")" = "$(count "$R")" ] ||
    fail "$S: $(count "$S") statements after a killed load, $(count "$R") after a clean one"
  "$KKACHI" query --store "$S" --results csv \
    'SELECT ?s WHERE { GRAPH ?g { ?s ?p "d 7 3" } }' >"$T/out"
  grep -q ex.org "$T/out" && fail "$S: d's statements are left"
  "$KKACHI" query --store "$S" --results csv \
    'SELECT ?s WHERE { GRAPH ?g { ?s ?p "e 7 3" } }' >"$T/out"
  grep -q ex.org "$T/out" || fail "$S: e's statements are missing"
}

checks "$T/store" "$T/ref"
[ "$(ls -d "$T/store"/gen-* | wc -l)" -eq 1 ] || fail "generations left: $(ls "$T/store")"
checks "sqlite:$T/store.db" "sqlite:$T/ref.db"
finish
