#!/bin/sh
# How articles are named: ids percent-encoded into IRIs so that two ids
# never share one, empty and NUL ids refused, a repeated id warned about.
. "$SRCDIR/tests/lib.sh"
X="$KKACHI extract --rules $RULES"
A='https://w3id.org/kkachi/id/article/'
s1='노은서 교육부 장관이 말했다.'
s2='유태오 국토교통부 차관이 말했다.'
cd "$T" || exit 1
# a file named twice: one id, warned about
printf '%s\n' "$s1" >a.txt
expect_status 1 $X -f nquads a.txt a.txt
expect_err "kkachi: a.txt: warning: article id 'a.txt' was read before, at a.txt: their facts share one IRI"

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

finish
