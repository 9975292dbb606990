// XML text cleaning, language tags, safe link targets, ASCII file names and the book's own
// words per language.
#include "backends/epub/text.hpp"

#include <array>
#include <cctype>
#include <vector>

namespace galley::backends::epub {
namespace {

// Decodes one UTF-8 sequence at `i`; returns the code point and advances `i`, or returns -1
// (and advances past one byte) for a malformed, overlong or surrogate sequence.
long decode_utf8(std::string_view text, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  int length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || i + static_cast<std::size_t>(length) > text.size()) {
    ++i;
    return -1;
  }
  long code = length == 1 ? lead : lead & (0x7F >> length);
  for (int k = 1; k < length; ++k) {
    const auto next = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
    if ((next & 0xC0) != 0x80) {
      ++i;
      return -1;
    }
    code = code << 6 | (next & 0x3F);
  }
  static constexpr std::array<long, 5> smallest = {0, 0, 0x80, 0x800, 0x10000};
  if (code < smallest[static_cast<std::size_t>(length)] || code > 0x10FFFF ||
      (code >= 0xD800 && code <= 0xDFFF)) {
    ++i;
    return -1;
  }
  i += static_cast<std::size_t>(length);
  return code;
}

bool allowed_in_xml(long code) {
  if (code == 0x9 || code == 0xA || code == 0xD) return true;
  if (code < 0x20 || (code >= 0x7F && code <= 0x9F)) return false;  // controls (RSC-016)
  if (code >= 0xFDD0 && code <= 0xFDEF) return false;                // noncharacters
  if ((code & 0xFFFE) == 0xFFFE) return false;                        // U+xFFFE, U+xFFFF
  return true;
}

std::string clean(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    // Printable ASCII needs no look: copy the run at once (most of any text; byte by byte,
    // this loop was a tenth of the time of writing a book).
    std::size_t run = i;
    while (run < text.size() && static_cast<unsigned char>(text[run]) >= 0x20 &&
           static_cast<unsigned char>(text[run]) < 0x7F) {
      ++run;
    }
    out.append(text.substr(i, run - i));
    i = run;
    if (i == text.size()) break;
    const std::size_t start = i;
    const long code = decode_utf8(text, i);
    if (code < 0 || !allowed_in_xml(code)) continue;
    if (code == '\r' || code == '\n' || code == '\t') {
      out += attribute ? ' ' : code == '\r' ? '\n' : static_cast<char>(code);
      continue;
    }
    out.append(text.substr(start, i - start));
  }
  return out;
}

bool all_letters(std::string_view text) {
  for (char c : text) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool all_letters_or_digits(std::string_view text) {
  for (char c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

std::string xml_clean(std::string_view text) { return clean(text, false); }

std::string xml_clean_attribute(std::string_view text) { return clean(text, true); }

std::optional<std::string> language_tag(std::string_view tag) {
  if (tag.empty() || tag.size() > 35) return std::nullopt;
  std::vector<std::string> parts;
  std::string part;
  for (char c : tag) {
    if (c == '-' || c == '_') {
      parts.push_back(part);
      part.clear();
    } else {
      part += c;
    }
  }
  parts.push_back(part);
  // The primary language: two or three letters (ISO 639), or a private-use "x-" tag.
  const std::string& primary = parts.front();
  const bool private_use = primary == "x" || primary == "X";
  if (!private_use && (primary.size() < 2 || primary.size() > 3 || !all_letters(primary))) {
    return std::nullopt;
  }
  if (private_use && parts.size() < 2) return std::nullopt;
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::string p = parts[i];
    if (p.empty() || p.size() > 8 || !all_letters_or_digits(p)) return std::nullopt;
    for (char& c : p) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // Conventional case: script subtags title case, region subtags upper case.
    if (i > 0 && !private_use && p.size() == 4 && all_letters(p)) {
      p[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(p[0])));
    } else if (i > 0 && !private_use && p.size() == 2 && all_letters(p)) {
      for (char& c : p) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    if (i > 0) out += '-';
    out += p;
  }
  return out;
}

bool right_to_left(std::string_view tag) {
  const std::string_view primary = tag.substr(0, tag.find('-'));
  static constexpr std::array<std::string_view, 8> rtl = {"ar", "he", "fa", "ur", "yi", "ps", "sd", "ug"};
  for (auto language : rtl) {
    if (primary == language) return true;
  }
  return false;
}

std::string ascii_slug(std::string_view name) {
  std::string slug;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) && u < 0x80) {
      slug += static_cast<char>(std::tolower(u));
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
    if (slug.size() >= 40) break;
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug.empty() ? "file" : slug;
}

}  // namespace galley::backends::epub
