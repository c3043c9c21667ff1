#!/bin/sh
# bench/extract.sh: extraction speed. Builds a JSON Lines corpus of at
# least $MIN_MB MB (default 100) by repeating the real texts under
# ../shared (or the shipped example) as distinct articles, runs kkachi
# extract on it with 1 and 2 jobs, and prints MB/s, articles/s and peak
# memory. With $FLOOR (bench/floor), it also times one PCRE2 pass of every
# rule pattern over the first $FLOOR_MB MB (default 10) of the corpus, the
# regex floor, and prints the ratio of extraction time to it.
set -u
: "${KKACHI:?}" "${SRCDIR:?}"
MIN_MB=${MIN_MB:-100}
T=$(mktemp -d "${TMPDIR:-/tmp}/kkachi-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
SHARED=${SHARED:-$SRCDIR/../shared}
python3 - "$SRCDIR/examples/ko-program-news.txt" "$SHARED" "$MIN_MB" >"$T/corpus.jsonl" <<'PY'
import json, os, sys
texts = [open(sys.argv[1], encoding="utf-8").read()]
for name in ("wikinews-ko/dev.jsonl", "dev-gold/texts.jsonl"):
    p = os.path.join(sys.argv[2], "data", name)
    if os.path.exists(p):
        texts += [json.loads(l)["text"] for l in open(p, encoding="utf-8") if l.strip()]
seed = os.path.join(sys.argv[2], "data", "seed", "article-ko.txt")
if os.path.exists(seed):
    texts.append(open(seed, encoding="utf-8").read())
want, size, i = int(sys.argv[3]) * 1000000, 0, 0
while size < want:
    line = json.dumps({"id": "b%d" % i, "text": texts[i % len(texts)]},
                      ensure_ascii=False) + "\n"
    sys.stdout.write(line)
    size += len(line.encode("utf-8"))
    i += 1
PY
mb=$(du -m "$T/corpus.jsonl" | cut -f1)
n=$(wc -l <"$T/corpus.jsonl")
echo "corpus: $n articles, $mb MB"
secs1=
for j in 1 2; do
  /usr/bin/time -f "%e %M" -o "$T/time" "$KKACHI" extract --quiet -j $j \
    --rules "$SRCDIR/extract/rules" -f nquads -o "$T/out.nq" "$T/corpus.jsonl" 2>"$T/err"
  read -r secs kb <"$T/time"
  [ -n "$secs1" ] || secs1=$secs
  awk -v j=$j -v s="$secs" -v kb="$kb" -v mb="$mb" -v n="$n" 'BEGIN {
    printf "extract -j %d: %.2f s, %.2f MB/s, %.0f articles/s, peak RSS %.0f MB\n",
      j, s, mb / s, n / s, kb / 1024 }'
done
if [ -n "${FLOOR:-}" ] && [ -x "$FLOOR" ]; then
  head -c "$(( ${FLOOR_MB:-10} * 1000000 ))" "$T/corpus.jsonl" | sed '$d' >"$T/part.jsonl"
  pmb=$(du -m "$T/part.jsonl" | cut -f1)
  "$FLOOR" "$SRCDIR/extract/rules" "$T/part.jsonl" >"$T/floor" || exit 1
  cat "$T/floor"
  awk -v mb="$mb" -v s1="$secs1" -v pmb="$pmb" '{ fs = $2 + 0 } END {
    printf "regex floor: %.2f MB/s; extract -j 1 takes %.2fx the floor\n",
      pmb / fs, (s1 / mb) / (fs / pmb) }' "$T/floor"
fi
