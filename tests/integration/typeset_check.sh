#!/usr/bin/env bash
# Typesetting on the narrow A5 page of the book-a5 style, in English and in Russian: justified
# lines to one edge, no overfull line, even word spaces, hyphens where libhyphen allows them,
# no widows, orphans or stranded headings (typeset_check.py reads only the PDF's word boxes).
#
# Usage: typeset_check.sh GALLEY_BINARY SOURCE_DIR
set -uo pipefail
galley=$1
top=$2
here="$top/tests/integration"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

passed=0 failed=0
check() {
  local name=$1 dictionary=$2
  local article="$here/fixtures/$name/article.md" pdf="$work/$name.pdf"
  if ! "$galley" pdf --quiet --style book-a5 "$article" -o "$pdf"; then
    echo "FAIL $name: galley pdf exited non-zero"; failed=$((failed + 1)); return
  fi
  if [[ ! -f $dictionary ]]; then
    echo "FAIL $name: $dictionary is not installed (scripts/setup)"; failed=$((failed + 1)); return
  fi
  if result=$(python3 "$here/typeset_check.py" "$pdf" "$article" "$dictionary" 2>&1); then
    echo "$name: $result"; passed=$((passed + 1))
  else
    echo "$result"; echo "FAIL $name"; failed=$((failed + 1))
  fi
}

check typeset-en /usr/share/hyphen/hyph_en_US.dic
check typeset-ru /usr/share/hyphen/hyph_ru_RU.dic

echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
