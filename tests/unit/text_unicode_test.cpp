// Tests for src/text/unicode.cpp: decoding and the text libharu may be given.
#include "text/unicode.hpp"

#include <gtest/gtest.h>
#include <utf8proc.h>

#include <cstdlib>
#include <string>
#include <vector>

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

// next_code_point decodes plainly valid two- and three-byte sequences itself and hands the
// rest to utf8proc_iterate: the two must agree on every text of up to three bytes that starts
// beyond ASCII (every third byte after a lead of three-byte sequences; two kinds of it, a
// continuation byte and not, after any other).
TEST(TextUnicode, DecodesEverySequenceAsUtf8procDoes) {
  const auto reference = [](std::string_view text, std::size_t& pos) -> char32_t {
    utf8proc_int32_t cp = -1;
    const auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                                         static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
    if (length <= 0 || cp < 0) {
      ++pos;
      return 0xFFFD;
    }
    pos += static_cast<std::size_t>(length);
    return static_cast<char32_t>(cp);
  };
  long differences = 0;
  auto compare = [&](const std::string& text) {
    std::size_t ours_at = 0, theirs_at = 0;
    const char32_t ours = next_code_point(text, ours_at);
    const char32_t theirs = reference(text, theirs_at);
    if ((ours != theirs || ours_at != theirs_at) && ++differences <= 5) {
      ADD_FAILURE() << "bytes " << ::testing::PrintToString(text) << ": " << static_cast<unsigned long>(ours) << " ("
                    << ours_at << " bytes), utf8proc " << static_cast<unsigned long>(theirs) << " (" << theirs_at << ")";
    }
  };
  for (int lead = 0x80; lead <= 0xFF; ++lead) {
    compare(std::string(1, static_cast<char>(lead)));
    for (int second = 0; second <= 0xFF; ++second) {
      std::string text{static_cast<char>(lead), static_cast<char>(second)};
      compare(text);
      text += ' ';
      const bool three = lead >= 0xE0 && lead <= 0xEF;
      for (int third = three ? 0 : 0x41; third <= 0xFF; third += three ? 1 : 0x41) {
        text[2] = static_cast<char>(third);
        compare(text);
      }
    }
  }
  EXPECT_EQ(differences, 0);
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

// drawable skips NFC for texts of these characters alone (unicode.cpp: stays_composed): NFC
// must leave each of them, and each pair of them, as it is.
TEST(TextUnicode, TextsDrawableLeavesUncomposedAreNfcAlready) {
  std::vector<std::string> characters;
  const std::pair<char32_t, char32_t> ranges[] = {{0x20, 0x2FF}, {0x400, 0x482}, {0x2010, 0x2027}, {0x2030, 0x205E},
                                                  {0x20A0, 0x20BF}};
  for (const auto& [first, last] : ranges) {
    for (char32_t c = first; c <= last; ++c) {
      std::string one;
      append_utf8(one, c);
      if (drawable(one) == one) characters.push_back(one);
    }
  }
  ASSERT_GT(characters.size(), 900u);
  auto nfc = [](const std::string& text) {
    auto* composed = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(text.c_str()));
    std::string out(reinterpret_cast<const char*>(composed));
    std::free(composed);
    return out;
  };
  for (const std::string& a : characters) {
    ASSERT_EQ(nfc(a), a);
    for (const std::string& b : characters) ASSERT_EQ(nfc(a + b), a + b);
  }
}

TEST(TextUnicode, IsDrawableAgreesWithDrawable) {
  EXPECT_TRUE(is_drawable("\u201cOK\u201d \u0416"));
  EXPECT_FALSE(is_drawable("soft\u00ad"));
  EXPECT_FALSE(is_drawable("tab\t"));
  EXPECT_FALSE(is_drawable("\U0001F600"));
  EXPECT_FALSE(is_drawable("\xff"));
  EXPECT_TRUE(is_drawable("\ufffd"));
}

// is_drawable reads printable ASCII eight bytes at a time: a control character, DEL or a
// byte of a longer character is found at every place of a word and in the bytes after.
TEST(TextUnicode, IsDrawableFindsEveryByteThatIsNotPrintableAscii) {
  const std::string plain = "The quick brown fox jumps over the lazy dog ~ 0123456789";
  ASSERT_TRUE(is_drawable(plain));
  const std::string odd[] = {std::string(1, '\x1f'), std::string(1, '\x7f'), std::string(1, '\0'), "\t",
                             "\u00ad", "\xc3"};
  for (std::size_t at = 0; at <= plain.size(); ++at) {
    for (const std::string& bad : odd) {
      const std::string text = plain.substr(0, at) + bad + plain.substr(at);
      EXPECT_FALSE(is_drawable(text)) << "at " << at;
    }
    EXPECT_TRUE(is_drawable(plain.substr(0, at) + "\u2014" + plain.substr(at))) << "at " << at;
  }
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
