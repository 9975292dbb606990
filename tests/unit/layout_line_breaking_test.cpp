// Tests for src/layout/line_breaking.cpp with literal widths.
#include "layout/line_breaking.hpp"

#include <gtest/gtest.h>

namespace galley::layout {
namespace {

using Items = std::vector<BreakItem>;

// Words of the given widths separated by 10 pt spaces (stretch 5, shrink 3).
Items words(std::initializer_list<double> widths) {
  Items items;
  for (double width : widths) {
    if (!items.empty()) items.push_back(BreakItem::glue_of(10, 5, 3));
    items.push_back(BreakItem::box_of(width));
  }
  return items;
}

// The first box index of every line.
std::vector<std::size_t> starts(const std::vector<Line>& lines) {
  std::vector<std::size_t> out;
  for (const Line& line : lines) out.push_back(line.begin);
  return out;
}

TEST(LineBreaking, TakesWhatFitsOnEachLine) {
  // 30 + 10 + 30 + 10 + 30 = 110 > 100: the third word goes down.
  const Items items = words({30, 30, 30, 30});
  const auto lines = break_lines(items, 100);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(starts(lines), (std::vector<std::size_t>{0, 4}));
  EXPECT_EQ(lines[0].end, 3u);  // the glue it broke at
  EXPECT_FALSE(lines[0].forced);
  EXPECT_TRUE(lines[1].forced);  // the last line
}

TEST(LineBreaking, ShrinksGlueToFitOneMoreWord) {
  // 30 + 10 + 30 + 10 + 24 = 104: fits when the two spaces shrink by 2 each (of 3).
  const auto lines = break_lines(words({30, 30, 24}), 100);
  EXPECT_EQ(lines.size(), 1u);
  // 106 needs 6 of the 6 pt of shrink: still fits; 107 does not.
  EXPECT_EQ(break_lines(words({30, 30, 26}), 100).size(), 1u);
  EXPECT_EQ(break_lines(words({30, 30, 27}), 100).size(), 2u);
}

TEST(LineBreaking, AForcedBreakEndsTheLine) {
  Items items = words({10, 10});
  items.push_back(BreakItem::penalty_of(0, forced_break));
  items.push_back(BreakItem::box_of(10));
  const auto lines = break_lines(items, 100);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(lines[0].forced);
  EXPECT_EQ(lines[0].end, 3u);
  EXPECT_EQ(lines[1].begin, 4u);
}

TEST(LineBreaking, BreaksAtAPenaltyOnlyWhenItsWidthFits) {
  // box 60, hyphen penalty (width 5), box 60: 60 + 5 fits in 70, 60 + 60 does not.
  const Items items = {BreakItem::box_of(60), BreakItem::penalty_of(5, 50), BreakItem::box_of(60)};
  auto lines = break_lines(items, 70);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(lines[0].hyphenated);
  EXPECT_EQ(lines[0].end, 1u);
  // In 62 the hyphen does not fit after the first box: no break there, the box overflows.
  lines = break_lines(items, 62);
  EXPECT_EQ(lines.size(), 1u);
}

TEST(LineBreaking, AForbiddenBreakIsNeverTaken) {
  const Items items = {BreakItem::box_of(60), BreakItem::penalty_of(0, no_break), BreakItem::box_of(60)};
  EXPECT_EQ(break_lines(items, 70).size(), 1u);
}

TEST(LineBreaking, ABoxWiderThanTheLineGetsALineOfItsOwn) {
  const auto lines = break_lines(words({20, 150, 20}), 100);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(starts(lines), (std::vector<std::size_t>{0, 2, 4}));
}

TEST(LineBreaking, LeadingAndTrailingGlueIsDropped) {
  Items items = {BreakItem::glue_of(10, 5, 3)};
  for (const BreakItem& item : words({30, 30, 30})) items.push_back(item);
  items.push_back(BreakItem::glue_of(10, 5, 3));
  const auto lines = break_lines(items, 75);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].begin, 1u);
  EXPECT_EQ(lines[1].begin, 5u);
}

TEST(LineBreaking, NoItemsGiveAtMostAnEmptyLine) {
  EXPECT_TRUE(break_lines({}, 100).size() <= 1u);
}

}  // namespace
}  // namespace galley::layout
