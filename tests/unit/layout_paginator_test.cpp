// Tests for src/layout/paginator.cpp with literal heights: notes at the foot of the page of
// their mark, a long note continued on the next page, columns filled in order, the title
// block across them, the last page balanced, mirrored left-hand pages.
#include "layout/paginator.hpp"

#include <gtest/gtest.h>

#include <functional>

#include "fake_font_metrics.hpp"
#include "layout/pages.hpp"

namespace galley::layout {
namespace {

// A 300 pt tall, 250 pt wide text area: 50 pt margins on a 300 x 400 pt page, 25 pt sides.
LayoutStyle small_pages() {
  LayoutStyle style;
  style.page_width = 300;
  style.page_height = 400;
  style.margin_top = 50;
  style.margin_bottom = 50;
  style.margin_left = 25;
  style.margin_right = 25;
  style.note_separator = 10;
  style.note_space = 2;
  return style;
}

// A name's number, stable within a test run: the thickness of the rule its slice draws.
double tag(const std::string& name) { return static_cast<double>(std::hash<std::string>{}(name) % 100000) / 1000 + 1; }

// A slice `height` tall, named by a destination, with a rule at x = 25 to see where it went.
Slice block(double height, const std::string& name) {
  Slice slice;
  slice.height = height;
  slice.marks.push_back(Mark{Mark::Kind::destination, name, 0, 0});
  add_item(slice.items, Rule{25, 0, 35, 0, tag(name), Colour{}});
  return slice;
}

std::string numbered(std::string prefix, int number) { return prefix.append(std::to_string(number)); }

const Destination* find(const PageTree& tree, const std::string& name) {
  for (const Destination& d : tree.destinations) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

// The x of the rule `block` drew in the slice named `name`.
double x_of(const PageTree& tree, const std::string& name) {
  const Destination* d = find(tree, name);
  if (!d) return -1;
  for (const Item& item : tree.pages[static_cast<std::size_t>(d->page)].items) {
    const auto* rule = std::get_if<Rule>(&item);
    if (rule && rule->y1 == d->y && rule->thickness == tag(name)) return rule->x1;
  }
  return -1;
}

struct LayoutPaginator : ::testing::Test {
  LayoutStyle style = small_pages();
  testing::FakeFontMetrics metrics;
  Diagnostics diagnostics;

  PageTree fill(Flow& flow) {
    Context context{style, metrics, diagnostics};
    PageTree tree;
    fill_pages(context, flow, tree);
    return tree;
  }
};

TEST_F(LayoutPaginator, ANoteIsSetAtTheFootOfThePageOfItsMark) {
  Flow flow;
  for (int i = 0; i < 40; ++i) flow.slices.push_back(block(10, numbered("s", i)));
  flow.slices[5].notes = {0};
  flow.notes.push_back({block(10, "note-a"), block(10, "note-b")});
  const PageTree tree = fill(flow);
  ASSERT_EQ(tree.pages.size(), 2u);
  // The foot takes 10 (rule) + 20: 27 body slices fit above it.
  EXPECT_EQ(find(tree, "s26")->page, 0);
  EXPECT_EQ(find(tree, "s27")->page, 1);
  EXPECT_EQ(find(tree, "note-a")->page, 0);
  EXPECT_DOUBLE_EQ(find(tree, "note-a")->y, 330);  // the foot ends at the text area's bottom
  EXPECT_DOUBLE_EQ(find(tree, "note-b")->y, 340);
  // A short rule above the notes.
  bool rule = false;
  for (const Item& item : tree.pages[0].items) {
    if (const auto* r = std::get_if<Rule>(&item)) rule = rule || (r->y1 == 323.5 && r->x1 == 25 && r->x2 > r->x1);
  }
  EXPECT_TRUE(rule);
}

TEST_F(LayoutPaginator, ASliceWhoseNoteDoesNotFitMovesWithItToTheNextPage) {
  Flow flow;
  for (int i = 0; i < 30; ++i) flow.slices.push_back(block(10, numbered("s", i)));
  flow.slices[29].notes = {0};  // the last line of a full page
  flow.notes.push_back({block(10, "note-a")});
  const PageTree tree = fill(flow);
  EXPECT_EQ(find(tree, "s28")->page, 0);
  EXPECT_EQ(find(tree, "s29")->page, 1);
  EXPECT_EQ(find(tree, "note-a")->page, 1);
}

TEST_F(LayoutPaginator, ALongNoteContinuesAtTheFootOfTheNextPage) {
  Flow flow;
  for (int i = 0; i < 10; ++i) flow.slices.push_back(block(10, numbered("s", i)));
  flow.slices[0].notes = {0};
  std::vector<Slice> note;
  for (int i = 0; i < 40; ++i) note.push_back(block(10, numbered("line", i)));
  flow.notes.push_back(std::move(note));
  const PageTree tree = fill(flow);
  ASSERT_EQ(tree.pages.size(), 2u);
  // Page 1: the mark's line and 28 lines of its note (10 + 10 + 280 = 300).
  EXPECT_EQ(find(tree, "s0")->page, 0);
  EXPECT_EQ(find(tree, "line27")->page, 0);
  EXPECT_DOUBLE_EQ(find(tree, "line27")->y, 340);
  // Page 2: the other 12 lines first at its foot, under a rule of their own, then the body.
  EXPECT_EQ(find(tree, "line28")->page, 1);
  EXPECT_DOUBLE_EQ(find(tree, "line39")->y, 340);
  EXPECT_DOUBLE_EQ(find(tree, "line28")->y, 230);
  EXPECT_EQ(find(tree, "s1")->page, 1);
  EXPECT_DOUBLE_EQ(find(tree, "s1")->y, 50);
  EXPECT_EQ(find(tree, "s9")->page, 1);
}

TEST_F(LayoutPaginator, ColumnsFillInOrderAndTheLastPageIsBalanced) {
  style.columns = 2;
  style.column_gap = 10;
  style.column_rule = true;
  Flow flow;
  for (int i = 0; i < 80; ++i) flow.slices.push_back(block(10, numbered("s", i)));
  const PageTree tree = fill(flow);
  ASSERT_EQ(tree.pages.size(), 2u);
  // Page 1: 30 a column; the second column 130 pt to the right (120 wide + 10 gap).
  EXPECT_DOUBLE_EQ(x_of(tree, "s0"), 25);
  EXPECT_DOUBLE_EQ(x_of(tree, "s29"), 25);
  EXPECT_DOUBLE_EQ(x_of(tree, "s30"), 155);
  EXPECT_DOUBLE_EQ(find(tree, "s30")->y, 50);
  EXPECT_EQ(find(tree, "s59")->page, 0);
  // Page 2: the 20 left, 10 in each column rather than 20 and none.
  EXPECT_EQ(find(tree, "s60")->page, 1);
  EXPECT_DOUBLE_EQ(x_of(tree, "s69"), 25);
  EXPECT_DOUBLE_EQ(x_of(tree, "s70"), 155);
  EXPECT_DOUBLE_EQ(find(tree, "s70")->y, 50);
  // The rule in the gap runs down to the balanced columns' foot.
  bool rule = false;
  for (const Item& item : tree.pages[1].items) {
    if (const auto* r = std::get_if<Rule>(&item)) rule = rule || (r->x1 == 150 && r->y1 == 50 && r->y2 == 150);
  }
  EXPECT_TRUE(rule);
}

TEST_F(LayoutPaginator, TheTitleBlockSpansTheColumnsAndNotesStayInTheirColumn) {
  style.columns = 2;
  style.column_gap = 10;
  Flow flow;
  Slice title = block(40, "title");
  title.span = true;
  title.page_break_before = true;
  flow.slices.push_back(std::move(title));
  for (int i = 0; i < 40; ++i) flow.slices.push_back(block(10, numbered("s", i)));
  flow.slices[1].space_before = 10;  // title block to body: opens both columns
  flow.slices[35].notes = {0};
  flow.notes.push_back({block(10, "note-a")});
  const PageTree tree = fill(flow);
  ASSERT_EQ(tree.pages.size(), 1u);
  EXPECT_DOUBLE_EQ(find(tree, "s0")->y, 100);
  EXPECT_DOUBLE_EQ(x_of(tree, "s0"), 25);
  // Balanced, both columns under the title block: 21 lines and 19 lines with the note of the
  // second column's line at its foot (210 pt each).
  EXPECT_DOUBLE_EQ(x_of(tree, "s20"), 25);
  EXPECT_DOUBLE_EQ(x_of(tree, "s21"), 155);
  EXPECT_DOUBLE_EQ(find(tree, "s21")->y, 100);
  EXPECT_DOUBLE_EQ(x_of(tree, "note-a"), 155);
  EXPECT_DOUBLE_EQ(find(tree, "note-a")->y, 300);
}

TEST_F(LayoutPaginator, MirroredLeftHandPagesMoveTheTextAndSwapTheRunningHeads) {
  style.mirror = true;
  style.margin_left = 25;   // inner
  style.margin_right = 45;  // outer
  style.header = {"L", "", "R"};
  style.footer = {"", "", ""};
  Flow flow;
  for (int i = 0; i < 70; ++i) flow.slices.push_back(block(10, numbered("s", i)));
  PageTree tree;
  {
    Context context{style, metrics, diagnostics};
    paginate(context, flow, {RunningHead{"T", "", "", "", true}}, tree);
  }
  ASSERT_EQ(tree.pages.size(), 3u);
  EXPECT_DOUBLE_EQ(x_of(tree, "s0"), 25);   // right-hand page: inner margin on the left
  EXPECT_DOUBLE_EQ(x_of(tree, "s30"), 45);  // left-hand page: outer margin on the left
  EXPECT_DOUBLE_EQ(x_of(tree, "s60"), 25);
  auto first_text = [&](std::size_t page) -> std::pair<std::string, double> {
    for (const Item& item : tree.pages[page].items) {
      if (const auto* run = std::get_if<TextRun>(&item)) return {run->text, run->x};
    }
    return {"", -1};
  };
  // Page 2 (left-hand): "R" at the outer (left) edge, the 45 pt margin; page 3: "L" at 25.
  EXPECT_EQ(first_text(1), (std::pair<std::string, double>{"R", 45}));
  EXPECT_EQ(first_text(2), (std::pair<std::string, double>{"L", 25}));
}

// A collection laid out in runs: the first run's slices are placed while the others are laid
// out, then the rest joins the flow (slices, and notes the first run's marks do not call). A
// long note carried past the seam and two columns make the same pages as one fill.
TEST_F(LayoutPaginator, PagesFilledInStepsAreThePagesOfOneFill) {
  style.columns = 2;
  auto article = [](Flow& flow, int number, int first_note) {
    for (int i = 0; i < 30; ++i) {
      Slice slice = block(12, numbered("a" + std::to_string(number) + "-", i));
      slice.article = number;
      slice.page_break_before = i == 0;
      slice.keep_with_next = i % 7 == 3;
      if (i == 27) slice.notes = {first_note};
      flow.slices.push_back(std::move(slice));
    }
    std::vector<Slice> note;
    for (int line = 0; line < 25; ++line) note.push_back(block(10, numbered("n" + std::to_string(number) + "-", line)));
    flow.notes.push_back(std::move(note));
  };
  Flow whole;
  for (int number = 0; number < 4; ++number) article(whole, number, number);
  const PageTree one_fill = fill(whole);

  Flow flow;
  PageTree tree;
  Context context{style, metrics, diagnostics};
  PageFiller pages(context, flow, tree);
  article(flow, 0, 0);
  article(flow, 1, 1);
  pages.place();
  EXPECT_GT(tree.pages.size(), 0u);
  article(flow, 2, 2);
  article(flow, 3, 3);
  const std::vector<PageRecord> records = pages.finish();
  EXPECT_EQ(records.size(), tree.pages.size());
  EXPECT_EQ(tree, one_fill);
}

}  // namespace
}  // namespace galley::layout
