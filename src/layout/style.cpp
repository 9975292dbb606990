// Style sheet -> layout parameters.
#include "layout/style.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "style/check.hpp"

namespace galley::layout {
namespace {

std::uint8_t channel(double value) {
  return static_cast<std::uint8_t>(std::lround(std::clamp(value, 0.0, 1.0) * 255));
}

// RGB for the screen; a CMYK colour is shown as its plain RGB equivalent.
Colour colour(const style::Color& c) {
  if (c.space == style::Color::Space::cmyk) {
    const double k = 1 - c.values[3];
    return {channel((1 - c.values[0]) * k), channel((1 - c.values[1]) * k), channel((1 - c.values[2]) * k)};
  }
  return {channel(c.values[0]), channel(c.values[1]), channel(c.values[2])};
}

void size(TextStyle& text, double points, double ratio) {
  text.size = points;
  text.leading = std::round(points * ratio * 2) / 2;  // to half points
}

}  // namespace

LayoutStyle layout_style(const style::StyleSheet& sheet, Diagnostics& diagnostics) {
  // Style files are checked when loaded; this catches a StyleSheet built in code, which
  // would otherwise lay out pages with no room for a line, for ever.
  if (auto problem = style::find_problem(sheet)) {
    throw Error(ErrorKind::data, sheet.name, 0, fmt::format("{}: {}", problem->key, problem->message));
  }
  LayoutStyle out;
  out.style_name = sheet.name;
  const double em = sheet.fonts.size.resolve(10.5);
  const double ratio = sheet.fonts.leading.resolve(em) / em;  // body leading as a share of its size

  out.page_width = sheet.page.width.resolve(em);
  out.page_height = sheet.page.height.resolve(em);
  out.margin_top = sheet.page.top.resolve(em);
  out.margin_bottom = sheet.page.bottom.resolve(em);
  out.margin_left = sheet.page.inner.resolve(em);
  out.margin_right = sheet.page.outer.resolve(em);
  // The running head and foot sit in the margins, at two thirds of their height from the body.
  out.header_baseline = std::max(out.margin_top * 0.55, 18.0);
  out.header_rule = out.header_baseline + 5;
  out.footer_baseline = std::max(out.margin_bottom * 0.5, 14.0);

  out.body_families = {sheet.fonts.body};
  out.heading_families = {sheet.fonts.heading};
  out.mono_families = {sheet.fonts.mono};
  out.fallback = sheet.fonts.fallback;

  size(out.body, em, ratio);
  out.body.leading = sheet.fonts.leading.resolve(em);
  out.body.colour = colour(sheet.colors.text);
  out.justify = sheet.paragraph.align == style::Align::justify;
  out.paragraph_indent = sheet.paragraph.indent.resolve(em);
  out.paragraph_space = sheet.paragraph.space.resolve(em);
  out.hyphenate = sheet.paragraph.hyphenate;
  out.orphans = std::max(1, sheet.paragraph.orphans);
  out.widows = std::max(1, sheet.paragraph.widows);
  out.link_colour = colour(sheet.colors.link);

  for (std::size_t level = 0; level < out.headings.size() && level < sheet.headings.size(); ++level) {
    HeadingStyle& heading = out.headings[level];
    size(heading.text, sheet.headings[level].size.resolve(em), 1.22);
    heading.text.colour = colour(sheet.colors.heading);
    heading.space_before = sheet.headings[level].space_before.resolve(em);
    heading.space_after = sheet.headings[level].space_after.resolve(em);
  }

  size(out.headline, sheet.title.headline_size.resolve(em), 1.18);
  out.headline.colour = colour(sheet.colors.heading);
  size(out.dek, sheet.title.dek_size.resolve(em), 1.3);
  size(out.byline, sheet.title.meta_size.resolve(em), 1.33);
  size(out.dateline, sheet.title.meta_size.resolve(em), 1.33);
  out.byline.colour = colour(sheet.colors.text);
  out.dateline.colour = colour(sheet.colors.caption);
  out.title_block_space = sheet.title.space_after.resolve(em);
  out.title_rule_colour = colour(sheet.colors.accent);

  size(out.caption, sheet.figures.caption_size.resolve(em), 1.3);
  out.caption.colour = colour(sheet.colors.caption);
  out.figure_space = sheet.figures.space.resolve(em);
  out.aside_rule_thickness = sheet.asides.rule_width.resolve(em);
  out.aside_padding = sheet.asides.padding.resolve(em);
  // As styles/README.md assigns them: the accent rules asides, the rule colour draws rules
  // and table lines, the caption colour sets captions and running heads.
  out.rule_colour = colour(sheet.colors.rule);
  out.table_rule_colour = colour(sheet.colors.rule);
  out.aside_rule_colour = colour(sheet.colors.accent);
  out.running.colour = colour(sheet.colors.caption);

  out.header = {sheet.header.left, sheet.header.center, sheet.header.right};
  out.footer = {sheet.footer.left, sheet.footer.center, sheet.footer.right};

  // What the PDF cannot do yet; the print-PDF issue adds it.
  std::vector<std::string> missing;
  if (sheet.columns.count > 1) missing.push_back(fmt::format("{} columns", sheet.columns.count));
  if (sheet.page.mirror) missing.push_back("mirrored margins");
  if (sheet.links != style::LinkMode::live) missing.push_back("link URLs as notes");
  if (sheet.print.bleed.resolve(em) > 0 || !sheet.print.marks.empty()) missing.push_back("bleed and printer's marks");
  if (sheet.print.color_space == style::Color::Space::cmyk) missing.push_back("CMYK output");
  if (!missing.empty()) {
    std::string list;
    for (const auto& item : missing) {
      if (!list.empty()) list += ", ";
      list += item;
    }
    diagnostics.warn(sheet.name, 0,
                     fmt::format("the PDF does not support {} yet: laid out as one column on the page, in RGB", list));
  }
  return out;
}

}  // namespace galley::layout
