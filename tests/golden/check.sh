#!/usr/bin/env bash
# Golden test: `galley inspect` on every sample must print exactly tests/golden/NAME.json.
# GALLEY_UPDATE_GOLDEN=1 rewrites the expected files instead (review the diff, then commit).
#
# Usage: check.sh GALLEY_BINARY SOURCE_DIR
set -uo pipefail
galley=$1
top=$2
cd "$top" || exit 2

passed=0 failed=0
check() {
  local name=$1 input=$2 expected="tests/golden/$1.json" actual
  actual=$(mktemp)
  if ! "$galley" inspect --quiet "$input" >"$actual"; then
    echo "FAIL $name: galley exited non-zero"; failed=$((failed + 1)); rm -f "$actual"; return
  fi
  if [[ ${GALLEY_UPDATE_GOLDEN:-} == 1 ]]; then cp "$actual" "$expected"; fi
  if diff -u "$expected" "$actual"; then
    passed=$((passed + 1))
  else
    echo "FAIL $name: output differs from $expected"; failed=$((failed + 1))
  fi
  rm -f "$actual"
}

for article in samples/*/article.md; do
  check "$(basename "$(dirname "$article")")" "$article"
done
check collection samples/collection.toml
check format-example tests/golden/format-example.md

echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
