#!/usr/bin/env python3
"""Checks of print PDFs that need pixels or word positions (no PIL: poppler writes PGM).

Usage:
  print_pages.py corners FILE.pdf TRIM_X TRIM_Y TRIM_W TRIM_H BLEED SLUG
      Renders page 1 at 144 dpi (pdftoppm -gray) and requires, at each of the four trim
      corners, dark pixels in the slug's corner square (the crop marks) and none in the
      bleed's corner square (marks must not enter the bleed; the page has no background).
      Lengths in points.
  columns FILE.pdf COUNT LEFT WIDTH GAP TOP BOTTOM
      pdftotext -bbox: on every page, the words between TOP and BOTTOM (points from the
      sheet's top) below the last word that fits no column (the title block spans them) each
      lie inside one of COUNT column bands starting at LEFT, WIDTH wide, GAP apart; and some
      page has at least 20 words in every band.
Prints one line per failure and exits 1, or a summary and exits 0.
"""
import glob
import html
import re
import subprocess
import sys
import tempfile

DPI = 144


def read_pgm(path):
    with open(path, "rb") as handle:
        data = handle.read()
    # P5 <width> <height> <maxval> then one byte a pixel.
    fields = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    width, height = int(fields.group(1)), int(fields.group(2))
    return width, height, data[fields.end():]


def dark_in(pixels, width, x0, y0, x1, y1, scale):
    """Pixels darker than mid-grey inside the box given in points."""
    count = 0
    for y in range(int(y0 * scale), int(y1 * scale)):
        row = y * width
        for x in range(int(x0 * scale), int(x1 * scale)):
            if pixels[row + x] < 128:
                count += 1
    return count


def corners(pdf, tx, ty, tw, th, bleed, slug):
    failures = []
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), "-f", "1", "-l", "1", pdf, f"{folder}/p"], check=True)
        width, height, pixels = read_pgm(sorted(glob.glob(f"{folder}/p*.pgm"))[0])
    scale = DPI / 72
    inset = 1.5 / scale + 0.5  # a pixel and a half of antialiasing, in points
    for name, (cx, cy, sx, sy) in {
        "top-left": (tx, ty, -1, -1),
        "top-right": (tx + tw, ty, 1, -1),
        "bottom-left": (tx, ty + th, -1, 1),
        "bottom-right": (tx + tw, ty + th, 1, 1),
    }.items():
        # Beyond the bleed, on the lines of the two trim edges meeting there: the crop marks.
        x0, x1 = sorted((cx + sx * bleed, cx + sx * (bleed + slug)))
        y0, y1 = sorted((cy + sy * bleed, cy + sy * (bleed + slug)))
        marks = dark_in(pixels, width, cx - 1, y0, cx + 1, y1, scale)  # the vertical one
        marks += dark_in(pixels, width, x0, cy - 1, x1, cy + 1, scale)  # the horizontal one
        if marks < 10:
            failures.append(f"{name}: no crop mark in the slug ({marks} dark pixels)")
        # The bleed's corner square, outside the trim: must stay white.
        bx0, bx1 = sorted((cx, cx + sx * bleed))
        by0, by1 = sorted((cy, cy + sy * bleed))
        ink = dark_in(pixels, width, bx0 + inset, by0 + inset, bx1 - inset, by1 - inset, scale)
        if ink:
            failures.append(f"{name}: {ink} dark pixels in the bleed's corner")
        # Nor may a crop mark run into the bleed along the trim edge lines.
        lx0, lx1 = sorted((cx + sx * inset, cx + sx * (bleed - inset)))
        ly0, ly1 = sorted((cy + sy * inset, cy + sy * (bleed - inset)))
        along = dark_in(pixels, width, lx0, cy - 1, lx1, cy + 1, scale) + dark_in(pixels, width, cx - 1, ly0, cx + 1, ly1, scale)
        if along:
            failures.append(f"{name}: a crop mark enters the bleed ({along} dark pixels)")
    return failures, f"crop marks at four corners, bleed clear ({width}x{height} px)"


WORD = re.compile(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*)</word>')


def columns(pdf, count, left, width, gap, top, bottom):
    text = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True, capture_output=True, text=True).stdout
    pages = [[(float(m.group(1)), float(m.group(2)), float(m.group(3)), float(m.group(4)), html.unescape(m.group(5)))
              for m in WORD.finditer(page)] for page in text.split("<page ")[1:]]
    bands = [(left + k * (width + gap), left + k * (width + gap) + width) for k in range(count)]

    def band(word):
        for k, (x0, x1) in enumerate(bands):
            if word[0] >= x0 - 1 and word[2] <= x1 + 1:
                return k
        return None

    failures, full = [], 0
    for number, words in enumerate(pages, 1):
        inside = [w for w in words if w[1] >= top and w[3] <= bottom]
        spanning = [w for w in inside if band(w) is None]
        below = max((w[3] for w in spanning), default=top)
        counts = [0] * count
        for w in inside:
            if w[1] < below:
                continue
            k = band(w)
            if k is None:
                failures.append(f"page {number}: {w[4]!r} at x {w[0]:.1f}-{w[2]:.1f} lies in no column")
            else:
                counts[k] += 1
        if min(counts) >= 20:
            full += 1
    if not full:
        failures.append(f"no page has {count} columns of text")
    return failures[:10], f"{full} of {len(pages)} pages in {count} columns"


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    mode, pdf, numbers = argv[1], argv[2], [float(v) for v in argv[3:]]
    if mode == "corners":
        failures, summary = corners(pdf, *numbers)
    elif mode == "columns":
        failures, summary = columns(pdf, int(numbers[0]), *numbers[1:])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for failure in failures:
        print(failure)
    if failures:
        return 1
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
