#!/bin/sh
# The catalogue of bad inputs (tests/bad/input/MANIFEST, and the bad rule
# files of tests/bad/rules, run by bad-rules.sh): each gives its status
# and its located one-line message, and a good article given with it is
# still written. A few cases are made here: a 100 MB line, a missing and
# an unreadable file, and a full disk.
. "$SRCDIR/tests/lib.sh"
D="$SRCDIR/tests/bad/input"
good="$SRCDIR/examples/ko-program-news.txt"
printf '<http://example.org/a> <http://example.org/p> "1" .\n' >"$T/good.nt"
n=0
while IFS="$(printf '\t')" read -r f want msg; do
  case $f in '#'* | '') continue ;; esac
  p="$D/$f"
  [ -f "$p" ] || { fail "$f: listed but missing"; continue; }
  case $f in
    *-shapes-*) expect_status "$want" timeout 60 "$KKACHI" validate --shapes "$p" --no-vocab "$T/good.nt" ;;
    *-data-*) expect_status "$want" timeout 60 "$KKACHI" validate --shapes "$SRCDIR/vocab/kkachi-shapes.ttl" --no-vocab "$p" ;;
    *) expect_status "$want" timeout 60 "$KKACHI" extract --rules "$RULES" -f nquads "$p" ;;
  esac
  if [ "$msg" = - ]; then
    [ -s "$T/err" ] && fail "$f: stderr: $(head -2 "$T/err")"
  else
    case $msg in
      :*) expect_err "kkachi: $p$msg" ;;
      *) expect_err "kkachi: cannot validate: $msg" ;;
    esac
    [ "$(wc -l <"$T/err")" -le 2 ] || fail "$f: more than two lines on stderr"
  fi
  case $f in *.txt | *.jsonl | *.html)
    # one bad article never loses another
    expect_status "$([ "$want" = 0 ] && echo 0 || echo 1)" "$KKACHI" extract --rules "$RULES" -f nquads "$p" "$good"
    grep -q 'ko-program-news.txt>' "$T/out" || fail "$f: the good article after it was lost" ;;
  esac
  n=$((n + 1))
done <"$D/MANIFEST"
[ "$n" -ge 40 ] || fail "only $n cases in the manifest"

# a 100 MB line: one article, read in full, bounded in time by the wall
awk 'BEGIN { s = "abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij "; for (i = 0; i < 1800000; i++) printf "%s", s; print "" }' >"$T/100mb.txt"
expect_status 0 "$KKACHI" extract --rules "$RULES" -f nquads "$T/100mb.txt"
grep -q '100mb.txt>' "$T/out" || fail "the 100 MB article was not written"
# a missing file, an unreadable one, a folder given as rules
expect_status 1 "$KKACHI" extract --rules "$RULES" "$T/missing.txt" "$good"
expect_err "kkachi: $T/missing.txt: cannot open: No such file or directory"
if [ "$(id -u)" != 0 ]; then
  cp "$good" "$T/secret.txt" && chmod 000 "$T/secret.txt"
  expect_status 1 "$KKACHI" extract --rules "$RULES" "$T/secret.txt" "$good"
  expect_err "kkachi: $T/secret.txt: cannot open: Permission denied"
fi
ln -s "$T/nowhere" "$T/dangling.txt"
expect_status 1 "$KKACHI" extract --rules "$RULES" "$T/dangling.txt" "$good"
expect_err "kkachi: $T/dangling.txt: cannot open"
# a full disk
if [ -w /dev/full ]; then
  "$KKACHI" extract --rules "$RULES" -f nquads "$good" >/dev/full 2>"$T/err"
  [ $? = 2 ] || fail "writing to a full disk did not give status 2"
  expect_err "cannot write"
fi
echo "$n catalogued bad inputs checked"
finish
