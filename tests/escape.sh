#!/bin/sh
# Control characters from ids, texts and file names never reach the
# terminal raw: every diagnostic line and the --explain table write ESC,
# the other C0 controls but TAB, DEL and the C1 controls as \xNN or
# \u00NN, so that a message stays one line and no input sets colours,
# moves the cursor or retitles the window.
. "$SRCDIR/tests/lib.sh"
X="$KKACHI extract --rules $RULES"
ESC=$(printf '\033')
raw() { # FILE: whether it holds ESC, BEL, a C1 control or a CR
  LC_ALL=C grep -q "$(printf '[\033\007\r]')" "$1" ||
    LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1"
}
# an id with ESC, BEL, a newline and CSI (U+009B) in a message
printf '%s\n' '{"id": "a\u001b[31mb\nc\u0007d\u009b", "text": "과학기술정보통신부는 새 사업을 공고했다.", "date": 7}' \
  '{"id": "ok", "text": "과학기술정보통신부는 새 사업을 공고했다."}' >"$T/ids.jsonl"
expect_status 1 $X -f ntriples "$T/ids.jsonl"
raw "$T/err" && fail "raw control characters in: $(cat -v "$T/err")"
expect_err "article 'a\\x1B[31mb\\x0Ac\\x07d\\u009B': field 'date' must be a string"
[ "$(wc -l <"$T/err")" = 1 ] || fail "more than one line: $(cat -v "$T/err")"
# --explain on a text with ESC: the id, the sentence and the matched text
# escaped (no colours either: stdout is no terminal)
printf '강하람 과기정통부 제1차관은 "기반을\033[2J 만들겠다"고 말했다.\r\n' >"$T/x${ESC}y.txt"
# (read from its folder, so that the article's name is the file's)
(cd "$T" && $X --explain "x${ESC}y.txt" >"$T/out" 2>"$T/err") ||
  fail "--explain: status $?: $(cat -v "$T/err")"
raw "$T/out" && fail "--explain: raw control characters in: $(cat -v "$T/out")"
grep -qF '# x\x1By.txt: 1 facts' "$T/out" || fail "--explain: the id: $(head -1 "$T/out")"
grep -qF '기반을\x1B[2J 만들겠다"고 말했다.' "$T/out" ||
  fail "--explain: the sentence: $(cat -v "$T/out")"
grep -qF 'affiliation  강하람 — 제1차관 — 과학기술정보통신부' "$T/out" ||
  fail "--explain: the fact: $(cat -v "$T/out")"
# a file name, in the message that it does not open
expect_status 1 $X "$T/no${ESC}]0;where.txt"
raw "$T/err" && fail "raw control characters in: $(cat -v "$T/err")"
expect_err "kkachi: $T/no\\x1B]0;where.txt: cannot open: No such file or directory"
# TAB and text that is not ASCII are left as they are
printf '{"id": "t\\tä", "text": "x", "date": 1}\n' >"$T/tab.jsonl"
expect_status 1 $X "$T/tab.jsonl"
expect_err "$(printf "article 't\tä'")"
finish
