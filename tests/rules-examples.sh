#!/bin/sh
# The examples written in the shipped rule files all hold.
. "$SRCDIR/tests/lib.sh"
expect_status 0 "$KKACHI" rules test "$RULES"
cat "$T/err" >&2
grep -Eq '^[1-9][0-9]* passed, 0 failed$' "$T/out" || fail "rules test: $(cat "$T/out")"
cat "$T/out"
expect_status 0 "$KKACHI" rules check "$RULES"
grep -q 'rules compiled' "$T/out" || fail "rules check printed $(cat "$T/out")"
finish
