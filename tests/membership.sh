#!/bin/sh
# Memberships without a title ("Lena Ortiz of Lund University"): written
# as org:member and org:organization with no kk:title and no org:role;
# not written when the article gives the same person a title at the same
# organization; orgless titles still fold into titled affiliations; the
# shapes accept an untitled membership and refuse a node with neither a
# title nor an organization.
. "$SRCDIR/tests/lib.sh"
command -v python3 >/dev/null || skip "python3 is not installed"
F="python3 $SRCDIR/tests/facts.py"
V="$KKACHI validate --shapes $SRCDIR/vocab/kkachi-shapes.ttl --vocab $SRCDIR/vocab/kkachi.ttl"
ID=https://w3id.org/kkachi/id
ORG=http://www.w3.org/ns/org#
KK=https://w3id.org/kkachi/ns#

mkdir "$T/rules"
cat >"$T/rules/m.rules" <<'RULES'
lang en
rule member-of
  pattern (?<person>[A-Z][a-z]+ [A-Z][a-z]+) of (?<org>[A-Z][a-z]+ University)
  fact affiliation person=$person org=$org
  example Mia Stone of Kell University spoke.
    expect affiliation person="Mia Stone" org="Kell University" title=-
rule professor-at
  pattern (?<person>[A-Z][a-z]+ [A-Z][a-z]+), (?<title>professor) at (?<org>[A-Z][a-z]+ University)
  fact affiliation person=$person org=$org title=$title
  example Mia Stone, professor at Kell University, spoke.
    expect affiliation person="Mia Stone" org="Kell University" title=professor
rule professor-name
  pattern (?<title>professor) (?<person>[A-Z][a-z]+ [A-Z][a-z]+)
  fact affiliation person=$person title=$title
  example The professor Mia Stone spoke.
    expect affiliation person="Mia Stone" title=professor
RULES
expect_status 0 "$KKACHI" rules test "$T/rules"

# has FILE LINE: the facts of FILE include LINE
has() {
  grep -qxF -- "$2" "$1" || fail "$(basename "$1"): no '$2'"
}

# ---- an untitled membership alone
echo 'Tom Hale of Kell University came.' >"$T/one.txt"
expect_status 0 "$KKACHI" extract --rules "$T/rules" -f ntriples -o "$T/one.nt" "$T/one.txt"
$F "$T/one.nt" >"$T/one.facts"
has "$T/one.facts" "affiliation person/Tom_Hale org/Kell_University - title=- evidence=1"
A=$(grep -o '^<[^>]*#aff-1>' "$T/one.nt" | head -1)
[ -n "$A" ] || fail "one.nt has no affiliation node"
for t in "$A <${ORG}member> <$ID/person/Tom_Hale> ." \
  "$A <${ORG}organization> <$ID/org/Kell_University> ." \
  "<$ID/person/Tom_Hale> <https://schema.org/affiliation> <$ID/org/Kell_University> ." \
  "$A <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${KK}Affiliation> ."; do
  grep -qxF -- "$t" "$T/one.nt" || fail "one.nt lacks $t"
done
grep -F -- "$A <${KK}title>" "$T/one.nt" && fail "an untitled membership has a kk:title"
grep -F -- "$A <${ORG}role>" "$T/one.nt" && fail "an untitled membership has an org:role"
expect_status 0 $V "$T/one.nt"

# ---- the titled affiliation covers the untitled one at the same
# organization, whichever comes first; an orgless title folds into it too;
# another organization stays a membership of its own
cat >"$T/two.txt" <<'TEXT'
Lena Ortiz of Lund University spoke. Lena Ortiz, professor at Lund
University, agreed. The professor Lena Ortiz left. Tom Hale, professor at
Kell University, came. Tom Hale of Kell University and Tom Hale of Lund
University met.
TEXT
tr '\n' ' ' <"$T/two.txt" >"$T/two1.txt"
expect_status 0 "$KKACHI" extract --rules "$T/rules" -f ntriples -o "$T/two.nt" "$T/two1.txt"
$F "$T/two.nt" >"$T/two.facts"
has "$T/two.facts" "affiliation person/Lena_Ortiz org/Lund_University role/professor title=professor evidence=3"
has "$T/two.facts" "affiliation person/Tom_Hale org/Kell_University role/professor title=professor evidence=2"
has "$T/two.facts" "affiliation person/Tom_Hale org/Lund_University - title=- evidence=1"
[ "$(grep -c '^affiliation' "$T/two.facts")" = 3 ] ||
  fail "two.txt: not three affiliations: $(cat "$T/two.facts")"
expect_status 0 $V "$T/two.nt"

# ---- the shapes refuse a node with neither a title nor an organization
grep -vF "<${ORG}organization>" "$T/one.nt" >"$T/bare.nt"
expect_status 1 $V "$T/bare.nt"
grep -qF 'has a kk:title or an org:organization' "$T/out" ||
  fail "the report does not say what the node lacks"
finish
