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
    # The rest of cmark-gfm's list (test/pathological_tests.py), with its own counts.
    "many-underscore-closers": "a_ " * N,
    "many-underscore-openers": "_a " * N,
    "bracket-paren-pattern": "[ (](" * 80000,
    "image-bracket-pattern": "![[]()" * 160000,
    # Quadratic in cmark-gfm 0.29 too; kept under the limit on `![` that guards it.
    "links-after-image-openers": "[a](b)![" * 9000,
    "hard-link-emph": "**x [a*b**c*](d)",
    "tables-cr-vt": "aaa\rbbb\n-\v\n" * N,
    "many-references": "".join(f"[{i}]: u\n" for i in range(1, 5000 * 16)) + "[0] " * 5000,
}


def reference_collisions(count=50000, buckets=16):
    """cmark-gfm's "reference collisions" case: keys that all land in one bucket of its
    reference map (its old hash, kept here as the test describes it)."""
    def bad(key):
        h = 0
        for c in key:
            h = (ord(c) + ((h << 6) & 0xFFFFFFFF) + ((h << 16) & 0xFFFFFFFF) - h) & 0xFFFFFFFF
        return h % buckets == 0
    keys = []
    i = 0
    while len(keys) < count:
        if bad(f"x{i}"):
            keys.append(f"x{i}")
        i += 1
    return "".join(f"[{key}]: /url\n\n[{keys[0]}]\n\n" for key in keys[1:])


pathological["reference-collisions"] = reference_collisions()
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
# The image-count limit (README "Limits"): 1,000 an article passes, one more is refused.
write("many-images.md", article("\n\n".join(f"![Picture {i}](images/good.png)" for i in range(1000))))
write("too-many-images.md", article("\n\n".join(f"![Picture {i}](images/good.png)" for i in range(1001))))
# --resource-path: a picture from a folder outside the article's, named by the user.
write("resources/shared/logo.png", png(3, 2))
write("resources/article/uses-resource.md", article("Text.\n\n![The logo](logo.png)\n\n**Logo / Agency**\n\nMore."))
write("resources/article/escapes-resource.md", article("Text.\n\n![A secret](../shared/../../plain.md)\n\nMore."))
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

# --- bad fonts --------------------------------------------------------------------------
# libharu divides by unitsPerEm unchecked (SIGFPE) and trusts every table; FreeType and
# HarfBuzz are more careful. Each broken copy of DejaVu Sans is installed under a family
# name of its own in a private fontconfig configuration (fonts.conf, which run.sh passes as
# FONTCONFIG_FILE), so a style can name it like any installed family.
def sfnt_tables(data):
    count = struct.unpack_from(">H", data, 4)[0]
    tables = {}
    for i in range(count):
        tag, _, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        tables[tag.decode("latin-1")] = (12 + 16 * i, offset, length)
    return tables


def patched(data, tag, at, value):
    _, offset, _ = sfnt_tables(data)[tag]
    out = bytearray(data)
    out[offset + at: offset + at + len(value)] = value
    return bytes(out)


def moved_table(data, tag, offset):
    record, _, _ = sfnt_tables(data)[tag]
    out = bytearray(data)
    out[record + 8: record + 12] = struct.pack(">I", offset)
    return bytes(out)


source_font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
fonts_conf = []
if os.path.exists(source_font):
    with open(source_font, "rb") as f:
        sans = f.read()
    cmap_offset, cmap_length = sfnt_tables(sans)["cmap"][1:]
    broken_fonts = {
        "units-per-em-zero": patched(sans, "head", 18, b"\0\0"),
        "no-horizontal-metrics": patched(sans, "hhea", 34, b"\0\0"),
        "no-glyphs": patched(sans, "maxp", 4, b"\0\0"),
        "cmap-garbage": patched(sans, "cmap", 0, b"\xff" * min(cmap_length, 4096)),
        "glyf-out-of-file": moved_table(sans, "glyf", 0xFFFFFF00),
        "truncated": sans[: len(sans) // 3],
    }
    for name, data in broken_fonts.items():
        write(f"fonts/{name}.ttf", data)
        family = "Broken " + name.replace("-", " ").title()
        write(f"style-font-{name}.toml", f'[fonts]\nbody = "{family}"\n')
        fonts_conf.append(
            f'  <match target="scan"><test name="file"><string>{os.path.abspath(out)}/fonts/{name}.ttf</string></test>'
            f'<edit name="family" mode="assign" binding="same"><string>{family}</string></edit></match>')
write("fonts.conf", "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n<fontconfig>\n"
      f"  <cachedir>{os.path.abspath(out)}/font-cache</cachedir>\n"
      "  <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\n"
      f"  <dir>{os.path.abspath(out)}/fonts</dir>\n" + "\n".join(fonts_conf) + "\n</fontconfig>\n")
write("plain.md", article("An ordinary paragraph of text, with “quotes” — and dashes."))
