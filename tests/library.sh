#!/bin/sh
# The library as a user sees it: examples/facts.c, built against the build
# tree through pkg-config (lib/kkachi-uninstalled.pc) with -std=c11
# -pedantic -Wall -Wextra -Werror, runs on the shipped example and prints
# its facts; kkachi.h compiles alone under the same flags, also as C++ when
# a C++ compiler is there; the library exports the public kkachi_* symbols
# only (not the kkachi__* ones its parts share).
. "$SRCDIR/tests/lib.sh"
B=$(dirname "$(dirname "$KKACHI")")
command -v pkg-config >/dev/null || skip "pkg-config is not installed"
flags=$(PKG_CONFIG_PATH="$B/lib" pkg-config --cflags --libs kkachi) ||
  fail "pkg-config does not find kkachi in the build tree"
# (built with the library's sanitizers, when it has them)
${CC:-cc} -std=c11 -pedantic -Wall -Wextra -Werror ${SAN_CFLAGS:-} -o "$T/facts" \
  "$SRCDIR/examples/facts.c" $flags 2>"$T/cc" || fail "the example does not build: $(cat "$T/cc")"
LD_LIBRARY_PATH="$B/lib/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
  "$T/facts" "$RULES" "$SRCDIR/examples/ko-program-news.txt" >"$T/facts.out" 2>"$T/err"
[ $? = 0 ] || fail "the example failed: $(cat "$T/err")"
grep -q '^affiliation	.*person=.*	ko/' "$T/facts.out" || fail "no affiliation printed"
grep -q '^stage	' "$T/facts.out" || fail "no stage printed"
got=$(wc -l <"$T/facts.out")
[ "$got" -ge 10 ] || fail "only $got facts printed"
# a bad record is reported with its place, and the rest are printed
printf '{"id": "x", "text": 5}\n{"id": "y", "text": "김하늘 교육부 장관이 말했다."}\n' >"$T/two.jsonl"
LD_LIBRARY_PATH="$B/lib/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
  "$T/facts" "$RULES" "$T/two.jsonl" >"$T/out" 2>"$T/err"
[ $? = 1 ] || fail "a bad record did not give status 1"
grep -q "two.jsonl:1:1: field 'text' must be a string" "$T/err" || fail "bad record: $(cat "$T/err")"
grep -q 'person=김하늘' "$T/out" || fail "the good record after the bad one was lost"
# the header alone
printf '#include <kkachi.h>\nint main(void) { return kkachi_strerror(0) == 0; }\n' >"$T/h.c"
${CC:-cc} -std=c11 -pedantic -Wall -Wextra -Werror -c -o "$T/h.o" "$T/h.c" \
  -I"$SRCDIR/lib" 2>"$T/cc" || fail "kkachi.h alone: $(cat "$T/cc")"
if command -v c++ >/dev/null; then
  cp "$T/h.c" "$T/h.cc"
  c++ -std=c++11 -pedantic -Wall -Wextra -Werror -c -o "$T/hpp.o" "$T/h.cc" \
    -I"$SRCDIR/lib" 2>"$T/cc" || fail "kkachi.h as C++: $(cat "$T/cc")"
fi
# exported symbols
if command -v nm >/dev/null; then
  nm -D --defined-only "$B/lib/.libs/libkkachi.so" | awk '$2 ~ /^[TDBR]$/ { print $3 }' |
    grep -v '^kkachi_[a-z]' >"$T/other"
  [ -s "$T/other" ] && fail "exported besides kkachi_*: $(head -5 "$T/other" | tr '\n' ' ')"
fi
finish
