#!/bin/sh
# Every rule file and gazetteer in the source tree is listed in
# Makefile.am, so that make install and make dist carry it: the installed
# rules load only with every gazetteer they name.
. "$SRCDIR/tests/lib.sh"
cd "$SRCDIR" || fail "no source folder"
missing=
for f in extract/rules/*/*.rules extract/gazetteers/*/*; do
  [ -f "$f" ] || continue
  grep -q "[[:space:]]$f\( \\\\\)\{0,1\}\$" Makefile.am || missing="$missing $f"
done
[ -z "$missing" ] || fail "not listed in Makefile.am:$missing"
finish
