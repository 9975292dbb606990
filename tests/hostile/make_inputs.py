#!/usr/bin/env python3
"""Writes the adversarial inputs of tests/hostile into a folder.

Each input is named after its case in cases.txt. They are generated rather than committed
because several are megabytes of repetition (cmark's own pathological tests repeat a
pattern 30,000 to 50,000 times) and some cannot live in git at all (FIFOs, symbolic links
out of the folder, files over the size limit). The generator is deterministic: no clock,
no randomness.

Usage: make_inputs.py OUT_DIR
"""
import os
import struct
import sys
import zlib

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
N = 30000  # repetitions of a pathological pattern


def write(name, data):
    path = os.path.join(out, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def article(body, title="Hostile Input"):
    return f"# {title}\n\nMarch 7, 2024\n\nBy Ann Lee\n\n{body}\n"


# --- pathological Markdown: the patterns of cmark's test/pathological_tests.py ----------
pathological = {
    "nested-strong-emph": "*a **a " * N + "b" + " a** a*" * N,
    "many-emph-closers": "a***" * N,
    "many-emph-openers": "*a " * N,
    "many-link-closers": "a]" * N,
    "many-link-openers": "[a" * N,
    "mismatched-openers-closers": "*a_ " * N,
    "openers-closers-multiple-of-3": "a**b" + "c* " * N,
    "link-openers-and-emph-closers": "[ a_" * N,
    "nested-brackets": "[" * N + "a" + "]" * N,
    "nested-block-quotes": "> " * N + "a",
    "deeply-nested-lists": "".join("  " * i + "* a\n" for i in range(1000)),
    "u-plus-0000-runs": "abc\u0000de\u0000" * N,
    "backticks": "".join("e" + "`" * i for i in range(1, 2000)),
    "unclosed-links-a": "[a](<b" * N,
    "unclosed-links-b": "[a](b" * N,
    "unclosed-html-comments": "</" + "<!--" * N,
    "many-entities": "&amp;" * N + "&#1114112;&#0;&#xFFFF;" * 1000,
    "reference-definitions": "".join(f"[l{i}]: https://example.org/{i}\n" for i in range(N)) + "[l1]",
    "autolink-run": "www." * N,
    "table-many-rows": "| a | b |\n| --- | --- |\n" + "| x | y |\n" * 5000,
    "footnote-self-reference": "Text.[^a]\n\n[^a]: Note that cites itself.[^a]\n",
    "footnote-cycle": "Text.[^a]\n\n[^a]: See[^b]\n\n[^b]: See[^a]\n",
}
for name, body in pathological.items():
    write(f"{name}.md", article(body))

# --- limits -----------------------------------------------------------------------------
write("table-too-wide.md", article("|" + " a |" * 1001 + "\n|" + " - |" * 1001 + "\n"))
write("too-many-footnotes.md", article(" ".join(f"w[^{i}]" for i in range(10001)) + "\n\n" +
                                       "".join(f"[^{i}]: n\n\n" for i in range(10001))))
write("over-size-limit.md", article("word " * (9 << 18)))  # 9 MiB > 8 MiB
write("long-word.md", article("x" * 5000 + " and then " + "д" * 3000))
write("long-url.md", article("See https://example.org/" + "/segment" * 600 + " today."))
write("combining-marks.md", article("Z" + "\u0301" * 5000 + " text."))

# --- encodings and characters XML forbids ------------------------------------------------
write("xml-forbidden.md", article("bell\x07 form\x0c vt\x0b esc\x1b del\x7f nonchar\ufffe\uffff end."))
write("invalid-utf8.md", article("x").encode() + b"overlong \xc0\xaf \xe0\x80\xaf surrogate \xed\xa0\x80 "
                                                  b"cut \xe2\x82 end.\n")
write("utf16-be.md", b"\xfe\xff" + article("Big-endian text.").encode("utf-16-be"))
write("bidi-controls.md", article("\u202eevil\u202c \u2066isolated\u2069 \u200f.", title="Title \u202e"))
write("private-use-and-astral.md", article("\ue000\uf8ff \U0001F600 \U0010FFFD ancient \U00010300."))

# --- images -----------------------------------------------------------------------------


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width, height, rows=None, bad_crc=False):
    header = png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    raw = rows if rows is not None else b"".join(b"\0" + b"\x80" * (3 * width) for _ in range(height))
    data = png_chunk(b"IDAT", zlib.compress(raw))
    if bad_crc:
        data = data[:-4] + b"\0\0\0\0"
    return b"\x89PNG\r\n\x1a\n" + header + data + png_chunk(b"IEND", b"")


good = png(4, 4)
images = {
    "png-truncated": good[: len(good) // 2],
    "png-bad-crc": png(4, 4, bad_crc=True),
    # A decompression bomb: 60,000 x 60,000 claimed (3.6 gigapixels), a few KB of zeros.
    "png-bomb": png(60000, 60000, rows=b"\0" * 200000),
    "png-zero-size": png(0, 0, rows=b""),
    "png-empty-file": b"",
    "png-is-html": b"<html><body>not an image</body></html>\n",
    "jpeg-truncated": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xdb\x00",
    "jpeg-bomb": (b"\xff\xd8\xff\xc0\x00\x11\x08\xff\xff\xff\xff\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01"
                  b"\xff\xd9"),
    "gif-bomb": b"GIF89a" + struct.pack("<HH", 65535, 65535) + b"\x00\x00\x00" + b",\0\0\0\0\xff\xff\xff\xff\0\x02\x02D\x01\0;",
    "webp-garbage": b"RIFF\x20\x00\x00\x00WEBPVP8 " + b"\xff" * 24,
    "svg-entity-bomb": ('<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">'
                        + "".join(f'<!ENTITY e{i} "' + f"&e{i - 1};" * 10 + '">' if i else '<!ENTITY e0 "&a;&a;">'
                                  for i in range(9))
                        + ']>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
                          '<text>&e8;</text></svg>\n').encode(),
    "svg-script": b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>\n',
}
extensions = {"png": "png", "jpeg": "jpg", "gif": "gif", "webp": "webp", "svg": "svg"}
for name, data in images.items():
    ext = extensions[name.split("-")[0]]
    write(f"images/{name}.{ext}", data)
    write(f"image-{name}.md", article(f"Text before.\n\n![A picture](images/{name}.{ext})\n\n**Caption / Credit**\n\nText after."))

# Paths that must never be read: escapes, absolute paths, URLs, special files.
escapes = {
    "path-dotdot": "../../../../../../etc/passwd",
    "path-absolute": "/etc/passwd",
    "path-percent-dotdot": "%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "path-file-url": "file:///etc/passwd",
    "path-http-url": "https://example.org/picture.png",
    "path-dev-zero": "/dev/zero",
    "path-symlink-out": "images/symlink-out.png",
    "path-fifo": "images/fifo.png",
    "path-folder": "images",
}
for name, target in escapes.items():
    write(f"image-{name}.md", article(f"Text before.\n\n![A picture]({target})\n\nText after."))
os.symlink("/etc/hostname", os.path.join(out, "images/symlink-out.png"))
os.mkfifo(os.path.join(out, "images/fifo.png"))
write("many-images.md", article("\n\n".join(f"![Picture {i}](images/good.png)" for i in range(2000))))
write("images/good.png", good)

# --- styles -----------------------------------------------------------------------------
styles = {
    "style-margins-exceed-page": '[page]\nsize = "A5"\nmargin = { top = "100mm", bottom = "150mm", inner = "10mm", outer = "10mm" }\n',
    "style-columns-too-narrow": '[columns]\ncount = 8\ngap = "15mm"\n',
    "style-zero-size-font": '[fonts]\nsize = "0pt"\n',
    "style-huge-font": '[fonts]\nsize = "2000pt"\n',
    "style-negative-leading": '[fonts]\nleading = "-5pt"\n',
    "style-missing-font": '[fonts]\nbody = "No Such Family Anywhere"\n',
    "style-not-toml": "this is = = not toml [\n",
    "style-extends-missing": 'extends = "no-such-style"\n',
    "style-extends-itself": 'extends = "style-extends-itself.toml"\n',
}
for name, text in styles.items():
    write(f"{name}.toml", text)
write("plain.md", article("An ordinary paragraph of text, with “quotes” — and dashes."))
