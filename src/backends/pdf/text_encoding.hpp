// One compact encoding for all the text of a PDF: the characters the document draws (and
// names in its information and outline) get the codes 1..N, one byte for the first 127 and two
// for the rest, so that libharu describes N characters instead of 65,536.
//
// With libharu's "UTF-8" encoder every embedded font is a CID font over the whole Basic
// Multilingual Plane: HPDF_GetFont looks up a glyph and a width for each of 65,536 codes and
// writes a 128 KB CIDToGIDMap, which is then compressed; for the five fonts of an article that
// was a third of a one-article PDF's drawing time. An encoder of our own (libharu's CMap
// encoder, through its installed internal header hpdf_encoder.h, as for TrimBox) lists only
// the characters the exporter collected before loading any font.
#pragma once

#include <hpdf.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace galley::backends::pdf {

class TextEncoding {
 public:
  /// The most characters one encoding holds: 127 one-byte codes and 128 x 255 two-byte ones
  /// (no byte is zero: libharu takes text as NUL-terminated strings), less a sentinel.
  static constexpr std::size_t max_characters = 127 + 128 * 255 - 1;

  /// An encoding for `characters`: BMP code points (others are dropped: libharu cannot look
  /// their glyphs up), any order, duplicates allowed. Throws galley::Error (data) when there
  /// are more than max_characters distinct ones.
  explicit TextEncoding(std::vector<char32_t> characters);

  /// `utf8` in this encoding's codes, for any libharu call that takes text. A character
  /// outside the encoding (the exporter collects every one it draws, so none should be)
  /// becomes a space.
  std::string encode(std::string_view utf8) const;
  /// The same as the contents of a PDF literal string, appended to `out` (a page's text is
  /// written a piece at a time, each piece between two kerns: some 100,000 pieces for 100
  /// articles): only the string's delimiters and its escape are escaped, and a carriage
  /// return, which a reader would take for an end of line (PDF 32000-1:2008, 7.3.4.2).
  void append_literal(std::string& out, std::string_view utf8) const;

  /// Creates, registers with `doc` and returns a libharu encoder named `name` (a PDF name:
  /// letters and digits) for this encoding; HPDF_GetFont(doc, font, name) then uses it.
  /// nullptr when libharu failed (its error handler has the detail).
  HPDF_Encoder register_encoder(HPDF_Doc doc, const std::string& name) const;
  /// The code of `c`: one byte (at most 0xFF) or two (the first in the high byte).
  unsigned code(char32_t c) const;

  /// The ToUnicode CMap (PDF 32000-1:2008, 9.10.3) mapping each code back to its character,
  /// so that text extraction and search give back exactly what was drawn.
  std::string to_unicode_cmap() const;

 private:
  std::vector<char32_t> characters_;  ///< sorted and unique; characters_[k] has code code_of(k)
  std::vector<std::uint16_t> index_;  ///< by code point: k + 1, or 0 for none (at most 128 KB)
  /// What append_literal writes for each ASCII character: its code, escaped.
  struct Literal {
    std::array<char, 4> bytes{};
    unsigned char size = 0;
  };
  std::array<Literal, 128> ascii_literals_;

  /// `code`'s bytes escaped for a literal string, written at `out`; returns their end.
  static char* append_escaped(char* out, unsigned code);
};

}  // namespace galley::backends::pdf
