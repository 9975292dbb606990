// Tests for src/text/line_breaks.cpp: UAX #14 opportunities through libunibreak.
#include "text/line_breaks.hpp"

#include <gtest/gtest.h>

#include <string>

namespace galley::text {
namespace {

// The text with '|' after each allowed break and '!' after each mandatory one.
std::string marked(std::string_view text, std::string_view language = "en") {
  const std::vector<LineBreak> breaks = line_breaks(text, language);
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (breaks[i] == LineBreak::allowed) out += '|';
    if (breaks[i] == LineBreak::mandatory) out += '!';
  }
  return out;
}

TEST(LineBreaks, AfterSpacesNotAtTheEnd) { EXPECT_EQ(marked("one two three"), "one |two |three"); }

TEST(LineBreaks, AfterHyphensButNotBeforeDigits) {
  EXPECT_EQ(marked("well-known"), "well-|known");
  EXPECT_EQ(marked("COVID-19 1990-2000"), "COVID-19 |1990-2000");
}

TEST(LineBreaks, AroundDashes) {
  EXPECT_EQ(marked("a\u2014b"), "a|\u2014|b");     // em dash: before and after
  EXPECT_EQ(marked("1\u20132 x"), "1\u2013|2 |x");  // en dash: after
}

TEST(LineBreaks, InsideUrlsAfterSlashes) {
  // Not before a digit after a slash (UAX #14 LB25: SY x NU).
  EXPECT_EQ(marked("https://example.org/news/2024/item"), "https://|example.org/|news/2024/|item");
}

TEST(LineBreaks, NeverBeforeClosingPunctuation) {
  EXPECT_EQ(marked("(word) \u00ABslovo\u00BB word, end."), "(word) |\u00ABslovo\u00BB |word, |end.");
  EXPECT_EQ(marked("a \u201Cquote\u201D here"), "a |\u201Cquote\u201D |here");
  // Not even after a space (French spacing before ! and ?).
  EXPECT_EQ(marked("vraiment !", "fr"), "vraiment !");
}

TEST(LineBreaks, NoBreakSpacesHold) {
  EXPECT_EQ(marked("10\u00A0000 km"), "10\u00A0000 |km");
  EXPECT_EQ(marked("a\u202Fb c"), "a\u202Fb |c");  // narrow no-break space
}

TEST(LineBreaks, SoftHyphensAllowABreak) { EXPECT_EQ(marked("hy\u00ADphen"), "hy\u00AD|phen"); }

TEST(LineBreaks, LineFeedsAreMandatory) { EXPECT_EQ(marked("a\nb"), "a\n!b"); }

TEST(LineBreaks, CyrillicAndBytesInsideCharacters) {
  const std::string text = "\u0441\u043B\u043E\u0432\u043E \u0434\u0435\u043B\u043E";  // "слово дело"
  const auto breaks = line_breaks(text, "ru");
  ASSERT_EQ(breaks.size(), text.size());
  int allowed = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (breaks[i] != LineBreak::none) {
      ++allowed;
      EXPECT_EQ(text[i], ' ');
    }
  }
  EXPECT_EQ(allowed, 1);
}

TEST(LineBreaks, EmptyText) { EXPECT_TRUE(line_breaks("", "en").empty()); }

}  // namespace
}  // namespace galley::text
