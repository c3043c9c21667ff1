#!/bin/sh
# The shipped example gives the graph in tests/golden (compared as sorted
# N-Triples: there are no blank nodes), and the same bytes on every run.
# It is read from its folder: an article is named by its path as given.
. "$SRCDIR/tests/lib.sh"
ex="$SRCDIR/examples/ko-program-news.txt"
cd "$SRCDIR/examples" || fail "no examples folder"
expect_status 0 "$KKACHI" extract --rules "$RULES" -f ntriples ko-program-news.txt
LC_ALL=C sort "$T/out" >"$T/got.nt"
LC_ALL=C sort "$SRCDIR/tests/golden/ko-program-news.nt" >"$T/want.nt"
if ! cmp -s "$T/got.nt" "$T/want.nt"; then
  fail "graph differs from tests/golden/ko-program-news.nt"
  diff "$T/want.nt" "$T/got.nt" | head -20 >&2
fi
for f in turtle ntriples nquads; do
  "$KKACHI" extract --rules "$RULES" -f $f "$ex" >"$T/a.$f"
  "$KKACHI" extract --rules "$RULES" -f $f "$ex" >"$T/b.$f"
  cmp -s "$T/a.$f" "$T/b.$f" || fail "$f output differs between runs"
done
finish
