// The table of style keys. Each entry points into a StyleSheet through a small lambda, so
// the table itself holds no StyleSheet and is built once, immutable, on first use.
#include "style/keys.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "diagnostics/edit_distance.hpp"

namespace galley::style {
namespace {

std::vector<Key> build_keys() {
  std::vector<Key> table;
  auto add = [&table](std::string path, std::function<Slot(StyleSheet&)> slot, std::string doc) {
    table.push_back({std::move(path), std::move(slot), std::move(doc)});
  };
  add("description", [](StyleSheet& s) { return &s.description; }, "one line shown by `galley styles`");

  add("page.size", [](StyleSheet& s) { return &s.page.size; },
      "a named size (A3, A4, A5, B5, Letter, Legal, Tabloid); sets width and height");
  add("page.width", [](StyleSheet& s) { return &s.page.width; }, "trim width, when no size is named");
  add("page.height", [](StyleSheet& s) { return &s.page.height; }, "trim height, when no size is named");
  add("page.landscape", [](StyleSheet& s) { return &s.page.landscape; }, "turn the page on its side");
  add("page.mirror", [](StyleSheet& s) { return &s.page.mirror; },
      "left-hand pages swap inner and outer margins, and left and right running heads (books)");
  add("page.background", [](StyleSheet& s) { return &s.page.background; },
      "the page's ground, run into the bleed; white is the paper (nothing painted)");
  add("page.margin.top", [](StyleSheet& s) { return &s.page.top; }, "from the trim edge to the running header's baseline area");
  add("page.margin.bottom", [](StyleSheet& s) { return &s.page.bottom; }, "from the trim edge to the last text line");
  add("page.margin.inner", [](StyleSheet& s) { return &s.page.inner; }, "the binding side (left on right-hand pages)");
  add("page.margin.outer", [](StyleSheet& s) { return &s.page.outer; }, "the side away from the binding");

  add("columns.count", [](StyleSheet& s) { return &s.columns.count; }, "text columns per page (1..8)");
  add("columns.gap", [](StyleSheet& s) { return &s.columns.gap; }, "space between columns");
  add("columns.rule", [](StyleSheet& s) { return &s.columns.rule; }, "a thin line in each gap");

  add("fonts.body", [](StyleSheet& s) { return &s.fonts.body; }, "family of running text (TrueType, by exact name)");
  add("fonts.heading", [](StyleSheet& s) { return &s.fonts.heading; }, "family of headline and headings");
  add("fonts.mono", [](StyleSheet& s) { return &s.fonts.mono; }, "family of code");
  add("fonts.fallback", [](StyleSheet& s) { return &s.fonts.fallback; },
      "families tried in order for characters the others lack");
  add("fonts.size", [](StyleSheet& s) { return &s.fonts.size; }, "body text size; em lengths are relative to it");
  add("fonts.leading", [](StyleSheet& s) { return &s.fonts.leading; }, "baseline to baseline of body text");

  add("paragraph.align", [](StyleSheet& s) { return &s.paragraph.align; },
      "\"justify\" or \"left\" (PDF: lines chosen by Knuth-Plass either way; left is TeX's raggedright)");
  add("paragraph.indent", [](StyleSheet& s) { return &s.paragraph.indent; },
      "first-line indent of a paragraph that follows another");
  add("paragraph.space", [](StyleSheet& s) { return &s.paragraph.space; }, "extra space between paragraphs");
  add("paragraph.hyphenate", [](StyleSheet& s) { return &s.paragraph.hyphenate; },
      "hyphenate in the article's language (PDF: Debian's hyphen-* dictionaries; soft hyphens always count)");
  add("paragraph.widows", [](StyleSheet& s) { return &s.paragraph.widows; },
      "fewest lines of a paragraph carried to the top of a page (also: a heading keeps with two lines)");
  add("paragraph.orphans", [](StyleSheet& s) { return &s.paragraph.orphans; },
      "fewest lines of a paragraph left at the foot of a page");

  for (std::size_t level = 0; level < 6; ++level) {
    const std::string prefix = fmt::format("headings.h{}.", level + 1);
    add(prefix + "size", [level](StyleSheet& s) { return &s.headings[level].size; },
        fmt::format("size of level-{} headings", level + 1));
    add(prefix + "space_before", [level](StyleSheet& s) { return &s.headings[level].space_before; },
        "space above the heading");
    add(prefix + "space_after", [level](StyleSheet& s) { return &s.headings[level].space_after; },
        "space between the heading and what follows");
  }

  add("title.headline_size", [](StyleSheet& s) { return &s.title.headline_size; }, "size of the headline");
  add("title.dek_size", [](StyleSheet& s) { return &s.title.dek_size; }, "size of the dek (standfirst)");
  add("title.meta_size", [](StyleSheet& s) { return &s.title.meta_size; }, "size of byline and dateline");
  add("title.space_after", [](StyleSheet& s) { return &s.title.space_after; }, "space below the title block");

  add("figures.caption_size", [](StyleSheet& s) { return &s.figures.caption_size; }, "size of captions and credits");
  add("figures.space", [](StyleSheet& s) { return &s.figures.space; }, "space above and below a figure");
  add("figures.lead_bleed", [](StyleSheet& s) { return &s.figures.lead_bleed; },
      "the lead picture runs across the page, edge to edge into the bleed");

  add("asides.rule_width", [](StyleSheet& s) { return &s.asides.rule_width; }, "width of the box around an aside");
  add("asides.padding", [](StyleSheet& s) { return &s.asides.padding; }, "space inside the box");

  add("colors.text", [](StyleSheet& s) { return &s.colors.text; }, "running text");
  add("colors.heading", [](StyleSheet& s) { return &s.colors.heading; }, "headline and headings");
  add("colors.link", [](StyleSheet& s) { return &s.colors.link; }, "link text");
  add("colors.accent", [](StyleSheet& s) { return &s.colors.accent; }, "section labels, rules of asides");
  add("colors.rule", [](StyleSheet& s) { return &s.colors.rule; }, "horizontal rules, table lines, column rules");
  add("colors.caption", [](StyleSheet& s) { return &s.colors.caption; }, "captions, credits, running heads");

  for (auto [name, binding] : {std::pair{"header", &StyleSheet::header}, std::pair{"footer", &StyleSheet::footer}}) {
    const std::string where = name;
    const auto member = binding;  // a lambda cannot capture a structured binding before clang 16
    add(where + ".left", [member](StyleSheet& s) { return &(s.*member).left; },
        "template: {title} {section} {author} {date} {page} {pages}");
    add(where + ".center", [member](StyleSheet& s) { return &(s.*member).center; }, "template, centred");
    add(where + ".right", [member](StyleSheet& s) { return &(s.*member).right; }, "template, right-aligned");
  }

  add("links.mode", [](StyleSheet& s) { return &s.links; },
      "\"live\" (clickable), \"footnotes\" (URL in a numbered note) or \"endnotes\"");

  add("print.bleed", [](StyleSheet& s) { return &s.print.bleed; }, "how far backgrounds run past the trim");
  add("print.slug", [](StyleSheet& s) { return &s.print.slug; }, "room outside the bleed for marks");
  add("print.marks", [](StyleSheet& s) { return &s.print.marks; },
      "any of \"crop\", \"registration\", \"color-bar\"");
  add("print.color_space", [](StyleSheet& s) { return &s.print.color_space; },
      "\"rgb\" or \"cmyk\" (every colour converted, no RGB left in the file)");

  add("epub.margin", [](StyleSheet& s) { return &s.epub.margin; }, "space around the EPUB's text");
  return table;
}

std::string_view last_part(std::string_view path) {
  const auto dot = path.rfind('.');
  return dot == std::string_view::npos ? path : path.substr(dot + 1);
}

}  // namespace

const std::vector<Key>& keys() {
  static const std::vector<Key> table = build_keys();
  return table;
}

const Key* find_key(std::string_view path) {
  for (const auto& key : keys()) {
    if (key.path == path) return &key;
  }
  return nullptr;
}

std::string nearest_key(std::string_view path) {
  std::string best;
  std::size_t best_distance = 0;
  for (const auto& key : keys()) {
    // A misspelt last part in the right section ("page.margn.top") and a right last part in
    // a wrong section ("page.headline_size") should both find their key.
    const std::size_t distance = std::min(edit_distance(path, key.path),
                                          edit_distance(last_part(path), last_part(key.path)) + 2);
    if (best.empty() || distance < best_distance) best = key.path, best_distance = distance;
  }
  return best_distance <= std::max<std::size_t>(2, path.size() / 3) ? best : "";
}

}  // namespace galley::style
