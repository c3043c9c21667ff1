#!/bin/sh
# A pattern that names a long define many times is larger than PCRE2
# allows when each name is written out; the define is then written once
# and called where named, and the rule loads and matches as written.
. "$SRCDIR/tests/lib.sh"
python3 - "$T/big.rules" <<'PY' || fail "cannot write the rule file"
import random, sys
random.seed(1)
syl = [chr(0xAC00 + i) for i in range(0, 11172, 7)]
words = set()
while len(words) < 1500:
    words.add(''.join(random.choice(syl) for _ in range(3)))
body = '|'.join(sorted(words))
open(sys.argv[1], 'w', encoding='utf-8').write(f"""lang ko
define big (?:{body}|새솔재단)
rule big-org-title
  pattern (?<org>{{{{big}}}})\\s(?!{{{{big}}}}\\s)(?:(?:{{{{big}}}})\\s)?(?<title>이사장|원장)\\s(?<person>한[가-힣]{{2}})(?!{{{{big}}}})
  fact affiliation person=$person org=$org title=$title
  example 새솔재단 이사장 한도윤이 말했다.
    expect affiliation person=한도윤 org=새솔재단 title=이사장
  example 새솔재단 이사장 한도윤새솔재단이 말했다.
    forbid affiliation
""")
PY
expect_status 0 "$KKACHI" rules test "$T/big.rules"
grep -q '2 passed, 0 failed' "$T/out" ||
  fail "the rule with a long define named four times: $(cat "$T/out" "$T/err")"
finish
