#!/usr/bin/env bash
# Fault scenarios: a full disk (RLIMIT_FSIZE), SIGTERM, SIGINT and SIGKILL mid-run (PDF and
# EPUB), concurrent writers of one output, output folders that are missing, not folders, or not
# writable, and special files (devices, FIFOs, folders, /proc) as inputs and outputs. Each must leave the previous output byte-identical (or one complete new one) and
# no temporary file behind.
#
# Usage: tests/hostile/faults.sh GALLEY_BINARY CORPUS_TOOL
# Prints one line per failure and a last line 'N passed, N failed'; exits 1 on any failure.
set -uo pipefail
galley=$(realpath "$1")
corpus_tool=$(realpath "$2")
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
cd "$work" || exit 2

passed=0 failed=0
fail() { echo "FAIL $*"; failed=$((failed + 1)); }
pass() { passed=$((passed + 1)); }
litter() { find "$work" -name '.*.galley-*' | head -n 3; }
same() { cmp -s "$1" "$2"; }
whole_zip() { python3 -c 'import sys, zipfile; sys.exit(zipfile.ZipFile(sys.argv[1]).testzip() is not None)' "$1" 2>/dev/null; }

"$corpus_tool" --count 300 --seed 7 --out corpus || exit 2
articles=(corpus/*.md)
printf '# Yesterday\n\nMarch 7, 2024\n\nThe good output of an earlier run.\n' >yesterday.md
"$galley" pdf --quiet yesterday.md -o good.pdf || exit 2
"$galley" epub --quiet yesterday.md -o good.epub || exit 2

# --- a full disk: writes past `ulimit -f` fail with EFBIG -----------------------------
for format in pdf epub; do
  cp "good.$format" "out.$format"
  (ulimit -f 16 && "$galley" "$format" --quiet "${articles[@]:0:40}" -o "out.$format") 2>stderr.txt
  got=$?
  if [[ $got != 74 ]]; then
    fail "full disk ($format): exit $got, expected 74: $(head -c 300 stderr.txt)"
  elif ! grep -qE "^out\.$format: error: cannot write output: File too large$" stderr.txt; then
    fail "full disk ($format): message: $(head -c 300 stderr.txt)"
  elif ! same "good.$format" "out.$format"; then
    fail "full disk ($format): the previous output changed"
  else
    pass
  fi
done

# --- signals mid-run, at several moments (reading, laying out, writing) -----------------
# PDF at five moments; EPUB (the same reading, then a zip in memory) at two. A signal that
# arrives after the new output was renamed into place (while the process ends: slow under
# LeakSanitizer, which checks for leaks at exit) still ends the run with its exit status, but
# the output is then the complete new one, byte for byte: that is allowed, anything else is not.
for format in pdf epub; do
  "$galley" "$format" --quiet "${articles[@]}" -o "complete.$format" 2>/dev/null || exit 2
  delays=(0.05 0.2 0.5 1 2)
  [[ $format == epub ]] && delays=(0.2 1)
  for signal in TERM INT KILL; do
    for delay in "${delays[@]}"; do
      cp "good.$format" "out.$format"
      "$galley" "$format" --quiet "${articles[@]}" -o "out.$format" 2>/dev/null &
      pid=$!
      sleep "$delay"
      kill -s "$signal" "$pid" 2>/dev/null
      wait "$pid" 2>/dev/null
      got=$?
      if ((got == 0)); then
        # It finished first: the new output must be whole.
        if [[ $format == epub ]] && whole_zip "out.$format"; then
          pass
        elif [[ $format == pdf ]] && qpdf --check out.pdf >/dev/null 2>&1; then
          pass
        else
          fail "SIG$signal after $delay s ($format): a broken output"
        fi
      elif same "good.$format" "out.$format" || same "complete.$format" "out.$format"; then
        pass
      else
        fail "SIG$signal after $delay s ($format, exit $got): the previous output changed"
      fi
    done
  done
done
if [[ -n $(litter) ]]; then fail "signals: temporary files left: $(litter)"; else pass; fi

# --- concurrent writers of one output: one complete file wins -------------------------
cp good.pdf shared.pdf
pids=()
for i in 1 2 3 4; do
  "$galley" pdf --quiet "${articles[@]:$((i * 20)):20}" -o shared.pdf 2>/dev/null &
  pids+=($!)
done
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=$?; done
if ((status != 0)); then
  fail "concurrent writers: a run failed (exit $status)"
elif ! qpdf --check shared.pdf >/dev/null 2>&1; then
  fail "concurrent writers: the output is not a valid PDF"
elif [[ -n $(litter) ]]; then
  fail "concurrent writers: temporary files left: $(litter)"
else
  pass
fi

# --- output folders that cannot take the file ------------------------------------------
expect_refused() {  # NAME OUTPUT PATTERN [RUNNER...]
  local name=$1 output=$2 pattern=$3
  shift 3
  "$@" "$galley" pdf --quiet yesterday.md -o "$output" 2>stderr.txt
  local got=$?
  if [[ $got != 73 ]]; then fail "$name: exit $got, expected 73: $(head -c 300 stderr.txt)"; return; fi
  if ! grep -qE -- "$pattern" stderr.txt; then fail "$name: message: $(head -c 300 stderr.txt)"; return; fi
  pass
}
expect_refused "missing folder" missing/out.pdf '^missing/out\.pdf: error: cannot create output: No such file or directory$'
: >not-a-folder
expect_refused "a file as folder" not-a-folder/out.pdf '^not-a-folder/out\.pdf: error: cannot create output: Not a directory$'
mkdir locked && cp good.pdf locked/out.pdf && chmod 555 locked
if [[ $(id -u) == 0 ]]; then
  # root writes anywhere: run as nobody, who cannot write to a 555 folder either.
  chmod 755 "$work" && chmod 644 yesterday.md
  expect_refused "unwritable folder" locked/out.pdf '^locked/out\.pdf: error: cannot create output: Permission denied$' \
    setpriv --reuid=65534 --regid=65534 --clear-groups
else
  expect_refused "unwritable folder" locked/out.pdf '^locked/out\.pdf: error: cannot create output: Permission denied$'
fi
if same good.pdf locked/out.pdf; then pass; else fail "unwritable folder: the previous output changed"; fi

# --- special files as inputs and outputs ------------------------------------------------
expect() {  # NAME CODE PATTERN COMMAND...
  local name=$1 code=$2 pattern=$3
  shift 3
  timeout 60 "$@" 2>stderr.txt </dev/null
  local got=$?
  if [[ $got != "$code" ]]; then fail "$name: exit $got, expected $code: $(head -c 300 stderr.txt)"; return 1; fi
  if [[ -n $pattern ]] && ! grep -qE -- "$pattern" stderr.txt; then fail "$name: message: $(head -c 300 stderr.txt)"; return 1; fi
  pass
}
mkfifo input-fifo.md
mkdir input-folder.md
expect "input /dev/zero" 66 '^/dev/zero: error: is not a regular file$' "$galley" pdf /dev/zero -o special.pdf
expect "input /dev/null" 66 '^/dev/null: error: is not a regular file$' "$galley" epub /dev/null -o special.epub
expect "input FIFO (no writer)" 66 '^input-fifo\.md: error: is not a regular file$' "$galley" pdf input-fifo.md -o special.pdf
expect "input folder" 66 '^input-folder\.md: error: is a folder, not an article$' "$galley" pdf input-folder.md -o special.pdf
# A /proc file is "regular", says it is empty, and fails to read: an I/O error, not a crash.
expect "input /proc/self/mem" 74 '^/proc/self/mem: error: read failed: Input/output error$' \
  "$galley" pdf /proc/self/mem -o special.pdf
if [[ -e special.pdf || -e special.epub ]]; then fail "special inputs: an output was written"; else pass; fi
# Outputs: a device is written to as it is (never replaced by a file), a full device is an
# I/O error, a folder cannot be replaced, a FIFO with a reader gets the whole file.
expect "output /dev/null" 0 '' "$galley" pdf --quiet yesterday.md -o /dev/null &&
  if [[ -c /dev/null ]]; then pass; else fail "output /dev/null: /dev/null is no longer a device"; fi
for format in pdf epub; do
  expect "output /dev/full ($format)" 74 '^/dev/full: error: cannot write output: No space left on device$' \
    "$galley" "$format" --quiet yesterday.md -o /dev/full
  expect "output a folder ($format)" 73 '^input-folder\.md: error: cannot replace output: Is a directory$' \
    "$galley" "$format" --quiet yesterday.md -o input-folder.md
done
mkfifo output-fifo
timeout 60 cat output-fifo >from-fifo.pdf &
reader=$!
expect "output a FIFO" 0 '' "$galley" pdf --quiet yesterday.md -o output-fifo
wait "$reader"
if qpdf --check from-fifo.pdf >/dev/null 2>&1; then pass; else fail "output a FIFO: what the reader got is no valid PDF"; fi
if [[ -n $(litter) ]]; then fail "special files: temporary files left: $(litter)"; else pass; fi

echo "$passed passed, $failed failed"
((failed == 0))
