#!/usr/bin/env bash
# `galley check` transcripts: each case preflights a crafted article and checks the exit code
# (0 with warnings or notes only, 65 with any error), the report on stdout (one finding a line,
# `file:line: severity: message [check]`) and, for --json, the report parsed by python3.
#
# Usage: check.sh GALLEY_BINARY SOURCE_DIR
set -uo pipefail
galley=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2

passed=0 failed=0
fail() { echo "FAIL $case_name: $*"; failed=$((failed + 1)); }

# expect NAME EXIT -- ARGS...: runs galley check (20 s at most).
expect() {
  case_name=$1
  local code=$2
  shift 3
  timeout 20 "$galley" check "$@" >stdout.txt 2>stderr.txt
  local got=$?
  if [[ $got != "$code" ]]; then fail "exit $got, expected $code: $(head -c 400 stdout.txt stderr.txt)"; return 1; fi
  passed=$((passed + 1))
}
# has PATTERN: the last report has a line matching this extended regular expression.
has() {
  if grep -qE -- "$1" stdout.txt; then passed=$((passed + 1)); else fail "report lacks /$1/: $(head -c 600 stdout.txt)"; fi
}
lacks() {
  if grep -qE -- "$1" stdout.txt; then fail "report has /$1/"; else passed=$((passed + 1)); fi
}

mkdir a
cp "$source_dir/samples/river-ferry/ferry.png" a/ferry.png  # 640 x 400 RGB
printf '# Ferry Returns\n\nMarch 7, 2024\n\n![The ferry](ferry.png)\n\n**The ferry / Archive**\n\nThe crossing reopened.\n' >a/article.md

expect clean-screen-style 0 -- a/article.md
has '^1 article checked against style article$'
has '^no problems found$'

expect print-style 0 -- a/article.md --style book-a5
has '^1 article checked against style book-a5 \(print, CMYK\)$'
has '^a/article\.md:5: warning: ferry\.png is [0-9]+ ppi at its placed size \([0-9]+ x [0-9]+ mm\): print needs 300, that is [0-9]+ x [0-9]+ pixels \(640 x 400 now\) \[resolution\]$'
has '^a/article\.md:5: warning: ferry\.png is an RGB picture in a CMYK job.*\[colour\]$'
has '^0 errors, 2 warnings, 0 notes$'

printf '# Pictures\n\nText.\n\n![Gone](missing.png)\n\n![Out](../secret.png)\n\nMore.\n' >a/missing.md
expect missing-pictures 65 -- a/missing.md
has '^a/missing\.md:5: error: image not found: missing\.png \[image\]$'
has "^a/missing\.md:7: error: image refused: it lies outside the article's folder: \.\./secret\.png \[image\]$"
if grep -q '^error: preflight found 2 errors$' stderr.txt; then passed=$((passed + 1)); else fail "stderr: $(cat stderr.txt)"; fi

printf -- '---\ntitle: Odd Keys\nlayout: wide\n---\n\nEmoji \xf0\x9f\x98\x80 and a private-use character \xee\x80\x80.\n' >a/glyphs.md
expect glyphs-and-front-matter 65 -- a/glyphs.md
has "^a/glyphs\.md: note: front matter key 'layout' is not one galley reads; it is kept as extra metadata \[front-matter\]$"
has '^a/glyphs\.md: error: 1 character beyond U\+FFFF \(U\+1F600 .*\) cannot be drawn in a PDF.*\[glyphs\]$'
has '^a/glyphs\.md: error: no installed font has 1 of the characters used \(U\+E000 .*\[glyphs\]$'

printf 'extends = "article"\n[fonts]\nbody = "Liberaton Serif"\nfallback = ["DejaVu Sans", "No Such Fallback"]\n' >misspelt.toml
expect missing-families 65 -- a/article.md --style misspelt.toml
has "^misspelt\.toml: error: fonts\.body: font family 'Liberaton Serif' is not installed \(closest installed: Liberation Serif.*\) \[font\]$"
has "^misspelt\.toml: warning: fonts\.fallback: font family 'No Such Fallback' is not installed.*\[font\]$"
lacks 'no problems found'

expect json 0 -- a/article.md --style book-a5 --json
if python3 - stdout.txt <<'PY'; then passed=$((passed + 1)); else fail "JSON report: $(head -c 600 stdout.txt)"; fi
import json, sys
report = json.load(open(sys.argv[1]))
assert report["style"] == "book-a5" and report["print"] and report["cmyk"], report
assert report["articles"] == ["a/article.md"], report["articles"]
assert (report["errors"], report["warnings"], report["notes"]) == (0, 2, 0), report
checks = sorted(f["check"] for f in report["findings"])
assert checks == ["colour", "resolution"], checks
assert all(f["line"] == 5 and f["file"] == "a/article.md" and f["severity"] == "warning" for f in report["findings"])
PY

expect collection 65 -- a/article.md a/missing.md
has '^2 articles checked against style article$'

echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
