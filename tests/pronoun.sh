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
# facts_of TEXT: the affiliations read from TEXT, in $T/facts.
facts_of() {
  printf '%s\n' "$1" >"$T/a.txt"
  "$KKACHI" extract --rules "$T/r" -f ntriples "$T/a.txt" >"$T/a.nt" \
    2>"$T/err" || fail "extract failed: $(cat "$T/err")"
  python3 "$SRCDIR/tests/facts.py" "$T/a.nt" >"$T/facts"
}
# given TEXT WHY: the pronoun in TEXT must be given to 한도윤.
given() {
  facts_of "$1"
  grep -q '^affiliation person/한도윤 org/가람연구원 ' "$T/facts" ||
    fail "$2: $(cat "$T/facts")"
}
# not_given TEXT WHY: the pronoun in TEXT must be given to no one.
not_given() {
  facts_of "$1"
  ! grep -q '가람연구원' "$T/facts" || fail "$2: $(cat "$T/facts")"
}

given '한도윤 새솔대 교수는 3일 강연했다. 그는 가람연구원 원장을 거쳐 부임했다.' \
  "the pronoun was not given to the person before it"

# two persons before it: who is meant is not safe to say
not_given '한도윤 새솔대 교수와 노하윤 새솔대 교수가 강연했다. 그는 가람연구원 원장을 거쳐 부임했다.' \
  "a pronoun after two persons was given to one"

# sentences between that are about something else
not_given '한도윤 새솔대 교수는 강연했다. 회의는 길었다. 날씨는 맑았다. 그는 가람연구원 원장을 거쳐 부임했다.' \
  "a pronoun far from the person was given to it"

# sentences between about the person (by the last word of the name)
given '한도윤 새솔대 교수는 강연했다. 한도윤은 웃었다. 그는 말했다. 그는 가람연구원 원장을 거쳐 부임했다.' \
  "a pronoun after sentences about the person was dropped"

# inside quoted speech
not_given '한도윤 새솔대 교수는 강연했다. 노하윤은 "그는 가람연구원 원장을 거쳐 왔다"고 말했다.' \
  "a pronoun in quoted speech was given to a person"

# a sentence between that opens with the name and a particle of place
not_given '한도윤 새솔대 교수는 강연했다. 한도윤에서 말했다. 회의는 길었다. 그는 가람연구원 원장을 거쳐 부임했다.' \
  "a sentence opening with the name and a particle of place was read as about the person"

# a pronoun of the user's own gazetteer opens a sentence about the person
g='한도윤 새솔대 교수는 강연했다. 그분은 웃었다. 회의는 길었다. 그는 가람연구원 원장을 거쳐 부임했다.'
not_given "$g" "a word outside the pronoun gazetteer was read as a pronoun"
printf '그분\n' >>"$T/r/pronouns.txt"
given "$g" "a pronoun added to the gazetteer was not read as one"
finish
