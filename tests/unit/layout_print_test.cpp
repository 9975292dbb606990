// Tests for src/layout/print.cpp: the sheet around the trim (sizes, boxes, everything moved
// in), the background into the bleed, marks in the slug that never enter the bleed, CMYK.
#include "layout/print.hpp"

#include <gtest/gtest.h>

namespace galley::layout {
namespace {

// 300 x 200 pt trim, 9 pt bleed, 30 pt slug: a 378 x 278 pt sheet, the trim at (39, 39).
LayoutStyle print_style() {
  LayoutStyle style;
  style.page_width = 300;
  style.page_height = 200;
  style.bleed = 9;
  style.slug = 30;
  style.crop_marks = style.registration_marks = style.colour_bar = true;
  style.cmyk = true;
  return style;
}

PageTree one_page(const LayoutStyle& style) {
  PageTree tree;
  Page page;
  page.width = style.page_width;
  page.height = style.page_height;
  add_item(page.items, TextRun{0, 10, 20, 30, 10, "word", Colour{}, {}});
  tree.pages.push_back(std::move(page));
  tree.destinations.push_back(Destination{"d", 0, 30});
  tree.outline.push_back(OutlineEntry{0, "t", 0, 40});
  return tree;
}

// Whether the point lies strictly inside the bleed box (trim grown by the bleed).
bool in_bleed_box(const TrimArea& trim, double x, double y) {
  return x > trim.x - trim.bleed + 0.01 && x < trim.x + trim.width + trim.bleed - 0.01 && y > trim.y - trim.bleed + 0.01 &&
         y < trim.y + trim.height + trim.bleed - 0.01;
}

TEST(LayoutPrint, TheTrimSitsInsideBleedAndSlug) {
  const LayoutStyle style = print_style();
  PageTree tree = one_page(style);
  make_print_sheets(style, tree);
  EXPECT_TRUE(tree.cmyk);
  const Page& page = tree.pages[0];
  EXPECT_DOUBLE_EQ(page.width, 378);
  EXPECT_DOUBLE_EQ(page.height, 278);
  ASSERT_TRUE(page.trim);
  EXPECT_EQ(*page.trim, (TrimArea{39, 39, 300, 200, 9}));
  const auto* run = std::get_if<TextRun>(&page.items[0]);
  ASSERT_NE(run, nullptr);
  EXPECT_DOUBLE_EQ(run->x, 59);
  EXPECT_DOUBLE_EQ(run->y, 69);
  EXPECT_DOUBLE_EQ(tree.destinations[0].y, 69);
  EXPECT_DOUBLE_EQ(tree.outline[0].y, 79);
}

TEST(LayoutPrint, MarksStayOutsideTheBleed) {
  const LayoutStyle style = print_style();
  const TrimArea trim{39, 39, 300, 200, 9};
  const std::vector<Item> marks = printer_marks(style, trim, 378, 278);
  int crop = 0, circles = 0, patches = 0;
  for (const Item& item : marks) {
    if (const auto* rule = std::get_if<Rule>(&item)) {
      EXPECT_FALSE(in_bleed_box(trim, rule->x1, rule->y1)) << rule->x1 << "," << rule->y1;
      EXPECT_FALSE(in_bleed_box(trim, rule->x2, rule->y2)) << rule->x2 << "," << rule->y2;
      EXPECT_GE(std::min(rule->x1, rule->x2), 0);
      EXPECT_LE(std::max(rule->x1, rule->x2), 378);
      EXPECT_GE(std::min(rule->y1, rule->y2), 0);
      EXPECT_LE(std::max(rule->y1, rule->y2), 278);
      EXPECT_EQ(rule->colour, registration_colour());
      // A crop mark continues a trim edge.
      const bool on_trim_edge = rule->y1 == rule->y2 ? rule->y1 == 39 || rule->y1 == 239
                                                     : rule->x1 == 39 || rule->x1 == 339;
      crop += on_trim_edge ? 1 : 0;
    } else if (const auto* circle = std::get_if<Circle>(&item)) {
      ++circles;
      // Wholly in the slug.
      const bool clear = circle->y + circle->radius < trim.y - trim.bleed || circle->y - circle->radius > 239 + 9 ||
                         circle->x + circle->radius < trim.x - trim.bleed || circle->x - circle->radius > 339 + 9;
      EXPECT_TRUE(clear) << circle->x << "," << circle->y;
    } else if (const auto* box = std::get_if<Box>(&item)) {
      ++patches;
      EXPECT_LE(box->y + box->height, style.slug);
      ASSERT_TRUE(box->fill && box->fill->cmyk);
    }
  }
  EXPECT_EQ(crop, 8);          // two at each corner
  EXPECT_EQ(circles, 8);       // two rings at the middle of each side
  EXPECT_EQ(patches, 10);      // four inks, three overprints, three tints
}

TEST(LayoutPrint, TheBackgroundRunsToTheBleedEdgeAndRgbJobsStayRgb) {
  LayoutStyle style = print_style();
  style.cmyk = false;
  style.crop_marks = style.registration_marks = style.colour_bar = false;
  style.background = Colour{0xee, 0xee, 0xdd};
  PageTree tree = one_page(style);
  make_print_sheets(style, tree);
  EXPECT_FALSE(tree.cmyk);
  const auto* ground = std::get_if<Box>(&tree.pages[0].items.front());
  ASSERT_NE(ground, nullptr);  // drawn first, under everything
  EXPECT_DOUBLE_EQ(ground->x, 30);
  EXPECT_DOUBLE_EQ(ground->y, 30);
  EXPECT_DOUBLE_EQ(ground->width, 318);
  EXPECT_DOUBLE_EQ(ground->height, 218);

  style.crop_marks = true;
  for (const Item& item : printer_marks(style, *tree.pages[0].trim, 378, 278)) {
    if (const auto* rule = std::get_if<Rule>(&item)) {
      EXPECT_FALSE(rule->colour.cmyk);
    }
  }
}

TEST(LayoutPrint, AScreenStyleKeepsItsPages) {
  LayoutStyle style;
  PageTree tree = one_page(style);
  const PageTree before = tree;
  make_print_sheets(style, tree);
  EXPECT_EQ(tree, before);
}

}  // namespace
}  // namespace galley::layout
