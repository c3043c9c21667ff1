#!/bin/sh
# kkachi load and query on the embedded Berkeley DB store (a folder).
. "$SRCDIR/tests/lib.sh"
S="$T/store"
S2="$T/store2"
S3="$T/store3"
. "$SRCDIR/tests/store-checks.sh"

# a store that cannot be opened: status 2, one line with its place
: >"$T/a-file"
expect_status 2 "$KKACHI" load --store "$T/a-file" "$T/ex.nq"
one_line_error "$T/a-file"
expect_status 2 "$KKACHI" query --store "$T/no/such/folder" 'SELECT * WHERE { ?s ?p ?o }'
one_line_error "$T/no/such/folder"
finish
