#!/usr/bin/env python3
"""Checks the typesetting of a justified PDF from its word boxes alone.

Usage: typeset_check.py FILE.pdf SOURCE.md DICTIONARY.dic

Reads `pdftotext -raw -bbox` (poppler) and finds, per page, the body text (the most common
word height), its column (the most common left and right edges of its lines: nothing about
margins is assumed, so mirrored margins or bleed do not matter) and its paragraphs (a line is
a paragraph's last when the next is indented, is not body text, or lies further below than
one line). Then requires:
  - every body line but a paragraph's last ends at the column's right edge (justified);
  - no word runs past the right edge (no overfull line);
  - no line's word spaces are wider than twice the median word space of the text;
  - hyphenated line ends exist, and each splits its word where libhyphen itself (through
    ctypes, with its own loader, not galley's) allows a break in DICTIONARY.dic, unless the
    source has the hyphen (a compound such as "Ferreira-Lund");
  - no page starts with a paragraph's last line or ends with its first (widows, orphans);
  - no page ends with a heading, or with a heading and a single line after it;
  - no page ends with a hyphenated line.
Prints one line per failure and exits 1, or a summary of what it measured and exits 0.
"""
import ctypes
import html
import re
import statistics
import subprocess
import sys
import unicodedata

WORD = re.compile(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
EDGE = 0.6  # points: how far a justified line end may be from the column edge


def mode(values):
    counts = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return max(counts.items(), key=lambda item: (item[1], -item[0]))[0] if counts else None


def read_lines(pdf):
    """Lines in drawing order: dicts with page, top, bottom, height and words (x0, x1, text)."""
    output = subprocess.run(["pdftotext", "-raw", "-bbox", pdf, "-"], check=True, capture_output=True,
                            text=True).stdout
    lines, page = [], -1
    for row in output.splitlines():
        if PAGE.search(row):
            page += 1
            continue
        match = WORD.search(row)
        if not match:
            continue
        x0, y0, x1, y1 = (float(match.group(i)) for i in range(1, 5))
        text = html.unescape(match.group(5))
        last = lines[-1] if lines else None
        # Words of one line share a bottom (the descender line); note marks ride higher.
        if last and last["page"] == page and abs(last["bottom"] - y1) < 1.5 and x0 > last["words"][-1][1] - 0.5:
            last["words"].append((x0, x1, text, round(y1 - y0, 1)))
            last["top"] = min(last["top"], y0)
        else:
            lines.append({"page": page, "top": y0, "bottom": y1, "words": [(x0, x1, text, round(y1 - y0, 1))]})
    for line in lines:
        line["height"] = mode([w[3] for w in line["words"]])
    return lines


def letters_only(text):
    return "".join(c for c in text if unicodedata.category(c)[0] in "LM")


class Libhyphen:
    """libhyphen's own loader and hyphenator, through ctypes."""

    def __init__(self, path):
        self.lib = ctypes.CDLL("libhyphen.so.0")
        self.lib.hnj_hyphen_load.restype = ctypes.c_void_p
        self.lib.hnj_hyphen_load.argtypes = [ctypes.c_char_p]
        self.lib.hnj_hyphen_hyphenate2.argtypes = [
            ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_char_p,
            ctypes.POINTER(ctypes.POINTER(ctypes.c_char_p)), ctypes.POINTER(ctypes.POINTER(ctypes.c_int)),
            ctypes.POINTER(ctypes.POINTER(ctypes.c_int))]
        with open(path, "rb") as f:
            charset = f.readline().decode("ascii").strip()
        self.encoding = {"UTF-8": "utf-8", "KOI8-R": "koi8_r", "ISO8859-1": "latin-1",
                         "ISO8859-2": "iso8859_2"}.get(charset.upper(), "utf-8")
        self.dict = self.lib.hnj_hyphen_load(path.encode())
        if not self.dict:
            raise SystemExit(f"libhyphen cannot load {path}")

    def allows(self, word, position):
        """True when libhyphen allows a hyphen after `position` characters of `word`."""
        encoded = word.lower().encode(self.encoding)
        hyphens = ctypes.create_string_buffer(len(encoded) + 5)
        rep = ctypes.POINTER(ctypes.c_char_p)()
        pos = ctypes.POINTER(ctypes.c_int)()
        cut = ctypes.POINTER(ctypes.c_int)()
        self.lib.hnj_hyphen_hyphenate2(self.dict, encoded, len(encoded), hyphens, None, ctypes.byref(rep),
                                       ctypes.byref(pos), ctypes.byref(cut))
        marks = hyphens.raw.decode("latin-1")
        if self.encoding == "utf-8":
            return position - 1 < len(marks) and int(marks[position - 1]) % 2 == 1
        return int(marks[position - 1]) % 2 == 1


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    pdf, source_path, dictionary = sys.argv[1:]
    with open(source_path, encoding="utf-8") as f:
        source = f.read()
    source_words = set(re.findall(r"[\w\u00ad-]+", source))
    hyphenator = Libhyphen(dictionary)
    lines = read_lines(pdf)
    body_height = mode([w[3] for line in lines for w in line["words"]])
    for line in lines:
        line["body"] = line["height"] == body_height
    body = [line for line in lines if line["body"]]
    leading = mode([round(b["bottom"] - a["bottom"], 1) for a, b in zip(body, body[1:]) if a["page"] == b["page"]])
    pages = sorted({line["page"] for line in body})
    left = {p: mode([round(l["words"][0][0] * 2) / 2 for l in body if l["page"] == p]) for p in pages}
    right = {p: mode([round(l["words"][-1][1] * 2) / 2 for l in body if l["page"] == p]) for p in pages}
    # Running heads and folios are other sizes than the body; they are left out by height,
    # but they sit between pages' text: keep only lines inside each page's body band.
    top = {p: min(l["top"] for l in body if l["page"] == p) - 2 * leading for p in pages}
    bottom = {p: max(l["bottom"] for l in body if l["page"] == p) + 0.5 for p in pages}
    flow = [l for l in lines if l["page"] in top and top[l["page"]] <= l["top"] and l["bottom"] <= bottom[l["page"]]]

    for i, line in enumerate(flow):
        following = flow[i + 1] if i + 1 < len(flow) else None
        line["final"] = line["body"] and (
            following is None or not following["body"]
            or following["words"][0][0] > left[following["page"]] + 2
            or (following["page"] == line["page"] and following["bottom"] - line["bottom"] > leading * 1.3))
        previous = flow[i - 1] if i > 0 else None
        line["first"] = line["body"] and (previous is None or not previous["body"] or previous["final"])

    failures = []
    spaces, line_spaces, hyphenated, edge_misses = [], [], 0, []
    for i, line in enumerate(flow):
        if not line["body"]:
            continue
        page, words = line["page"], line["words"]
        end = words[-1][1]
        if end > right[page] + EDGE:
            failures.append(f"page {page + 1}: overfull line ends {end - right[page]:.2f} pt past the edge: "
                            f"{' '.join(w[2] for w in words)}")
        if line["final"]:
            continue
        edge_misses.append(abs(end - right[page]))
        if abs(end - right[page]) > EDGE:
            failures.append(f"page {page + 1}: justified line ends {end - right[page]:+.2f} pt from the edge: "
                            f"{' '.join(w[2] for w in words)}")
        gaps = [b[0] - a[1] for a, b in zip(words, words[1:])]
        spaces.extend(gaps)
        if gaps:
            line_spaces.append((max(gaps), line))
        last = words[-1][2]
        if last.endswith("-") and len(last) > 1 and unicodedata.category(last[-2])[0] == "L":
            following = flow[i + 1]
            head = last[:-1]
            tail = following["words"][0][2]
            left_part = re.sub(r"^\W+", "", head)
            right_part = re.sub(r"\W+$", "", tail)
            if f"{left_part}-{right_part}" in source_words or "-" in left_part:
                continue  # the source's own hyphen
            hyphenated += 1
            word = left_part + right_part
            if letters_only(word) != word or not hyphenator.allows(word, len(left_part)):
                failures.append(f"page {page + 1}: '{left_part}-{right_part}' is not a break libhyphen allows")
    median = statistics.median(spaces) if spaces else 0
    widest = max((s for s, _ in line_spaces), default=0)
    for space, line in line_spaces:
        if space > 2 * median:
            failures.append(f"page {line['page'] + 1}: word spaces of {space:.2f} pt, over twice the median "
                            f"{median:.2f}: {' '.join(w[2] for w in line['words'])}")
    if hyphenated == 0:
        failures.append("no hyphenated line ends: the text is not hyphenated")

    for page in pages:
        on_page = [l for l in flow if l["page"] == page]
        texts = [l for l in on_page if l["body"]]
        if page != pages[0] and texts and texts[0] is on_page[0] and texts[0]["final"] and not texts[0]["first"]:
            failures.append(f"page {page + 1} starts with the last line of a paragraph (a widow): "
                            f"{' '.join(w[2] for w in texts[0]['words'])}")
        if page == pages[-1]:
            continue
        last = on_page[-1]
        if last["body"] and last["first"] and not last["final"]:
            failures.append(f"page {page + 1} ends with the first line of a paragraph (an orphan): "
                            f"{' '.join(w[2] for w in last['words'])}")
        if last["height"] > body_height:
            failures.append(f"page {page + 1} ends with a heading: {' '.join(w[2] for w in last['words'])}")
        if len(on_page) >= 2 and on_page[-2]["height"] > body_height and last["body"]:
            failures.append(f"page {page + 1} ends with a heading and one line after it")
        if last["body"] and not last["final"] and last["words"][-1][2].endswith("-"):
            failures.append(f"page {page + 1} ends with a hyphenated line")

    for failure in failures:
        print("FAIL:", failure)
    if failures:
        return 1
    print(f"ok: {len(body)} body lines on {len(pages)} pages, {hyphenated} hyphenated; line ends within "
          f"{max(edge_misses, default=0):.2f} pt of the edge; median word space {median:.2f} pt, widest "
          f"{widest:.2f} pt ({widest / median if median else 0:.2f} x median)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
