# tests/query-corpus.sh: many graphs sharing entities, for the counting
# tests (sourced after lib.sh): both example articles, $COPIES times each
# under other ids, extracted to $T/corpus.nq; $T/truth holds what the
# N-Quads say, "NAME COUNT" a line, counted by python3 from the file.
COPIES=${COPIES:-12}
[ -n "${PYTHON3:-}" ] || PYTHON3=$(command -v python3 || true)
[ -n "$PYTHON3" ] || skip "python3 is not installed"

"$PYTHON3" - "$COPIES" "$SRCDIR/examples/ko-program-news.txt" \
  "$SRCDIR/examples/en-program-news.txt" >"$T/corpus.jsonl" <<'EOF'
import json, sys
texts = [open(f, encoding="utf-8").read() for f in sys.argv[2:]]
for i in range(int(sys.argv[1])):
    for lang, text in zip(("ko", "en"), texts):
        print(json.dumps({"id": "%s-%03d" % (lang, i), "text": text},
                         ensure_ascii=False))
EOF
"$KKACHI" extract --rules "$RULES" -f nquads "$T/corpus.jsonl" \
  >"$T/corpus.nq" 2>"$T/extract.err" ||
  fail "cannot extract the corpus: $(head -2 "$T/extract.err")"

# distinct graphs, subjects, predicates, objects and (graph, subject)
# pairs, and the triples of each graph ("graph IRI COUNT")
"$PYTHON3" - "$T/corpus.nq" >"$T/truth" <<'EOF'
import re, sys
quad = re.compile(r'^(\S+) (\S+) (.*) <([^>]*)> \.$')
seen = {k: set() for k in ("g", "s", "p", "o", "gs")}
per_graph = {}
for line in open(sys.argv[1], encoding="utf-8"):
    m = quad.match(line.rstrip("\n"))
    if not m:
        continue
    s, p, o, g = m.groups()
    for k, v in (("g", g), ("s", s), ("p", p), ("o", o), ("gs", (g, s))):
        seen[k].add(v)
    per_graph[g] = per_graph.get(g, 0) + 1
for k in ("g", "s", "p", "o", "gs"):
    print(k, len(seen[k]))
for g in sorted(per_graph):
    print("graph", g, per_graph[g])
EOF

# truth NAME: a count from $T/truth
truth() {
  sed -n "s/^$1 //p" "$T/truth"
}
