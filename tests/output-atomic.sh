#!/bin/sh
# -o writes the whole document or nothing: a failed run leaves the previous
# file as it was, and no temporary file stays behind.
. "$SRCDIR/tests/lib.sh"
ex="$SRCDIR/examples/ko-program-news.txt"
expect_status 0 "$KKACHI" extract --rules "$RULES" -o "$T/out.ttl" "$ex"
[ -s "$T/out.ttl" ] || fail "-o wrote nothing"
[ -s "$T/out" ] && fail "-o also wrote to stdout"
cp "$T/out.ttl" "$T/before.ttl"
printf 'lang ko\nrule broken\n  pattern (\n  fact affiliation person=$x title=$x\n' >"$T/bad.rules"
expect_status 2 "$KKACHI" extract --rules "$T/bad.rules" -o "$T/out.ttl" "$ex"
cmp -s "$T/out.ttl" "$T/before.ttl" || fail "a failed run changed the previous output"
ls "$T" | grep -q 'out.ttl.tmp' && fail "a temporary file was left behind"
expect_status 2 "$KKACHI" extract --rules "$RULES" -o "$T/no/such/dir/out.ttl" "$ex"
expect_err "cannot write"
if [ -w /dev/full ]; then
  "$KKACHI" extract --rules "$RULES" "$ex" >/dev/full 2>"$T/err"
  [ $? = 2 ] || fail "writing to a full disk did not fail with status 2"
  expect_err "cannot write"
fi
finish
