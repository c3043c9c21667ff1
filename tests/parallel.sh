#!/bin/sh
# The JSON Lines to N-Quads path as a line filter: GNU parallel cuts a
# corpus into chunks at line ends and runs kkachi on each; the union of
# the chunks' output is what one run writes, and with --keep-order the
# very same bytes.
. "$SRCDIR/tests/lib.sh"
command -v parallel >/dev/null || skip "GNU parallel is not installed"
command -v python3 >/dev/null || skip "python3 is not installed"
ex="$SRCDIR/examples/ko-program-news.txt"
python3 - "$ex" "$SHARED" >"$T/corpus.jsonl" <<'PY'
import json, os, sys
text = open(sys.argv[1], encoding="utf-8").read()
for i in range(40):
    print(json.dumps({"id": "p%02d" % i, "text": text.replace("강하람", "강하%s" % chr(0xAC00 + i))}, ensure_ascii=False))
more = os.path.join(sys.argv[2], "data", "wikinews-ko", "dev.jsonl")
if os.path.exists(more):
    sys.stdout.write(open(more, encoding="utf-8").read())
PY
$KKACHI extract --rules "$RULES" -f nquads "$T/corpus.jsonl" >"$T/one.nq" ||
  fail "the single run failed"
[ -s "$T/one.nq" ] || fail "the single run wrote nothing"
parallel --will-cite --pipe --block 120k --keep-order -j 2 \
  "$KKACHI" extract --rules "$RULES" -f nquads <"$T/corpus.jsonl" >"$T/chunks.nq" ||
  fail "a chunk failed"
cmp -s "$T/one.nq" "$T/chunks.nq" || fail "--keep-order chunks differ from one run"
parallel --will-cite --pipe --block 90k -j 2 \
  "$KKACHI" extract --rules "$RULES" -f nquads <"$T/corpus.jsonl" >"$T/any.nq"
sort "$T/one.nq" >"$T/a"
sort "$T/any.nq" >"$T/b"
cmp -s "$T/a" "$T/b" || fail "the union of unordered chunks differs from one run"
[ "$(awk '{ print $(NF - 1) }' "$T/any.nq" | uniq | wc -l)" = \
  "$(awk '{ print $(NF - 1) }' "$T/any.nq" | sort -u | wc -l)" ] ||
  fail "an article's quads are not contiguous"
finish
