#!/usr/bin/env bash
# Golden test: `galley trace` on every sample must print exactly tests/golden/NAME.trace, the
# PageTree the PDF is drawn from (positions to 0.1 pt), so layout changes show as diffs.
# GALLEY_UPDATE_GOLDEN=1 rewrites the expected files instead (review the diff, then commit).
# The traces name the fonts scripts/setup installs (Liberation, DejaVu, Noto). Every built-in
# style has its own trace (style-NAME.trace, the conseil-municipal sample: notes at the page
# or column foot), and print-river-ferry.trace shows a CMYK picture and a link URL as a note.
#
# Usage: trace_check.sh GALLEY_BINARY SOURCE_DIR
set -uo pipefail
galley=$1
top=$2
cd "$top" || exit 2

passed=0 failed=0
check() {
  local name=$1 input=$2 expected="tests/golden/$1.trace" actual
  shift 2
  actual=$(mktemp)
  if ! "$galley" trace --quiet "$input" "$@" >"$actual"; then
    echo "FAIL $name: galley exited non-zero"; failed=$((failed + 1)); rm -f "$actual"; return
  fi
  if [[ ${GALLEY_UPDATE_GOLDEN:-} == 1 ]]; then cp "$actual" "$expected"; fi
  if diff -u "$expected" "$actual" >"$actual.diff"; then
    passed=$((passed + 1))
  else
    head -n 40 "$actual.diff"
    echo "FAIL $name: layout differs from $expected"; failed=$((failed + 1))
  fi
  rm -f "$actual" "$actual.diff"
}

for article in samples/*/article.md; do
  check "$(basename "$(dirname "$article")")" "$article"
done
check collection samples/collection.toml
for style in article letter book-a5 tabloid ebook; do
  check "style-$style" samples/conseil-municipal/article.md --style "$style"
done
check print-river-ferry samples/river-ferry/article.md --style book-a5

echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
