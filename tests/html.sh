#!/bin/sh
# Saved news pages (tests/html/, written in the shapes Korean news sites
# use: an HTML5 portal page with Open Graph and JSON-LD, and an old table
# layout with the body as <br>-separated text) yield the same facts as
# the clean text, nothing from menus, share buttons, related news,
# comments, banners or footers, and the page's headline, date and address.
. "$SRCDIR/tests/lib.sh"
X="$KKACHI extract --rules $RULES"
facts() { grep -v '^    \|^#' "$T/out" | sort; }
expect_status 0 $X --explain "$SRCDIR/examples/ko-program-news.txt"
facts >"$T/want"
[ "$(wc -l <"$T/want")" -ge 10 ] || fail "the clean text gave $(wc -l <"$T/want") facts"
for page in portal table-layout; do
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
[ "$(awk '{ print $(NF - 1) }' "$T/out" | uniq | wc -l)" = 2 ] || fail "a folder of pages"
finish
