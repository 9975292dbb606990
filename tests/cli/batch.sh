#!/usr/bin/env bash
# Command-line transcripts for batches: -j, the progress bar (on a terminal only, never with
# --quiet), the summary line, a failed article not stopping the others (and the exit code it
# gives), --fail-fast, --shard K/N (every input in exactly one shard), the same bytes for any -j
# and for an article in a batch as alone.
#
# Usage: batch.sh GALLEY_BINARY
set -uo pipefail
galley=$(realpath "$1")
# Under the sanitizers, LeakSanitizer's list of suppressions used would end up on stderr,
# which the --quiet case expects empty.
export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}print_suppressions=0"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2

passed=0 failed=0
pass() { passed=$((passed + 1)); }
fail() { echo "FAIL $case_name: $*"; failed=$((failed + 1)); }

# expect NAME EXIT -- ARGS...: runs galley (60 s at most), keeps stdout.txt and stderr.txt.
expect() {
  case_name=$1
  local code=$2
  shift 3
  timeout 60 "$galley" "$@" >stdout.txt 2>stderr.txt
  local got=$?
  if [[ $got == "$code" ]]; then pass; else fail "exit $got, expected $code; stderr: $(head -c 600 stderr.txt)"; fi
}
stderr_has() { if grep -qE -- "$1" stderr.txt; then pass; else fail "stderr lacks /$1/: $(head -c 600 stderr.txt)"; fi; }
stderr_lacks() { if grep -qE -- "$1" stderr.txt; then fail "stderr has /$1/: $(head -c 600 stderr.txt)"; else pass; fi; }
files_are() {  # FOLDER "a b c": exactly these files
  local got
  got=$(cd "$1" && ls | tr '\n' ' ' | sed 's/ $//')
  if [[ $got == "$2" ]]; then pass; else fail "$1 holds '$got', expected '$2'"; fi
}

mkdir in
for i in 1 2 3 4 5 6 7 8 9 10; do
  printf '# Ferry %s Returns\n\nMarch %s, 2024\n\nBy Ana Petrovic\n\nThe crossing reopened on day %s.\n' "$i" "$i" "$i" >"in/a$i.md"
done
printf -- '---\ntitle: [unclosed\n---\nBody.\n' >in/bad.md
articles=(in/a1.md in/a2.md in/a3.md in/a4.md in/a5.md in/a6.md)

# --- many articles, every core, a summary ------------------------------------------------
mkdir out
expect out-dir-j2 0 -- pdf -j 2 "${articles[@]}" --out-dir out
files_are out "a1.pdf a2.pdf a3.pdf a4.pdf a5.pdf a6.pdf"
stderr_has '^galley: 6 articles: 6 done, [0-9.]+ s$'
stderr_lacks $'\r'  # not a terminal: no progress bar
expect quiet 0 -- pdf --quiet "${articles[@]}" --out-dir out
if [[ ! -s stderr.txt ]]; then pass; else fail "--quiet printed: $(head -c 300 stderr.txt)"; fi
expect one-article-no-summary 0 -- epub in/a1.md -o one.epub
stderr_lacks '^galley: '
expect bad-jobs 64 -- pdf -j 0 "${articles[@]}" --out-dir out
# A missing folder is made (as `mkdir -p`), as docs/batch.md's examples expect; a file is no folder.
expect out-dir-made 0 -- pdf in/a1.md in/a2.md --out-dir made/deeper
files_are made/deeper "a1.pdf a2.pdf"
: >not-a-folder
expect out-dir-a-file 73 -- pdf in/a1.md --out-dir not-a-folder
stderr_has '^not-a-folder: error: cannot make the folder: '
expect epub-j2 0 -- epub -j 2 "${articles[@]}" -o book.epub
stderr_has '^galley: 6 articles: 6 done'

# On a terminal (script(1) gives galley one), the bar is drawn and erased before the summary.
if command -v script >/dev/null; then
  case_name=progress-on-a-terminal
  script -qec "$galley pdf -j 2 ${articles[*]} --out-dir out" /dev/null >tty.txt 2>&1
  if grep -q '\[#*-*\] 6/6 articles 100%' tty.txt && grep -q 'galley: 6 articles: 6 done' tty.txt; then pass; else
    fail "no bar or summary on a terminal: $(head -c 300 tty.txt | cat -v)"
  fi
  case_name=no-progress-when-quiet
  script -qec "$galley pdf --quiet ${articles[*]} --out-dir out" /dev/null >tty.txt 2>&1
  if grep -q 'articles' tty.txt; then fail "--quiet drew: $(cat -v tty.txt | head -c 300)"; else pass; fi
fi

# --- failures do not stop the others -------------------------------------------------------
rm -rf out && mkdir out
expect out-dir-failure 65 -- pdf -j 2 in/a1.md in/bad.md in/missing.md in/a2.md --out-dir out
files_are out "a1.pdf a2.pdf"
stderr_has '^in/bad\.md:3:1: error: front matter'
stderr_has '^in/missing\.md: error: No such file or directory$'
stderr_has '^error: 2 of 4 articles failed; 2 outputs written$'
stderr_has '^galley: 4 articles: 2 done, 2 failed, [0-9.]+ s$'
rm -rf out && mkdir out
# The exit code is the first failure's in input order: missing (66) before bad (65).
expect first-failure-decides 66 -- pdf in/missing.md in/bad.md in/a1.md --out-dir out
files_are out "a1.pdf"

rm -rf out && mkdir out
expect fail-fast 65 -- pdf -j 1 --fail-fast in/a1.md in/bad.md in/a2.md in/a3.md --out-dir out
files_are out "a1.pdf"
stderr_has '^in/bad\.md:3:1: error: front matter'
stderr_has '^galley: 4 articles: 1 done, 1 failed, 2 not started, [0-9.]+ s$'

expect book-with-a-failure 65 -- epub -j 2 in/a1.md in/bad.md in/a2.md -o failed.epub
stderr_has '^error: 1 of 3 articles failed: nothing written$'
if [[ -e failed.epub ]]; then fail "failed.epub written"; else pass; fi
expect pdf-book-with-a-failure 66 -- pdf in/a1.md in/missing.md -o failed.pdf
if [[ -e failed.pdf ]]; then fail "failed.pdf written"; else pass; fi
if ls -A | grep -q galley; then fail "temporary files left: $(ls -A)"; else pass; fi

# --- the same bytes whatever -j ----------------------------------------------------------
all=(in/a*.md)
expect epub-j1 0 -- epub -q -j 1 "${all[@]}" -o j1.epub
expect epub-j3 0 -- epub -q -j 3 "${all[@]}" -o j3.epub
case_name=epub-same-bytes
if cmp -s j1.epub j3.epub; then pass; else fail "-j 1 and -j 3 books differ"; fi

# The fonts a batch opens are kept from one article to the next: an article set after one
# that needed fallback fonts (Cyrillic, Greek, a snowman) comes out as it does alone.
printf '# Паром снова ходит\n\nΚαλημέρα — “quoted” ☃ text.\n' >in/scripts.md
mkdir each alone
expect pdf-batch-j1 0 -- pdf -q -j 1 in/a1.md in/scripts.md in/a2.md --out-dir each
expect pdf-alone 0 -- pdf -q in/a2.md -o alone/a2.pdf
expect pdf-scripts-alone 0 -- pdf -q in/scripts.md -o alone/scripts.pdf
case_name=pdf-batch-same-as-alone
if cmp -s each/a2.pdf alone/a2.pdf && cmp -s each/scripts.pdf alone/scripts.pdf; then pass; else fail "a batch's PDF differs from the same article's alone"; fi

# One PDF of a collection is laid out in stretches of articles on several threads: the same
# bytes for any -j (the scripts article brings fallback fonts into the second stretch only).
expect pdf-book-j1 0 -- pdf -q -j 1 "${all[@]}" in/scripts.md -o j1.pdf
expect pdf-book-j3 0 -- pdf -q -j 3 "${all[@]}" in/scripts.md -o j3.pdf
expect trace-book-j1 0 -- trace -q -j 1 "${all[@]}" in/scripts.md -o j1.txt
expect trace-book-j3 0 -- trace -q -j 3 "${all[@]}" in/scripts.md -o j3.txt
case_name=pdf-book-same-bytes
if cmp -s j1.pdf j3.pdf && cmp -s j1.txt j3.txt; then pass; else fail "-j 1 and -j 3 collections differ"; fi

# --- shards: every input in exactly one, whatever the order given --------------------------
expect bad-shard 64 -- pdf --shard 4/3 "${all[@]}" --out-dir out
stderr_has 'shard'
expect bad-shard-text 64 -- pdf --shard 2 "${all[@]}" --out-dir out
for k in 1 2 3; do
  rm -rf "shard$k" && mkdir "shard$k"
  expect "shard-$k" 0 -- pdf -q --shard "$k/3" "${all[@]}" --out-dir "shard$k"
done
case_name=shards-cover-every-input-once
union=$(ls shard1 shard2 shard3 | grep pdf | sort)
expected=$(for f in "${all[@]}"; do basename "${f%.md}.pdf"; done | sort)
if [[ $union == "$expected" && $(ls shard1 shard2 shard3 | grep -c pdf) == 10 ]]; then pass; else
  fail "shards hold: $(ls shard1 shard2 shard3 | tr '\n' ' ')"
fi
case_name=shards-differ-by-one-at-most
sizes=$(for k in 1 2 3; do ls "shard$k" | wc -l; done | sort -n | tr '\n' ' ')
if [[ $sizes == "3 3 4 " ]]; then pass; else fail "shard sizes $sizes"; fi
mapfile -t reversed < <(printf '%s\n' "${all[@]}" | sort -r)
rm -rf again && mkdir again
expect shard-reordered 0 -- pdf -q --shard 2/3 "${reversed[@]}" --out-dir again
case_name=shard-independent-of-order
if [[ $(ls again) == "$(ls shard2)" ]]; then pass; else fail "2/3 reordered: $(ls again | tr '\n' ' ') vs $(ls shard2 | tr '\n' ' ')"; fi
expect shard-of-a-book 0 -- epub -q --shard 1/4 "${all[@]}" -o shard.epub
expect empty-shard-of-a-book 64 -- epub --shard 3/3 in/a1.md in/a2.md -o empty.epub
stderr_has 'shard 3/3 holds none of the 2 articles'

echo "batch: $passed passed, $failed failed"
((failed == 0))
