#!/bin/sh
# Every file under tests/bad/rules fails to load with status 2 and the
# located message its first line announces ("# expect: LINE:COL: text").
. "$SRCDIR/tests/lib.sh"
n=0
for f in "$SRCDIR"/tests/bad/rules/*.rules; do
  want=$(sed -n '1s/^# expect: //p' "$f")
  [ -n "$want" ] || { fail "$f has no '# expect:' line"; continue; }
  expect_status 2 "$KKACHI" rules check "$f"
  expect_err "kkachi: $f:$want"
  expect_status 2 "$KKACHI" extract --rules "$f" "$SRCDIR/examples/ko-program-news.txt"
  [ -s "$T/out" ] && fail "$f: extract wrote output with broken rules"
  n=$((n + 1))
done
[ "$n" -ge 15 ] || fail "only $n bad rule files"
echo "$n bad rule files checked"
finish
