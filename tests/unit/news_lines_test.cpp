// Tests for the single-line recognisers of the news conventions: bylines, caption/credit
// lines, related-article and source labels, standalone URLs and sentence ends.
#include "read/news_lines.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "model_printers.hpp"

namespace galley::read {
namespace {

using Names = std::vector<std::string>;

Names authors_of(std::string_view line) {
  auto byline = parse_byline(line);
  return byline ? byline->authors : Names{};
}

// ---------------------------------------------------------------------------------------
// parse_byline
// ---------------------------------------------------------------------------------------

TEST(ParseByline, OneName) {
  auto byline = parse_byline("By Ana Petrović");
  ASSERT_TRUE(byline);
  EXPECT_EQ(byline->authors, (Names{"Ana Petrović"}));
  EXPECT_EQ(byline->date, std::nullopt);
  EXPECT_EQ(byline->date_text, "");
}

TEST(ParseByline, TwoNamesWithAnd) {
  EXPECT_EQ(authors_of("By Ana Petrović and Ilya Sorokin"),
            (Names{"Ana Petrović", "Ilya Sorokin"}));
  EXPECT_EQ(authors_of("By Ana Petrović & Ilya Sorokin"), (Names{"Ana Petrović", "Ilya Sorokin"}));
}

TEST(ParseByline, CommaListWithAnd) {
  EXPECT_EQ(authors_of("By Ana Petrović, Ilya Sorokin and Jana Weber"),
            (Names{"Ana Petrović", "Ilya Sorokin", "Jana Weber"}));
}

TEST(ParseByline, German) {
  EXPECT_EQ(authors_of("Von Jana Weber"), (Names{"Jana Weber"}));
  EXPECT_EQ(authors_of("Von Jana Weber und Max Müller"), (Names{"Jana Weber", "Max Müller"}));
}

TEST(ParseByline, French) {
  EXPECT_EQ(authors_of("Par Claire Dubois et Luc Martin"), (Names{"Claire Dubois", "Luc Martin"}));
}

TEST(ParseByline, Russian) {
  EXPECT_EQ(authors_of("Автор: Мария Кузнецова"), (Names{"Мария Кузнецова"}));
  EXPECT_EQ(authors_of("Авторы: Мария Кузнецова и Иван Петров"),
            (Names{"Мария Кузнецова", "Иван Петров"}));
}

TEST(ParseByline, AllCapitals) {
  EXPECT_EQ(authors_of("BY ANA PETROVIĆ"), (Names{"ANA PETROVIĆ"}));
  EXPECT_EQ(authors_of("by Ana Petrović"), (Names{"Ana Petrović"}));
}

TEST(ParseByline, NameParticles) {
  EXPECT_EQ(authors_of("By Ana de la Cruz"), (Names{"Ana de la Cruz"}));
  EXPECT_EQ(authors_of("By Ludwig van Beethoven"), (Names{"Ludwig van Beethoven"}));
  EXPECT_EQ(authors_of("By Seán O'Neill"), (Names{"Seán O'Neill"}));
}

TEST(ParseByline, WithDateAfterBar) {
  auto byline = parse_byline("By Ana Petrović | March 7, 2024");
  ASSERT_TRUE(byline);
  EXPECT_EQ(byline->authors, (Names{"Ana Petrović"}));
  EXPECT_EQ(byline->date, (model::Date{2024, 3, 7}));
  EXPECT_EQ(byline->date_text, "March 7, 2024");
}

TEST(ParseByline, WithDateAfterDashOrComma) {
  auto dashed = parse_byline("By Ana Petrović — 7 March 2024");
  ASSERT_TRUE(dashed);
  EXPECT_EQ(dashed->authors, (Names{"Ana Petrović"}));
  EXPECT_EQ(dashed->date_text, "7 March 2024");

  // The date's own comma must not split it from the names.
  auto comma = parse_byline("By Ana Petrović, Ilya Sorokin, March 7, 2024");
  ASSERT_TRUE(comma);
  EXPECT_EQ(comma->authors, (Names{"Ana Petrović", "Ilya Sorokin"}));
  EXPECT_EQ(comma->date, (model::Date{2024, 3, 7}));
  EXPECT_EQ(comma->date_text, "March 7, 2024");
}

// "BY " was accepted but upper-case "AND" was not split, so two authors became one.
TEST(ParseByline, AllCapitalsBylineSplitsOnAnd) {
  EXPECT_EQ(authors_of("BY ANA PETROVIĆ AND ILYA SOROKIN"),
            (Names{"ANA PETROVIĆ", "ILYA SOROKIN"}));
  EXPECT_EQ(authors_of("BY ANA PETROVIĆ, ILYA SOROKIN And JANA WEBER"),
            (Names{"ANA PETROVIĆ", "ILYA SOROKIN", "JANA WEBER"}));
  EXPECT_EQ(authors_of("VON JANA WEBER UND MAX MÜLLER"), (Names{"JANA WEBER", "MAX MÜLLER"}));
  EXPECT_EQ(authors_of("PAR CLAIRE DUBOIS ET LUC MARTIN"), (Names{"CLAIRE DUBOIS", "LUC MARTIN"}));
  EXPECT_EQ(authors_of("Авторы: МАРИЯ КУЗНЕЦОВА И ИВАН ПЕТРОВ"),
            (Names{"МАРИЯ КУЗНЕЦОВА", "ИВАН ПЕТРОВ"}));
  EXPECT_EQ(authors_of("By Ana Petrović AND Ilya Sorokin"), (Names{"Ana Petrović", "Ilya Sorokin"}));
  // In mixed case a capital letter between names is an initial, not "and" or "e".
  EXPECT_EQ(authors_of("By John E Smith"), (Names{"John E Smith"}));
  EXPECT_EQ(authors_of("Por Juan Y Pérez"), (Names{"Juan Y Pérez"}));
}

TEST(ParseByline, SpanishAndPortugueseConjunctions) {
  EXPECT_EQ(authors_of("Por María López y Juan Pérez"), (Names{"María López", "Juan Pérez"}));
  EXPECT_EQ(authors_of("Por Ana y Juan"), (Names{"Ana", "Juan"}));
  EXPECT_EQ(authors_of("Por Ana Silva e João Santos"), (Names{"Ana Silva", "João Santos"}));
  EXPECT_EQ(authors_of("POR MARÍA LÓPEZ Y JUAN PÉREZ"), (Names{"MARÍA LÓPEZ", "JUAN PÉREZ"}));
}

// "y" and "e" also join compound surnames: between a full name and a single word they are
// part of the name, not "and".
TEST(ParseByline, CompoundSurnameWithYOrEIsOneName) {
  EXPECT_EQ(authors_of("Por José Ortega y Gasset"), (Names{"José Ortega y Gasset"}));
  EXPECT_EQ(authors_of("Por Santiago Ramón y Cajal y María López"),
            (Names{"Santiago Ramón y Cajal", "María López"}));
  EXPECT_EQ(authors_of("Por Ana López, José Ortega y Gasset"),
            (Names{"Ana López", "José Ortega y Gasset"}));
  EXPECT_EQ(authors_of("Por Maria da Silva e Sousa"), (Names{"Maria da Silva e Sousa"}));
  EXPECT_EQ(authors_of("POR JOSÉ ORTEGA Y GASSET"), (Names{"JOSÉ ORTEGA Y GASSET"}));
}

TEST(ParseByline, SentenceStartingWithByDoesNotFire) {
  EXPECT_EQ(parse_byline("By the time the ferry arrived, everyone had left."), std::nullopt);
  EXPECT_EQ(parse_byline("By 2025 the bridge will be finished"), std::nullopt);
  EXPECT_EQ(parse_byline("By far the largest crossing in the region."), std::nullopt);
  EXPECT_EQ(parse_byline("Par exemple, le bac."), std::nullopt);
  EXPECT_EQ(parse_byline("Von der Leyen sagte am Montag"), std::nullopt);
  // A prefix in capitals counts only when the whole line is in capitals.
  EXPECT_EQ(parse_byline("VON Jana Weber"), std::nullopt);
}

TEST(ParseByline, NoPrefixOrNoNameDoesNotFire) {
  EXPECT_EQ(parse_byline(""), std::nullopt);
  EXPECT_EQ(parse_byline("By"), std::nullopt);
  EXPECT_EQ(parse_byline("By "), std::nullopt);
  EXPECT_EQ(parse_byline("Ana Petrović"), std::nullopt);
  EXPECT_EQ(parse_byline("Bystander Ana Petrović"), std::nullopt);
}

// ---------------------------------------------------------------------------------------
// split_caption_credit
// ---------------------------------------------------------------------------------------

void expect_split(std::string_view text, std::string_view caption, std::string_view credit) {
  SCOPED_TRACE(text);
  auto split = split_caption_credit(text);
  EXPECT_EQ(split.caption, caption);
  EXPECT_EQ(split.credit, credit);
}

TEST(SplitCaptionCredit, Slash) {
  expect_split("The ferry at the north landing / Harbour Archive", "The ferry at the north landing",
               "Harbour Archive");
  // The last slash separates: the caption may hold one.
  expect_split("Rain / snow at the landing / Harbour Archive", "Rain / snow at the landing",
               "Harbour Archive");
}

TEST(SplitCaptionCredit, SlashWithoutSpacesIsPartOfTheCaption) {
  expect_split("Rain/snow at the landing", "Rain/snow at the landing", "");
}

TEST(SplitCaptionCredit, PhotoMarker) {
  expect_split("The north landing. Photo: Jane Doe", "The north landing.", "Jane Doe");
  expect_split("The north landing (Photo: Jane Doe)", "The north landing", "Jane Doe");
  expect_split("The north landing | PHOTO: AP", "The north landing", "AP");
  expect_split("The north landing. Photograph: Jane Doe", "The north landing.", "Jane Doe");
}

TEST(SplitCaptionCredit, CyrillicPhotoMarker) {
  expect_split("Северная пристань. Фото: Иван Петров", "Северная пристань.", "Иван Петров");
}

TEST(SplitCaptionCredit, CaptionOnly) {
  expect_split("  The ferry at the north landing  ", "The ferry at the north landing", "");
  expect_split("", "", "");
}

// ---------------------------------------------------------------------------------------
// related_label and source_label
// ---------------------------------------------------------------------------------------

void expect_label(const std::optional<Label>& label, std::string_view text, std::size_t length) {
  ASSERT_TRUE(label);
  EXPECT_EQ(label->text, text);
  EXPECT_EQ(label->length, length);
}

TEST(RelatedLabel, English) {
  expect_label(related_label("Related article: How the Old Landing Was Lost"), "Related article",
               16);
  expect_label(related_label("Related articles: One, two"), "Related articles", 17);
  expect_label(related_label("Related: x"), "Related", 8);
  expect_label(related_label("See also: x"), "See also", 9);
  expect_label(related_label("READ MORE: x"), "READ MORE", 10);
}

TEST(RelatedLabel, FrenchSpaceBeforeColon) {
  expect_label(related_label("Lire aussi : Le bac"), "Lire aussi", 12);
  expect_label(related_label("Lire aussi\u00A0: Le bac"), "Lire aussi", 13);
  expect_label(related_label("À lire aussi : Le bac"), "À lire aussi", 15);
}

TEST(RelatedLabel, Russian) {
  std::string_view label = "Читайте также";
  expect_label(related_label("Читайте также: Как пропала старая пристань"), label,
               label.size() + 1);
}

TEST(RelatedLabel, German) {
  expect_label(related_label("Lesen Sie auch: Die Fähre"), "Lesen Sie auch", 15);
}

TEST(RelatedLabel, DoesNotFireWithoutTheColonOrOnOtherWords) {
  EXPECT_EQ(related_label("Related to the vote, the council said"), std::nullopt);
  EXPECT_EQ(related_label("Relatedly: the council said"), std::nullopt);
  EXPECT_EQ(related_label("See also the council's report"), std::nullopt);
  EXPECT_EQ(related_label("Original url: https://example.org"), std::nullopt);
  EXPECT_EQ(related_label(""), std::nullopt);
}

TEST(SourceLabel, Labels) {
  expect_label(source_label("Original url: https://example.org/a"), "Original url", 13);
  expect_label(source_label("Original URL:"), "Original URL", 13);
  expect_label(source_label("Source: Reuters"), "Source", 7);
  std::string_view russian = "Источник";
  expect_label(source_label("Источник: https://example.org/a"), russian, russian.size() + 1);
  expect_label(source_label("Quelle: https://example.org/a"), "Quelle", 7);
}

TEST(SourceLabel, DoesNotFireOnSentences) {
  EXPECT_EQ(source_label("Sources say the vote was close."), std::nullopt);
  EXPECT_EQ(source_label("Original reporting by Ana Petrović"), std::nullopt);
  EXPECT_EQ(source_label("Related: https://example.org"), std::nullopt);
}

// ---------------------------------------------------------------------------------------
// standalone_url
// ---------------------------------------------------------------------------------------

TEST(StandaloneUrl, BareAndBracketed) {
  EXPECT_EQ(standalone_url("https://example.org/2024/03/07/river-ferry-returns"),
            "https://example.org/2024/03/07/river-ferry-returns");
  EXPECT_EQ(standalone_url("<https://example.org/a>"), "https://example.org/a");
  EXPECT_EQ(standalone_url("  http://example.org/a  "), "http://example.org/a");
}

// A URL ending a sentence: the punctuation is the sentence's, as in GitHub's autolinks.
TEST(StandaloneUrl, TrailingSentencePunctuationIsNotPartOfTheUrl) {
  EXPECT_EQ(standalone_url("https://example.org/a."), "https://example.org/a");
  EXPECT_EQ(standalone_url("https://example.org/a?!"), "https://example.org/a");
  EXPECT_EQ(standalone_url("<https://example.org/a>."), "https://example.org/a");
  EXPECT_EQ(standalone_url("https://example.org/a.html"), "https://example.org/a.html");
  EXPECT_EQ(standalone_url("https://example.org/?q=a"), "https://example.org/?q=a");
  // Inside angle brackets the URL is exactly what is written.
  EXPECT_EQ(standalone_url("<https://example.org/a.>"), "https://example.org/a.");
  EXPECT_EQ(standalone_url("https://."), std::nullopt);
}

TEST(StandaloneUrl, DoesNotFireOnOtherText) {
  EXPECT_EQ(standalone_url(""), std::nullopt);
  EXPECT_EQ(standalone_url("https://"), std::nullopt);
  EXPECT_EQ(standalone_url("see https://example.org/a"), std::nullopt);
  EXPECT_EQ(standalone_url("https://example.org/a and more"), std::nullopt);
  EXPECT_EQ(standalone_url("example.org/a"), std::nullopt);
  EXPECT_EQ(standalone_url("ftp://example.org/a"), std::nullopt);
  EXPECT_EQ(standalone_url("<https://example.org/a"), std::nullopt);
  EXPECT_EQ(standalone_url("https://example.org/\"a\""), std::nullopt);
}

// ---------------------------------------------------------------------------------------
// ends_sentence
// ---------------------------------------------------------------------------------------

TEST(EndsSentence, Punctuation) {
  for (std::string_view text : {"The ferry returned.", "Did it?", "It did!", "And then…",
                                "He said:", "One; two;", "the ferry returned. "}) {
    EXPECT_TRUE(ends_sentence(text)) << text;
  }
}

TEST(EndsSentence, ClosingQuotesAndBrackets) {
  for (std::string_view text :
       {"“We kept the old bell.”", "«Мы сохранили колокол»", "„Wir haben die Glocke behalten“",
        "(in a statement)", "[citation]", "\"plain\"", "the ‘bell’"}) {
    EXPECT_TRUE(ends_sentence(text)) << text;
  }
}

TEST(EndsSentence, MidSentence) {
  for (std::string_view text :
       {"The crossing between the two", "reopened on Thursday,", "the council —", "in 2024", ""}) {
    EXPECT_FALSE(ends_sentence(text)) << text;
  }
}

}  // namespace
}  // namespace galley::read
