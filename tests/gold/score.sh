#!/bin/sh
# tests/gold/score.sh: extraction quality on every measured set, as one
# table: the seed article, the dev-gold texts (titled affiliations only),
# the two halves of each set of the project's own gold (tests/gold: the
# half rules are written from, and the half that is only ever scored), the KLUE-RE
# affiliation pairs and English CoNLL04 Work_For. The texts and scorers
# are read from ../shared (exit 77 when it is absent). Run by `make score`.
set -u
: "${KKACHI:?}" "${SRCDIR:?}"
SHARED=${SHARED:-$SRCDIR/../shared}
D=$SHARED/data
TOOLS=$SHARED/tools
if [ ! -d "$D" ] || [ ! -x "$TOOLS/kk-score" ]; then
  echo "score: $SHARED: no shared data and scorers here; nothing scored" >&2
  exit 77
fi
T=$(mktemp -d "${TMPDIR:-/tmp}/kkachi-score.XXXXXX")
trap 'rm -rf "$T"' EXIT
RULES=${RULES:-$SRCDIR/extract/rules}
G=$SRCDIR/tests/gold
extract() { "$KKACHI" extract --quiet --rules "$RULES" -f ntriples "$@"; }

# kk-score --json into rows "set family P R F1 gold"
rows() {
  python3 -c '
import json, sys
name, j = sys.argv[1], json.load(sys.stdin)
for fam in ("affiliation", "program_role", "stage", "micro"):
    r = j.get(fam)
    if not r or (fam != "micro" and not r.get("gold")):
        continue
    print("%-18s %-13s %5.3f %5.3f %5.3f %5s" % (name, fam, r["P"], r["R"],
          r["F1"], r.get("gold", "")))
' "$1"
}

printf '%-18s %-13s %5s %5s %5s %5s\n' set family P R F1 gold
extract "$D/seed/article-ko.txt" >"$T/seed.nt" &&
  "$TOOLS/kk-score" --gold "$D/seed/gold.jsonl" --pred "$T/seed.nt" \
    --doc seed --json | rows seed
extract "$D/dev-gold/texts.jsonl" >"$T/dev.nt" &&
  "$TOOLS/kk-score" --titled --gold "$D/dev-gold/gold.jsonl" \
    --pred "$T/dev.nt" --json | rows dev-gold
for half in rules-half score-half wikinews-dev-rules wikinews-dev-score \
    klue-re2-rules klue-re2-score fresh-score; do
  [ -f "$G/$half.docs" ] || continue
  python3 "$G/texts.py" "$D" "$G/$half.docs" >"$T/$half.jsonl" &&
    extract "$T/$half.jsonl" >"$T/$half.nt" &&
    "$TOOLS/kk-score" --gold "$G/$half.jsonl" --pred "$T/$half.nt" \
      --json | rows "$half"
done
# The KLUE dev sentences (tests/gold/klue-dev-*) need a checkout of the
# KLUE benchmark, $KLUE (default ../KLUE beside the source folder); their
# rows are left out without one.
KLUE=${KLUE:-$SRCDIR/../KLUE}
if [ -d "$KLUE/klue_benchmark" ]; then
  for half in klue-dev-rules klue-dev-score klue-dp-rules klue-dp-score \
      klue-ner-rules klue-ner-score klue-ner2-rules klue-ner2-score; do
    python3 "$G/klue-dev-texts.py" "$KLUE" "$G/$half.docs" >"$T/$half.jsonl" &&
      extract "$T/$half.jsonl" >"$T/$half.nt" &&
      "$TOOLS/kk-score" --gold "$G/$half.jsonl" --pred "$T/$half.nt" \
        --json | rows "$half"
  done
else
  echo "score: $KLUE: no KLUE checkout; klue-dev rows left out" >&2
fi
"$TOOLS/kk-pairs" input "$D/klue-re/train-subset.jsonl" >"$T/k.jsonl" &&
  extract "$T/k.jsonl" >"$T/k.nt" &&
  "$TOOLS/kk-pairs" score "$D/klue-re/train-subset.jsonl" "$T/k.nt" |
  sed -n 's/^/klue-re            /p' | head -3
"$TOOLS/kk-conll" input "$D/conll04/conll04_train.json" >"$T/c.jsonl" &&
  extract "$T/c.jsonl" >"$T/c.nt" &&
  "$TOOLS/kk-conll" score "$D/conll04/conll04_train.json" "$T/c.nt" |
  sed -n 's/^/conll04            /p' | head -3
# CoNLL04's dev and test splits (231 and 288 sentences, SpERT layout, not
# in ../shared) are only ever scored: $CONLL_DEV and $CONLL_TEST, by
# default ../conll04/conll04_dev.json and conll04_test.json beside the
# source folder; a row is left out without its file.
CONLL_DEV=${CONLL_DEV:-$SRCDIR/../conll04/conll04_dev.json}
CONLL_TEST=${CONLL_TEST:-$SRCDIR/../conll04/conll04_test.json}
for pair in "conll04-dev        :$CONLL_DEV" "conll04-test       :$CONLL_TEST"; do
  name=${pair%%:*}
  f=${pair#*:}
  [ -f "$f" ] || continue
  "$TOOLS/kk-conll" input "$f" >"$T/cd.jsonl" &&
    extract "$T/cd.jsonl" >"$T/cd.nt" &&
    "$TOOLS/kk-conll" score "$f" "$T/cd.nt" |
    sed -n "s/^/$name/p" | head -3
done
