#!/usr/bin/env python3
"""Checks one PDF against the article model it was made from.

Usage: pdf_words.py MODEL.json FILE.pdf

MODEL.json is `galley inspect` output (an article, or a collection with "documents").
Requires of FILE.pdf, through poppler's and qpdf's tools:
  - every word of the model comes back from `pdftotext -raw -bbox`, in order (the body's and
    the notes' each in order: notes are set at the foot of the page or column of their
    mark; columns are drawn, and so read, one after the other; a word split
    across a line end, with or without a hyphen, counts as one). Raw order is the order the
    words are drawn in; pdftotext's default reading order reads code with aligned comments
    and tables with right-aligned numbers column by column, which is its analysis, not ours;
  - curly quotes, guillemets and dashes come back at least as often as the model has them;
  - no word lies outside its page, and no two words overlap;
  - pdfinfo's Title is the title and its Author names every author;
  - the URI links are exactly the model's distinct live (web and mail) links and sources;
  - the outline has one entry per article and per heading.
Prints one line per failure and exits 1, or prints a summary and exits 0.
"""
import html
import json
import os
import re
import subprocess
import sys
import unicodedata
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from words_back import model_texts, node_texts, words  # noqa: E402

PUNCTUATION = "\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u2013\u2014"
WORD_LINE = re.compile(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*)</word>')
PAGE_LINE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


def run(*command):
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def documents(model):
    return model["documents"] if "documents" in model else [model]


def bbox_words(pdf):
    """Words of the PDF in reading order: (text, page, xMin, yMin, xMax, yMax) and pages."""
    pages, out = [], []
    for line in run("pdftotext", "-raw", "-bbox", pdf, "-").splitlines():
        page = PAGE_LINE.search(line)
        if page:
            pages.append((float(page.group(1)), float(page.group(2))))
            continue
        word = WORD_LINE.search(line)
        if word:
            x0, y0, x1, y1 = (float(word.group(i)) for i in range(1, 5))
            out.append((html.unescape(word.group(5)), len(pages) - 1, x0, y0, x1, y1))
    return out, pages


def tokens(boxes):
    """Model-comparable tokens, each marked when it ends a line (joinable with the next)."""
    out = []
    for i, (text, page, x0, y0, x1, y1) in enumerate(boxes):
        parts = words(text)
        nxt = boxes[i + 1] if i + 1 < len(boxes) else None
        line_end = nxt is None or nxt[1] != page or abs(nxt[3] - y0) > 2 or nxt[2] < x0
        for k, part in enumerate(parts):
            out.append((part, line_end and k == len(parts) - 1))
    return out


def check_order(wanted, got):
    """None when `wanted` is a subsequence of `got`, where a word may have been split at line
    ends (its parts each end a line) and several model words may make one drawn word (the
    model splits "**to**fu" into two texts; the page shows "tofu")."""
    position = 0
    rest = None  # what is left of got[position] after model words matched its start
    for index, word in enumerate(wanted):
        found = False
        while position < len(got):
            text = rest if rest is not None else got[position][0]
            line_end = got[position][1]
            if text == word:
                position, rest, found = position + 1, None, True
                break
            if text.startswith(word):
                rest, found = text[len(word):], True
                break
            # A word split at line ends: its parts, each ending a line but the last.
            joined, q = text, position
            while line_end and q + 1 < len(got) and len(joined) < len(word) and word.startswith(joined):
                q += 1
                joined += got[q][0]
                line_end = got[q][1]
            if joined == word:
                position, rest, found = q + 1, None, True
                break
            position, rest = position + 1, None
        if not found:
            context = " ".join(wanted[max(0, index - 6):index + 1])
            return f"word {index} of {len(wanted)} missing or out of order: ...{context}"
    return None


def check_geometry(boxes, pages):
    problems = []
    for text, page, x0, y0, x1, y1 in boxes:
        width, height = pages[page]
        if x0 < -0.01 or y0 < -0.01 or x1 > width + 0.01 or y1 > height + 0.01:
            problems.append(f"word {text!r} on page {page + 1} lies outside the page")
    by_page = {}
    for box in boxes:
        by_page.setdefault(box[1], []).append(box)
    for page, items in by_page.items():
        items.sort(key=lambda b: b[3])
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                if b[3] >= a[5] - 1:
                    break
                x_overlap = min(a[4], b[4]) - max(a[2], b[2])
                y_overlap = min(a[5], b[5]) - max(a[3], b[3])
                if x_overlap > 0.2 and y_overlap > 1:
                    problems.append(f"words {a[0]!r} and {b[0]!r} overlap on page {page + 1}")
    return problems[:10]


def as_uri(target):
    """A link target as a PDF must hold it: characters a URL may not contain percent-encoded."""
    return urllib.parse.quote(target, safe="-._~:/?#[]@!$&'()*+,;=%")


def live_links(docs):
    links = set()

    def walk(node):
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            if node.get("type") == "Link" and re.match(r"(?i)(https?://.|mailto:)", node.get("target", "")):
                links.add(as_uri(node["target"]))
            for value in node.values():
                walk(value)

    for doc in docs:
        walk(doc["blocks"])
        walk(doc.get("notes", []))
        source = doc["meta"].get("source")
        if source and re.match(r"(?i)https?://.", source):
            links.add(as_uri(source))
    return links


def pdf_links_and_outline(pdf):
    data = json.loads(run("qpdf", "--json=2", "--json-key=qpdf", "--json-key=outlines", pdf))
    uris = set()

    def find_uris(node):
        if isinstance(node, list):
            for item in node:
                find_uris(item)
        elif isinstance(node, dict):
            if node.get("/S") == "/URI":
                uri = node.get("/URI", "")
                uris.add(uri[2:] if uri.startswith(("u:", "b:")) else uri)
            for value in node.values():
                find_uris(value)

    find_uris(data["qpdf"][1])
    count = 0

    def walk(entries):
        nonlocal count
        for entry in entries:
            count += 1
            walk(entry.get("kids", []))

    walk(data.get("outlines", []))
    return uris, count


def headings(node):
    if isinstance(node, list):
        return sum(headings(item) for item in node)
    if isinstance(node, dict):
        return (1 if node.get("type") == "Header" else 0) + sum(headings(v) for v in node.values())
    return 0


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as handle:
        model = json.load(handle)
    pdf = argv[2]
    docs = documents(model)
    failures = []

    boxes, pages = bbox_words(pdf)
    # Notes sit at the foot of the page (or column) of their first mark, between the body's
    # words: the body's words and the notes' words must each come back in order.
    drawn = tokens(boxes)
    wanted = [w for doc in docs for text in model_texts(doc, notes=False) for w in words(text or "")]
    problem = check_order(wanted, drawn)
    if problem:
        failures.append(problem)
    in_notes = [w for doc in docs for text in node_texts(doc["notes"]) for w in words(text or "")]
    problem = check_order(in_notes, drawn)
    if problem:
        failures.append("notes: " + problem)
    wanted += in_notes

    plain = unicodedata.normalize("NFC", run("pdftotext", pdf, "-"))
    model_text = unicodedata.normalize("NFC", "".join(t or "" for doc in docs for t in model_texts(doc)))
    for mark in PUNCTUATION:
        if plain.count(mark) < model_text.count(mark):
            failures.append(f"{mark!r}: {model_text.count(mark)} in the article, {plain.count(mark)} in the PDF")

    failures += check_geometry(boxes, pages)

    info = run("pdfinfo", pdf)
    title = re.search(r"^Title:\s*(.*)$", info, re.M)
    author = re.search(r"^Author:\s*(.*)$", info, re.M)
    expected_title = model["collection"]["title"] if "collection" in model and model["collection"].get("title") \
        else docs[0]["meta"]["title"]
    if expected_title and (not title or title.group(1).strip() != " ".join(expected_title.split())):
        failures.append(f"pdfinfo Title {title.group(1) if title else None!r}, expected {expected_title!r}")
    names = model["collection"].get("editor") if "collection" in model else None
    for name in ([names] if names else [a for doc in docs for a in doc["meta"]["authors"]]):
        if not author or name not in author.group(1):
            failures.append(f"pdfinfo Author {author.group(1) if author else None!r} lacks {name!r}")

    uris, outline = pdf_links_and_outline(pdf)
    expected_links = live_links(docs)
    if uris != expected_links:
        failures.append(f"URI links differ: missing {sorted(expected_links - uris)}, extra {sorted(uris - expected_links)}")
    expected_outline = sum(1 + headings(doc["blocks"]) for doc in docs)
    if outline != expected_outline:
        failures.append(f"{outline} outline entries, expected {expected_outline} (titles and headings)")

    for failure in failures:
        print(failure)
    if failures:
        return 1
    print(f"{len(wanted)} words back in order, {len(pages)} pages, {len(uris)} links, {outline} outline entries")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
