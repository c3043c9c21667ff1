#!/bin/sh
# How articles are named: ids percent-encoded into IRIs so that two ids
# never share one, empty and NUL ids refused, a repeated id or name
# warned about; articles named by their path as given (stdin by a digest
# of the text, file names that are not UTF-8 by their bytes), folders
# walked once whatever links lead back.
. "$SRCDIR/tests/lib.sh"
X="$KKACHI extract --rules $RULES"
A='https://w3id.org/kkachi/id/article/'
s1='노은서 교육부 장관이 말했다.'
s2='유태오 국토교통부 차관이 말했다.'
cd "$T" || exit 1

# graphs FILE: the named graphs of an N-Quads file, in order
graphs() {
  awk '{ print $(NF - 1) }' "$1" | uniq
}

# ---- ids: reversible, refused when empty or holding NUL, warned on repeat
{
  printf '{"id": "a b", "text": "%s"}\n' "$s1"
  printf '{"id": "a_b", "text": "%s"}\n' "$s1"
  printf '{"id": "c\\u0000d", "text": "%s"}\n' "$s1"
  printf '{"id": "", "text": "%s"}\n' "$s1"
  printf '{"id": ".", "text": "%s"}\n' "$s1"
  printf '{"id": "..", "text": "%s"}\n' "$s1"
  printf '{"id": "기사 1/2", "text": "%s"}\n' "$s1"
  printf '{"id": "a b", "text": "%s"}\n' "$s2"
  printf '{"id": "100%%", "text": "%s"}\n' "$s2"
} >ids.jsonl
expect_status 1 $X -f nquads ids.jsonl
graphs "$T/out" >got
printf '<%s>\n' "${A}a%20b" "${A}a_b" "${A}%2E" "${A}%2E%2E" \
  "${A}\\uAE30\\uC0AC%201%2F2" "${A}a%20b" "${A}100%25" >want
cmp -s want got || fail "ids: $(tr '\n' ' ' <got)"
expect_err "kkachi: ids.jsonl:3:1: field 'id' holds a NUL byte"
expect_err "kkachi: ids.jsonl:4:1: field 'id' is empty"
expect_err "kkachi: ids.jsonl:8:1: warning: article id 'a b' was read before, at ids.jsonl:1:1: their facts share one IRI"
[ "$(wc -l <"$T/err")" = 3 ] || fail "ids: want 3 lines: $(cat "$T/err")"
grep -q '"c"' "$T/out" && fail "a NUL cut an id"
if [ -n "${RAPPER:-}" ] && [ -x "$RAPPER" ]; then
  cp "$T/out" ids.nq
  parses nquads ids.nq
fi

# ---- paths as given: two folders, "./" and "//" spellings, January and
# February files of one name without ids
mkdir -p d1 d2 jan feb
printf '%s\n' "$s1" >d1/a.txt
printf '%s\n' "$s2" >d2/a.txt
printf '{"text": "%s"}\n' "$s1" >jan/articles.jsonl
printf '{"text": "%s"}\n' "$s2" >feb/articles.jsonl
expect_status 0 $X -f nquads d1/a.txt d2/a.txt jan/articles.jsonl feb/articles.jsonl
graphs "$T/out" >got
printf '<%s>\n' "${A}d1%2Fa.txt" "${A}d2%2Fa.txt" \
  "${A}jan%2Farticles.jsonl-1" "${A}feb%2Farticles.jsonl-1" >want
cmp -s want got || fail "paths: $(tr '\n' ' ' <got)"
grep -q '<https://schema.org/identifier> "d1/a.txt"' "$T/out" ||
  fail "the id is not the path"
expect_status 1 $X -f nquads d1/a.txt ./d1//a.txt
expect_err "kkachi: ./d1//a.txt: warning: article id 'd1/a.txt' was read before, at d1/a.txt: their facts share one IRI"
expect_status 0 $X -f nquads "$T/d1/a.txt"
graphs "$T/out" | grep -qF "<${A}$(printf '%s' "$T/d1/a.txt" | sed 's|/|%2F|g')>" ||
  fail "an absolute path: $(graphs "$T/out")"
# a folder: its path as given, and the path below it
expect_status 0 $X -f nquads d1/
[ "$(graphs "$T/out")" = "<${A}d1%2Fa.txt>" ] || fail "folder: $(graphs "$T/out")"

# ---- stdin: the first 16 hex digits of the SHA-256 of the text
h1=$(printf '%s\n' "$s1" | "$PYTHON3" -c 'import hashlib,sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest()[:16])')
printf '%s\n' "$s1" | $X -f nquads >"$T/out" 2>"$T/err" || fail "stdin failed"
[ "$(graphs "$T/out")" = "<${A}stdin-$h1>" ] || fail "stdin: $(graphs "$T/out")"
printf '%s\n' "$s2" | $X -f nquads >"$T/out2" 2>"$T/err"
[ "$(graphs "$T/out2")" != "<${A}stdin-$h1>" ] || fail "two piped texts share an id"
h2=$(printf '%s' "$s2" | "$PYTHON3" -c 'import hashlib,sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest()[:16])')
printf '{"text": "%s"}\n' "$s2" | $X -f nquads >"$T/out" 2>"$T/err"
[ "$(graphs "$T/out")" = "<${A}stdin-$h2>" ] || fail "stdin JSON Lines: $(graphs "$T/out")"

# ---- a file name that is not UTF-8: its bytes, percent-encoded
mkdir bytes
printf '%s\n' "$s1" >"bytes/n$(printf '\377').txt"
printf '%s\n' "$s2" >"bytes/n$(printf '\376').txt"
expect_status 0 $X -f nquads bytes
graphs "$T/out" >got
printf '<%s>\n' "${A}bytes%2Fn%25FE.txt" "${A}bytes%2Fn%25FF.txt" >want
cmp -s want got || fail "bytes: $(tr '\n' ' ' <got)"
if [ -n "${RAPPER:-}" ] && [ -x "$RAPPER" ]; then
  expect_status 0 $X -f rdfxml bytes
  cp "$T/out" bytes.rdf
  parses rdfxml bytes.rdf
fi

# ---- links: a loop back up, and a second way into one folder
mkdir -p loop/sub
printf '%s\n' "$s1" >loop/sub/a.txt
ln -s .. loop/sub/up
ln -s sub loop/again
expect_status 0 timeout 120 $X -f nquads loop
[ "$(graphs "$T/out" | sort -u | wc -l)" = 1 ] || fail "loop: $(graphs "$T/out" | sort | uniq -c)"
[ "$(graphs "$T/out" | wc -l)" = 1 ] || fail "loop: the article was read again"
expect_status 0 timeout 120 $X -f nquads loop loop/sub
[ "$(graphs "$T/out" | wc -l)" = 1 ] || fail "a folder named twice was read twice"

finish
