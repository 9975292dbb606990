#!/usr/bin/env bash
# PDFs end to end: builds a PDF of every sample article, the sample collection and the
# fixtures here, and requires of each, with tools nobody here wrote:
#   qpdf --check clean; pdffonts: every font embedded, no complaint from poppler;
#   page 1 rendered by poppler is not blank;
#   pdf_words.py: every word of the model back in order (Cyrillic, quotes and dashes
#   intact), no word outside its page or over another, pdfinfo Title and Author, URI links
#   = the article's live links, one outline entry per title and heading;
#   a second build (another time zone, and fonts found through fontconfig's whole system
#   configuration rather than galley's quick one) byte-identical; SOURCE_DATE_EPOCH sets
#   CreationDate.
# Then the command line: default output beside the article, stdin/stdout, one PDF of
# several articles, --out-dir, --strict.
# GALLEY_PDF_REAL_WORLD=1 adds the Markdown files Debian installs under /usr/share/doc as one
# collection (slow; run by hand).
#
# Usage: tests/integration/pdf_check.sh GALLEY_BINARY SOURCE_DIR
# Prints one line per failure and a last line 'N passed, N failed'; exits 1 on any failure.
set -uo pipefail

source "$(dirname "$0")/lib.sh" "$@"

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

if [[ ${GALLEY_PDF_REAL_WORLD:-} == 1 ]]; then
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
  printf 'title = "Real-world Markdown"\neditor = "Debian maintainers"\narticles = ["*/article.md"]\n' >"$real/collection.toml"
  names+=(real-world-collection)
  paths+=("$real/collection.toml")
  for article in "$real"/*/article.md; do
    names+=("real-world-$(basename "$(dirname "$article")")")
    paths+=("$article")
  done
fi

mkdir -p "$work/a" "$work/b"
for i in "${!names[@]}"; do
  name=${names[$i]}
  input=${paths[$i]}
  a=$work/a/$name.pdf
  if ! env -u SOURCE_DATE_EPOCH TZ=Pacific/Kiritimati "$galley" pdf --quiet "$input" -o "$a" ||
    ! env -u SOURCE_DATE_EPOCH TZ=America/St_Johns FONTCONFIG_FILE=/etc/fonts/fonts.conf "$galley" pdf --quiet "$input" -o "$work/b/$name.pdf"; then
    fail "$name: galley pdf failed"
    continue
  fi
  if cmp -s "$a" "$work/b/$name.pdf"; then pass; else fail "$name: two builds differ"; fi

  check=$(qpdf --check "$a" 2>&1)
  if [[ $? == 0 ]] && ! grep -qi 'warning' <<<"$check"; then pass; else fail "$name: qpdf --check: $(head -c 300 <<<"$check")"; fi

  fonts=$(pdffonts "$a" 2>"$work/pdffonts.err")
  # Columns: name type encoding emb sub uni object ID; "emb" is the fourth from the end.
  not_embedded=$(awk 'NR > 2 && $(NF-4) != "yes" { print $1 }' <<<"$fonts")
  if [[ -z $not_embedded && ! -s $work/pdffonts.err && $(wc -l <<<"$fonts") -gt 2 ]]; then
    pass
  else
    fail "$name: pdffonts: not embedded: ${not_embedded:-none}; $(head -c 200 "$work/pdffonts.err")"
  fi

  # What extraction finds must also be seen: page 1 rendered by poppler carries ink (a font
  # whose glyph outlines were dropped still gives its text to pdftotext, drawing nothing).
  ink=$(pdftoppm -gray -r 20 -f 1 -l 1 "$a" 2>/dev/null | python3 -c '
import sys
data = sys.stdin.buffer.read()
fields, at = [], 0
while len(fields) < 4:  # P5 width height maxval, then one byte a pixel
    while data[at:at + 1].isspace(): at += 1
    end = at
    while not data[end:end + 1].isspace(): end += 1
    fields.append(data[at:end]); at = end
pixels = data[at + 1:]
print(round(1000 * sum(1 for p in pixels if p < 160) / max(1, len(pixels))))')
  if ((${ink:-0} >= 10)); then pass; else fail "$name: page 1 renders almost blank (${ink:-?} dark pixels a thousand)"; fi

  "$galley" inspect --quiet "$input" -o "$work/a/$name.json"
  if result=$(python3 "$here/pdf_words.py" "$work/a/$name.json" "$a" 2>&1); then
    pass
  else
    fail "$name: $(head -n 5 <<<"$result")"
  fi
done

# SOURCE_DATE_EPOCH decides CreationDate; without it the article's date does, never the clock.
SOURCE_DATE_EPOCH=1700000000 "$galley" pdf --quiet "$here/fixtures/other/article.md" -o "$work/epoch.pdf"
info=$(pdfinfo -isodates "$work/epoch.pdf")
if grep -q '^CreationDate: *2023-11-14T22:13:20Z' <<<"$info"; then pass; else fail "SOURCE_DATE_EPOCH=1700000000: $(grep CreationDate <<<"$info")"; fi
info=$(env -u SOURCE_DATE_EPOCH pdfinfo -isodates "$work/a/sample-river-ferry.pdf" 2>/dev/null)
if [[ ! -f $top/samples/river-ferry/article.md ]] || grep -q '^CreationDate: *2024-03-07T00:00:00Z' <<<"$info"; then
  pass
else
  fail "river-ferry CreationDate is not its date: $(grep CreationDate <<<"$info")"
fi

# The command line.
expect_exit() {
  local want=$1 what=$2
  shift 2
  "$galley" "$@" </dev/null >"$work/stdout.bin" 2>"$work/stderr.txt"
  local got=$?
  if [[ $got == "$want" ]]; then pass; else fail "$what: exit $got, expected $want: $(head -c 300 "$work/stderr.txt")"; fi
}
cd "$work" || exit 2
mkdir -p one two out
cp "$here/fixtures/other/article.md" one/article.md
cp "$here/fixtures/kitchen-sink/article.md" two/article.md
expect_exit 0 "the default output beside the article" pdf --quiet one/article.md
if [[ -f one/article.pdf ]]; then pass; else fail "galley pdf one/article.md did not write one/article.pdf"; fi
expect_exit 64 "several articles without -o or --out-dir" pdf one/article.md two/article.md
expect_exit 64 "standard input without -o" pdf -
expect_exit 66 "a missing article" pdf missing.md -o missing.pdf
if [[ -e missing.pdf ]]; then fail "a failed run left missing.pdf"; else pass; fi
"$galley" pdf --quiet - -o - <one/article.md >stdout.pdf 2>/dev/null
if [[ $(head -c 5 stdout.pdf) == %PDF- ]] && qpdf --check stdout.pdf >/dev/null 2>&1; then pass; else fail "pdf - -o - did not write a PDF to stdout"; fi
expect_exit 0 "several articles into one PDF" pdf --quiet one/article.md two/article.md -o both.pdf
pages=$(pdfinfo both.pdf 2>/dev/null | awk '/^Pages:/ { print $2 }')
if [[ ${pages:-0} -ge 2 ]]; then pass; else fail "one PDF of two articles has ${pages:-no} pages"; fi
expect_exit 0 "--out-dir" pdf --quiet one/article.md two/article.md --out-dir out
if [[ -f out/one-article.pdf && -f out/two-article.pdf ]]; then pass; else fail "--out-dir wrote: $(ls out)"; fi
printf 'extends = "article"\n[fonts]\nbody = "Liberaton Serif"\n' >misspelt.toml
expect_exit 65 "a font family that is not installed" pdf --quiet one/article.md --style misspelt.toml -o font.pdf
if grep -q "closest installed: Liberation Serif" stderr.txt; then pass; else fail "unknown family: $(head -c 300 stderr.txt)"; fi
expect_exit 0 "a built-in style" pdf --quiet one/article.md --style letter -o letter.pdf
if pdfinfo letter.pdf 2>/dev/null | grep -q 'Page size: *612 x 792'; then pass; else fail "--style letter is not US Letter"; fi
# Pictures: the samples' lead images are drawn (PNG as pixels, JPEG as itself).
if [[ -f $top/samples/river-ferry/article.md ]]; then
  for sample in river-ferry metro-budget; do
    count=$(pdfimages -list "$work/a/sample-$sample.pdf" 2>/dev/null | awk 'NR > 2 && $3 == "image"' | wc -l)
    if [[ $count -ge 1 ]]; then pass; else fail "sample-$sample: no picture drawn"; fi
  done
fi
# Bad pictures: a warning naming the article, the caption kept, a valid PDF; never a crash.
mkdir -p bad
python3 - bad "$top/samples/river-ferry/ferry.png" <<'PY'
import struct, sys, zlib
folder, good = sys.argv[1], sys.argv[2]
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
png = open(good, "rb").read()
open(f"{folder}/truncated.png", "wb").write(png[: len(png) // 2])
header = struct.pack(">IIBBBBB", 100000, 100000, 8, 2, 0, 0, 0)  # 10^10 pixels
open(f"{folder}/bomb.png", "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) +
                                       chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))
open(f"{folder}/short.jpg", "wb").write(b"\xff\xd8")
PY
{
  echo "# Bad Pictures"
  for picture in truncated.png bomb.png short.jpg missing.png ../one/article.md https://example.org/remote.png; do
    printf '\n![A picture](%s)\n\n**Caption for %s / Credit**\n\nA paragraph after it.\n' "$picture" "$picture"
  done
} >bad/article.md
expect_exit 0 "bad pictures" pdf bad/article.md -o bad.pdf
warned=$(grep -cE "bad/article.md:[0-9]+: warning: .*the figure shows its caption only" stderr.txt)
if [[ $warned == 6 ]]; then pass; else fail "bad pictures: $warned of 6 warnings: $(head -c 600 stderr.txt)"; fi
if qpdf --check bad.pdf >/dev/null 2>&1 && [[ $(pdftotext bad.pdf - 2>/dev/null | grep -c '^Caption for') == 6 ]]; then
  pass
else
  fail "bad pictures: the PDF is not valid or lost captions"
fi
expect_exit 65 "--strict with a warning" pdf --strict two/article.md -o strict.pdf
if [[ -e strict.pdf ]]; then fail "--strict left strict.pdf behind"; else pass; fi
cd - >/dev/null || exit 2

finish
