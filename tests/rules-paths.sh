#!/bin/sh
# Rule files read gazetteers and includes only below the folder loaded (the
# rules folder and the gazetteers beside it, as installed) and the
# installed data folder, links resolved; --rules-unsafe lifts that. What
# lies outside is never echoed.
. "$SRCDIR/tests/lib.sh"
printf 'SECRET-LINE\n' >"$T/secret.txt"
printf 'lang ko\nrule r\n  pattern (?<p>SECRET-LINE)\n  fact affiliation person=$p title=$p\n' >"$T/outside.rules"
rule() { # rule FILE GAZETTEER-PATH: a rule file that uses that gazetteer
  printf 'lang ko\ngazetteer org %s\nrule r\n  pattern (?<p>{{org}})\n  fact affiliation person=$p title=$p\n' "$2" >"$1"
}
secret_kept() {
  grep -q SECRET "$T/err" "$T/out" && fail "$1: the outside file is echoed"
}

# ---- a relative path out, an absolute one, a link out, an include out
mkdir "$T/r"
rule "$T/r/a.rules" ../secret.txt
expect_status 2 "$KKACHI" rules check "$T/r"
expect_err "kkachi: $T/r/a.rules:2:15: gazetteer path '../secret.txt' leaves the rules folder (use --rules-unsafe to allow)"
secret_kept relative
rule "$T/r/a.rules" "$T/secret.txt"
expect_status 2 "$KKACHI" rules check "$T/r/a.rules"
expect_err "gazetteer path '$T/secret.txt' leaves the rules folder"
ln -s "$T/secret.txt" "$T/r/list.txt"
rule "$T/r/a.rules" list.txt
expect_status 2 "$KKACHI" rules check "$T/r"
expect_err "kkachi: $T/r/a.rules:2:15: gazetteer path 'list.txt' leaves the rules folder"
secret_kept link
expect_status 2 "$KKACHI" extract --rules "$T/r" -o "$T/x.ttl" "$SRCDIR/examples/ko-program-news.txt"
expect_err "gazetteer path 'list.txt' leaves the rules folder"
[ -e "$T/x.ttl" ] && fail "extract wrote output with rules that leave their folder"
printf 'lang ko\ninclude ../outside.rules\n' >"$T/r/a.rules"
expect_status 2 "$KKACHI" rules test "$T/r"
expect_err "kkachi: $T/r/a.rules:2:9: include path '../outside.rules' leaves the rules folder"
secret_kept include
rm "$T/r/a.rules"
ln -s "$T/outside.rules" "$T/r/b.rules"
expect_status 2 "$KKACHI" rules check "$T/r"
expect_err "kkachi: $T/r/b.rules: leaves the rules folder (use --rules-unsafe to allow)"
secret_kept "a linked rule file"

# ---- --rules-unsafe, wherever --rules is taken
expect_status 0 "$KKACHI" rules check --rules-unsafe "$T/r"
rm "$T/r/b.rules"
rule "$T/r/a.rules" list.txt
expect_status 0 "$KKACHI" rules check --rules-unsafe "$T/r"
expect_status 0 "$KKACHI" rules test --rules-unsafe "$T/r"
expect_status 0 "$KKACHI" extract --rules-unsafe --rules "$T/r" "$SRCDIR/examples/ko-program-news.txt"

# ---- the installed layout: a language folder reads ../../gazetteers, not
# beside them; the installed data folder is readable from anywhere
mkdir -p "$T/data/rules/xx" "$T/data/gazetteers/xx"
printf '김철수\n' >"$T/data/gazetteers/xx/g.txt"
rule "$T/data/rules/xx/a.rules" ../../gazetteers/xx/g.txt
for p in "$T/data/rules" "$T/data/rules/xx" "$T/data/rules/xx/a.rules"; do
  expect_status 0 "$KKACHI" rules check "$p"
done
rule "$T/data/rules/xx/a.rules" ../../../secret.txt
expect_status 2 "$KKACHI" rules check "$T/data/rules"
expect_err "gazetteer path '../../../secret.txt' leaves the rules folder"
rule "$T/r/a.rules" "$T/data/gazetteers/xx/g.txt"
expect_status 2 "$KKACHI" rules check "$T/r"
expect_status 0 env KKACHI_DATADIR="$T/data" "$KKACHI" rules check "$T/r"
finish
