#!/bin/sh
# Bad input: each case has its documented status and a located one-line
# message, and one bad article never loses the others.
. "$SRCDIR/tests/lib.sh"
X="$KKACHI extract --rules $RULES"
good="$SRCDIR/examples/ko-program-news.txt"

printf '좋은 문장이다.\n둘째 줄 \300\257 이다.\n' >"$T/utf8.txt"
expect_status 1 $X "$T/utf8.txt"
expect_err "kkachi: $T/utf8.txt:2:6: invalid UTF-8 at byte offset 32"

printf '' >"$T/empty.txt"
expect_status 1 $X "$T/empty.txt"
expect_err "kkachi: $T/empty.txt: empty article"

printf 'abc\000def' >"$T/nul.txt"
expect_status 1 $X "$T/nul.txt"
expect_err "kkachi: $T/nul.txt:1:4: NUL byte at byte offset 3"

expect_status 1 $X "$T/missing.txt" "$good"
expect_err "kkachi: $T/missing.txt: cannot open"
grep -q '정나래' "$T/out" || fail "the good file after a missing one was lost"

# one article a line; bad ones in the middle are skipped, the rest kept
{
  printf '{"id": "a1", "text": "노은서 교육부 장관이 말했다."}\n'
  printf '{"id": "a2", "text": "잘린 줄\n'
  printf '{"id": "a3", "text": 42}\n'
  printf '{"id": "a4", "text": "   "}\n'
  printf '{"id": "a5", "text": "\\u0000"}\n'
  printf '[1, 2]\n'
  printf '\n'
  printf '{"id": "a6", "text": "유태오 국토교통부 차관이 말했다."}\n'
} >"$T/c.jsonl"
expect_status 1 $X -f ntriples "$T/c.jsonl"
expect_err "kkachi: $T/c.jsonl:2:"
expect_err "invalid JSON"
expect_err "kkachi: $T/c.jsonl:3:1: field 'text' must be a string"
expect_err "kkachi: $T/c.jsonl:4:1: article 'a4': empty article"
expect_err "kkachi: $T/c.jsonl:5:1: article 'a5': NUL byte"
expect_err "kkachi: $T/c.jsonl:6:1: record is not a JSON object"
[ "$(wc -l <"$T/err")" -eq 5 ] || fail "want 5 error lines, got $(wc -l <"$T/err")"
grep -q 'article/a1>' "$T/out" || fail "a1 lost"
grep -q 'article/a6>' "$T/out" || fail "a6 after bad lines lost"

# invalid UTF-8 inside a JSON string
printf '{"id": "b1", "text": "\377"}\n{"id": "b2", "text": "다음 기사다."}\n' >"$T/u.jsonl"
expect_status 1 $X -f ntriples "$T/u.jsonl"
expect_err "kkachi: $T/u.jsonl:1:"
grep -q 'article/b2>' "$T/out" || fail "b2 lost after invalid UTF-8"

# a 10 MB single line is one article, read in full (1 MB under valgrind)
reps=400000
[ -n "${KKACHI_VALGRIND:-}" ] && reps=40000
awk -v n=$reps 'BEGIN { s = "한 줄이 아주 길다 "; for (i = 0; i < n; i++) printf "%s", s; print "박서준 교육부 장관이 말했다." }' >"$T/long.txt"
expect_status 0 $X --time-limit 0 -f ntriples "$T/long.txt"
grep -q 'person/\\uBC15\\uC11C\\uC900>' "$T/out" || fail "fact at the end of a 10 MB line lost"

s='노은서 교육부 장관이 말했다.'
# dates: a calendar day is typed, another is left out with a warning
# (from JSON Lines and from a page's metadata)
{
  printf '{"id": "d1", "text": "%s", "date": "2024-02-29"}\n' "$s"
  printf '{"id": "d2", "text": "%s", "date": "2025-13-45"}\n' "$s"
  printf '{"id": "d3", "text": "%s", "date": "2023-02-29"}\n' "$s"
} >"$T/dates.jsonl"
expect_status 1 $X -f nquads "$T/dates.jsonl"
expect_err "kkachi: $T/dates.jsonl:2:1: warning: article 'd2': date '2025-13-45' is not a calendar date (YYYY-MM-DD); left out"
expect_err "kkachi: $T/dates.jsonl:3:1: warning: article 'd3': date '2023-02-29' is not"
[ "$(grep -c datePublished "$T/out")" = 1 ] || fail "dates: $(grep datePublished "$T/out")"
grep -q "datePublished> \"2024-02-29\"^^<http://www.w3.org/2001/XMLSchema#date> <https://w3id.org/kkachi/id/article/d1>" "$T/out" ||
  fail "2024-02-29 lost"
[ "$(awk '{ print $(NF - 1) }' "$T/out" | uniq | wc -l)" = 3 ] || fail "an article with a bad date was lost"
printf '<html><head><meta property="article:published_time" content="2025-02-30T09:00:00+09:00"></head><body><article><p>%s</p></article></body></html>\n' "$s" >"$T/page.html"
expect_status 1 $X -f nquads "$T/page.html"
expect_err "kkachi: $T/page.html: warning: article '$T/page.html': date '2025-02-30' is not a calendar date"
grep -q datePublished "$T/out" && fail "the page's bad date was written"
grep -q "page.html> \.\$" "$T/out" || fail "the page was lost"

# usage errors
expect_status 2 "$KKACHI" extract --format xml "$good"
expect_err "unknown format 'xml'"
expect_status 2 "$KKACHI" extract --no-such-option "$good"
expect_status 2 "$KKACHI" extract --rules "$T/nowhere" "$good"
expect_err "kkachi: $T/nowhere: cannot open"
expect_status 2 "$KKACHI" extract --rules "$RULES" --base 'not an iri' "$good"
expect_status 2 "$KKACHI" frobnicate
expect_err "unknown command 'frobnicate'"
expect_status 2 "$KKACHI"
finish
