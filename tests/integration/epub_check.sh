#!/usr/bin/env bash
# EPUBs end to end: builds a book from every sample article, the sample collection and the
# fixtures here, then requires of each that epubcheck reports 0 errors and 0 warnings, that
# `mimetype` is the first entry and stored without extra field, that a second build in
# another time zone is byte-identical, and that SOURCE_DATE_EPOCH sets dcterms:modified.
# A collection of the Markdown files Debian installs under /usr/share/doc joins them.
# epubcheck runs once over all books (EpubCheckMany.java) when a JDK is there to launch it.
#
# Usage: tests/integration/epub_check.sh GALLEY_BINARY SOURCE_DIR
# Prints one line per failure and a last line 'N passed, N failed'; exits 1 on any failure.
set -uo pipefail

source "$(dirname "$0")/lib.sh" "$@"
jar=/usr/share/java/epubcheck.jar

# Books to build: name and input. The samples are optional (they may not exist yet in a
# partial checkout); the fixtures always are there.
names=()
paths=()
for article in "$top"/samples/*/article.md; do
  [[ -f $article ]] || continue
  names+=("sample-$(basename "$(dirname "$article")")")
  paths+=("$article")
done
if [[ -f $top/samples/collection.toml ]]; then
  names+=(sample-collection)
  paths+=("$top/samples/collection.toml")
fi
names+=(fixture-kitchen-sink fixture-other fixture-collection)
paths+=("$here/fixtures/kitchen-sink/article.md" "$here/fixtures/other/article.md" "$here/fixtures/collection.toml")

# Real-world Markdown nobody here wrote: the documentation Debian packages install (raw HTML,
# big tables, code, badges). Up to 30 files, in a fixed order, as one collection.
real=$work/real-world
n=0
while IFS= read -r doc && ((n < 30)); do
  n=$((n + 1))
  mkdir -p "$real/$(printf %02d "$n")"
  case $doc in
    *.gz) gzip -dc "$doc" >"$real/$(printf %02d "$n")/article.md" 2>/dev/null ;;
    *) cp "$doc" "$real/$(printf %02d "$n")/article.md" ;;
  esac
done < <(find /usr/share/doc \( -name '*.md' -o -name '*.md.gz' \) -size +1k 2>/dev/null | LC_ALL=C sort)
if ((n >= 20)); then
  printf 'title = "Real-world Markdown"\neditor = "Debian maintainers"\narticles = ["*/article.md"]\n' >"$real/collection.toml"
  names+=(real-world-collection)
  paths+=("$real/collection.toml")
else
  echo "note: only $n Markdown files under /usr/share/doc; real-world collection skipped"
fi

mkdir -p "$work/a" "$work/b" "$work/epoch"
books=()
for i in "${!names[@]}"; do
  name=${names[$i]}
  input=${paths[$i]}
  # Two builds in time zones half a day apart: zip entry times must not follow $TZ.
  if ! env -u SOURCE_DATE_EPOCH TZ=Pacific/Kiritimati "$galley" epub --quiet "$input" -o "$work/a/$name.epub" ||
    ! env -u SOURCE_DATE_EPOCH TZ=America/St_Johns "$galley" epub --quiet "$input" -o "$work/b/$name.epub"; then
    fail "$name: galley epub failed"
    continue
  fi
  books+=("$work/a/$name.epub")
  if cmp -s "$work/a/$name.epub" "$work/b/$name.epub"; then pass; else fail "$name: two builds differ"; fi

  first=$(unzip -Z1 "$work/a/$name.epub" | sed -n 1p)
  method=$(unzip -v "$work/a/$name.epub" | awk '$NF == "mimetype" { print $2 }')
  # Local header (30 bytes) + "mimetype" + content, with nothing between: no extra field.
  head_bytes=$(head -c 58 "$work/a/$name.epub" | tail -c 28)
  if [[ $first == mimetype && $method == Stored && $head_bytes == mimetypeapplication/epub+zip ]]; then
    pass
  else
    fail "$name: mimetype is not first, stored and without extra field (first=$first method=$method)"
  fi
done

# Every word of every single-article book comes back in its XHTML (words_back.py compares
# with the model `galley inspect` reads).
for i in "${!names[@]}"; do
  input=${paths[$i]}
  [[ $input == *.md ]] || continue
  name=${names[$i]}
  mkdir -p "$work/words/$name"
  "$galley" inspect --quiet "$input" -o "$work/words/$name/model.json" &&
    unzip -q -o "$work/a/$name.epub" 'OEBPS/article-*.xhtml' -d "$work/words/$name"
  if result=$(python3 "$here/words_back.py" "$work/words/$name/model.json" "$work/words/$name"/OEBPS/article-*.xhtml); then
    pass
  else
    fail "$name: not every word came back in the XHTML: $result"
  fi
done

# SOURCE_DATE_EPOCH decides dcterms:modified and the entry times.
SOURCE_DATE_EPOCH=1700000000 "$galley" epub --quiet "$here/fixtures/other/article.md" -o "$work/epoch/other.epub"
# (Listings are captured first: `producer | grep -q` fails under pipefail when grep quits early.)
opf=$(unzip -p "$work/epoch/other.epub" OEBPS/content.opf)
listing=$(unzip -l "$work/epoch/other.epub")
if grep -q '>2023-11-14T22:13:20Z</meta>' <<<"$opf" && grep -q '2023-11-14 22:13 *mimetype' <<<"$listing"; then
  pass
else
  fail "SOURCE_DATE_EPOCH=1700000000 did not give dcterms:modified 2023-11-14T22:13:20Z"
fi

# Command-line mistakes: exit codes from the sysexits table, and no output left behind.
expect_exit() {
  local want=$1 what=$2
  shift 2
  "$galley" "$@" </dev/null >/dev/null 2>"$work/stderr.txt"
  local got=$?
  if [[ $got == "$want" ]]; then pass; else fail "$what: exit $got, expected $want: $(head -c 300 "$work/stderr.txt")"; fi
}
cd "$work" || exit 2
cp "$here/fixtures/other/article.md" one.md
expect_exit 64 "several articles without -o" epub one.md one.md
expect_exit 64 "standard input without -o" epub -
expect_exit 66 "a missing article" epub missing.md -o missing.epub
expect_exit 64 "the book over its own article" epub one.md -o one.md
if [[ -e missing.epub ]]; then fail "a failed run left missing.epub"; else pass; fi
expect_exit 0 "the default output beside the article" epub --quiet one.md
if [[ -f one.epub ]]; then pass; else fail "galley epub one.md did not write one.epub"; fi
cd - >/dev/null || exit 2

# epubcheck: one JVM for all books when a JDK can launch EpubCheckMany.java, else one per book.
report=$work/epubcheck.txt
if java --list-modules 2>/dev/null | grep -c '^jdk.compiler' >/dev/null; then
  java -cp "$jar" "$here/EpubCheckMany.java" "${books[@]}" >"$report" 2>&1
else
  for book in "${books[@]}"; do
    out=$(java -jar "$jar" "$book" 2>&1)
    echo "$out" >>"$report"
    counts=$(echo "$out" | sed -n 's|^Messages: \([0-9]*\) fatals\? / \([0-9]*\) errors\? / \([0-9]*\) warnings\?.*|\1 \2 \3|p')
    read -r fatals errors warnings <<<"${counts:-1 1 1}"
    echo "$book: $((fatals + errors)) errors, $warnings warnings" >>"$report"
  done
fi
for book in "${books[@]}"; do
  line=$(grep -F "$book: " "$report" | grep -E ': [0-9]+ errors, [0-9]+ warnings$' | tail -n 1)
  if [[ $line == "$book: 0 errors, 0 warnings" ]]; then
    pass
  else
    fail "epubcheck $(basename "$book"): ${line#"$book: "}"
    grep -F "$(basename "$book")" "$report" | grep -E '^(ERROR|WARNING|FATAL)' | head -n 20
  fi
done
echo "epubcheck: $(grep -cE ': 0 errors, 0 warnings$' "$report") of ${#books[@]} books clean"

finish
