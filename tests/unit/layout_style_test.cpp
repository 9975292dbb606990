// Tests for src/layout/style.cpp: a style sheet's values reach the layout parameters, and
// what the PDF cannot do yet is reported once.
#include "layout/style.hpp"

#include <gtest/gtest.h>

namespace galley::layout {
namespace {

TEST(LayoutStyle, TheDefaultSheetIsA4WithTheArticleFonts) {
  Diagnostics diagnostics;
  const LayoutStyle style = layout_style(style::StyleSheet{}, diagnostics);
  EXPECT_NEAR(style.page_width, 595.276, 0.001);
  EXPECT_NEAR(style.page_height, 841.890, 0.001);
  EXPECT_NEAR(style.margin_left, 20 * style::points_per_mm, 0.001);
  EXPECT_EQ(style.body_families, std::vector<std::string>{"Liberation Serif"});
  EXPECT_EQ(style.heading_families, std::vector<std::string>{"Liberation Sans"});
  EXPECT_DOUBLE_EQ(style.body.size, 10.5);
  EXPECT_DOUBLE_EQ(style.body.leading, 14);
  EXPECT_DOUBLE_EQ(style.paragraph_indent, 10.5);  // 1em
  EXPECT_TRUE(style.justify);
  EXPECT_EQ(style.header.left, "{title}");
  EXPECT_EQ(style.footer.center, "{page} / {pages}");
  EXPECT_TRUE(diagnostics.items().empty());
}

TEST(LayoutStyle, SheetValuesOverrideTheDefaults) {
  style::StyleSheet sheet;
  sheet.fonts.body = "DejaVu Serif";
  sheet.fonts.size = style::Length{12};
  sheet.fonts.leading = style::Length{0, 1.5};
  sheet.paragraph.align = style::Align::left;
  sheet.colors.link = style::Color{style::Color::Space::cmyk, {1, 0, 0, 0}};
  Diagnostics diagnostics;
  const LayoutStyle style = layout_style(sheet, diagnostics);
  EXPECT_EQ(style.body_families.front(), "DejaVu Serif");
  EXPECT_DOUBLE_EQ(style.body.size, 12);
  EXPECT_DOUBLE_EQ(style.body.leading, 18);
  EXPECT_FALSE(style.justify);
  EXPECT_EQ(style.link_colour, (Colour{0, 255, 255}));
}

TEST(LayoutStyle, PrintKeysReachTheLayout) {
  style::StyleSheet sheet;
  sheet.columns.count = 4;
  sheet.columns.gap = style::Length{10};
  sheet.columns.rule = true;
  sheet.page.mirror = true;
  sheet.print.bleed = style::Length{9};
  sheet.print.slug = style::Length{30};
  sheet.print.marks = {style::Mark::crop, style::Mark::color_bar};
  sheet.print.color_space = style::Color::Space::cmyk;
  sheet.links = style::LinkMode::endnotes;
  sheet.colors.text = style::Color{style::Color::Space::cmyk, {0, 0, 0, 0.95}};
  Diagnostics diagnostics;
  const LayoutStyle style = layout_style(sheet, diagnostics);
  EXPECT_TRUE(diagnostics.items().empty());
  EXPECT_EQ(style.columns, 4);
  EXPECT_DOUBLE_EQ(style.column_gap, 10);
  EXPECT_DOUBLE_EQ(column_width(style), (style.page_width - style.margin_left - style.margin_right - 30) / 4);
  EXPECT_TRUE(style.column_rule && style.mirror && style.crop_marks && style.colour_bar);
  EXPECT_FALSE(style.registration_marks);
  EXPECT_DOUBLE_EQ(style.bleed, 9);
  EXPECT_DOUBLE_EQ(style.slug, 30);
  EXPECT_EQ(style.link_notes, LinkNotes::end);
  EXPECT_FALSE(style.background);  // white is the paper
  // In a CMYK job every colour has its inks: as written, or converted from RGB.
  EXPECT_EQ(style.body.colour.cmyk, (Cmyk{0, 0, 0, 0.95}));
  ASSERT_TRUE(style.code_background.cmyk);  // #f2f2f0, a built-in RGB default
  EXPECT_DOUBLE_EQ(style.code_background.cmyk->c, 0);
  EXPECT_DOUBLE_EQ(style.code_background.cmyk->y, 0.0083);
  EXPECT_DOUBLE_EQ(style.code_background.cmyk->k, 0.051);
  EXPECT_TRUE(style.rule_colour.cmyk && style.running.colour.cmyk && style.caption.colour.cmyk);
}

TEST(LayoutStyle, RgbColoursConvertWithTheDocumentedFormula) {
  EXPECT_EQ(to_cmyk(Colour{0, 0, 0}).cmyk, (Cmyk{0, 0, 0, 1}));
  EXPECT_EQ(to_cmyk(Colour{255, 255, 255}).cmyk, (Cmyk{0, 0, 0, 0}));
  EXPECT_EQ(to_cmyk(Colour{255, 0, 0}).cmyk, (Cmyk{0, 1, 1, 0}));
  // #1a4f8a: k = 1 - 138/255; c = (138 - 26) / 138, m = (138 - 79) / 138, y = 0.
  const Cmyk blue = *to_cmyk(Colour{0x1a, 0x4f, 0x8a}).cmyk;
  EXPECT_DOUBLE_EQ(blue.c, 0.8116);
  EXPECT_DOUBLE_EQ(blue.m, 0.4275);
  EXPECT_DOUBLE_EQ(blue.y, 0);
  EXPECT_DOUBLE_EQ(blue.k, 0.4588);
  // Inks already given are kept.
  EXPECT_EQ(to_cmyk(Colour{1, 2, 3, Cmyk{0.1, 0.2, 0.3, 0.4}}).cmyk, (Cmyk{0.1, 0.2, 0.3, 0.4}));
}

TEST(LayoutStyle, MarksWithoutASlugAreReported) {
  style::StyleSheet sheet;
  sheet.print.marks = {style::Mark::crop};
  Diagnostics diagnostics;
  layout_style(sheet, diagnostics);
  ASSERT_EQ(diagnostics.items().size(), 1u);
  EXPECT_NE(diagnostics.items()[0].message.find("print.slug"), std::string::npos);
}

}  // namespace
}  // namespace galley::layout
