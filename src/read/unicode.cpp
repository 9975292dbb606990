// UTF-8 decoding and Unicode character classes through utf8proc.
#include "read/unicode.hpp"

#include <utf8proc.h>

namespace galley::read {

// Every function here takes a shortcut for ASCII: most bytes of any article are ASCII (even in
// Cyrillic text: spaces, digits, punctuation), and utf8proc's table lookups dominated the
// reader's profile.

std::int32_t next_code_point(std::string_view text, std::size_t& pos) {
  if (pos < text.size() && static_cast<unsigned char>(text[pos]) < 0x80) {
    return static_cast<unsigned char>(text[pos++]);
  }
  utf8proc_int32_t cp = -1;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                            static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
  if (n <= 0) {
    ++pos;
    return -1;
  }
  pos += static_cast<std::size_t>(n);
  return cp;
}

void append_utf8(std::string& out, std::int32_t cp) {
  if (cp >= 0 && cp < 0x80) {
    out.push_back(static_cast<char>(cp));
    return;
  }
  utf8proc_uint8_t buffer[4];
  auto n = utf8proc_encode_char(cp, buffer);
  out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
}

bool is_lowercase_letter(std::int32_t cp) {
  if (cp >= 0 && cp < 0x80) return cp >= 'a' && cp <= 'z';
  return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

bool is_uppercase_letter(std::int32_t cp) {
  if (cp < 0) return false;
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  auto category = utf8proc_category(cp);
  return category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LT;
}

bool is_letter(std::int32_t cp) {
  if (cp < 0) return false;
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  auto category = utf8proc_category(cp);
  return category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO;
}

bool is_cyrillic(std::int32_t cp) { return cp >= 0x0400 && cp <= 0x052F; }

std::string to_lower(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      out.push_back(static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte));
      ++pos;
      continue;
    }
    auto cp = next_code_point(text, pos);
    if (cp >= 0) append_utf8(out, to_lower(cp));
  }
  return out;
}

std::int32_t to_lower(std::int32_t cp) { return utf8proc_tolower(cp); }

std::int32_t first_code_point(std::string_view text) {
  std::size_t pos = 0;
  return text.empty() ? -1 : next_code_point(text, pos);
}

std::int32_t last_code_point(std::string_view text) {
  if (text.empty()) return -1;
  std::size_t start = text.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  return first_code_point(text.substr(start));
}

namespace {
bool is_space(std::int32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
         (cp > 0x7F && utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS);
}
}  // namespace

std::string_view trim(std::string_view text) {
  while (!text.empty()) {
    std::size_t pos = 0;
    auto cp = next_code_point(text, pos);
    if (!is_space(cp)) break;
    text.remove_prefix(pos);
  }
  while (!text.empty()) {
    auto cp = last_code_point(text);
    if (!is_space(cp)) break;
    std::size_t start = text.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    text.remove_suffix(text.size() - start);
  }
  return text;
}

}  // namespace galley::read
