# Sourced first by the integration checks (pdf_check, print_check, epub_check) with the
# check's own arguments, GALLEY_BINARY SOURCE_DIR: it sets `galley` and `top` (absolute),
# `here` (this folder), a scratch folder `work` removed on exit, and the tally that `pass`,
# `fail` and, last, `finish` keep ('N passed, N failed'; the status is non-zero on a failure).
galley=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$2" && pwd)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
finish() {
  echo "$passed passed, $failed failed"
  ((failed == 0))
}
