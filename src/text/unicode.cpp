// UTF-8 through utf8proc, and the filter that keeps text libharu would draw wrongly away
// from it.
#include "text/unicode.hpp"

#include <utf8proc.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace galley::text {
namespace {

enum class Fate { keep, drop, space, replace };

Fate fate_of(char32_t c) {
  if (c < 0x20) return c == '\t' || c == '\n' || c == '\r' ? Fate::space : Fate::drop;
  if (c < 0x7F) return Fate::keep;
  if (c <= 0x9F) return Fate::drop;  // DEL and the C1 controls
  if (c == 0xAD) return Fate::drop;  // soft hyphen: libharu draws it as a hyphen
  if (c < 0x2000) return Fate::keep;
  if (c >= 0x200B && c <= 0x200F) return Fate::drop;  // zero-width space, joiners, marks
  if (c == 0x2028 || c == 0x2029) return Fate::space;
  if (c >= 0x202A && c <= 0x202E) return Fate::drop;  // bidirectional embeddings
  if (c >= 0x2060 && c <= 0x206F) return Fate::drop;  // word joiner, invisible operators, isolates
  if (c >= 0xD800 && c <= 0xDFFF) return Fate::replace;
  if (c >= 0xFDD0 && c <= 0xFDEF) return Fate::drop;  // noncharacters
  if (c >= 0xFE00 && c <= 0xFE0F) return Fate::drop;  // variation selectors
  if (c == 0xFEFF || c == 0xFFFE || c == 0xFFFF) return Fate::drop;
  if (c > 0xFFFF) return Fate::replace;  // libharu draws these as spaces
  return Fate::keep;
}

// Characters NFC leaves as they are, alone or beside each other: Latin and Greek letters below
// the combining marks, Cyrillic before its marks, punctuation (not the quads U+2000 and
// U+2001, which NFC replaces) and currency signs. A text of these alone skips utf8proc_NFC,
// which cost 4% of a collection's layout (tests/unit/text_unicode_test.cpp checks each pair).
bool stays_composed(char32_t c) {
  return c < 0x300 || (c >= 0x400 && c <= 0x482) || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) ||
         (c >= 0x20A0 && c <= 0x20BF);
}

// Where the printable ASCII (0x20 to 0x7E) at the start of `text` ends: eight bytes a step,
// since every run a PDF draws is asked whether it is drawable, and every span's text is
// made drawable.
std::size_t printable_ascii_prefix(std::string_view text) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  std::size_t at = 0;
  for (; at + 8 <= text.size(); at += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + at, sizeof word);
    // With no high bit set: a byte below 0x20 borrows into its own high bit when 0x20 is
    // taken from it, and 0x7F is the one byte that becomes zero when xored with 0x7F.
    const std::uint64_t below = (word - 0x20 * ones) & ~word;
    const std::uint64_t xored = word ^ (0x7F * ones);
    const std::uint64_t del = (xored - ones) & ~xored;
    if (((word | below | del) & highs) != 0) break;
  }
  for (; at < text.size(); ++at) {
    const auto c = static_cast<unsigned char>(text[at]);
    if (c < 0x20 || c >= 0x7F) break;
  }
  return at;
}

bool plain_ascii(std::string_view text) { return printable_ascii_prefix(text) == text.size(); }

}  // namespace

char32_t next_code_point_beyond_ascii(std::string_view text, std::size_t& pos) {
  // Two- and three-byte sequences that are plainly valid, decoded here: Cyrillic, accented
  // Latin, curly quotes and dashes, most of what is not ASCII (utf8proc_iterate's call was 2%
  // of a 100-article PDF). Anything else (four bytes, surrogates, overlong or broken
  // sequences, the noncharacters utf8proc refuses) is utf8proc's to judge.
  // tests/unit/text_unicode_test.cpp compares the two on every sequence of up to three bytes.
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[pos + k]); };
  const auto continuation = [](unsigned char b) { return (b & 0xC0) == 0x80; };
  const std::size_t left = text.size() - pos;
  const unsigned char lead = byte(0);
  if (lead >= 0xC2 && lead <= 0xDF && left >= 2 && continuation(byte(1))) {
    const auto c = static_cast<char32_t>((lead & 0x1Fu) << 6 | (byte(1) & 0x3Fu));
    pos += 2;
    return c;
  }
  if (lead >= 0xE0 && lead <= 0xEF && left >= 3 && continuation(byte(1)) && continuation(byte(2))) {
    const auto c = static_cast<char32_t>((lead & 0x0Fu) << 12 | (byte(1) & 0x3Fu) << 6 | (byte(2) & 0x3Fu));
    if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF) && (c < 0xFDD0 || c > 0xFDEF)) {
      pos += 3;
      return c;
    }
  }
  utf8proc_int32_t cp = -1;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos);
  const utf8proc_ssize_t length = utf8proc_iterate(bytes, static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
  if (length <= 0 || cp < 0) {
    ++pos;
    return 0xFFFD;
  }
  pos += static_cast<std::size_t>(length);
  return static_cast<char32_t>(cp);
}

void append_utf8(std::string& out, char32_t c) {
  utf8proc_uint8_t buffer[4];
  const utf8proc_ssize_t length = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), buffer);
  out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
}

std::string drawable(std::string_view text, Repairs* repairs, bool keep_soft_hyphens) {
  if (plain_ascii(text)) return std::string(text);
  std::string filtered;
  filtered.reserve(text.size());
  bool nfc_already = true;
  for (std::size_t pos = 0; pos < text.size();) {
    // Printable ASCII is kept as it is, a run at a time, and any other character kept is its
    // own bytes again: what decodes to anything but U+FFFD was well-formed UTF-8 (what is not,
    // or is a noncharacter utf8proc refuses, decodes to U+FFFD, which is written anew).
    // (Encoding every character anew was half of making a collection's spans drawable.)
    if (const std::size_t ascii = printable_ascii_prefix(text.substr(pos)); ascii > 0) {
      filtered.append(text.substr(pos, ascii));
      pos += ascii;
      continue;
    }
    const std::size_t start = pos;
    const char32_t c = next_code_point(text, pos);
    const bool broken = not_utf8(c, pos - start);
    if (broken && repairs) repairs->invalid_utf8 = true;
    switch (c == 0xAD && keep_soft_hyphens ? Fate::keep : fate_of(c)) {
      case Fate::keep:
        if (c == 0xFFFD) {
          append_utf8(filtered, c);
        } else {
          filtered.append(text.substr(start, pos - start));
        }
        nfc_already = nfc_already && stays_composed(c);
        break;
      case Fate::drop: break;
      case Fate::space: filtered += ' '; break;
      case Fate::replace:
        if (repairs) repairs->outside_bmp = true;
        append_utf8(filtered, 0xFFFD);
        break;
    }
  }
  if (nfc_already) return filtered;  // replacements (U+FFFD) stay composed too
  // NFC composes what it can (e + U+0301 -> é): fonts have the composed glyphs, and libharu
  // has no mark positioning.
  auto* composed = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(filtered.c_str()));
  if (!composed) return filtered;
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(composed, &std::free);
  return std::string(reinterpret_cast<const char*>(composed));
}

bool is_drawable(std::string_view text) {
  // Only what is not printable ASCII is decoded, even in a line with a dash or a curly quote.
  for (std::size_t pos = 0; pos < text.size();) {
    pos += printable_ascii_prefix(text.substr(pos));
    if (pos == text.size()) break;
    const std::size_t start = pos;
    const char32_t c = next_code_point(text, pos);
    if (not_utf8(c, pos - start)) return false;
    if (fate_of(c) != Fate::keep) return false;
  }
  return true;
}

bool is_letter(char32_t c) {
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
      return true;
    default:
      return false;
  }
}

}  // namespace galley::text
