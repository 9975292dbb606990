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

constexpr Labels english{"By", "and", "Source:", "Notes", "Contents", "Cover", "Edited by",
                         "Untitled", "Back to text", "Title page", "Start"};
constexpr Labels french{"Par", "et", "Source\u00a0:", "Notes", "Sommaire", "Couverture",
                        "Sous la direction de", "Sans titre", "Retour au texte", "Page de titre",
                        "D\u00e9but"};
constexpr Labels german{"Von", "und", "Quelle:", "Anmerkungen", "Inhalt", "Umschlag",
                        "Herausgegeben von", "Ohne Titel", "Zur\u00fcck zum Text", "Titelseite",
                        "Anfang"};
// Russian bylines name the authors without a word before them.
constexpr Labels russian{"", "\u0438",
                         "\u0418\u0441\u0442\u043e\u0447\u043d\u0438\u043a:",
                         "\u041f\u0440\u0438\u043c\u0435\u0447\u0430\u043d\u0438\u044f",
                         "\u0421\u043e\u0434\u0435\u0440\u0436\u0430\u043d\u0438\u0435",
                         "\u041e\u0431\u043b\u043e\u0436\u043a\u0430",
                         "\u0421\u043e\u0441\u0442\u0430\u0432\u0438\u0442\u0435\u043b\u044c:",
                         "\u0411\u0435\u0437 \u043d\u0430\u0437\u0432\u0430\u043d\u0438\u044f",
                         "\u041d\u0430\u0437\u0430\u0434 \u043a \u0442\u0435\u043a\u0441\u0442\u0443",
                         "\u0422\u0438\u0442\u0443\u043b", "\u041d\u0430\u0447\u0430\u043b\u043e"};
constexpr Labels spanish{"Por", "y", "Fuente:", "Notas", "\u00cdndice", "Cubierta", "Edici\u00f3n de",
                         "Sin t\u00edtulo", "Volver al texto", "Portada", "Inicio"};

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

bool has_url_scheme(std::string_view source) {
  const std::size_t colon = source.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  if (!std::isalpha(static_cast<unsigned char>(source[0]))) return false;
  for (char c : source.substr(0, colon)) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  }
  return true;
}

std::optional<std::string> safe_link(std::string_view target) {
  std::string lower;
  for (char c : target.substr(0, 8)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const bool web = lower.starts_with("http://") || lower.starts_with("https://");
  if (!web && !lower.starts_with("mailto:")) return std::nullopt;
  if (web && target.size() <= (lower.starts_with("https") ? 8u : 7u)) return std::nullopt;
  static constexpr std::string_view keep =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$&'()*+,;=";
  // Brackets are only valid around an IPv6 host, and a URL has at most one '#' (RFC 3986):
  // "https://matrix.to/#/#room:example.org" fails epubcheck (RSC-020) unless encoded.
  const std::size_t authority = web ? target.find("//") + 2 : 0;
  const std::size_t authority_end = web ? target.find('/', authority) : 0;
  bool in_fragment = false;
  std::string out;
  for (std::size_t i = 0; i < target.size(); ++i) {
    const auto c = static_cast<unsigned char>(target[i]);
    const bool escape_ok = c == '%' && i + 2 < target.size() &&
                           std::isxdigit(static_cast<unsigned char>(target[i + 1])) &&
                           std::isxdigit(static_cast<unsigned char>(target[i + 2]));
    const bool bracket_ok = (c == '[' || c == ']') && web && i >= authority && i < authority_end;
    const bool special = c == '%' || c == '[' || c == ']' || (c == '#' && in_fragment);
    if (c == '#') in_fragment = true;
    if (escape_ok || bracket_ok ||
        (!special && keep.find(static_cast<char>(c)) != std::string_view::npos)) {
      out += static_cast<char>(c);
    } else if (c >= 0x20 && c != 0x7F) {
      static constexpr char digits[] = "0123456789ABCDEF";
      out += '%';
      out += digits[c >> 4];
      out += digits[c & 0xF];
    }
  }
  return out;
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

const Labels& labels_for(std::string_view tag) {
  const std::string_view primary = tag.substr(0, tag.find('-'));
  if (primary == "fr") return french;
  if (primary == "de") return german;
  if (primary == "ru") return russian;
  if (primary == "es") return spanish;
  return english;
}

std::string join_names(const std::vector<std::string>& names, const Labels& labels) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0 && i + 1 < names.size()) {
      out += ", ";
    } else if (i > 0) {
      out += ' ';
      out += labels.and_;
      out += ' ';
    }
    out += names[i];
  }
  return out;
}

}  // namespace galley::backends::epub
