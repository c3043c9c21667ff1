#!/bin/sh
# A pronoun (그는, 그녀는) stands for the person named just before it:
# the fact is that person's. When two persons are named there, or the
# person is far before it, or it is inside quoted speech, no fact comes.
. "$SRCDIR/tests/lib.sh"

mkdir "$T/r"
# The pronouns and the particles after them are the rules' own data.
printf '그\n그녀\n' >"$T/r/pronouns.txt"
printf '은\ttopic\n는\ttopic\n이\tsubj\n가\tsubj\n을\tobj\n에서\tfrom\n' \
  >"$T/r/particles.tsv"
cat >"$T/r/x.rules" <<'R'
lang ko
gazetteer pronoun pronouns.txt
gazetteer particles particles.tsv
rule named
  pattern (?<p>[가-힣]{3}) (?<o>새솔대) (?<t>교수)
  fact affiliation person=$p org=$o title=$t
rule pronoun
  pattern (?<p>{{pronoun}})는 (?<o>가람연구원) (?<t>원장)을 거쳐
  fact affiliation pronoun=$p org=$o title=$t
R
# facts_of NAME: the affiliations read from $T/NAME.txt, in $T/facts.
facts_of() {
  "$KKACHI" extract --rules "$T/r" -f ntriples "$T/$1.txt" >"$T/$1.nt" \
    2>"$T/err" || fail "extract failed: $(cat "$T/err")"
  python3 "$SRCDIR/tests/facts.py" "$T/$1.nt" >"$T/facts"
}

printf '한도윤 새솔대 교수는 3일 강연했다. 그는 가람연구원 원장을 거쳐 부임했다.\n' >"$T/a.txt"
facts_of a
grep -q '^affiliation person/한도윤 org/가람연구원 ' "$T/facts" ||
  fail "the pronoun was not given to the person before it: $(cat "$T/facts")"

# two persons before it: who is meant is not safe to say
printf '한도윤 새솔대 교수와 노하윤 새솔대 교수가 강연했다. 그는 가람연구원 원장을 거쳐 부임했다.\n' >"$T/b.txt"
facts_of b
! grep -q '가람연구원' "$T/facts" ||
  fail "a pronoun after two persons was given to one: $(cat "$T/facts")"

# sentences between that are about something else
printf '한도윤 새솔대 교수는 강연했다. 회의는 길었다. 날씨는 맑았다. 그는 가람연구원 원장을 거쳐 부임했다.\n' >"$T/c.txt"
facts_of c
! grep -q '가람연구원' "$T/facts" ||
  fail "a pronoun far from the person was given to it: $(cat "$T/facts")"

# sentences between about the person (by the last word of the name)
printf '한도윤 새솔대 교수는 강연했다. 한도윤은 웃었다. 그는 말했다. 그는 가람연구원 원장을 거쳐 부임했다.\n' >"$T/d.txt"
facts_of d
grep -q '^affiliation person/한도윤 org/가람연구원 ' "$T/facts" ||
  fail "a pronoun after sentences about the person was dropped: $(cat "$T/facts")"

# inside quoted speech
printf '한도윤 새솔대 교수는 강연했다. 노하윤은 "그는 가람연구원 원장을 거쳐 왔다"고 말했다.\n' >"$T/e.txt"
facts_of e
! grep -q '가람연구원' "$T/facts" ||
  fail "a pronoun in quoted speech was given to a person: $(cat "$T/facts")"
# a sentence between that opens with a place (에서), not the person
printf '한도윤 새솔대 교수는 강연했다. 한도윤에서 말했다. 회의는 길었다. 그는 가람연구원 원장을 거쳐 부임했다.\n' >"$T/f.txt"
facts_of f
! grep -q '가람연구원' "$T/facts" ||
  fail "a sentence opening with the name and a particle of place was read as about the person: $(cat "$T/facts")"

# a pronoun of the user's own gazetteer opens a sentence about the person
printf '한도윤 새솔대 교수는 강연했다. 그분은 웃었다. 회의는 길었다. 그는 가람연구원 원장을 거쳐 부임했다.\n' >"$T/g.txt"
facts_of g
! grep -q '가람연구원' "$T/facts" ||
  fail "a word outside the pronoun gazetteer was read as a pronoun: $(cat "$T/facts")"
printf '그분\n' >>"$T/r/pronouns.txt"
facts_of g
grep -q '^affiliation person/한도윤 org/가람연구원 ' "$T/facts" ||
  fail "a pronoun added to the gazetteer was not read as one: $(cat "$T/facts")"
finish
