#!/usr/bin/env bash
# Command-line transcripts for bad input: each case runs `galley` on a crafted file and checks
# the exit code (the sysexits table in README.md), the message on stderr (file, line,
# problem), what reached stdout, and that no half-written or clobbered output is left.
#
# Usage: bad_input.sh GALLEY_BINARY
set -uo pipefail
galley=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2

passed=0 failed=0
fail() { echo "FAIL $case_name: $*"; failed=$((failed + 1)); }

# expect NAME EXIT STDERR_PATTERN -- ARGS...: runs galley (20 s at most: a hang fails).
expect() {
  case_name=$1
  local code=$2 pattern=$3
  shift 4
  timeout 20 "$galley" "$@" >stdout.txt 2>stderr.txt
  local got=$?
  if [[ $got == 124 ]]; then fail "hung (killed after 20 s)"; return 1; fi
  if [[ $got != "$code" ]]; then fail "exit $got, expected $code; stderr: $(head -c 400 stderr.txt)"; return 1; fi
  if [[ -n $pattern ]] && ! grep -qE -- "$pattern" stderr.txt; then
    fail "stderr lacks /$pattern/: $(head -c 400 stderr.txt)"; return 1
  fi
  passed=$((passed + 1))
}

# stdout_has PATTERN: the last case's stdout matches (a fixed string).
stdout_has() {
  if ! grep -qF -- "$1" stdout.txt; then fail "stdout lacks '$1'"; passed=$((passed - 1)); fi
}

article='# Ferry Returns\n\nMarch 7, 2024\n\nThe crossing reopened on Thursday.\n'

# --- inputs that cannot be read --------------------------------------------------------
expect missing-file 66 '^missing\.md: error: No such file or directory$' -- inspect missing.md
mkdir folder
expect folder 66 '^folder: error: is a folder, not an article$' -- inspect folder
mkfifo pipe
expect fifo 66 '^pipe: error: is not a regular file$' -- inspect pipe

# --- inputs that are read, repaired, with a warning -------------------------------------
: >empty.md
expect empty-file 0 '^empty\.md:1: warning: no title' -- inspect empty.md
stdout_has '"title": ""'

printf '# Caf\xe9 Opens\n\nThe caf\xe9 opened, and the rest survives.\n' >latin1.md
expect invalid-utf8 0 '^latin1\.md:1:6: warning: invalid UTF-8 \(2 replaced by U\+FFFD\)$' -- inspect latin1.md
stdout_has 'Caf� Opens'
stdout_has 'and the rest survives.'

printf '# Nul\0 Title\n\nBody text.\n' >nul.md
expect nul-bytes 0 '^nul\.md:1:6: warning: NUL byte in text' -- inspect nul.md
stdout_has 'Nul� Title'

printf '# Bell\a Title\n\nBody.\n' >control.md
expect control-character 0 '^control\.md:1:7: warning: control character in text' -- inspect control.md

printf "$article" | iconv -f UTF-8 -t UTF-16 >utf16.md   # with a BOM
expect utf16-bom 0 '^utf16\.md: warning: input is UTF-16' -- inspect utf16.md
stdout_has '"title": "Ferry Returns"'
printf "$article" | iconv -f UTF-8 -t UTF-16LE >utf16le.md   # no BOM
expect utf16le-no-bom 0 'input is UTF-16 \(little-endian\)' -- inspect utf16le.md
stdout_has '"date": "2024-03-07"'

printf '\xef\xbb\xbf'"$article" >bom.md
expect utf8-bom 0 '' -- inspect bom.md
stdout_has '"title": "Ferry Returns"'

printf "$article" | sed 's/$/\r/' >crlf.md
expect crlf 0 '' -- inspect crlf.md
stdout_has '"date_text": "March 7, 2024"'
printf "$article" | tr '\n' '\r' >cr.md
expect cr-only 0 '' -- inspect cr.md
stdout_has '"text": "The crossing reopened on Thursday."'

# --- front matter --------------------------------------------------------------------------
printf -- '---\ntitle: Open\nauthor: Ana\n\n# Body\n' >unclosed.md
expect unclosed-front-matter 65 '^unclosed\.md:1: error: front matter opened here is never closed' -- inspect unclosed.md

printf -- '---\nlang: en\ntitle:\n  - one\n  - two\n---\n\nBody.\n' >wrongtype.md
expect front-matter-wrong-type 65 "^wrongtype\.md:4:3: error: front matter 'title' must be a string, not a list$" -- inspect wrongtype.md

printf -- '---\ntitle: Open\ntags: [one, two\nauthor: Ana\n---\n\nBody.\n' >badyaml.md
expect front-matter-invalid-yaml 65 '^badyaml\.md:[0-9]+:[0-9]+: error: front matter: ' -- inspect badyaml.md

printf -- '---\ntitle: Fine\ndate: next Tuesday\n---\n\nBody.\n' >baddate.md
expect front-matter-bad-date 0 "^baddate\.md:3: warning: front matter 'date' is not a date" -- inspect baddate.md
stdout_has '"date_text": "next Tuesday"'

# --- limits -----------------------------------------------------------------------------------
head -c 3000 /dev/zero | tr '\0' 'a' >big.md
expect over-size-limit 65 '^big\.md: error: input is 3000 bytes, over the limit of 1000 bytes$' -- inspect --max-input-size 1000 big.md
head -c 3000 /dev/zero | tr '\0' 'a' | timeout 20 "$galley" inspect --max-input-size 1000 - >/dev/null 2>stderr.txt
if [[ $? == 65 ]] && grep -q '^<stdin>: error: input is over the limit' stderr.txt; then passed=$((passed + 1)); else case_name=stdin-over-limit fail "$(cat stderr.txt)"; fi

head -c 50000 /dev/zero | tr '\0' '>' >deep.md
printf ' deep\n' >>deep.md
expect deep-nesting 0 '^deep\.md:1: warning: nesting deeper than 32 levels flattened$' -- inspect deep.md
stdout_has '"text": "deep"'

python3 -c "
cols = 5000
print('| ' + ' | '.join('h%d' % i for i in range(cols)) + ' |')
print('|' + '---|' * cols)
print('| ' + ' | '.join('x' for i in range(cols)) + ' |')" >wide.md 2>/dev/null || {
  { printf '|'; for ((i = 0; i < 5000; i++)); do printf ' h |'; done; printf '\n|';
    for ((i = 0; i < 5000; i++)); do printf -- '---|'; done; printf '\n'; } >wide.md
}
expect wide-table 65 '^wide\.md:1: error: table row with about 5000 cells is over the limit of 1000 columns$' -- inspect wide.md

# --- usage --------------------------------------------------------------------------------------
printf "$article" >good.md
expect unknown-convention 64 "unknown convention 'headlines'" -- inspect --no-convention headlines good.md
expect unknown-option 64 '' -- inspect --frobnicate good.md
expect no-subcommand 64 '' --
expect output-is-input 64 '^good\.md: error: the output would overwrite an input$' -- inspect good.md -o good.md

# --- output -------------------------------------------------------------------------------------
expect output-missing-folder 73 '^no/such/folder/out\.json: error: cannot create output' -- inspect good.md -o no/such/folder/out.json

expect writes-output-file 0 '' -- inspect good.md -o out.json
grep -q '"title": "Ferry Returns"' out.json || fail "out.json lacks the title"
cp out.json before.json
expect failed-run-keeps-output 65 'never closed' -- inspect unclosed.md -o out.json
cmp -s out.json before.json || fail "a failed run changed the previous output"
leftovers=$(ls -A | grep -c '\.galley-' || true)
[[ $leftovers == 0 ]] || fail "temporary files left behind: $leftovers"

# A FIFO (like /dev/null or /dev/stdout) named as output is written to, not replaced by a
# regular file renamed over it.
mkfifo out.fifo
cat out.fifo >from-fifo.json &
reader=$!
expect output-to-fifo 0 '' -- inspect good.md -o out.fifo
wait "$reader"
[[ -p out.fifo ]] || fail "out.fifo was replaced by a regular file"
grep -q '"title": "Ferry Returns"' from-fifo.json || fail "nothing came through the FIFO"

# --- style files ---------------------------------------------------------------------------------
expect style-unknown-name 66 "^nosuch: error: no built-in style by that name" -- epub good.md --style nosuch -o s.epub
printf '[page]\nmargn = { top = "1mm" }\n' >typo.toml
expect style-unknown-key 65 '^typo\.toml:2:[0-9]+: error: page\.margn\.top: unknown key; did you mean page\.margin\.top\?$' -- epub good.md --style typo.toml -o s.epub
printf '[fonts]\nsize = "12 furlongs"\n' >unit.toml
expect style-bad-unit 65 "^unit\.toml:2:[0-9]+: error: fonts\.size: '12 furlongs': unknown unit 'furlongs'" -- epub good.md --style unit.toml -o s.epub
printf 'extends = "loop-b.toml"\n' >loop-a.toml
printf 'extends = "loop-a.toml"\n' >loop-b.toml
expect style-extends-cycle 65 'goes round in a circle' -- epub good.md --style loop-a.toml -o s.epub
[[ ! -e s.epub ]] || fail "a bad style left s.epub behind"
expect styles-show 0 '' -- styles show book-a5
stdout_has 'size = "A5"'

echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
