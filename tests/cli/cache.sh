#!/usr/bin/env bash
# The user's cache (src/text/cache_entry.hpp): a run with an empty cache, a run with the
# entries the first left (compiled hyphenation patterns, kerning pairs), and a run that cannot
# write any make the same bytes, in English and Russian, as PDF and for `galley check`; the
# entries are where XDG_CACHE_HOME says, and damaged ones are not used.
#
# Usage: cache.sh GALLEY_BINARY SOURCE_DIR
set -uo pipefail
galley=$(realpath "$1")
source_dir=$(realpath "$2")
export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}print_suppressions=0"
export SOURCE_DATE_EPOCH=1700000000
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2

passed=0 failed=0
pass() { passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }

inputs=("$source_dir"/samples/river-ferry/*.md "$source_dir"/samples/zavod-reopens/*.md)
run() {  # NAME CACHE: one PDF of both samples with XDG_CACHE_HOME=CACHE
  if XDG_CACHE_HOME=$2 "$galley" pdf --quiet "${inputs[@]}" -o "$1.pdf" 2>"$1.err"; then pass; else
    fail "$1: exit $?: $(head -c 400 "$1.err")"
  fi
}
same() { if cmp -s "$1" "$2"; then pass; else fail "$1 and $2 differ"; fi; }

mkdir cache
run cold "$work/cache"
for kind in hyphen kerning; do
  if [[ -n $(ls "cache/galley/$kind" 2>/dev/null) ]]; then pass; else fail "no $kind entries in cache/galley/$kind"; fi
done
if ls cache/galley/*/*.?????? >/dev/null 2>&1; then fail "temporary files left: $(ls cache/galley/*)"; else pass; fi
run warm "$work/cache"
same cold.pdf warm.pdf

# Every entry damaged (its last byte changed): not used, written again whole, and the
# outputs do not change.
cp -r cache good
for entry in cache/galley/*/*; do
  last=$(tail -c 1 "$entry" | od -An -tu1 | tr -d ' ')
  printf "$(printf '\\%03o' $(((last + 1) % 256)))" | dd of="$entry" bs=1 seek=$(($(stat -c %s "$entry") - 1)) conv=notrunc status=none
done
for entry in cache/galley/*/*; do
  if cmp -s "$entry" "good/${entry#cache/}"; then fail "$entry was not damaged"; else pass; fi
done
run damaged "$work/cache"
same cold.pdf damaged.pdf
for entry in good/galley/*/*; do same "$entry" "cache/${entry#good/}"; done

# A cache that cannot be written (its folder would be under a file: so even for root): the
# same bytes, no error.
run locked "$work/cold.pdf/cache"
same cold.pdf locked.pdf
if [[ -s locked.err ]]; then fail "stderr with an unwritable cache: $(head -c 400 locked.err)"; else pass; fi

# `galley check` (fonts and hyphenation too) says the same with and without entries.
XDG_CACHE_HOME="$work/cache" "$galley" check --json "${inputs[@]}" >check-warm.json 2>/dev/null
XDG_CACHE_HOME="$work/empty" "$galley" check --json "${inputs[@]}" >check-cold.json 2>/dev/null
if [[ -s check-cold.json ]]; then pass; else fail "galley check --json wrote nothing"; fi
same check-cold.json check-warm.json

echo "cache.sh: $passed passed, $failed failed"
((failed == 0))
