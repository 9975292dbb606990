// Tests for src/text/line_breaks.cpp: UAX #14 opportunities through libunibreak.
#include "text/line_breaks.hpp"

#include <gtest/gtest.h>
#include <linebreak.h>

#include <cstdint>
#include <string>
#include <vector>

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

// libunibreak on the whole text, as line_breaks called it before it shortened runs of letters.
std::vector<LineBreak> reference(std::string_view text, const char* language) {
  init_linebreak();
  std::vector<char> breaks(text.size());
  set_linebreaks_utf8(reinterpret_cast<const utf8_t*>(text.data()), text.size(), language, breaks.data());
  std::vector<LineBreak> out(text.size(), LineBreak::none);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (breaks[i] == LINEBREAK_MUSTBREAK) out[i] = LineBreak::mandatory;
    if (breaks[i] == LINEBREAK_ALLOWBREAK) out[i] = LineBreak::allowed;
  }
  if (!out.empty()) out.back() = LineBreak::none;
  return out;
}

// Random texts from pieces chosen to meet the letters line_breaks shortens on every side:
// each shortened letter, punctuation and quotes of every tailoring, digits, spaces of every
// kind, hyphens and dashes, combining marks, CJK, Hebrew, URLs, bytes that are not UTF-8.
TEST(LineBreaks, SameAsLibunibreakOnTheWholeText) {
  std::vector<std::string> pieces = {
      " ", "  ", "\u00A0", "\u202F", "\u2009", "\u3000", "\n", "\t", "-", "\u2010", "\u2013", "\u2014", "\u00AD",
      "/", ".", ",", ";", ":", "!", "?", "(", ")", "[", "]", "{", "}", "\"", "'", "\u00AB", "\u00BB", "\u201C",
      "\u201D", "\u201E", "\u2018", "\u2019", "\u201A", "\u2039", "\u203A", "\u2026", "%", "$", "\u00A3",
      "\u20AC", "#", "&", "+", "=", "*", "0", "1", "42", "1,000", "3.5", "\u0301", "\u0306", "\u0483", "\u200B",
      "\u2060", "\uFEFF", "\u4E2D", "\u6587", "\u3002", "\u300C", "\u05D0", "\u05D1", "\u0627", "\u0E01",
      "\uAC00", "\u30A2", "https://", "www.", "e-mail", "\x80", "\xC3", "\xE2\x80", "\xF0\x9F\x98\x80",
      "\xC1\xA1", "\xFF", "\u00D7", "\u00F7", "\u00AA", "\u00B5", "\u0400", "\u045F", "\u0460", "\u0180"};
  for (char32_t c = 0; c < 0x500; ++c) {  // every letter the shortcut knows, and its neighbours
    if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0x180) || (c >= 0x400 && c <= 0x460)) {
      std::string s;
      if (c < 0x80) {
        s += static_cast<char>(c);
      } else {
        s += static_cast<char>(0xC0 | (c >> 6));
        s += static_cast<char>(0x80 | (c & 0x3F));
      }
      pieces.push_back(s);
      pieces.push_back(s + s + s);
    }
  }
  const char* languages[] = {"en", "de", "fr", "es", "ru", "zh", "ja", "ko", nullptr};
  std::uint64_t state = 0x9E3779B97F4A7C15ULL;
  auto next = [&state] {  // splitmix64: the same texts on every run
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  };
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const std::size_t count = 1 + next() % 12;
    for (std::size_t k = 0; k < count; ++k) text += pieces[next() % pieces.size()];
    const char* language = languages[next() % std::size(languages)];
    const std::vector<LineBreak> ours = line_breaks(text, language ? language : "");
    const std::vector<LineBreak> theirs = reference(text, language);
    for (std::size_t i = 0; i < text.size(); ++i) {
      ASSERT_EQ(ours[i], theirs[i]) << "byte " << i << " (0x" << std::hex << (static_cast<unsigned>(text[i]) & 0xFF)
                                    << std::dec << ") of \"" << text << "\" in " << (language ? language : "no language");
    }
  }
}

}  // namespace
}  // namespace galley::text
