#!/bin/sh
# Saved news pages (tests/html/, written in the shapes Korean news sites
# use: an HTML5 portal page with Open Graph and JSON-LD, an old table
# layout with the body as <br>-separated text, and the same in EUC-KR)
# yield the same facts as the clean text, nothing from menus, share
# buttons, related news, comments, banners or footers, and the page's
# headline, date, address, author and outlet.
. "$SRCDIR/tests/lib.sh"
X="$KKACHI extract --rules $RULES"
facts() { grep -v '^    \|^#' "$T/out" | sort; }
expect_status 0 $X --explain "$SRCDIR/examples/ko-program-news.txt"
facts >"$T/want"
[ "$(wc -l <"$T/want")" -ge 10 ] || fail "the clean text gave $(wc -l <"$T/want") facts"
for page in portal table-layout euc-kr; do
  expect_status 0 $X --explain "$SRCDIR/tests/html/$page.html"
  [ -s "$T/err" ] && fail "$page: stderr: $(cat "$T/err")"
  facts >"$T/got"
  diff "$T/want" "$T/got" >"$T/diff" || fail "$page: other facts: $(cat "$T/diff")"
  for decoy in 김철수 박영희 이민호 최영수 정수진 홍길순 광고; do
    grep -q "$decoy" "$T/out" && fail "$page: '$decoy' from the site's chrome"
  done
  expect_status 0 $X -f ntriples "$SRCDIR/tests/html/$page.html"
  grep -q '<https://schema.org/datePublished> "2025-08-04"^^<http://www.w3.org/2001/XMLSchema#date>' "$T/out" ||
    fail "$page: no date"
  grep -q '<https://schema.org/headline> ' "$T/out" || fail "$page: no headline"
done
expect_status 0 $X -f ntriples "$SRCDIR/tests/html/portal.html"
grep -q '<https://schema.org/url> "https://news.hanbit.example/article/2025/08/04/quantum"' "$T/out" ||
  fail "portal: no url"
# JSON-LD's headline wins over og:title and <title>
grep -q 'headline> "\\uACFC\\uAE30\\uC815\\uD1B5\\uBD80, ' "$T/out" ||
  fail "portal: the headline is not JSON-LD's: $(grep headline "$T/out")"
grep -q 'inLanguage> "ko"' "$T/out" || fail "portal: no language"

# author and outlet: JSON-LD's (a profile link in article:author is not a
# name, og:site_name ranks below JSON-LD), or the author and og:site_name
# meta tags, the reporter's title and address left off
NARAE='<https://w3id.org/kkachi/id/person/\uC815\uB098\uB798>'
HANBIT='<https://w3id.org/kkachi/id/org/\uD55C\uBE5B\uC77C\uBCF4>'
for page in portal euc-kr; do
  expect_status 0 $X -f ntriples "$SRCDIR/tests/html/$page.html"
  grep -v '/evidence/' "$T/out" >"$T/page"
  [ "$(grep -c '<https://schema.org/author>' "$T/page")" = 1 ] ||
    fail "$page: authors: $(grep '<https://schema.org/author>' "$T/page")"
  grep -qF "<https://schema.org/author> $NARAE" "$T/page" || fail "$page: no author"
  [ "$(grep -c '<https://schema.org/publisher>' "$T/page")" = 1 ] ||
    fail "$page: publishers: $(grep '<https://schema.org/publisher>' "$T/page")"
  grep -qF "<https://schema.org/publisher> $HANBIT" "$T/page" || fail "$page: no publisher"
  grep -qF "$HANBIT <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/kkachi/ns#MediaOrganization>" "$T/page" ||
    fail "$page: the outlet is not typed as media"
  [ "$(grep -cF "$NARAE <https://schema.org/name> " "$T/page")" = 1 ] ||
    fail "$page: the author has another name: $(grep -F "$NARAE <https://schema.org/name>" "$T/page")"
done
# JSON Lines records may name them too
printf '%s\n' '{"id": "m1", "text": "과학기술정보통신부는 15일 새 사업을 공고했다.", "author": ["정나래 기자", "강하람"], "publisher": "한빛일보"}' \
  '{"id": "m2", "text": "과학기술정보통신부는 15일 새 사업을 공고했다.", "author": 7}' >"$T/meta.jsonl"
expect_status 1 $X -f ntriples "$T/meta.jsonl"
expect_err "author"
[ "$(grep -v /evidence/ "$T/out" | grep -c '<https://schema.org/author>')" = 2 ] || fail "JSON Lines authors"
grep -qF "<https://schema.org/publisher> $HANBIT" "$T/out" || fail "JSON Lines publisher"
expect_err "m2"

# --with-text: the page's text, in which every evidence offset counts
expect_status 0 $X --with-text -f ntriples "$SRCDIR/tests/html/table-layout.html"
python3 - "$T/out" <<'PY' || fail "--with-text: $(cat "$T/py" 2>/dev/null)"
import re, sys
def un(s):
    s = re.sub(r'\\u([0-9A-F]{4})', lambda m: chr(int(m.group(1), 16)), s)
    return s.replace('\\n', '\n').replace('\\"', '"').replace('\\\\', '\\')
text, ev = None, {}
for l in open(sys.argv[1], encoding="utf-8"):
    s, p, o = re.match(r'<([^>]*)> <([^>]*)> (.*) \.$', l.rstrip("\n")).groups()
    if p.endswith("#isString"):
        text = un(o[1:o.rindex('"')])
    for k in ("beginIndex", "endIndex", "anchorOf"):
        if p.endswith("#" + k):
            ev.setdefault(s, {})[k] = o
assert text and len(ev) > 10, "no text or too few evidence nodes"
for s, d in ev.items():
    b = int(re.match(r'"(\d+)"', d["beginIndex"]).group(1))
    e = int(re.match(r'"(\d+)"', d["endIndex"]).group(1))
    a = un(d["anchorOf"][1:d["anchorOf"].rindex('"')])
    assert text[b:e] == a, (s, text[b:e], a)
assert "정수진" not in text and "카카오톡" not in text, "chrome in the text"
PY

# a page with no article text, an empty file, and --input html on stdin
printf '<html><body><nav>메뉴</nav><footer>푸터</footer></body></html>' >"$T/chrome.html"
expect_status 1 $X "$T/chrome.html"
expect_err "kkachi: $T/chrome.html: the page has no article text"
: >"$T/empty.htm"
expect_status 1 $X "$T/empty.htm"
expect_err "kkachi: $T/empty.htm: "
expect_status 0 $X --input html --explain - <"$SRCDIR/tests/html/portal.html"
facts >"$T/got"
cmp -s "$T/want" "$T/got" || fail "--input html on stdin"
mkdir "$T/pages"
cp "$SRCDIR/tests/html/"*.html "$T/pages/"
expect_status 0 $X -f nquads "$T/pages"
[ "$(awk '{ print $(NF - 1) }' "$T/out" | uniq | wc -l)" = 3 ] || fail "a folder of pages"
# Pages the parser used to misread, with status 0 and no facts: each is
# read as its bytes say, or refused with status 1. The short article's
# facts are those of its clean text.
R="$SRCDIR/tests/html/recover"
expect_status 0 $X --explain "$R/short.txt"
facts >"$T/want"
[ "$(wc -l <"$T/want")" = 5 ] || fail "the short text gave $(wc -l <"$T/want") facts"
same() { # PAGE: the page gave the short text's facts
  facts >"$T/got"
  diff "$T/want" "$T/got" >"$T/diff" || fail "$1: other facts: $(cat "$T/diff")"
  grep -q 김철수 "$T/out" && fail "$1: a name from the menu"
}
# declares EUC-KR, is UTF-8: read as UTF-8, nothing to say
expect_status 0 $X --explain "$R/mislabelled.html"
[ -s "$T/err" ] && fail "mislabelled: stderr: $(cat "$T/err")"
same mislabelled
# 300 unclosed <font> in the menu; 3000 of them; 3000 nested <div>
expect_status 0 $X --explain "$R/deep-menu.html"
[ -s "$T/err" ] && fail "deep-menu: stderr: $(cat "$T/err")"
same deep-menu
for tag in '<font size=2>' '<div>'; do
  python3 - "$R/deep-menu.html" "$T/deeper.html" "$tag" <<'PY'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8").write(
    page.replace("<font size=2>" * 300, sys.argv[3] * 3000))
PY
  expect_status 0 $X --explain "$T/deeper.html"
  same "3000 $tag"
done
# one byte that is not UTF-8 in a UTF-8 page: U+FFFD, a warning that
# says where, status 1, and every fact
[ "$(od -An -tx1 -j 520 -N 1 "$R/bad-byte.html" | tr -d ' ')" = ff ] ||
  fail "bad-byte.html has no 0xFF at byte 520"
expect_status 1 $X --explain "$R/bad-byte.html"
expect_err "kkachi: $R/bad-byte.html: warning: invalid UTF-8 at byte offset 520 read as U+FFFD"
same bad-byte
# and in an EUC-KR page, where the byte does not decode
python3 - "$SRCDIR/tests/html/euc-kr.html" "$T/euc-kr.html" <<'PY'
import sys
page = open(sys.argv[1], "rb").read()
at = page.index(b'<div id="articleBody"')
open(sys.argv[2], "wb").write(page[:at] + b"\xff" + page[at:])
print(at, file=open(sys.argv[2] + ".at", "w"))
PY
expect_status 1 $X --explain "$T/euc-kr.html"
expect_err "warning: invalid EUC-KR at byte offset $(cat "$T/euc-kr.html.at") read as U+FFFD"
grep -q '강하람 — 제1차관' "$T/out" || fail "EUC-KR with a bad byte: facts lost"
# a NUL byte in an attribute, in the title or in the text is what it is
# anywhere else: reported with its offset, status 1; the rest of the page
# is read
for where in 'title="' '<title>' '<p>IITP'; do
  python3 - "$R/mislabelled.html" "$T/nul.html" "$where" <<'PY'
import sys
page = open(sys.argv[1], "rb").read().replace(b"euc-kr", b"utf-8")
where = sys.argv[3].encode()
if where == b'title="':
    page = page.replace(b'<div id="articleBody">',
                        b'<div id="articleBody" title="a\0b">')
    where = b"a\0b"
else:
    page = page.replace(where, where + b"\0", 1)
print(page.index(b"\0"), file=open(sys.argv[2] + ".at", "w"))
open(sys.argv[2], "wb").write(page)
PY
  expect_status 1 $X --explain "$T/nul.html"
  expect_err "kkachi: $T/nul.html: warning: NUL byte at byte offset $(cat "$T/nul.html.at") read as U+FFFD"
  [ "$(wc -l <"$T/err")" = 1 ] || fail "NUL after $where: $(cat "$T/err")"
  grep -q '강하람' "$T/out" || fail "NUL after $where: the rest of the page is lost"
done
# "<!--->" is an empty comment to a browser, the start of one to libxml2,
# which then loses the article: refused, status 1
expect_status 1 $X --explain "$R/abrupt-comment.html"
expect_err "kkachi: $R/abrupt-comment.html: the HTML parser kept only "
finish
