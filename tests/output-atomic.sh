#!/bin/sh
# -o writes the whole document or nothing: a failed run, or one that read no
# article, leaves the previous file as it was, and no temporary file stays
# behind, even when a signal ends the run or Graphviz is missing or fails.
. "$SRCDIR/tests/lib.sh"
ex="$SRCDIR/examples/ko-program-news.txt"
expect_status 0 "$KKACHI" extract --rules "$RULES" -o "$T/out.ttl" "$ex"
[ -s "$T/out.ttl" ] || fail "-o wrote nothing"
[ -s "$T/out" ] && fail "-o also wrote to stdout"
cp "$T/out.ttl" "$T/before.ttl"
printf 'lang ko\nrule broken\n  pattern (\n  fact affiliation person=$x title=$x\n' >"$T/bad.rules"
expect_status 2 "$KKACHI" extract --rules "$T/bad.rules" -o "$T/out.ttl" "$ex"
cmp -s "$T/out.ttl" "$T/before.ttl" || fail "a failed run changed the previous output"
ls "$T" | grep -q 'out.ttl.tmp' && fail "a temporary file was left behind"
expect_status 2 "$KKACHI" extract --rules "$RULES" -o "$T/no/such/dir/out.ttl" "$ex"
expect_err "cannot write"
if [ -w /dev/full ]; then
  "$KKACHI" extract --rules "$RULES" "$ex" >/dev/full 2>"$T/err"
  [ $? = 2 ] || fail "writing to a full disk did not fail with status 2"
  expect_err "cannot write"
fi

# no_tmp WHAT: no temporary file is left anywhere below $T
no_tmp() {
  [ -z "$(find "$T" -name '*.tmp.*')" ] || fail "$1: a temporary file stayed"
}

# a run that read no article keeps the previous file: a misspelt input
# (status 1), an empty folder (status 0)
expect_status 1 "$KKACHI" extract --rules "$RULES" -o "$T/out.ttl" "$T/art.tx"
cmp -s "$T/out.ttl" "$T/before.ttl" || fail "a run with no input replaced the output"
mkdir "$T/empty"
expect_status 0 "$KKACHI" extract --rules "$RULES" -o "$T/out.ttl" "$T/empty"
cmp -s "$T/out.ttl" "$T/before.ttl" || fail "an empty folder replaced the output"
# ... but a new file is written, an empty graph
expect_status 0 "$KKACHI" extract --rules "$RULES" -o "$T/new.ttl" "$T/empty"
[ -s "$T/new.ttl" ] || fail "an empty folder wrote no new file"
no_tmp "no article"

# --svg without Graphviz on PATH: an error before anything is written
mkdir "$T/nodot"
for d in $(echo "$PATH" | tr : ' '); do
  ln -s "$d"/* "$T/nodot/" 2>/dev/null
done
rm -f "$T/nodot/dot"
expect_status 2 env PATH="$T/nodot" "$KKACHI" extract --rules "$RULES" --svg "$T/pic.svg" -o "$T/out.ttl" "$ex"
expect_err "kkachi: $T/pic.svg: cannot draw the picture: Graphviz (dot) is not installed"
cmp -s "$T/out.ttl" "$T/before.ttl" || fail "--svg without dot changed the output"
[ -e "$T/pic.svg" ] && fail "--svg without dot wrote a picture"
no_tmp "--svg without dot"
# a dot that fails at once, without reading: its failure is reported
mkdir "$T/baddot"
printf '#!/bin/sh
exit 3
' >"$T/baddot/dot"
chmod +x "$T/baddot/dot"
expect_status 2 env PATH="$T/baddot:$PATH" "$KKACHI" extract --rules "$RULES" --svg "$T/pic.svg" -o "$T/out.ttl" "$ex"
expect_err "kkachi: $T/pic.svg: cannot draw the picture: Graphviz (dot) failed with status 3"
cmp -s "$T/out.ttl" "$T/before.ttl" || fail "a failed dot changed the output"
[ -e "$T/pic.svg" ] && fail "a failed dot left a picture"
no_tmp "failed dot"

# SIGTERM while a large output is written: the temporary file is removed
# and the run ends by the signal
text=$(tr '\n\t' '  ' <"$ex" | sed 's/\\/\\\\/g; s/"/\\"/g')
i=0
while [ $i -lt 400 ]; do
  printf '{"id": "a%d", "text": "%s"}\n' $i "$text"
  i=$((i + 1))
done >"$T/big.jsonl"
"$KKACHI" extract --rules "$RULES" -f nquads -o "$T/big.nq" "$T/big.jsonl" 2>"$T/err" &
pid=$!
i=0
while [ -z "$(find "$T" -name 'big.nq.tmp.*')" ] && [ $i -lt 300 ]; do
  sleep 0.1
  i=$((i + 1))
done
[ $i -lt 300 ] || fail "no temporary file appeared"
kill -TERM $pid
wait $pid
st=$?
[ $st = 143 ] || fail "a run ended by SIGTERM: status $st, want 143"
no_tmp SIGTERM
[ -e "$T/big.nq" ] && fail "a run ended by SIGTERM wrote its output"
finish
