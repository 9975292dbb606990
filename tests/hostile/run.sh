#!/usr/bin/env bash
# Runs every case of tests/hostile/cases.txt: galley on an adversarial input must end with
# the expected exit code and message, within a time and memory bound, and leave either a
# valid output (qpdf --check; epubcheck, 0 errors and 0 warnings) or none at all.
#
# Usage: tests/hostile/run.sh GALLEY_BINARY SOURCE_DIR
# Prints one line per failure and a last line 'N passed, N failed'; exits 1 on any failure.
set -uo pipefail
galley=$(realpath "$1")
source_dir=$(cd "$2" && pwd)
here=$source_dir/tests/hostile
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
seconds=60               # a hang is a failure; the slowest case takes about 2 s in Release
memory_kb=$((2 << 20))   # 2 GiB: "never unbounded memory" (sanitizer builds need headroom)

python3 "$here/make_inputs.py" "$work/in" || exit 2
# The broken fonts of the font cases, beside every installed one (make_inputs.py).
export FONTCONFIG_FILE=$work/in/fonts.conf
mkdir "$work/out"
cd "$work/in" || exit 2

passed=0 failed=0
fail() { echo "FAIL $*"; failed=$((failed + 1)); }
pass() { passed=$((passed + 1)); }
trim() { local s=$1; s=${s#"${s%%[![:space:]]*}"}; printf '%s' "${s%"${s##*[![:space:]]}"}"; }

epubs=()
while IFS='|' read -r name formats code args pattern; do
  name=$(trim "$name")
  [[ -z $name || $name == \#* ]] && continue
  code=$(trim "$code")
  pattern=$(trim "$pattern")
  read -ra arguments <<<"$args"
  for format in $formats; do
    output=$work/out/$name.$format
    /usr/bin/time -f '%M' -o "$work/rss.txt" timeout "$seconds" \
      "$galley" "$format" "${arguments[@]}" -o "$output" >"$work/stdout.txt" 2>"$work/stderr.txt"
    got=$?
    what="$name ($format)"
    if [[ $got == 124 ]]; then fail "$what: hung (killed after $seconds s)"; continue; fi
    if ((got >= 128)); then fail "$what: killed by signal $((got - 128)): $(tail -n 5 "$work/stderr.txt")"; continue; fi
    if [[ $got != "$code" ]]; then fail "$what: exit $got, expected $code: $(head -c 300 "$work/stderr.txt")"; continue; fi
    if [[ -n $pattern ]] && ! grep -qE -- "$pattern" "$work/stderr.txt"; then
      fail "$what: stderr lacks /$pattern/: $(head -c 300 "$work/stderr.txt")"
      continue
    fi
    rss=$(tail -n 1 "$work/rss.txt")
    if ((rss > memory_kb)); then fail "$what: peak RSS $rss KB over $memory_kb KB"; continue; fi
    if ((code != 0)); then
      if [[ -e $output ]]; then fail "$what: a failed run left $output"; else pass; fi
      continue
    fi
    if [[ ! -s $output ]]; then fail "$what: no output"; continue; fi
    if [[ $format == pdf ]]; then
      if qpdf --check "$output" >"$work/qpdf.txt" 2>&1; then pass; else fail "$what: qpdf: $(grep -v '^checking\|^PDF Version\|^File is not' "$work/qpdf.txt" | head -n 3)"; fi
    else
      epubs+=("$output")
      pass
    fi
  done
done <"$here/cases.txt"

# No temporary file may be left anywhere the runs wrote.
litter=$(find "$work/out" "$work/in" -name '.*.galley-*' | head -n 5)
if [[ -n $litter ]]; then fail "temporary files left behind: $litter"; else pass; fi

# epubcheck over every EPUB in one JVM (EpubCheckMany.java), as the EPUB tests do.
jar=/usr/share/java/epubcheck.jar
if ((${#epubs[@]})) && java --list-modules 2>/dev/null | grep -c '^jdk.compiler' >/dev/null; then
  java -cp "$jar" "$source_dir/tests/integration/EpubCheckMany.java" "${epubs[@]}" >"$work/epubcheck.txt" 2>&1
  for book in "${epubs[@]}"; do
    line=$(grep -F "$book: " "$work/epubcheck.txt" | grep -E ': [0-9]+ errors, [0-9]+ warnings$' | tail -n 1)
    if [[ $line == "$book: 0 errors, 0 warnings" ]]; then
      pass
    else
      fail "epubcheck $(basename "$book"): ${line#"$book: "}"
      grep -F "$(basename "$book")" "$work/epubcheck.txt" | grep -E '^(ERROR|WARNING|FATAL)' | head -n 5
    fi
  done
fi

echo "$passed passed, $failed failed"
((failed == 0))
