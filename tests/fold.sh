#!/bin/sh
# Facts that two rules read over the same words, one saying less than
# the other, are one fact: a count of parties with and without their
# kind, an organization written in full and by its last words.
. "$SRCDIR/tests/lib.sh"

# facts_of RULES NAME: extracts $T/NAME.txt with the rules in folder
# RULES into $T/NAME.nt, and its facts (tests/facts.py) into $T/facts.
facts_of() {
  "$KKACHI" extract --rules "$1" -f ntriples "$T/$2.txt" >"$T/$2.nt" \
    2>"$T/err" || fail "extract failed: $(cat "$T/err")"
  python3 "$SRCDIR/tests/facts.py" "$T/$2.nt" >"$T/facts"
}

mkdir "$T/r"
cat >"$T/r/x.rules" <<'R'
lang ko
rule count-kind
  pattern (?<n>[0-9]+)개 (?<k>팀)이 응모
  fact program_role count=$n label=$k role=applies programhead=공모
rule count-bare
  pattern (?<n>[0-9]+)개 팀이 응모
  fact program_role count=$n role=applies programhead=공모
rule org-long
  pattern (?<o>새솔 축구 대표팀)의 골키퍼 (?<p>한도윤)
  fact affiliation person=$p org=$o title=골키퍼
rule org-short
  pattern 새솔 (?<o>축구 대표팀)의 골키퍼 (?<p>한도윤)
  fact affiliation person=$p org=$o title=골키퍼
R
printf '공모에는 87개 팀이 응모했다. 새솔 축구 대표팀의 골키퍼 한도윤이 막았다.\n' >"$T/a.txt"
facts_of "$T/r" a
n=$(grep -c '^program_role - Applies .* count=87' "$T/facts")
[ "$n" = 1 ] || fail "the count with and without its kind gave $n facts: $(cat "$T/facts")"
n=$(grep -c '^affiliation' "$T/facts")
[ "$n" = 1 ] || fail "an organization and its last words gave $n affiliations: $(cat "$T/facts")"
grep -q '새솔' "$T/facts" || fail "the longer organization was not kept: $(cat "$T/facts")"
# An organization of the gazetteer after a foreign country is that
# country's (리비아 국방부), not the gazetteer's (국방부); after Korea it
# is the gazetteer's.
mkdir "$T/g"
printf '국방부\tGovernmentAgency\t\n' >"$T/g/orgs.tsv"
printf '리비아\tCountry\t\n대한민국\tCountry\t한국\n' >"$T/g/countries.tsv"
printf '대한민국\n' >"$T/g/home.txt"
cat >"$T/g/x.rules" <<'R'
lang ko
gazetteer org orgs.tsv aliases=3
gazetteer country countries.tsv aliases=3
gazetteer home-country home.txt
rule org-long
  pattern (?<o>(?:{{country}}) 국방부) (?<p>[가-힣]{3}) 대변인
  fact affiliation person=$p org=$o title=대변인
rule org-short
  pattern (?:{{country}}) (?<o>국방부) (?<p>[가-힣]{3}) 대변인
  fact affiliation person=$p org=$o title=대변인
R
printf '리비아 국방부 한도윤 대변인이 말했다. 한국 국방부 노하윤 대변인이 답했다.\n' >"$T/b.txt"
facts_of "$T/g" b
grep -q '^affiliation person/한도윤 org/리비아_국방부 ' "$T/facts" ||
  fail "a foreign country's ministry became the gazetteer's: $(cat "$T/facts")"
grep -q '^affiliation person/노하윤 org/국방부 ' "$T/facts" ||
  fail "Korea's ministry was not the gazetteer's: $(cat "$T/facts")"
n=$(grep -c '^affiliation' "$T/facts")
[ "$n" = 2 ] || fail "two affiliations gave $n facts: $(cat "$T/facts")"
# An organization written with the mark of its legal form ((재), ㈜,
# 주식회사) is the one written without it, unless the gazetteer knows the
# marked name (㈜LG); the marked form stays as an alternate name.
mkdir "$T/l"
printf '(재)\n㈜\n주식회사\n' >"$T/l/legal.txt"
printf '㈜LG\tCompany\t\n' >"$T/l/orgs.tsv"
cat >"$T/l/x.rules" <<'R'
lang ko
gazetteer org orgs.tsv aliases=3
gazetteer legal-form legal.txt
rule org-title-name
  pattern (?<o>\S+) (?<t>이사장|대표|회장) (?<p>[가-힣]{3})
  fact affiliation person=$p org=$o title=$t
R
printf '(재)가람재단 이사장 한도윤. 가람재단 이사장 한도윤. 한결테크㈜ 대표 노하윤. 주식회사 한결테크 대표 노하윤. ㈜LG 회장 구나래.\n' >"$T/c.txt"
facts_of "$T/l" c
n=$(grep -c '^affiliation person/한도윤 org/가람재단 ' "$T/facts")
[ "$n" = 1 ] || fail "(재)가람재단 and 가람재단 gave $n facts: $(cat "$T/facts")"
grep -q '^affiliation person/노하윤 org/한결테크 ' "$T/facts" ||
  fail "한결테크㈜ was not 한결테크: $(cat "$T/facts")"
grep -q '^affiliation person/구나래 org/㈜LG ' "$T/facts" ||
  fail "the gazetteer's ㈜LG lost its mark: $(cat "$T/facts")"
grep -q 'alternateName> "(재)가람재단"' "$T/c.nt" ||
  grep -q 'alternateName> "(\\uC7AC)' "$T/c.nt" ||
  fail "the written form is not kept: $(grep alternateName "$T/c.nt")"
n=$(grep -c '^affiliation' "$T/facts")
[ "$n" = 3 ] || fail "expected 3 affiliations, got $n: $(cat "$T/facts")"
# A party's role in a program named in full and, by other words of the
# same sentence, by its last words only is one fact, of the full name;
# a name that is not the other's last words stays a program of its own.
mkdir "$T/p"
cat >"$T/p/x.rules" <<'R'
lang ko
rule runs-long
  pattern (?<a>가람군)은 (?<p>나래 청년 장려 사업)을 실시
  fact program_role agent=$a program=$p role=runs
rule runs-short
  pattern (?<a>가람군)은 나래 (?<p>청년 장려 사업)을 실시
  fact program_role agent=$a program=$p role=runs
rule runs-part
  pattern (?<a>새솔군)은 (?<p>나래 청년 장려)
  fact program_role agent=$a program=$p role=runs
rule runs-whole
  pattern (?<a>새솔군)은 (?<p>나래 청년 장려 사업)을 실시
  fact program_role agent=$a program=$p role=runs
R
printf '가람군은 나래 청년 장려 사업을 실시한다. 새솔군은 나래 청년 장려 사업을 실시한다.\n' >"$T/p.txt"
facts_of "$T/p" p
n=$(grep -c '^program_role org/가람군 Runs ' "$T/facts")
[ "$n" = 1 ] || fail "a program and its last words gave $n facts: $(cat "$T/facts")"
grep -q '^program_role org/가람군 Runs program/나래청년장려사업' "$T/facts" ||
  fail "the full program name was not kept: $(cat "$T/facts")"
n=$(grep -c '^program_role org/새솔군 Runs ' "$T/facts")
[ "$n" = 2 ] || fail "a name's first words were folded ($n facts): $(cat "$T/facts")"
finish
