// Tests for parse_date_line: every date form news sites print, and lines that only contain
// or resemble a date and so must not be read as a dateline.
#include "read/dates.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string_view>

#include "model_printers.hpp"

namespace galley::read {
namespace {

using model::Date;

constexpr Date march_7_2024{2024, 3, 7};

TEST(ParseDateLine, EnglishMonthFirst) {
  EXPECT_EQ(parse_date_line("March 7, 2024"), march_7_2024);
  EXPECT_EQ(parse_date_line("March 7 2024"), march_7_2024);
  EXPECT_EQ(parse_date_line("March 7th, 2024"), march_7_2024);
  EXPECT_EQ(parse_date_line("MARCH 7, 2024"), march_7_2024);
}

TEST(ParseDateLine, EnglishDayFirst) {
  EXPECT_EQ(parse_date_line("7 March 2024"), march_7_2024);
  EXPECT_EQ(parse_date_line("07 March 2024"), march_7_2024);
}

TEST(ParseDateLine, AbbreviatedMonth) {
  EXPECT_EQ(parse_date_line("Mar. 7, 2024"), march_7_2024);
  EXPECT_EQ(parse_date_line("Mar 7, 2024"), march_7_2024);
  EXPECT_EQ(parse_date_line("Sept. 30, 2024"), (Date{2024, 9, 30}));
}

TEST(ParseDateLine, IsoDate) {
  EXPECT_EQ(parse_date_line("2024-03-07"), march_7_2024);
  EXPECT_EQ(parse_date_line("2024/03/07"), march_7_2024);
}

TEST(ParseDateLine, IsoDateTime) {
  EXPECT_EQ(parse_date_line("2024-03-07T10:30:00Z"), march_7_2024);
  EXPECT_EQ(parse_date_line("2024-03-07T10:30:00+01:00"), march_7_2024);
}

TEST(ParseDateLine, DottedDayMonthYear) {
  EXPECT_EQ(parse_date_line("07.03.2024"), march_7_2024);
  EXPECT_EQ(parse_date_line("7.3.2024"), march_7_2024);
}

TEST(ParseDateLine, LeadingWeekday) {
  EXPECT_EQ(parse_date_line("Thursday, March 7, 2024"), march_7_2024);
  EXPECT_EQ(parse_date_line("Thursday, 7 March 2024"), march_7_2024);
  EXPECT_EQ(parse_date_line("Thu 7 Mar 2024"), march_7_2024);
}

TEST(ParseDateLine, PublishedWithTimeOfDay) {
  EXPECT_EQ(parse_date_line("Published: March 7, 2024 10:30 a.m. EST"), march_7_2024);
  EXPECT_EQ(parse_date_line("Updated March 7, 2024 at 5 pm"), march_7_2024);
  EXPECT_EQ(parse_date_line("Published 7 March 2024, 10:30 GMT"), march_7_2024);
}

TEST(ParseDateLine, Russian) {
  EXPECT_EQ(parse_date_line("7 марта 2024 г."), march_7_2024);
  EXPECT_EQ(parse_date_line("7 марта 2024"), march_7_2024);
  EXPECT_EQ(parse_date_line("7 марта 2024 года"), march_7_2024);
  EXPECT_EQ(parse_date_line("7 марта 2024г."), march_7_2024);
  EXPECT_EQ(parse_date_line("Опубликовано: 7 МАРТА 2024, 10:30 МСК"), march_7_2024);
}

TEST(ParseDateLine, Ukrainian) { EXPECT_EQ(parse_date_line("7 березня 2024"), march_7_2024); }

TEST(ParseDateLine, German) {
  EXPECT_EQ(parse_date_line("7. März 2024"), march_7_2024);
  EXPECT_EQ(parse_date_line("Donnerstag, 7. März 2024, 10:30 Uhr"), march_7_2024);
}

TEST(ParseDateLine, French) {
  EXPECT_EQ(parse_date_line("1er mars 2024"), (Date{2024, 3, 1}));
  EXPECT_EQ(parse_date_line("7 mars 2024"), march_7_2024);
  EXPECT_EQ(parse_date_line("Publié le 7 mars 2024 à 10h30"), march_7_2024);
}

TEST(ParseDateLine, SpanishItalianPortuguese) {
  EXPECT_EQ(parse_date_line("7 de marzo de 2024"), march_7_2024);
  EXPECT_EQ(parse_date_line("7 marzo 2024"), march_7_2024);
  EXPECT_EQ(parse_date_line("7 de março de 2024"), march_7_2024);
}

TEST(ParseDateLine, NoBreakSpacesAndSurroundingWhitespace) {
  EXPECT_EQ(parse_date_line("7\u00A0March\u00A02024"), march_7_2024);
  EXPECT_EQ(parse_date_line("  March 7, 2024\t"), march_7_2024);
}

TEST(ParseDateLine, LeapDays) {
  EXPECT_EQ(parse_date_line("February 29, 2024"), (Date{2024, 2, 29}));
  EXPECT_EQ(parse_date_line("February 29, 2023"), std::nullopt);
  EXPECT_EQ(parse_date_line("2000-02-29"), (Date{2000, 2, 29}));
  EXPECT_EQ(parse_date_line("1900-02-29"), std::nullopt);
}

TEST(ParseDateLine, SentenceContainingADateDoesNotFire) {
  EXPECT_EQ(parse_date_line("The council met on March 7, 2024 to vote."), std::nullopt);
  EXPECT_EQ(parse_date_line("On March 7, 2024 the council voted."), std::nullopt);
  EXPECT_EQ(parse_date_line("7 March 2024 was a Thursday"), std::nullopt);
}

TEST(ParseDateLine, MonthAndYearOnlyDoesNotFire) {
  EXPECT_EQ(parse_date_line("March 2024"), std::nullopt);
  EXPECT_EQ(parse_date_line("2024"), std::nullopt);
}

TEST(ParseDateLine, ImpossibleDateDoesNotFire) {
  EXPECT_EQ(parse_date_line("February 30, 2024"), std::nullopt);
  EXPECT_EQ(parse_date_line("2024-13-07"), std::nullopt);
  EXPECT_EQ(parse_date_line("32.03.2024"), std::nullopt);
  EXPECT_EQ(parse_date_line("March 0, 2024"), std::nullopt);
}

TEST(ParseDateLine, MissingYearDoesNotFire) {
  EXPECT_EQ(parse_date_line("Mar 7"), std::nullopt);
  EXPECT_EQ(parse_date_line("7 March"), std::nullopt);
  EXPECT_EQ(parse_date_line("Thursday, March 7"), std::nullopt);
}

TEST(ParseDateLine, PhoneNumberDoesNotFire) {
  EXPECT_EQ(parse_date_line("+1 (555) 010-0199"), std::nullopt);
  EXPECT_EQ(parse_date_line("555.010.0199"), std::nullopt);
  EXPECT_EQ(parse_date_line("030 1234 5678"), std::nullopt);
  EXPECT_EQ(parse_date_line("Call 555-0100"), std::nullopt);
}

TEST(ParseDateLine, EmptyOrBlankLineDoesNotFire) {
  EXPECT_EQ(parse_date_line(""), std::nullopt);
  EXPECT_EQ(parse_date_line("   "), std::nullopt);
  EXPECT_EQ(parse_date_line("Published:"), std::nullopt);
}

}  // namespace
}  // namespace galley::read
