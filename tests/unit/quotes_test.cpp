// Tests for localize_quotes: English curly quotes rewritten into the marks of the article's
// language, with apostrophes, code and link targets left alone.
#include "read/quotes.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "model_printers.hpp"

namespace galley::read {
namespace {

using namespace galley::model;

// One paragraph of one text run, localized.
std::string localized(std::string_view text, std::string_view lang) {
  Blocks blocks{Para{{Text{std::string(text)}}}};
  localize_quotes(blocks, lang);
  const auto& para = std::get<Para>(blocks.front().node);
  return std::get<Text>(para.content.front().node).text;
}

TEST(LocalizeQuotes, EnglishIsUnchanged) {
  std::string_view text = "“We kept the old bell,” she said. ‘Yes,’ he said. It’s here.";
  EXPECT_EQ(localized(text, "en"), text);
  EXPECT_EQ(localized(text, "en-GB"), text);
}

TEST(LocalizeQuotes, UnknownLanguageIsUnchanged) {
  std::string_view text = "“Quoted” and ‘quoted’";
  EXPECT_EQ(localized(text, "xx"), text);
  EXPECT_EQ(localized(text, ""), text);
}

TEST(LocalizeQuotes, Russian) {
  EXPECT_EQ(localized("“Мы сохранили колокол”, — сказала она.", "ru"),
            "«Мы сохранили колокол», — сказала она.");
  EXPECT_EQ(localized("“Он сказал ‘да’”", "ru"), "«Он сказал „да“»");
}

TEST(LocalizeQuotes, German) {
  EXPECT_EQ(localized("“Wir haben die Glocke behalten”, sagte sie.", "de"),
            "„Wir haben die Glocke behalten“, sagte sie.");
  EXPECT_EQ(localized("Er sagte ‘ja’.", "de"), "Er sagte ‚ja‘.");
}

TEST(LocalizeQuotes, FrenchWithNoBreakSpacesInside) {
  EXPECT_EQ(localized("“Nous avons gardé la cloche”, dit-elle.", "fr"),
            "«\u00A0Nous avons gardé la cloche\u00A0», dit-elle.");
  // Ordinary spaces already inside the quotes become the no-break ones, not extra ones.
  EXPECT_EQ(localized("“ Oui ”", "fr"), "«\u00A0Oui\u00A0»");
  EXPECT_EQ(localized("Il a dit ‘oui’.", "fr"), "Il a dit “oui”.");
}

// No-break spaces already inside French quotes were once doubled.
TEST(LocalizeQuotes, FrenchNoBreakSpacesAlreadyInsideAreNotDoubled) {
  EXPECT_EQ(localized("“\u00A0Oui\u00A0”", "fr"), "«\u00A0Oui\u00A0»");
  // Narrow no-break spaces and runs of mixed spaces give way to one no-break space too.
  EXPECT_EQ(localized("“\u202FOui\u202F”", "fr"), "«\u00A0Oui\u00A0»");
  EXPECT_EQ(localized("Il dit “ \u00A0Oui\u00A0 ” puis “Non”.", "fr"),
            "Il dit «\u00A0Oui\u00A0» puis «\u00A0Non\u00A0».");
  // Spaces outside the quotes stay as they are.
  EXPECT_EQ(localized("a\u00A0“b”\u00A0c", "fr"), "a\u00A0«\u00A0b\u00A0»\u00A0c");
}

TEST(LocalizeQuotes, LanguageTagWithRegionOrUnderscoreOrCapitals) {
  EXPECT_EQ(localized("“Ja”", "de-AT"), "„Ja“");
  EXPECT_EQ(localized("“Да”", "ru_RU"), "«Да»");
  EXPECT_EQ(localized("“Ja”", "DE"), "„Ja“");
}

TEST(LocalizeQuotes, OtherLanguages) {
  EXPECT_EQ(localized("“Sí” y ‘no’", "es"), "«Sí» y “no”");
  EXPECT_EQ(localized("“Tak” i ‘nie’", "pl"), "„Tak” i «nie»");
  EXPECT_EQ(localized("“Так”", "uk"), "«Так»");
}

TEST(LocalizeQuotes, ApostrophesAreUntouched) {
  EXPECT_EQ(localized("it’s", "de"), "it’s");
  EXPECT_EQ(localized("the students’ union", "de"), "the students’ union");
  EXPECT_EQ(localized("the students’ union", "ru"), "the students’ union");
  EXPECT_EQ(localized("Er sagte ‘ja’. Gibt’s das?", "de"), "Er sagte ‚ja‘. Gibt’s das?");
}

TEST(LocalizeQuotes, QuoteOpenedInOneNodeClosesInAnother) {
  Blocks blocks{Para{{Text{"‘Die "}, Emph{{Text{"Fähre"}}}, Text{"’ fährt."}}}};
  localize_quotes(blocks, "de");
  EXPECT_EQ(blocks, (Blocks{Para{{Text{"‚Die "}, Emph{{Text{"Fähre"}}}, Text{"‘ fährt."}}}}));
}

TEST(LocalizeQuotes, EveryKindOfBlockWithText) {
  Blocks blocks{
      Header{2, {Text{"“Kopf”"}}},
      BlockQuote{{Para{{Text{"“Zitat”"}}}}},
      BulletList{{ListItem{{Para{{Text{"“Punkt”"}}}}, Task::none}}, true},
      OrderedList{{ListItem{{Para{{Text{"“Eins”"}}}}, Task::none}}, 1, true},
      Table{{Alignment::default_}, {{{Text{"“Kopf”"}}}}, {{{Text{"“Zelle”"}}}}},
      Figure{"bild.jpg", "“Alt”", "“Bildtext”", "“Quelle”"},
      Aside{"Lesen Sie auch", {Link{{Text{"“Fähre”"}}, "https://example.org/“x”", ""}}},
  };
  localize_quotes(blocks, "de");
  Blocks expected{
      Header{2, {Text{"„Kopf“"}}},
      BlockQuote{{Para{{Text{"„Zitat“"}}}}},
      BulletList{{ListItem{{Para{{Text{"„Punkt“"}}}}, Task::none}}, true},
      OrderedList{{ListItem{{Para{{Text{"„Eins“"}}}}, Task::none}}, 1, true},
      Table{{Alignment::default_}, {{{Text{"„Kopf“"}}}}, {{{Text{"„Zelle“"}}}}},
      // The caption is text the reader sees; alt text and credit are kept as written.
      Figure{"bild.jpg", "“Alt”", "„Bildtext“", "“Quelle”"},
      Aside{"Lesen Sie auch", {Link{{Text{"„Fähre“"}}, "https://example.org/“x”", ""}}},
  };
  EXPECT_EQ(blocks, expected);
}

TEST(LocalizeQuotes, CodeIsUntouched) {
  Blocks blocks{Para{{Code{"“x”"}, Text{" “y”"}}}, CodeBlock{"", "print(“x”)"}};
  localize_quotes(blocks, "ru");
  EXPECT_EQ(blocks, (Blocks{Para{{Code{"“x”"}, Text{" «y»"}}}, CodeBlock{"", "print(“x”)"}}));
}

}  // namespace
}  // namespace galley::read
