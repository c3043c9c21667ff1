# tests/store-checks.sh: the checks every kind of store passes, sourced by
# store.sh and store-sqlite.sh after they set S, S2 and S3 to the specs of
# three new stores: one named graph per article, loading again changes
# nothing, an edited article replaces its facts, and the shipped queries
# answer.
ex="$SRCDIR/examples/ko-program-news.txt"
Q="$SRCDIR/examples/queries"
count() {
  "$KKACHI" query --store "$S" --results csv 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' | tail -1 | tr -d '\r'
}
# read from its folder, as the edited copy below: an article is named by
# its path as given
(cd "$SRCDIR/examples" && "$KKACHI" extract --rules "$RULES" -f nquads ko-program-news.txt) >"$T/ex.nq"
expect_status 0 "$KKACHI" load --store "$S" "$T/ex.nq"
expect_err "loaded 1 graphs"
n1=$(count)
[ "$n1" -eq "$(wc -l <"$T/ex.nq")" ] || fail "store holds $n1 statements"
expect_err "($n1 added, 0 removed)"
(cd "$SRCDIR/examples" && "$KKACHI" extract --rules "$RULES" -f nquads ko-program-news.txt) | "$KKACHI" load --store "$S" 2>"$T/err"
[ "$(count)" = "$n1" ] || fail "loading again changed the count to $(count)"
expect_err "(0 added, 0 removed)"

# an edited article (same name, so the same graph) replaces its facts
mkdir "$T/edit"
sed 's/강하람/강하늘/g' "$ex" >"$T/edit/ko-program-news.txt"
(cd "$T/edit" && "$KKACHI" extract --rules "$RULES" -f nquads ko-program-news.txt) | "$KKACHI" load --store "$S" 2>"$T/err"
grep -q '(0 added' "$T/err" && fail "the edited article added nothing"
grep -q ' 0 removed)' "$T/err" && fail "the edited article removed nothing"
expect_status 0 "$KKACHI" query --store "$S" --results csv "@$Q/who-holds-what.rq"
grep -q '강하늘,제1차관,과학기술정보통신부' "$T/out" || fail "edited fact missing"
grep -q '강하람' "$T/out" && fail "old fact still there"
[ "$(count)" = "$n1" ] || fail "edited article changed the count"

# Turtle outside any graph belongs to the file's graph: no duplicates
"$KKACHI" extract --rules "$RULES" -o "$T/ex.ttl" "$ex"
"$KKACHI" load --store "$S" "$T/ex.ttl" 2>/dev/null
n2=$(count)
"$KKACHI" load --store "$S" "$T/ex.ttl" 2>/dev/null
[ "$(count)" = "$n2" ] || fail "Turtle loaded twice changed the count"

expect_status 0 "$KKACHI" query --store "$S" --results csv "@$Q/stages.rq"
grep -q '차세대 양자컴퓨팅 플랫폼 개발 사업,1,https://w3id.org/kkachi/ns#DocumentReview,,6,,' "$T/out" || fail "stage 1 wrong: $(cat "$T/out")"
grep -q '차세대 양자컴퓨팅 플랫폼 개발 사업,2,https://w3id.org/kkachi/ns#PresentationReview,6,3,,' "$T/out" || fail "stage 2 wrong: $(cat "$T/out")"
expect_status 0 "$KKACHI" query --store "$S" --results csv "@$Q/programs.rq"
grep -q 'ns#Applies,,12,컨소시엄' "$T/out" || fail "counted applicants missing"
grep -q 'ns#Runs,https://w3id.org/kkachi/id/org/과학기술정보통신부' "$T/out" || fail "runs missing"
expect_status 0 "$KKACHI" query --store "$S" "@$Q/organization.rq"
grep -q '사업의 집행은 정보통신기획평가원(IITP)이 맡' "$T/out" || fail "evidence text missing"
for f in json xml tsv; do
  expect_status 0 "$KKACHI" query --store "$S" --results $f "@$Q/stages.rq"
done

# extract --load puts the same graph in the store as extract | load
expect_status 0 "$KKACHI" extract --rules "$RULES" --load="$S2" "$ex"
[ -s "$T/out" ] && fail "extract --load also wrote RDF"
n3=$("$KKACHI" query --store "$S2" --results csv 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' | tail -1 | tr -d '\r')
[ "$n3" = "$n1" ] || fail "extract --load gave $n3 statements, load gave $n1"
"$KKACHI" extract --rules "$RULES" --load="$S2" "$ex"
n4=$("$KKACHI" query --store "$S2" --results csv 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' | tail -1 | tr -d '\r')
[ "$n4" = "$n1" ] || fail "extract --load twice gave $n4 statements"

printf '<a> <b> .\n' >"$T/bad.nq"
expect_status 2 "$KKACHI" load --store "$S" "$T/bad.nq"
expect_err "kkachi: $T/bad.nq:1:"
expect_status 1 "$KKACHI" load --store "$S" "$T/bad.nq" "$T/ex.nq"
expect_err "kkachi: $T/bad.nq:1:"
expect_status 2 "$KKACHI" query --store "$S" 'SELECT ?x WHERE { ?x'
expect_err "not valid SPARQL"
expect_status 2 "$KKACHI" query --store "$S" --results yaml 'SELECT * WHERE { ?s ?p ?o }'
expect_status 2 "$KKACHI" query --store "$S"

# graphs whose statements are not contiguous (sorted N-Quads, where an
# entity's statements from two articles come together): loading again
# still changes nothing
sed 's|/id/article/|/id/article/copy-|g' "$T/ex.nq" >"$T/copy.nq"
LC_ALL=C sort "$T/ex.nq" "$T/copy.nq" >"$T/sorted.nq"
expect_status 0 "$KKACHI" load --store "$S" "$T/sorted.nq"
expect_err "loaded 2 graphs"
n5=$(count)
expect_status 0 "$KKACHI" load --store "$S" "$T/sorted.nq"
expect_err "(0 added, 0 removed)"
[ "$(count)" = "$n5" ] || fail "sorted N-Quads loaded twice changed the count"

# a statement that a file repeats is stored once
cat "$T/ex.nq" "$T/ex.nq" >"$T/twice.nq"
expect_status 0 "$KKACHI" load --store "$S3" "$T/twice.nq"
expect_err "($n1 added, 0 removed)"

# one_line_error WHERE: the last command's stderr is one line, about WHERE
one_line_error() {
  [ "$(wc -l <"$T/err")" -eq 1 ] || fail "not one line: $(cat "$T/err")"
  expect_err "kkachi: $1: cannot open the store"
}
