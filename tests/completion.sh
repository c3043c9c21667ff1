#!/bin/sh
# The bash completion (extract/completion/kkachi) offers the commands, and
# for each command every option its --help lists.
. "$SRCDIR/tests/lib.sh"
command -v bash >/dev/null || skip "bash is not installed"
C="$SRCDIR/extract/completion/kkachi"
for cmd in extract validate load query; do
  "$KKACHI" $cmd --help 2>&1 | grep -o -- '--[a-z][a-z-]*' | sort -u >"$T/help"
  bash -c '. "$1"; COMP_WORDS=(kkachi "$2" --); COMP_CWORD=2; _kkachi; printf "%s\n" "${COMPREPLY[@]}"' \
    sh "$C" "$cmd" | sort -u >"$T/offered"
  missing=$(comm -23 "$T/help" "$T/offered" | tr '\n' ' ')
  [ -z "$missing" ] || fail "$cmd: not completed: $missing"
done
bash -c '. "$1"; COMP_WORDS=(kkachi ex); COMP_CWORD=1; _kkachi; echo "${COMPREPLY[*]}"' sh "$C" >"$T/cmd"
grep -qx 'extract' "$T/cmd" || fail "'kkachi ex' does not complete to extract: $(cat "$T/cmd")"
bash -c '. "$1"; COMP_WORDS=(kkachi extract -f n); COMP_CWORD=3; _kkachi; echo "${COMPREPLY[*]}"' sh "$C" >"$T/fmt"
grep -qx 'ntriples nquads' "$T/fmt" || fail "formats: $(cat "$T/fmt")"
finish
