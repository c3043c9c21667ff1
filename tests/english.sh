#!/bin/sh
# English news: the three families read from English text written for
# this test and from the shipped example; Korean and English articles
# about the same bodies meet at one organization and role IRI; --lang auto
# tells the two apart per article; the output conforms to the shapes.
. "$SRCDIR/tests/lib.sh"
command -v python3 >/dev/null || skip "python3 is not installed"
F="python3 $SRCDIR/tests/facts.py"
EN="$SRCDIR/examples/en-program-news.txt"
KO="$SRCDIR/examples/ko-program-news.txt"
PR="$SRCDIR/tests/english/press-release.txt"

# has FILE LINE: the facts of FILE include LINE
has() {
  grep -qxF -- "$2" "$1" || fail "$(basename "$1"): no '$2'"
}

# ---- the shipped example, every family
expect_status 0 "$KKACHI" extract --rules "$RULES" -f ntriples -o "$T/en.nt" "$EN"
$F "$T/en.nt" >"$T/en.facts"
P=program/Next-GenerationQuantumPlatformProject
has "$T/en.facts" "language $EN en" # named by its path as given
has "$T/en.facts" "affiliation person/Kang_Haram org/과학기술정보통신부 role/차관 title=vice minister evidence=2"
has "$T/en.facts" "affiliation person/Noh_Eunseo org/한국과학기술원 role/교수 title=professor evidence=1"
has "$T/en.facts" "affiliation person/Hong_Minjae org/정보통신기획평가원 role/president title=president evidence=1"
has "$T/en.facts" "affiliation person/Jo_Marsh org/Hanbit_Daily role/staff_writer title=staff writer evidence=1"
has "$T/en.facts" "program_role org/과학기술정보통신부 Runs $P count=-"
has "$T/en.facts" "program_role org/정보통신기획평가원 Executes $P count=-"
has "$T/en.facts" "program_role - Applies $P count=12"
has "$T/en.facts" "stage $P DocumentReview entrants=12 selected=6 eliminated=- interval=-"
has "$T/en.facts" "stage $P PresentationReview entrants=- selected=3 eliminated=- interval=-"
has "$T/en.facts" "stage $P PeriodicElimination entrants=- selected=2 eliminated=1 interval=P1Y"

# ---- a text the rules were not written from
expect_status 0 "$KKACHI" extract --rules "$RULES" -f ntriples -o "$T/pr.nt" "$PR"
$F "$T/pr.nt" >"$T/pr.facts"
P=program/AutonomousHarvestChallenge
has "$T/pr.facts" "program_role org/Defense_Advanced_Research_Projects_Agency Runs $P count=-"
has "$T/pr.facts" "program_role org/Department_of_Agriculture Funds $P count=-"
has "$T/pr.facts" "program_role - Applies $P count=42"
has "$T/pr.facts" "stage $P DocumentReview entrants=42 selected=8 eliminated=- interval=-"
has "$T/pr.facts" "stage $P PeriodicElimination entrants=- selected=3 eliminated=1 interval=P6M"
has "$T/pr.facts" "affiliation person/Priya_Natarajan org/Defense_Advanced_Research_Projects_Agency role/program_manager title=program manager evidence=2"
has "$T/pr.facts" "affiliation person/Paul_Okonjo org/Purdue_University role/교수 title=professor evidence=1"
has "$T/pr.facts" "affiliation person/Helen_Frey org/Iowa_Growers_Cooperative role/head title=head evidence=1"
has "$T/pr.facts" "affiliation person/Dana_Liu org/National_Science_Foundation role/대변인 title=spokeswoman evidence=2"
# places, months and sentence openers are nobody's employer
grep -E 'org/(Arlington|Va|Monday|ARLINGTON)' "$T/pr.facts" && fail "a place or a day taken for an organization"

# ---- one IRI for one body in both languages
expect_status 0 "$KKACHI" extract --rules "$RULES" -f ntriples -o "$T/ko.nt" "$KO"
$F "$T/ko.nt" >"$T/ko.facts"
for org in 과학기술정보통신부 정보통신기획평가원 한국과학기술원; do
  grep -q " org/$org " "$T/ko.facts" || fail "the Korean article lacks org/$org"
  grep -q " org/$org " "$T/en.facts" || fail "the English article lacks org/$org"
done
grep -q 'person/강하람 org/과학기술정보통신부 role/차관 ' "$T/ko.facts" ||
  fail "the Korean vice minister is not filed under role/차관"
# the English name is kept beside the Korean canonical one
"$KKACHI" extract --rules "$RULES" "$EN" >"$T/en.ttl"
grep -q 'schema:name "과학기술정보통신부"@ko' "$T/en.ttl" ||
  fail "the canonical Korean name is not tagged @ko in the English article"

# ---- --lang auto per article; a forced language runs only its rules
python3 - "$EN" "$KO" >"$T/mixed.jsonl" <<'PY'
import json, sys
for i, p in enumerate(sys.argv[1:]):
    print(json.dumps({"id": "mixed-%d" % i, "text": open(p, encoding="utf-8").read()},
                     ensure_ascii=False))
PY
expect_status 0 "$KKACHI" extract --rules "$RULES" -f ntriples -o "$T/mixed.nt" "$T/mixed.jsonl"
$F "$T/mixed.nt" >"$T/mixed.facts"
has "$T/mixed.facts" "language mixed-0 en"
has "$T/mixed.facts" "language mixed-1 ko"
grep -q 'person/Kang_Haram' "$T/mixed.facts" || fail "auto: no English facts"
grep -q 'person/강하람' "$T/mixed.facts" || fail "auto: no Korean facts"
expect_status 0 "$KKACHI" extract --rules "$RULES" --lang ko -f ntriples -o "$T/forced.nt" "$EN"
$F "$T/forced.nt" >"$T/forced.facts"
grep -q '^affiliation' "$T/forced.facts" && fail "--lang ko ran English rules"

# ---- the English rules alone load (their small gazetteers are then
# written out in the patterns, which grow too large for PCRE2 unless they
# are looked up by callout) and read the same facts
expect_status 0 "$KKACHI" rules test "$RULES/en"
expect_status 0 "$KKACHI" extract --rules "$RULES/en" -f ntriples -o "$T/en-only.nt" "$EN"
$F "$T/en-only.nt" >"$T/en-only.facts"
cmp -s "$T/en.facts" "$T/en-only.facts" || fail "the English rules alone read other facts"

# ---- the shapes hold
for g in en.nt pr.nt mixed.nt; do
  expect_status 0 "$KKACHI" validate --shapes "$SRCDIR/vocab/kkachi-shapes.ttl" \
    --vocab "$SRCDIR/vocab/kkachi.ttl" "$T/$g"
done
finish
