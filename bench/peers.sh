#!/usr/bin/env bash
# Side by side: galley and the peers Debian installs, on the same generated corpus, in one
# run, so the ratios hold even on a busy machine. Prints a Markdown table: median wall time
# and peak RSS over RUNS runs, output bytes, and galley's ratio to each peer.
#
# Usage: bench/peers.sh [BUILD_DIR] [SIZES] [RUNS]    (defaults: build "1 100 1000" 3)
# Needs /usr/bin/time; pandoc is used when installed (scripts/setup does not install it:
# it is a peer, not a dependency; `apt-get install pandoc` to compare).
set -euo pipefail

build=${1:-build}
sizes=${2:-"1 100 1000"}
runs=${3:-3}
galley=$(cd "$build" && pwd)/galley
corpus_tool=$(cd "$build" && pwd)/bench/galley-corpus
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One measurement: "seconds kilobytes" of a command, its output discarded.
measure() {
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || {
    echo "failed: $* ($(head -c 300 "$work/stderr.txt"))" >&2
    echo "nan nan"
    return
  }
  cat "$work/time.txt"
}

# The median of RUNS measurements: "seconds megabytes".
median_of() {
  local results=()
  for ((run = 0; run < runs; run++)); do results+=("$(measure "$@")"); done
  printf '%s\n' "${results[@]}" | sort -g | awk -v n="$runs" 'NR == int((n + 1) / 2) { printf "%s %.1f\n", $1, $2 / 1024 }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0 && b == b && a == a) printf "%.1fx", b / a; else print "-" }'; }

echo "| articles | job | tool | median s | peak MB | output KB | galley faster by |"
echo "| ---: | --- | --- | ---: | ---: | ---: | ---: |"
for n in $sizes; do
  corpus=$work/corpus-$n
  "$corpus_tool" --count "$n" --seed 1 --out "$corpus"
  mapfile -t articles < <(ls "$corpus"/*.md)

  read -r g_s g_mb < <(median_of "$galley" epub --quiet "${articles[@]}" -o "$work/galley.epub")
  g_kb=$(($(stat -c %s "$work/galley.epub") / 1024))
  echo "| $n | EPUB | galley | $g_s | $g_mb | $g_kb | |"
  if command -v pandoc >/dev/null; then
    read -r p_s p_mb < <(median_of pandoc --quiet -o "$work/pandoc.epub" "${articles[@]}")
    p_kb=$(($(stat -c %s "$work/pandoc.epub" 2>/dev/null || echo 0) / 1024))
    echo "| $n | EPUB | pandoc | $p_s | $p_mb | $p_kb | $(ratio "$g_s" "$p_s") time, $(ratio "$g_mb" "$p_mb") memory |"
  fi
done
