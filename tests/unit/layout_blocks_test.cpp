// Tests for src/layout/blocks.cpp with a fixed-width font (5 pt a character at 10 pt): which
// slices keep with the next, so that pagination never strands a heading.
#include "layout/blocks.hpp"

#include <gtest/gtest.h>

#include "fake_font_metrics.hpp"

namespace galley::layout {
namespace {

struct LayoutBlocks : ::testing::Test {
  LayoutStyle style;
  testing::FakeFontMetrics metrics;
  Diagnostics diagnostics;

  // The keep_with_next flags of the slices `blocks` make in a 100 pt column.
  std::vector<bool> keeps(const model::Blocks& blocks) {
    style.hyphenate = false;
    Context context(style, metrics, diagnostics);
    context.begin_article("a.md", "en", 0);
    Flow flow;
    BlockWriter writer(context, flow);
    writer.begin_article(blocks);
    BlockEnv env;
    env.text = &style.body;
    writer.blocks(blocks, Frame{0, 100}, env);
    std::vector<bool> out;
    for (const Slice& slice : flow.slices) out.push_back(slice.keep_with_next);
    return out;
  }
};

model::Block para(const std::string& text) { return model::Block{model::Para{{model::Text{text}}}}; }
model::Block heading(const std::string& text) { return model::Block{model::Header{2, {model::Text{text}}}}; }

TEST_F(LayoutBlocks, AHeadingKeepsWithTwoLinesOfWhatFollows) {
  style.orphans = 1;  // so that only the heading rule keeps lines together
  style.widows = 1;
  // A heading, then a paragraph of four lines (of 20 characters at most).
  const auto flags = keeps({heading("Head"), para("aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll")});
  ASSERT_EQ(flags.size(), 4u);
  EXPECT_EQ(flags, (std::vector<bool>{true, true, false, false}));
}

TEST_F(LayoutBlocks, AcrossAOneLineParagraph) {
  style.orphans = 1;
  style.widows = 1;
  const auto flags = keeps({heading("Head"), para("one line"), para("aaaa bbbb cccc dddd eeee ffff")});
  ASSERT_EQ(flags.size(), 4u);
  // The heading, the one-line paragraph, and the next paragraph's first line stay together.
  EXPECT_EQ(flags, (std::vector<bool>{true, true, false, false}));
}

}  // namespace
}  // namespace galley::layout
