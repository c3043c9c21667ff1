#!/bin/sh
# kkachi load and query on a SQLite file (sqlite:PATH): the checks of the
# Berkeley DB store, the indexes kkachi adds, and files that are not
# stores.
. "$SRCDIR/tests/lib.sh"
S="sqlite:$T/store.db"
S2="sqlite:$T/store2.db"
S3="sqlite:$T/store3.db"
. "$SRCDIR/tests/store-checks.sh"
[ -f "$T/store.db" ] || fail "no file $T/store.db"

# the indexes Redland's SQLite storage lacks are there
if [ -n "${PYTHON3:-}" ] && "$PYTHON3" -c 'import sqlite3' 2>/dev/null; then
  "$PYTHON3" -c 'import sqlite3, sys
for (n,) in sqlite3.connect(sys.argv[1]).execute(
        "SELECT name FROM sqlite_master WHERE type = '"'index'"'"):
    print(n)' "$T/store.db" >"$T/indexes"
  for i in kkachi_literal kkachi_blank kkachi_graph kkachi_spg kkachi_op \
    kkachi_lp kkachi_p; do
    grep -qx "$i" "$T/indexes" || fail "no index $i"
  done
fi

# an empty file becomes a store
: >"$T/empty.db"
expect_status 0 "$KKACHI" load --store "sqlite:$T/empty.db" "$T/ex.nq"
expect_err "($n1 added, 0 removed)"

# files that cannot be a store: status 2, one line with the file, and the
# file left as it was
echo 'not a database' >"$T/text.db"
expect_status 2 "$KKACHI" load --store "sqlite:$T/text.db" "$T/ex.nq"
one_line_error "$T/text.db"
expect_err "not a database"
grep -q 'not a database' "$T/text.db" || fail "the text file was changed"
expect_status 2 "$KKACHI" extract --rules "$RULES" --load="sqlite:$T/text.db" "$ex"
one_line_error "$T/text.db"
expect_status 2 "$KKACHI" query --store "sqlite:$T/no/such/dir/x.db" 'SELECT * WHERE { ?s ?p ?o }'
one_line_error "$T/no/such/dir/x.db"
finish
