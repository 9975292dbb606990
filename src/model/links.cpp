// Link targets: scheme detection and the safe form of a URL.
#include "model/links.hpp"

#include <cctype>

namespace galley::model {

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
  if (target.size() > max_link_bytes) return std::nullopt;
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

}  // namespace galley::model
