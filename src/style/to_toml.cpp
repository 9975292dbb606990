// A style written back as TOML: every key of the table in keys.cpp, grouped in sections,
// with its documentation as a comment, so `galley styles show NAME > my.toml` is a complete,
// commented starting point.
#include <fmt/format.h>

#include "style/keys.hpp"
#include "style/values.hpp"

namespace galley::style {
namespace {

// A TOML basic string. Control characters must be escaped there (a template written as
// "a\nb" holds a newline, printed raw it made the output unreadable: found by fuzz-style).
std::string toml_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (byte < 0x20 || byte == 0x7F) {
      out += fmt::format("\\u{:04X}", static_cast<unsigned>(byte));
    } else {
      out += c;
    }
  }
  return out + '"';
}

struct Printer {
  std::string operator()(const Length* v) const { return toml_string(format_length(*v)); }
  std::string operator()(const int* v) const { return std::to_string(*v); }
  std::string operator()(const bool* v) const { return *v ? "true" : "false"; }
  std::string operator()(const std::string* v) const { return toml_string(*v); }
  std::string operator()(const std::vector<std::string>* v) const {
    std::string out = "[";
    for (const auto& item : *v) out += (out.size() > 1 ? ", " : "") + toml_string(item);
    return out + "]";
  }
  std::string operator()(const Color* v) const { return toml_string(format_color(*v)); }
  std::string operator()(const Align* v) const { return toml_string(name_of(*v, align_names)); }
  std::string operator()(const LinkMode* v) const { return toml_string(name_of(*v, link_names)); }
  std::string operator()(const Color::Space* v) const { return toml_string(name_of(*v, space_names)); }
  std::string operator()(const std::vector<Mark>* v) const {
    std::string out = "[";
    for (Mark mark : *v) out += (out.size() > 1 ? ", " : "") + toml_string(name_of(mark, mark_names));
    return out + "]";
  }
};

}  // namespace

std::string to_toml(const StyleSheet& style) {
  StyleSheet copy = style;  // the key table hands out writable slots
  std::string out = fmt::format("# galley style '{}', fully resolved\n", style.name);
  std::string section;
  for (const auto& key : keys()) {
    const std::string_view path = key.path;
    // A named size implies width and height; printing them too would hide the name.
    if ((path == "page.width" || path == "page.height") && !style.page.size.empty()) continue;
    if (path == "page.size" && style.page.size.empty()) continue;
    const auto dot = path.rfind('.');
    const std::string here = dot == std::string_view::npos ? "" : std::string(path.substr(0, dot));
    if (here != section) {
      section = here;
      out += fmt::format("\n[{}]\n", section);
    }
    const std::string value = std::visit(Printer{}, key.slot(copy));
    const std::string_view name = path.substr(dot == std::string_view::npos ? 0 : dot + 1);
    out += fmt::format("{:<34} # {}\n", fmt::format("{} = {}", name, value), key.doc);
  }
  return out;
}

}  // namespace galley::style
