// UTF-8 decoding and the text a PDF can draw. libharu decodes invalid UTF-8 wrongly, draws
// soft hyphens as hyphens, tabs as boxes and characters outside the BMP as spaces
// (../shared/DEPENDENCY-NOTES.md), so layout measures and the backend draws only text that
// went through drawable() first.
#pragma once

#include <string>
#include <string_view>

namespace galley::text {

/// Decodes the code point starting at `text[pos]` and advances `pos` past it; an invalid or
/// truncated sequence gives U+FFFD and advances one byte.
/// (Inline for ASCII, the most of what layout decodes: the call was 3% of a collection's PDF.)
char32_t next_code_point_beyond_ascii(std::string_view text, std::size_t& pos);
inline char32_t next_code_point(std::string_view text, std::size_t& pos) {
  const auto c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) {
    ++pos;
    return c;
  }
  return next_code_point_beyond_ascii(text, pos);
}

/// Whether `c`, decoded by next_code_point from `length` bytes, stands for bytes that are not
/// UTF-8 (they give U+FFFD one byte at a time) rather than for an encoded U+FFFD.
inline bool not_utf8(char32_t c, std::size_t length) { return c == 0xFFFD && length != 3; }

/// Appends the UTF-8 encoding of `c` to `out`.
void append_utf8(std::string& out, char32_t c);

/// What drawable() had to change, so a caller can warn once per document.
struct Repairs {
  bool outside_bmp = false;  ///< characters beyond U+FFFF became U+FFFD
  bool invalid_utf8 = false;  ///< bytes that are not UTF-8 became U+FFFD
};

/// `text` in NFC with what a PDF must not be given taken out: soft hyphens, zero-width and
/// bidirectional controls, variation selectors, noncharacters and control characters are
/// removed; tabs, line feeds and line or paragraph separators become spaces; characters
/// outside the Basic Multilingual Plane and invalid bytes become U+FFFD.
/// With `keep_soft_hyphens`, U+00AD stays: for paragraph text, whose line breaker uses and
/// then removes them.
std::string drawable(std::string_view text, Repairs* repairs = nullptr, bool keep_soft_hyphens = false);

/// True when every character of `text` is one drawable() keeps as it is (NFC not checked).
bool is_drawable(std::string_view text);

/// True for letters and combining marks (Unicode categories L and M).
bool is_letter(char32_t c);

/// True for the spaces text breaks at (not the no-break ones). Inline: paragraph building
/// asks for every character.
inline bool is_break_space(char32_t c) {
  return c == ' ' || (c >= 0x2000 && c <= 0x200A && c != 0x2007) || c == 0x205F || c == 0x3000;
}

}  // namespace galley::text
