// The pages galley adds around the articles: the cover page, the typographic SVG cover drawn
// when no cover image is given, and a collection's title page.
#include <fmt/format.h>

#include <utility>

#include "backends/epub/book.hpp"
#include "backends/epub/text.hpp"
#include "backends/epub/xml.hpp"

namespace galley::backends::epub {
namespace {

constexpr int cover_width = 600;
constexpr int cover_height = 900;
constexpr int margin = 60;

// Characters (code points), not bytes: what line length is measured in.
std::size_t length_of(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

// The first `count` code points of `text`.
std::string_view prefix_of(std::string_view text, std::size_t count) {
  std::size_t i = 0;
  for (std::size_t seen = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && seen++ == count) break;
  }
  return text.substr(0, i);
}

// Greedy line filling by character count. SVG 1.1 has no text wrapping and the cover must
// not depend on font metrics galley does not have, so widths are estimated: an average
// bold serif glyph is at most about 0.68 of the font size wide (DejaVu Serif Bold, Cyrillic
// included). Words longer than a line are cut.
std::vector<std::string> wrap(std::string_view text, std::size_t width, std::size_t max_lines) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(start, end - start);
    start = end + 1;
    while (length_of(word) > width) {
      if (!line.empty()) lines.push_back(std::exchange(line, {}));
      const std::string_view head = prefix_of(word, width);
      lines.emplace_back(head);
      word.remove_prefix(head.size());
    }
    if (word.empty()) continue;
    if (!line.empty() && length_of(line) + 1 + length_of(word) > width) lines.push_back(std::exchange(line, {}));
    if (!line.empty()) line += ' ';
    line += word;
  }
  if (!line.empty()) lines.push_back(line);
  if (lines.size() > max_lines) {
    lines.resize(max_lines);
    lines.back() = std::string(prefix_of(lines.back(), width - 1)) + "\u2026";
  }
  return lines;
}

void svg_text(Element* parent, int y, int size, const char* family, const char* weight,
              const char* fill, const std::string& text) {
  Element* element = add(parent, "text", text);
  element->SetAttribute("x", margin);
  element->SetAttribute("y", y);
  element->SetAttribute("font-size", size);
  set(element, "font-family", family);
  set(element, "font-weight", weight);
  set(element, "fill", fill);
}

constexpr const char* serif = "Georgia, 'DejaVu Serif', 'Liberation Serif', serif";
constexpr const char* sans = "'Helvetica Neue', Arial, 'DejaVu Sans', 'Liberation Sans', sans-serif";

}  // namespace

std::string cover_svg(const std::string& title, const std::string& people, const std::string& date,
                      const std::string& lang) {
  XmlDocument xml;
  Element* svg = xml.root("svg");
  set(svg, "xmlns", "http://www.w3.org/2000/svg");
  set(svg, "version", "1.1");
  set(svg, "viewBox", fmt::format("0 0 {} {}", cover_width, cover_height));
  svg->SetAttribute("width", cover_width);
  svg->SetAttribute("height", cover_height);
  set(svg, "xml:lang", lang);
  add(svg, "title", title);

  Element* background = add(svg, "rect");
  set(background, "width", "100%");
  set(background, "height", "100%");
  set(background, "fill", "#f6f1e7");
  Element* band = add(svg, "rect");
  band->SetAttribute("width", cover_width);
  band->SetAttribute("height", 18);
  set(band, "fill", "#8c1c13");

  // Longer titles get a smaller size so that most fit in six lines.
  const std::size_t length = length_of(title);
  const int size = length <= 40 ? 56 : length <= 90 ? 44 : 34;
  const auto per_line = static_cast<std::size_t>((cover_width - 2 * margin) / (size * 0.68));
  int y = 200;
  for (const auto& line : wrap(title, per_line, 9)) {
    svg_text(svg, y, size, serif, "bold", "#1d1d1b", line);
    y += size * 6 / 5;
  }
  Element* rule = add(svg, "rect");
  rule->SetAttribute("x", margin);
  rule->SetAttribute("y", y);
  rule->SetAttribute("width", 120);
  rule->SetAttribute("height", 4);
  set(rule, "fill", "#8c1c13");
  y += 60;
  for (const auto& line : wrap(people, 30, 4)) {
    svg_text(svg, y, 26, sans, "normal", "#3b3b38", line);
    y += 34;
  }
  if (!date.empty()) svg_text(svg, cover_height - margin, 22, sans, "normal", "#6b6b66", date);
  return xml.print_xml() + "\n";
}

std::string cover_xhtml(const BookMeta& meta, const std::string& image_href) {
  const Labels& labels = labels_for(meta.lang);
  XmlDocument xml;
  Element* body = xhtml_page(xml, meta.lang, std::string(labels.cover), paths::stylesheet);
  set(body, "class", "cover");
  Element* section = add(body, "section");
  set(section, "epub:type", "cover");
  set(section, "class", "cover");
  Element* img = add(section, "img");
  set(img, "src", image_href);
  set(img, "alt", meta.title);
  return xml.print_xhtml();
}

std::string title_page_xhtml(const BookMeta& meta, const std::string& editor) {
  const Labels& labels = labels_for(meta.lang);
  XmlDocument xml;
  Element* body = xhtml_page(xml, meta.lang, meta.title, paths::stylesheet);
  set(body, "epub:type", "frontmatter");
  Element* section = add(body, "section");
  set(section, "epub:type", "titlepage");
  set(section, "class", "titlepage");
  set(add(section, "h1", meta.title), "class", "book-title");
  if (!editor.empty()) {
    set(add(section, "p", fmt::format("{} {}", labels.edited_by, editor)), "class", "editor");
  }
  if (meta.date) {
    Element* p = add(section, "p");
    set(p, "class", "book-date");
    set(add(p, "time", meta.date_text.empty() ? *meta.date : meta.date_text), "datetime", *meta.date);
  }
  return xml.print_xhtml();
}

}  // namespace galley::backends::epub
