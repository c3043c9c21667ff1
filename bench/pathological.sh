#!/bin/sh
# bench/pathological.sh: the time kkachi extract takes on each of the
# pathological articles of tests/pathological.py (target: under 1 s each),
# and on the shipped rules with a rule that backtracks without end.
set -u
: "${KKACHI:?}" "${SRCDIR:?}"
T=$(mktemp -d "${TMPDIR:-/tmp}/kkachi-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
python3 "$SRCDIR/tests/pathological.py" "$T" || exit 1
for f in "$T"/*.txt; do
  /usr/bin/time -f "%e %M" -o "$T/time" "$KKACHI" extract --rules "$SRCDIR/extract/rules" \
    --add-rules "$T/backtrack.rules" -f nquads -o "$T/out.nq" "$f" 2>"$T/err"
  read -r secs kb <"$T/time"
  printf '%-24s %6.2f s  %5.0f MB  %s\n' "$(basename "$f")" "$secs" "$((kb / 1024))" \
    "$(grep -c 'stopped on a sentence' "$T/err") limit warnings"
done
