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

// A CMYK colour with its inks as written (and its RGB form for the screen).
Colour with_inks(const style::Color& c) {
  Colour out = colour(c);
  out.cmyk = Cmyk{c.values[0], c.values[1], c.values[2], c.values[3]};
  return out;
}

void size(TextStyle& text, double points, double ratio) {
  text.size = points;
  text.leading = std::round(points * ratio * 2) / 2;  // to half points
}

}  // namespace

double column_width(const LayoutStyle& style) {
  const double text = style.page_width - style.margin_left - style.margin_right;
  const int count = std::max(1, style.columns);
  return (text - (count - 1) * style.column_gap) / count;
}

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

  // Print: columns, mirrored margins, the sheet around the trim, link URLs as notes.
  out.mirror = sheet.page.mirror;
  out.columns = std::max(1, sheet.columns.count);
  out.column_gap = sheet.columns.gap.resolve(em);
  out.column_rule = sheet.columns.rule;
  out.column_rule_colour = colour(sheet.colors.rule);
  out.bleed = sheet.print.bleed.resolve(em);
  out.slug = sheet.print.slug.resolve(em);
  for (const style::Mark mark : sheet.print.marks) {
    if (mark == style::Mark::crop) out.crop_marks = true;
    if (mark == style::Mark::registration) out.registration_marks = true;
    if (mark == style::Mark::color_bar) out.colour_bar = true;
  }
  if (!sheet.print.marks.empty() && out.slug <= 0) {
    diagnostics.warn(sheet.name, 0, "print.marks: print.slug is 0, so there is no room for marks; they are left out");
  }
  const style::Color& ground = sheet.page.background;
  const bool paper = ground.space == style::Color::Space::rgb
                         ? ground.values[0] >= 1 && ground.values[1] >= 1 && ground.values[2] >= 1
                         : ground.values[0] <= 0 && ground.values[1] <= 0 && ground.values[2] <= 0 && ground.values[3] <= 0;
  if (!paper) out.background = colour(ground);
  out.lead_bleed = sheet.figures.lead_bleed;
  out.link_notes = sheet.links == style::LinkMode::footnotes  ? LinkNotes::foot
                   : sheet.links == style::LinkMode::endnotes ? LinkNotes::end
                                                              : LinkNotes::none;
  if (sheet.print.color_space == style::Color::Space::cmyk) {
    out.cmyk = true;
    // The colours the style wrote in CMYK keep their inks; the rest are converted.
    auto inks = [&](Colour& target, const style::Color& source) {
      target = source.space == style::Color::Space::cmyk ? with_inks(source) : to_cmyk(target);
    };
    inks(out.body.colour, sheet.colors.text);
    inks(out.byline.colour, sheet.colors.text);
    inks(out.link_colour, sheet.colors.link);
    for (HeadingStyle& heading : out.headings) inks(heading.text.colour, sheet.colors.heading);
    inks(out.headline.colour, sheet.colors.heading);
    inks(out.dateline.colour, sheet.colors.caption);
    inks(out.caption.colour, sheet.colors.caption);
    inks(out.running.colour, sheet.colors.caption);
    inks(out.title_rule_colour, sheet.colors.accent);
    inks(out.aside_rule_colour, sheet.colors.accent);
    inks(out.rule_colour, sheet.colors.rule);
    inks(out.table_rule_colour, sheet.colors.rule);
    inks(out.column_rule_colour, sheet.colors.rule);
    if (out.background) inks(*out.background, ground);
    for (Colour* other : {&out.dek.colour, &out.credit_colour, &out.quote_bar_colour, &out.aside.colour,
                          &out.code.colour, &out.code_background, &out.table.colour, &out.row_rule_colour,
                          &out.notes_heading.colour, &out.note.colour, &out.source.colour}) {
      *other = to_cmyk(*other);
    }
  }
  return out;
}

}  // namespace galley::layout
