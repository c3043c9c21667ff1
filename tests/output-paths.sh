#!/bin/sh
# Files that -o, --svg and --failed write: a symbolic link (or a chain of
# relative ones) is followed, a FIFO or a device is written in place, a
# new file gets 0666 less the umask, a replaced one keeps its mode, owner
# and hard links, and no temporary file stays.
. "$SRCDIR/tests/lib.sh"
ex="$SRCDIR/examples/ko-program-news.txt"
expect_status 0 "$KKACHI" extract --rules "$RULES" -o "$T/want.ttl" "$ex"
[ -s "$T/want.ttl" ] || fail "-o wrote nothing"

# no_tmp WHAT: no temporary file is left anywhere below $T
no_tmp() {
  [ -z "$(find "$T" -name '*.tmp.*')" ] || fail "$1: a temporary file stayed"
}

# a symbolic link: its target is written, the link stays a link
echo old >"$T/real.ttl"
ln -s real.ttl "$T/link.ttl"
expect_status 0 "$KKACHI" extract --rules "$RULES" -o "$T/link.ttl" "$ex"
[ -L "$T/link.ttl" ] || fail "-o replaced the symbolic link"
cmp -s "$T/real.ttl" "$T/want.ttl" || fail "-o did not write the link's target"
no_tmp "symbolic link"
# a chain of relative links through folders, ending at no file yet
mkdir -p "$T/d/sub"
ln -s sub/new.ttl "$T/d/l2"
ln -s d/l2 "$T/l1"
expect_status 0 "$KKACHI" extract --rules "$RULES" -o "$T/l1" "$ex"
[ -L "$T/l1" ] && [ -L "$T/d/l2" ] || fail "-o replaced a link of the chain"
cmp -s "$T/d/sub/new.ttl" "$T/want.ttl" || fail "-o did not write the chain's end"
no_tmp "chain of links"
# --svg through a link too
if command -v dot >/dev/null; then
  ln -s pic.svg "$T/pic-link.svg"
  expect_status 0 "$KKACHI" extract --rules "$RULES" --svg "$T/pic-link.svg" -o "$T/x.ttl" "$ex"
  [ -L "$T/pic-link.svg" ] || fail "--svg replaced the symbolic link"
  grep -q '<svg' "$T/pic.svg" || fail "--svg did not write the link's target"
fi

# a FIFO with a reader: written in place, still a FIFO
mkfifo "$T/fifo"
cat "$T/fifo" >"$T/from-fifo" &
reader=$!
expect_status 0 "$KKACHI" extract --rules "$RULES" -o "$T/fifo" "$ex"
# the reader ends whatever happened: at the end of kkachi's document, at
# an empty one opened here, or killed when the FIFO is gone
if [ -p "$T/fifo" ]; then : 1<>"$T/fifo"; else kill $reader; fi
wait $reader
[ -p "$T/fifo" ] || fail "-o replaced the FIFO"
cmp -s "$T/from-fifo" "$T/want.ttl" || fail "the FIFO's reader did not get the document"
no_tmp FIFO

# devices are written in place: /dev/null stays a device (for everyone)
if command -v dot >/dev/null; then
  expect_status 0 "$KKACHI" extract --rules "$RULES" -o /dev/null --svg /dev/null "$ex"
else
  expect_status 0 "$KKACHI" extract --rules "$RULES" -o /dev/null "$ex"
fi
[ -c /dev/null ] || fail "/dev/null is no longer a character device"
if [ -c /dev/full ]; then
  # several articles (copies under other names, as a repeated name warns)
  for i in 1 2 3; do cp "$ex" "$T/ex$i.txt"; done
  expect_status 2 "$KKACHI" extract --rules "$RULES" -o /dev/full "$ex" "$T/ex1.txt"
  expect_err "kkachi: /dev/full: cannot write: No space left on device"
  [ "$(wc -l <"$T/err")" = 1 ] || fail "-o /dev/full: not one error line"
  [ -c /dev/full ] || fail "/dev/full is no longer a character device"
  # in threads too: the run stops at the first error, with one message
  expect_status 2 "$KKACHI" extract --rules "$RULES" -j 2 -f ntriples -o /dev/full "$ex" "$T/ex1.txt" "$T/ex2.txt" "$T/ex3.txt"
  [ "$(wc -l <"$T/err")" = 1 ] || fail "-j 2 -o /dev/full: not one error line"
fi

# a new file's mode is 0666 less the umask
(umask 022 && "$KKACHI" extract --rules "$RULES" -o "$T/u022.ttl" "$ex")
(umask 077 && "$KKACHI" extract --rules "$RULES" -o "$T/u077.ttl" "$ex")
[ "$(stat -c %a "$T/u022.ttl")" = 644 ] || fail "umask 022: mode $(stat -c %a "$T/u022.ttl")"
[ "$(stat -c %a "$T/u077.ttl")" = 600 ] || fail "umask 077: mode $(stat -c %a "$T/u077.ttl")"

# a replaced file keeps its mode, and its owner when kkachi runs as root
echo old >"$T/kept.ttl"
chmod 640 "$T/kept.ttl"
owner=$(id -un)
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
  chown nobody "$T/kept.ttl"
  owner=nobody
fi
expect_status 0 "$KKACHI" extract --rules "$RULES" -o "$T/kept.ttl" "$ex"
cmp -s "$T/kept.ttl" "$T/want.ttl" || fail "the file with mode 0640 was not written"
[ "$(stat -c '%a %U' "$T/kept.ttl")" = "640 $owner" ] \
  || fail "replaced file: $(stat -c '%a %U' "$T/kept.ttl"), want 640 $owner"

# a file with another name (a hard link) is written in place: both names
# keep one content
echo old >"$T/h1.ttl"
ln "$T/h1.ttl" "$T/h2.ttl"
expect_status 0 "$KKACHI" extract --rules "$RULES" -o "$T/h1.ttl" "$ex"
[ "$T/h1.ttl" -ef "$T/h2.ttl" ] || fail "-o broke the hard link"
cmp -s "$T/h2.ttl" "$T/want.ttl" || fail "the other name lacks the document"
# ... but only once the document is whole: a failed run changes nothing
printf 'lang ko\nrule broken\n  pattern (\n' >"$T/bad.rules"
expect_status 2 "$KKACHI" extract --rules "$T/bad.rules" -o "$T/h1.ttl" "$ex"
cmp -s "$T/h2.ttl" "$T/want.ttl" || fail "a failed run changed a hard-linked file"
no_tmp "hard link"

# a folder is no output
mkdir "$T/folder"
expect_status 2 "$KKACHI" extract --rules "$RULES" -o "$T/folder" "$ex"
expect_err "kkachi: $T/folder: cannot write: Is a directory"

# --failed: the same rules (no server listens on port 1)
printf '<http://ex/s> <http://ex/p> "x" <http://ex/g1> .\n' >"$T/g.nq"
echo old >"$T/failed"
chmod 640 "$T/failed"
ln "$T/failed" "$T/failed2"
ln -s failed "$T/failed-link"
expect_status 1 "$KKACHI" load --endpoint http://127.0.0.1:1/gsp --retries 0 --failed "$T/failed-link" "$T/g.nq"
[ -L "$T/failed-link" ] || fail "--failed replaced the symbolic link"
[ "$(cat "$T/failed2")" = http://ex/g1 ] || fail "--failed broke the hard link: $(cat "$T/failed2")"
[ "$(stat -c %a "$T/failed")" = 640 ] || fail "--failed changed the mode"
no_tmp "--failed"
finish
