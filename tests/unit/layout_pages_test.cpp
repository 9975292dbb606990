// Tests for src/layout/pages.cpp: keep-with-next, table headers repeated on every page a
// table continues on, slices taller than a page cut between lines, running heads and folios.
#include "layout/pages.hpp"

#include <gtest/gtest.h>

#include "fake_font_metrics.hpp"
#include "layout/layout.hpp"

namespace galley::layout {
namespace {

// A page with a 300 pt tall body: 50 pt margins on a 400 pt page.
LayoutStyle small_pages() {
  LayoutStyle style;
  style.page_width = 300;
  style.page_height = 400;
  style.margin_top = 50;
  style.margin_bottom = 50;
  style.margin_left = 25;
  style.margin_right = 25;
  return style;
}

std::string numbered(std::string prefix, int number) { return prefix.append(std::to_string(number)); }

Slice block(double height, const std::string& name, bool keep = false) {
  Slice slice;
  slice.height = height;
  slice.keep_with_next = keep;
  slice.marks.push_back(Mark{Mark::Kind::destination, name, 0, 0});
  return slice;
}

int page_of(const PageTree& tree, const std::string& name) {
  for (const Destination& d : tree.destinations) {
    if (d.name == name) return d.page;
  }
  return -1;
}

struct LayoutPages : ::testing::Test {
  LayoutStyle style = small_pages();
  testing::FakeFontMetrics metrics;
  Diagnostics diagnostics;
  Context context{style, metrics, diagnostics};
};

TEST_F(LayoutPages, FillsPagesInOrder) {
  Flow flow;
  for (int i = 0; i < 35; ++i) flow.slices.push_back(block(10, numbered("s", i)));
  PageTree tree;
  paginate(context, flow, {}, tree);
  ASSERT_EQ(tree.pages.size(), 2u);
  EXPECT_EQ(page_of(tree, "s29"), 0);
  EXPECT_EQ(page_of(tree, "s30"), 1);
  EXPECT_DOUBLE_EQ(tree.destinations[30].y, 50);
}

TEST_F(LayoutPages, AHeadingKeptWithNextMovesToTheNextPage) {
  Flow flow;
  for (int i = 0; i < 29; ++i) flow.slices.push_back(block(10, numbered("s", i)));
  // The heading would fit at the foot of page 1 (290 + 10), the line after it would not.
  flow.slices.push_back(block(10, "heading", true));
  flow.slices.push_back(block(10, "first line"));
  PageTree tree;
  paginate(context, flow, {}, tree);
  EXPECT_EQ(page_of(tree, "s28"), 0);
  EXPECT_EQ(page_of(tree, "heading"), 1);
  EXPECT_EQ(page_of(tree, "first line"), 1);
}

TEST_F(LayoutPages, AKeepChainLongerThanAPageIsBrokenAnyway) {
  Flow flow;
  flow.slices.push_back(block(10, "before"));
  for (int i = 0; i < 40; ++i) flow.slices.push_back(block(10, numbered("k", i), true));
  PageTree tree;
  paginate(context, flow, {}, tree);
  EXPECT_EQ(page_of(tree, "before"), 0);
  EXPECT_EQ(page_of(tree, "k0"), 0);
}

TEST_F(LayoutPages, SpaceBeforeIsDroppedAtThePageTop) {
  Flow flow;
  for (int i = 0; i < 30; ++i) flow.slices.push_back(block(10, numbered("s", i)));
  flow.slices.push_back(block(10, "spaced"));
  flow.slices.back().space_before = 20;
  PageTree tree;
  paginate(context, flow, {}, tree);
  EXPECT_EQ(page_of(tree, "spaced"), 1);
  EXPECT_DOUBLE_EQ(tree.destinations.back().y, 50);
}

TEST_F(LayoutPages, ASliceTallerThanAPageIsCutBetweenLines) {
  Slice tall;
  for (int i = 0; i < 60; ++i) {
    tall.items.push_back(TextRun{0, 8, 0, 10.0 * i + 9, 10, numbered("line", i), {}, {}});
  }
  tall.height = 605;
  const std::vector<Slice> parts = cut_tall_slice(tall, 295);
  ASSERT_GE(parts.size(), 3u);
  std::size_t lines = 0;
  for (const Slice& part : parts) {
    EXPECT_LE(part.height, 295);
    for (const Item& item : part.items) {
      const auto& run = std::get<TextRun>(item);
      EXPECT_GE(run.y - 0.9 * run.size, -1e-9) << run.text;
      EXPECT_LE(run.y + 0.25 * run.size, part.height) << run.text;
      ++lines;
    }
  }
  EXPECT_EQ(lines, 60u);
}

TEST_F(LayoutPages, FoliosOnEveryPageAndRunningHeadsAfterTheFirst) {
  Flow flow;
  for (int i = 0; i < 65; ++i) flow.slices.push_back(block(10, numbered("s", i)));
  flow.slices.front().page_break_before = true;
  PageTree tree;
  paginate(context, flow, {RunningHead{"Title", "", "", "", true}}, tree);
  ASSERT_EQ(tree.pages.size(), 3u);
  auto texts = [&](std::size_t page) {
    std::string all;
    for (const Item& item : tree.pages[page].items) {
      if (const auto* run = std::get_if<TextRun>(&item)) all += run->text + "|";
    }
    return all;
  };
  EXPECT_EQ(texts(0), "1 / 3|");
  EXPECT_EQ(texts(1), "2 / 3|Title|");
  EXPECT_EQ(texts(2), "3 / 3|Title|");
}

TEST_F(LayoutPages, TableHeaderRepeatsOnEveryPageTheTableContinuesOn) {
  model::Document document;
  document.meta.title = "T";
  model::Table table;
  table.alignments = {model::Alignment::left, model::Alignment::right};
  table.head = {{{model::Text{"Name"}}, {model::Text{"Value"}}}};
  for (int i = 0; i < 80; ++i) {
    table.body.push_back({{model::Text{numbered("row", i)}}, {model::Text{std::to_string(i)}}});
  }
  document.blocks.push_back(table);
  const PageTree tree = lay_out(document, style, metrics, diagnostics);
  ASSERT_GT(tree.pages.size(), 2u);
  int pages_with_rows = 0;
  for (const Page& page : tree.pages) {
    double header_y = -1, first_row_y = -1;
    for (const Item& item : page.items) {
      const auto* run = std::get_if<TextRun>(&item);
      if (!run) continue;
      if (run->text == "Name" && header_y < 0) header_y = run->y;
      if (run->text.rfind("row", 0) == 0 && first_row_y < 0) first_row_y = run->y;
    }
    if (first_row_y < 0) continue;
    ++pages_with_rows;
    EXPECT_GE(header_y, 0) << "a page of rows without the header";
    EXPECT_LT(header_y, first_row_y);
  }
  EXPECT_EQ(pages_with_rows, static_cast<int>(tree.pages.size()));
}

// Every text run inside the body's width, and no two runs on one baseline overlapping.
void expect_inside_and_apart(const PageTree& tree, const LayoutStyle& style) {
  for (const Page& page : tree.pages) {
    std::vector<const TextRun*> runs;
    for (const Item& item : page.items) {
      if (const auto* run = std::get_if<TextRun>(&item)) runs.push_back(run);
    }
    for (const TextRun* run : runs) {
      EXPECT_GE(run->x, style.margin_left - 1e-6) << run->text;
      EXPECT_LE(run->x + run->width, style.page_width - style.margin_right + 1e-6) << run->text;
    }
    for (std::size_t i = 0; i < runs.size(); ++i) {
      for (std::size_t j = i + 1; j < runs.size(); ++j) {
        if (std::abs(runs[i]->y - runs[j]->y) > 0.01) continue;
        const double overlap = std::min(runs[i]->x + runs[i]->width, runs[j]->x + runs[j]->width) -
                               std::max(runs[i]->x, runs[j]->x);
        EXPECT_LE(overlap, 1e-6) << runs[i]->text << " / " << runs[j]->text;
      }
    }
  }
}

TEST_F(LayoutPages, ARowTallerThanAPageFillsThePageAndContinuesUnderTheHeader) {
  model::Document document;
  document.meta.title = "T";
  model::Table table;
  table.alignments = {model::Alignment::left, model::Alignment::left};
  table.head = {{{model::Text{"Name"}}, {model::Text{"Text"}}}};
  std::string long_text;
  for (int i = 0; i < 600; ++i) long_text += "word ";
  table.body = {{{model::Text{"first"}}, {model::Text{long_text}}}};
  document.blocks.push_back(model::Para{{model::Text{"Before the table."}}});
  document.blocks.push_back(table);
  const PageTree tree = lay_out(document, style, metrics, diagnostics);
  ASSERT_GT(tree.pages.size(), 2u);
  for (std::size_t p = 0; p < tree.pages.size(); ++p) {
    double header = -1, text = -1;
    for (const Item& item : tree.pages[p].items) {
      const auto* run = std::get_if<TextRun>(&item);
      if (run && run->text == "Name" && header < 0) header = run->y;
      if (run && run->text.starts_with("word") && text < 0) text = run->y;  // a line of them
    }
    EXPECT_GE(text, 0) << "page " << p + 1 << " holds none of the row";
    EXPECT_GE(header, 0) << "page " << p + 1 << " lacks the header";
    EXPECT_LT(header, text) << "page " << p + 1;
  }
  expect_inside_and_apart(tree, style);
}

TEST_F(LayoutPages, ATableTooWideIsSetInSmallerTypeAndNothingOverlaps) {
  model::Document document;
  document.meta.title = "T";
  model::Table table;
  const int columns = 14;  // 250 pt of body: 17.9 pt a column, too little for 8.5 pt type
  for (int c = 0; c < columns; ++c) table.alignments.push_back(model::Alignment::left);
  model::Table::Row head, row;
  for (int c = 0; c < columns; ++c) {
    head.push_back({model::Text{numbered("head", c)}});
    row.push_back({model::Text{numbered("cell", c)}});
  }
  table.head = {head};
  table.body = {row, row};
  document.blocks.push_back(table);
  const PageTree tree = lay_out(document, style, metrics, diagnostics);
  expect_inside_and_apart(tree, style);
  double smallest = 100;
  for (const Item& item : tree.pages.front().items) {
    if (const auto* run = std::get_if<TextRun>(&item)) smallest = std::min(smallest, run->size);
  }
  EXPECT_LT(smallest, style.table.size);
  EXPECT_TRUE(diagnostics.items().empty());
}

TEST_F(LayoutPages, ATableTooWideEvenInTheSmallestTypeIsSetInParts) {
  model::Document document;
  document.meta.title = "T";
  model::Table table;
  const int columns = 60;
  model::Table::Row row;
  for (int c = 0; c < columns; ++c) {
    table.alignments.push_back(model::Alignment::left);
    row.push_back({model::Text{"x"}});
  }
  table.body = {row};
  document.blocks.push_back(table);
  const PageTree tree = lay_out(document, style, metrics, diagnostics);
  expect_inside_and_apart(tree, style);
  ASSERT_EQ(diagnostics.count(Severity::warning), 1u);
  EXPECT_NE(diagnostics.items()[0].message.find("parts"), std::string::npos);
}

TEST_F(LayoutPages, DeeplyNestedQuotesAndListsStayOnThePage) {
  model::Document document;
  document.meta.title = "T";
  model::Block block = model::Para{{model::Text{"quoted words that wrap in a narrow column"}}};
  for (int depth = 0; depth < 32; ++depth) block = model::BlockQuote{{block}};
  document.blocks.push_back(block);
  model::Block list = model::Para{{model::Text{"deep item"}}};
  for (int depth = 0; depth < 32; ++depth) list = model::BulletList{{model::ListItem{{list}, model::Task::none}}, true};
  document.blocks.push_back(list);
  const PageTree tree = lay_out(document, style, metrics, diagnostics);
  expect_inside_and_apart(tree, style);
}

TEST_F(LayoutPages, NothingIsDrawnOutsideThePage) {
  model::Document document;
  document.meta.title = "A headline long enough to need two lines on a small page";
  document.blocks.push_back(model::Para{{model::Text{std::string(400, 'x')}}});
  document.blocks.push_back(model::CodeBlock{"", std::string(300, 'y') + "\n\tindented"});
  const PageTree tree = lay_out(document, style, metrics, diagnostics);
  for (const Page& page : tree.pages) {
    for (const Item& item : page.items) {
      if (const auto* run = std::get_if<TextRun>(&item)) {
        EXPECT_GE(run->x, style.margin_left - 1e-9) << run->text;
        EXPECT_LE(run->x + run->width, style.page_width - style.margin_right + 1e-9) << run->text;
        EXPECT_GT(run->y, 0);
        EXPECT_LT(run->y, style.page_height);
      }
    }
  }
}

}  // namespace
}  // namespace galley::layout
