// Tests for src/text/unicode.cpp: decoding and the text libharu may be given.
#include "text/unicode.hpp"

#include <gtest/gtest.h>

namespace galley::text {
namespace {

TEST(TextUnicode, DecodesAndEncodesUtf8) {
  const std::string text = "a\u00e9\u0416\u20ac\U0001F600";
  std::size_t pos = 0;
  std::u32string decoded;
  while (pos < text.size()) decoded += next_code_point(text, pos);
  EXPECT_EQ(decoded, U"a\u00e9\u0416\u20ac\U0001F600");
  std::string encoded;
  for (char32_t c : decoded) append_utf8(encoded, c);
  EXPECT_EQ(encoded, text);
}

TEST(TextUnicode, InvalidBytesDecodeAsReplacementOneByteAtATime) {
  const std::string text = "a\xC3(b";
  std::size_t pos = 1;
  EXPECT_EQ(next_code_point(text, pos), U'\uFFFD');
  EXPECT_EQ(pos, 2u);
}

TEST(TextUnicode, DrawableLeavesPlainTextAlone) {
  EXPECT_EQ(drawable("Plain ASCII, 100%."), "Plain ASCII, 100%.");
  EXPECT_EQ(drawable("\u201cCurly\u201d \u2014 \u041c\u0430\u0440\u0438\u044f"),
            "\u201cCurly\u201d \u2014 \u041c\u0430\u0440\u0438\u044f");
}

TEST(TextUnicode, DrawableRemovesWhatLibharuDrawsWrongly) {
  Repairs repairs;
  EXPECT_EQ(drawable("soft\u00adhyphen", &repairs), "softhyphen");
  EXPECT_EQ(drawable("tab\there\nand\u2028line", &repairs), "tab here and line");
  EXPECT_EQ(drawable("zero\u200bwidth\u200d\ufeff", &repairs), "zerowidth");
  EXPECT_EQ(drawable("bell\x07", &repairs), "bell");
  EXPECT_FALSE(repairs.outside_bmp);
  EXPECT_EQ(drawable("smile \U0001F600", &repairs), "smile \ufffd");
  EXPECT_TRUE(repairs.outside_bmp);
  EXPECT_EQ(drawable("bad \xff byte", &repairs), "bad \ufffd byte");
  EXPECT_TRUE(repairs.invalid_utf8);
}

TEST(TextUnicode, DrawableComposesToNfc) {
  EXPECT_EQ(drawable("e\u0301t\u00e9"), "\u00e9t\u00e9");
}

TEST(TextUnicode, IsDrawableAgreesWithDrawable) {
  EXPECT_TRUE(is_drawable("\u201cOK\u201d \u0416"));
  EXPECT_FALSE(is_drawable("soft\u00ad"));
  EXPECT_FALSE(is_drawable("tab\t"));
  EXPECT_FALSE(is_drawable("\U0001F600"));
  EXPECT_FALSE(is_drawable("\xff"));
  EXPECT_TRUE(is_drawable("\ufffd"));
}

TEST(TextUnicode, BreakSpaces) {
  EXPECT_TRUE(is_break_space(U' '));
  EXPECT_TRUE(is_break_space(U'\u2009'));
  EXPECT_FALSE(is_break_space(U'\u00a0'));
  EXPECT_FALSE(is_break_space(U'\u202f'));
  EXPECT_FALSE(is_break_space(U'\u2007'));
}

}  // namespace
}  // namespace galley::text
