#!/bin/sh
# The real corpora under ../shared run through without an error, every
# output parses, and conforms to the shapes with only defined terms.
. "$SRCDIR/tests/lib.sh"
need_shared
need_rapper
D="$SHARED/data"
for f in "$D/wikinews-ko/dev.jsonl" "$D/dev-gold/texts.jsonl"; do
  expect_status 0 "$KKACHI" extract --rules "$RULES" -o "$T/o.ttl" "$f"
  [ -s "$T/err" ] && fail "$f: $(head -3 "$T/err")"
  parses turtle "$T/o.ttl"
  n=$("$RAPPER" -q -i turtle -o ntriples "$T/o.ttl" | grep -c 'kkachi/ns#Article>')
  [ "$n" -eq "$(grep -c . "$f")" ] || fail "$f: $n articles written"
  expect_status 0 "$KKACHI" validate --shapes "$SRCDIR/vocab/kkachi-shapes.ttl" \
    --vocab "$SRCDIR/vocab/kkachi.ttl" "$T/o.ttl"
done
expect_status 0 "$KKACHI" extract --rules "$RULES" -o "$T/s.ttl" "$D/seed/article-ko.txt"
expect_status 0 "$KKACHI" validate --shapes "$SRCDIR/vocab/kkachi-shapes.ttl" \
  --vocab "$SRCDIR/vocab/kkachi.ttl" "$T/s.ttl"
finish
