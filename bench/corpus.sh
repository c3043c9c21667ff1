# bench/corpus.sh: the benchmarks' graph (sourced). bench_corpus FORMAT MIN
# OUT writes what kkachi extract gives in FORMAT for the texts under
# ../shared (or the shipped example), repeated with the articles renamed
# until it has at least MIN lines, so that facts and evidence multiply
# while entities are shared as in a real archive; it sets $one (lines of
# one pass) and $copies.
bench_corpus() {
  set -- "$1" "$2" "$3" "$SRCDIR/examples/ko-program-news.txt"
  for f in "${SHARED:-$SRCDIR/../shared}/data/wikinews-ko/dev.jsonl" \
           "${SHARED:-$SRCDIR/../shared}/data/dev-gold/texts.jsonl" \
           "${SHARED:-$SRCDIR/../shared}/data/seed/article-ko.txt"; do
    [ -f "$f" ] && set -- "$@" "$f"
  done
  _fmt=$1 _min=$2 _out=$3
  shift 3
  "$KKACHI" extract --rules "$SRCDIR/extract/rules" -f "$_fmt" -o "$_out.one" "$@" 2>/dev/null
  one=$(wc -l <"$_out.one")
  copies=$(( (_min + one - 1) / one ))
  awk -v n="$copies" '{ line[NR] = $0 }
    END { for (i = 1; i <= n; i++) for (j = 1; j <= NR; j++) {
            l = line[j]; gsub(/\/id\/article\//, "/id/article/r" i "-", l); print l } }' \
    "$_out.one" >"$_out"
  rm -f "$_out.one"
}
