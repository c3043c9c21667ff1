# tests/lib.sh: helpers for the shell tests (sourced).
set -u
: "${KKACHI:?}" "${SRCDIR:?}"
RULES="$SRCDIR/extract/rules"
T=$(mktemp -d "${TMPDIR:-/tmp}/kkachi-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
# make check-valgrind: every kkachi run goes through valgrind
if [ -n "${KKACHI_VALGRIND:-}" ]; then
  printf '#!/bin/sh
exec %s %s "$@"
' "$KKACHI_VALGRIND" "$KKACHI" >"$T/kkachi-vg"
  chmod +x "$T/kkachi-vg"
  KKACHI=$T/kkachi-vg
  export KKACHI_NO_JIT=1
fi
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

skip() {
  echo "SKIP: $*" >&2
  exit 77
}

need_shared() {
  [ -d "$SHARED/data" ] || skip "../shared is not there"
}

need_rapper() {
  [ -n "${RAPPER:-}" ] && [ -x "$RAPPER" ] || skip "rapper is not installed"
}

# expect_status WANT CMD...: runs CMD, stdout to $T/out, stderr to $T/err.
expect_status() {
  _want=$1
  shift
  "$@" >"$T/out" 2>"$T/err"
  _got=$?
  if [ "$_got" != "$_want" ]; then
    fail "status $_got, want $_want: $*"
    sed 's/^/  stderr: /' "$T/err" | head -5 >&2
  fi
}

# expect_err TEXT: the last command's stderr contains TEXT.
expect_err() {
  grep -qF -- "$1" "$T/err" || {
    fail "stderr lacks '$1'"
    sed 's/^/  stderr: /' "$T/err" | head -5 >&2
  }
}

# parses FORMAT FILE: rapper reads FILE without error or warning.
parses() {
  if ! "$RAPPER" -q -i "$1" -c "$2" 2>"$T/rapper.err" || [ -s "$T/rapper.err" ]; then
    fail "rapper cannot read $2 as $1: $(head -3 "$T/rapper.err")"
  fi
}

finish() {
  if [ "$failures" -gt 0 ]; then
    echo "$failures failed" >&2
    exit 1
  fi
  exit 0
}
