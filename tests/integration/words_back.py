#!/usr/bin/env python3
"""Does every word of an article come back in an output?

Usage: words_back.py MODEL.json OUTPUT... [--in-order]

MODEL.json is the article model from `galley inspect`; each OUTPUT is text (pdftotext) or
XHTML/HTML (tags dropped, entities decoded). Words are runs of letters and digits in any
script, compared case-sensitively after NFC. Every word must come back at least as often as
the model has it; with --in-order the model's words must also appear in the same order (a
subsequence of the output's words), after joining words a line-end hyphen split.
Exits 0 when all come back, 1 with the missing words listed otherwise.
"""
import collections
import html.parser
import json
import re
import sys
import unicodedata

WORD = re.compile(r"[^\W_]+", re.UNICODE)


def model_texts(model, notes=True):
    """The model's text in reading order: title block, lead, body, notes (unless `notes` is
    false: pages set them at the foot of the page of their mark), source."""
    meta = model["meta"]
    yield meta["title"]
    yield meta["subtitle"]
    yield from meta["authors"]
    yield meta["date_text"]
    if model.get("lead"):
        yield model["lead"]["caption"]
        yield model["lead"]["credit"]
    yield from node_texts(model["blocks"])
    if notes:
        yield from node_texts(model["notes"])
    if meta.get("source"):
        yield meta["source"]


def node_texts(node):
    if isinstance(node, list):
        for item in node:
            yield from node_texts(item)
    elif isinstance(node, dict):
        kind = node.get("type")
        if kind == "Image":
            yield node.get("alt", "")
            return
        if kind == "Figure":
            yield node.get("caption", "")
            yield node.get("credit", "")
            return
        if kind == "Aside":
            yield node.get("label", "")
        if kind == "Table":
            yield from node_texts(node.get("head", []))
        if "text" in node:
            yield node["text"]
        yield from node_texts(node.get("content", []))


class TextOfMarkup(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("head", "script", "style"):
            self.skip += 1
        if tag == "img":
            self.parts.append(" " + dict(attrs).get("alt", "") + " ")
        self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("head", "script", "style"):
            self.skip -= 1
        self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def words(text):
    return WORD.findall(unicodedata.normalize("NFC", text))


def output_words(path):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    if path.endswith((".xhtml", ".html", ".htm")):
        parser = TextOfMarkup()
        parser.feed(text)
        text = "".join(parser.parts)
    else:
        text = re.sub(r"(\w)[-\u00ad]\n\s*(\w)", r"\1\2", text)  # hyphenated at a line end
    return words(text)


def main(argv):
    in_order = "--in-order" in argv
    paths = [a for a in argv[1:] if a != "--in-order"]
    if len(paths) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(paths[0], encoding="utf-8") as handle:
        model = json.load(handle)
    wanted = [w for text in model_texts(model) for w in words(text or "")]
    got = [w for path in paths[1:] for w in output_words(path)]

    missing = collections.Counter(wanted) - collections.Counter(got)
    if missing:
        shown = ", ".join(f"{w!r} x{n}" for w, n in sorted(missing.items())[:20])
        print(f"{len(missing)} words missing: {shown}")
        return 1
    if in_order:
        position = 0
        for index, word in enumerate(wanted):
            while position < len(got) and got[position] != word:
                position += 1
            if position == len(got):
                context = " ".join(wanted[max(0, index - 5):index + 1])
                print(f"out of order from word {index}: ...{context}")
                return 1
            position += 1
    print(f"all {len(wanted)} words back")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
