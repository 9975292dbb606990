#!/usr/bin/env bash
# Print PDFs end to end, with tools nobody here wrote. For the print styles book-a5 and
# tabloid, every sample, the collection and the kitchen-sink fixture must give:
#   qpdf --check clean; pdffonts: every font embedded; pdf_words.py: every word back in order
#   (notes at the foot, columns read one after another), links and outline;
#   pdfinfo -box: MediaBox, TrimBox and BleedBox on every page, as styled (exact numbers);
#   no rg/RG operator in any content stream (qpdf --qdf decompresses them) and no DeviceRGB.
# Then: crop marks in the slug at all four corners of a rendered page and nothing in the
# bleed (print_pages.py corners; a style without crop marks must fail that check); tabloid
# text in four column bands (print_pages.py columns); a page background and a full-bleed lead
# picture reaching the bleed edge; the EPUB's CSS following the style.
#
# Usage: tests/integration/print_check.sh GALLEY_BINARY SOURCE_DIR
# Prints one line per failure and a last line 'N passed, N failed'; exits 1 on any failure.
set -uo pipefail

source "$(dirname "$0")/lib.sh" "$@"

# The sheet of each print style, in points, as pdfinfo prints them: MediaBox, BleedBox, TrimBox.
# book-a5: A5 trim (419.53 x 595.28), 3 mm bleed, 12 mm slug -> trim at 15 mm = 42.52.
# tabloid: 11 x 17 in trim (792 x 1224), 3 mm bleed, 10 mm slug -> trim at 13 mm = 36.85.
declare -A media bleed trim
media[book-a5]="0.00 0.00 504.57 680.31"
bleed[book-a5]="34.02 34.02 470.55 646.30"
trim[book-a5]="42.52 42.52 462.05 637.80"
media[tabloid]="0.00 0.00 865.70 1297.70"
bleed[tabloid]="28.35 28.35 837.35 1269.35"
trim[tabloid]="36.85 36.85 828.85 1260.85"

inputs=("$top"/samples/*/article.md "$top/samples/collection.toml" "$here/fixtures/kitchen-sink/article.md")
for style in book-a5 tabloid; do
  for input in "${inputs[@]}"; do
    name=$style-$(basename "$(dirname "$input")")-$(basename "$input" | cut -d. -f1)
    pdf=$work/$name.pdf
    if ! "$galley" pdf --quiet "$input" --style "$style" -o "$pdf"; then
      fail "$name: galley pdf failed"
      continue
    fi
    check=$(qpdf --check "$pdf" 2>&1)
    if [[ $? == 0 ]] && ! grep -qi 'warning' <<<"$check"; then pass; else fail "$name: qpdf --check: $(head -c 300 <<<"$check")"; fi
    not_embedded=$(pdffonts "$pdf" 2>/dev/null | awk 'NR > 2 && $(NF-4) != "yes" { print $1 }')
    if [[ -z $not_embedded ]]; then pass; else fail "$name: fonts not embedded: $not_embedded"; fi
    "$galley" inspect --quiet "$input" -o "$work/$name.json"
    if result=$(python3 "$here/pdf_words.py" "$work/$name.json" "$pdf" 2>&1); then pass; else fail "$name: $(head -n 5 <<<"$result")"; fi

    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
    boxes=$(pdfinfo -box -f 1 -l "$pages" "$pdf")
    bad=0
    for kind in MediaBox BleedBox TrimBox; do
      case $kind in MediaBox) want=${media[$style]} ;; BleedBox) want=${bleed[$style]} ;; TrimBox) want=${trim[$style]} ;; esac
      got=$(awk -v k="$kind:" '$3 == k { print $4, $5, $6, $7 }' <<<"$boxes" | sort -u)
      count=$(grep -c " $kind:" <<<"$boxes")
      if [[ $got != "$want" || $count != "$pages" ]]; then
        fail "$name: $kind on $count of $pages pages: '$got', expected '$want'"
        bad=1
      fi
    done
    ((bad == 0)) && pass

    qpdf --qdf --object-streams=disable "$pdf" "$work/$name.qdf.pdf" 2>/dev/null
    operators=$(grep -caE '(^|[[:space:]])(rg|RG)([[:space:]]|$)' "$work/$name.qdf.pdf")
    if [[ $operators == 0 ]]; then pass; else fail "$name: $operators rg/RG operators in a CMYK job"; fi
    if ! grep -qa DeviceRGB "$work/$name.qdf.pdf"; then pass; else fail "$name: DeviceRGB in a CMYK job"; fi
    if [[ $input == */samples/*/article.md ]] && pdfimages -list "$pdf" 2>/dev/null | awk 'NR > 2' | grep -q .; then
      if pdfimages -list "$pdf" | awk 'NR > 2 && $6 != "cmyk" && $6 != "gray" { bad = 1 } END { exit bad }'; then
        pass
      else
        fail "$name: a picture that is not CMYK: $(pdfimages -list "$pdf" | tail -n +3)"
      fi
    fi
  done
done

# Crop marks in the slug at four corners, the bleed left clear.
mm=2.834645669
corners() { python3 "$here/print_pages.py" corners "$@"; }
if result=$(corners "$work/book-a5-conseil-municipal-article.pdf" 42.5197 42.5197 419.5276 595.2756 8.5039 34.0157); then
  pass
else
  fail "book-a5 crop marks: $result"
fi
if result=$(corners "$work/tabloid-conseil-municipal-article.pdf" 36.8504 36.8504 792 1224 8.5039 28.3465); then
  pass
else
  fail "tabloid crop marks: $result"
fi
# The check itself: without crop marks it must fail.
printf 'extends = "book-a5"\n[print]\nmarks = ["registration"]\n' >"$work/no-crop.toml"
"$galley" pdf --quiet "$top/samples/conseil-municipal/article.md" --style "$work/no-crop.toml" -o "$work/no-crop.pdf"
if ! corners "$work/no-crop.pdf" 42.5197 42.5197 419.5276 595.2756 8.5039 34.0157 >/dev/null; then
  pass
else
  fail "the corner check passes a page without crop marks"
fi

# Tabloid: four columns of 170.36 pt, 5 mm apart, from the 12 mm margin, within the 14 mm
# top and bottom margins.
left=$(python3 -c "print(13 * $mm + 12 * $mm)")
width=$(python3 -c "print((792 - 24 * $mm - 15 * $mm) / 4)")
if result=$(python3 "$here/print_pages.py" columns "$work/tabloid-samples-collection.pdf" 4 "$left" "$width" "$(python3 -c "print(5 * $mm)")" \
  "$(python3 -c "print(27 * $mm)")" "$(python3 -c "print(13 * $mm + 1224 - 14 * $mm)")"); then
  pass
else
  fail "tabloid columns: $result"
fi

# A page background and a full-bleed lead picture run to the bleed's edge.
printf 'extends = "book-a5"\n[page]\nbackground = "cmyk(0, 0, 0.2, 0)"\n[figures]\nlead_bleed = true\n' >"$work/bleed.toml"
"$galley" trace --quiet "$top/samples/river-ferry/article.md" --style "$work/bleed.toml" >"$work/bleed.trace"
if grep -q '^  box 34.0,34.0 436.5x612.3 fill=cmyk(0,0,0.2,0)' "$work/bleed.trace" &&
  grep -qE '^  picture 34.0,[0-9.]+ 436.5x[0-9.]+ "ferry.png" full-bleed' "$work/bleed.trace"; then
  pass
else
  fail "background or full-bleed picture not at the bleed edge: $(grep -m2 -E '^  (box|picture)' "$work/bleed.trace")"
fi

# The EPUB's CSS follows the style: justified book-a5, ragged ebook.
css() {
  "$galley" epub --quiet "$top/samples/river-ferry/article.md" --style "$1" -o "$work/$1.epub"
  unzip -p "$work/$1.epub" '*.css'
}
a5=$(css book-a5)
ebook=$(css ebook)
if [[ $a5 != "$ebook" ]] && grep -q 'justify' <<<"$a5" && ! grep -q 'justify' <<<"$ebook"; then
  pass
else
  fail "the EPUB's CSS does not follow the style"
fi

finish
