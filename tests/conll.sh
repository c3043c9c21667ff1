#!/bin/sh
# English affiliations on CoNLL04 (Work_For), scored by ../shared's
# kk-conll: pair precision at least 0.90 and recall at least 0.60, and
# the graph of all 922 sentences conforms to the shapes.
. "$SRCDIR/tests/lib.sh"
need_shared
need_rapper
command -v python3 >/dev/null || skip "python3 is not installed"
C="$SHARED/data/conll04/conll04_train.json"
[ -f "$C" ] || skip "no CoNLL04 in ../shared"
python3 "$SHARED/tools/kk-conll" input "$C" >"$T/c.jsonl" || fail "kk-conll input failed"
expect_status 0 "$KKACHI" extract --rules "$RULES" -f ntriples -o "$T/c.nt" "$T/c.jsonl"
python3 "$SHARED/tools/kk-conll" score "$C" "$T/c.nt" >"$T/score" || fail "kk-conll score failed"
tail -2 "$T/score"
python3 - "$T/score" <<'PY' || fail "below P 0.90 / R 0.60: $(tail -1 "$T/score")"
import re, sys
m = re.search(r"pairs P=([0-9.]+) R=([0-9.]+)", open(sys.argv[1]).read())
sys.exit(0 if m and float(m.group(1)) >= 0.90 and float(m.group(2)) >= 0.60 else 1)
PY
expect_status 0 "$KKACHI" validate --shapes "$SRCDIR/vocab/kkachi-shapes.ttl" \
  --vocab "$SRCDIR/vocab/kkachi.ttl" "$T/c.nt"
finish
