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

TEST(LayoutStyle, PrintFeaturesAreReportedInOneWarning) {
  style::StyleSheet sheet;
  sheet.columns.count = 4;
  sheet.print.color_space = style::Color::Space::cmyk;
  Diagnostics diagnostics;
  layout_style(sheet, diagnostics);
  ASSERT_EQ(diagnostics.items().size(), 1u);
  EXPECT_NE(diagnostics.items()[0].message.find("4 columns"), std::string::npos);
  EXPECT_NE(diagnostics.items()[0].message.find("CMYK"), std::string::npos);
}

}  // namespace
}  // namespace galley::layout
