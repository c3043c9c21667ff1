#!/bin/sh
# bench/cyclic.sh: validates rings of N nodes (each typed ex:Node, each
# linked by ex:next to the following one, the last to the first) against
# a shape on every node with a zero-or-more path, and one with a
# zero-or-more inverse path, and prints the CPU seconds (user + system)
# of each. Every node reaches all N, so the value nodes are N x N.
# SIZES="1000 2000 10000" by default.
set -eu
: "${KKACHI:?}"
T=$(mktemp -d "${TMPDIR:-/tmp}/kkachi-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
for kind in zeroOrMore inverse; do
  case $kind in
  zeroOrMore) path='[ sh:zeroOrMorePath ex:next ]' ;;
  inverse) path='[ sh:zeroOrMorePath [ sh:inversePath ex:next ] ]' ;;
  esac
  cat >"$T/$kind.ttl" <<TTL
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
ex:S a sh:NodeShape ; sh:targetClass ex:Node ;
  sh:property [ sh:path $path ; sh:minCount 1 ] .
TTL
done
printf '%8s %-11s %10s\n' nodes path "CPU s"
for n in ${SIZES:-1000 2000 10000}; do
  awk -v n="$n" 'BEGIN {
    for (i = 0; i < n; i++) {
      printf "<http://example.org/n%d> <http://example.org/next> ", i
      printf "<http://example.org/n%d> .\n", (i + 1) % n
      printf "<http://example.org/n%d> ", i
      printf "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
      printf "<http://example.org/Node> .\n"
    } }' >"$T/ring.nt"
  for kind in zeroOrMore inverse; do
    /usr/bin/time -f "%U %S" -o "$T/time" "$KKACHI" validate --no-vocab \
      --shapes "$T/$kind.ttl" "$T/ring.nt" >/dev/null 2>"$T/err" || true
    tail -1 "$T/time" | awk -v n="$n" -v k="$kind" \
      '{ printf "%8d %-11s %10.2f\n", n, k, $1 + $2 }'
  done
done
