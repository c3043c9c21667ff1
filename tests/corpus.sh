#!/bin/sh
# kkachi extract on a corpus: folders walked for *.txt and *.jsonl in name
# order (hidden ones and other endings left out), a bad article in the
# middle of JSON Lines named and skipped with the rest written, and the
# progress and summary lines: forced, quiet, and off when stderr is not a
# terminal.
. "$SRCDIR/tests/lib.sh"
ex="$SRCDIR/examples/ko-program-news.txt"
X="$KKACHI extract --rules $RULES"

# ---- folders (named from $T: an article is named by its path as given)
cd "$T" || exit 1
mkdir -p "$T/c/b/deep" "$T/c/a" "$T/c/.hidden"
cp "$ex" "$T/c/b/deep/two.txt"
cp "$ex" "$T/c/a/one.txt"
cp "$ex" "$T/c/.hidden/no.txt"
cp "$ex" "$T/c/a/no.md"
printf '{"id": "j1", "text": "노은서 교육부 장관이 말했다."}\n' >"$T/c/b/three.jsonl"
expect_status 0 $X -f nquads c
awk '{ print $(NF - 1) }' "$T/out" | uniq >"$T/graphs"
printf '%s\n' '<https://w3id.org/kkachi/id/article/c%2Fa%2Fone.txt>' \
  '<https://w3id.org/kkachi/id/article/c%2Fb%2Fdeep%2Ftwo.txt>' \
  '<https://w3id.org/kkachi/id/article/j1>' >"$T/want"
cmp -s "$T/graphs" "$T/want" || fail "folder order: $(cat "$T/graphs")"
[ -s "$T/err" ] && fail "stderr not a terminal, yet: $(cat "$T/err")"
expect_status 0 $X -f nquads "$T/c/a" "$T/c/b/three.jsonl"
[ "$(awk '{ print $(NF - 1) }' "$T/out" | uniq | wc -l)" = 2 ] ||
  fail "a folder and a file together"
# files of one name in two folders stay two articles
mkdir -p "$T/same/x" "$T/same/y"
cp "$ex" "$T/same/x/news.txt"
cp "$ex" "$T/same/y/news.txt"
expect_status 0 $X -f nquads "$T/same"
[ "$(awk '{ print $(NF - 1) }' "$T/out" | uniq | wc -l)" = 2 ] ||
  fail "two files named news.txt became one article"
expect_status 1 $X "$T/nowhere"
expect_err "kkachi: $T/nowhere: cannot open"

# ---- one invalid UTF-8 record and one empty article in the middle
python3 - "$T/mix.jsonl" <<'EOF'
import sys
good = '{"id": "g%d", "text": "노은서 교육부 장관이 말했다."}\n'
with open(sys.argv[1], "wb") as f:
    f.write((good % 1).encode())
    f.write(b'{"id": "bad", "text": "\xff\xfe broken"}\n')
    f.write((good % 2).encode())
    f.write(b'{"id": "blank", "text": "   "}\n')
    f.write((good % 3).encode())
EOF
expect_status 1 $X -f nquads "$T/mix.jsonl"
for g in g1 g2 g3; do
  grep -q "article/$g> \\.\$" "$T/out" || fail "$g lost"
done
grep -q 'article/bad>\|article/blank>' "$T/out" && fail "a bad article was written"
expect_err "kkachi: $T/mix.jsonl:2:"
expect_err "invalid JSON at byte offset"
expect_err "kkachi: $T/mix.jsonl:4:1: article 'blank': empty article"
[ "$(wc -l <"$T/err")" = 2 ] || fail "want 2 error lines: $(cat "$T/err")"

# ---- -j: the same bytes in the same order, whatever the number of jobs
$X -f nquads "$T/c" "$T/mix.jsonl" "$ex" >"$T/j1.nq" 2>"$T/j1.err"
for j in 2 3; do
  $X -j $j -f nquads "$T/c" "$T/mix.jsonl" "$ex" >"$T/j.nq" 2>"$T/j.err"
  cmp -s "$T/j1.nq" "$T/j.nq" || fail "-j $j wrote other bytes than -j 1"
  cmp -s "$T/j1.err" "$T/j.err" || fail "-j $j reported otherwise: $(cat "$T/j.err")"
done
$X --explain "$T/c" >"$T/x1" 2>/dev/null
$X -j 2 --explain "$T/c" >"$T/x2" 2>/dev/null
cmp -s "$T/x1" "$T/x2" || fail "-j 2 --explain differs"
expect_status 2 $X -j 0 "$ex"
expect_err "--jobs is a number from 1 to"
expect_status 2 $X --jobs x "$ex"

# ---- progress and summary
expect_status 1 $X --progress -f nquads -o "$T/o.nq" "$T/c" "$T/mix.jsonl"
tail -1 "$T/err" | tr -d '\r' | sed 's/\x1b\[K//g' >"$T/summary"
grep -q '^kkachi: 6 articles (.* MB) in .* s, 2 errors; facts: affiliation [0-9]' "$T/summary" ||
  fail "summary: $(cat "$T/summary")"
grep -q 'program_role [0-9]* stage [0-9]*' "$T/summary" || fail "families: $(cat "$T/summary")"
expect_status 1 $X --quiet -f nquads -o "$T/o.nq" "$T/mix.jsonl"
[ "$(wc -l <"$T/err")" = 2 ] || fail "--quiet still wrote: $(cat "$T/err")"
finish
