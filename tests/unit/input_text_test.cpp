// Tests for clean_input: byte-order marks, UTF-16, line ends, invalid UTF-8, NUL and control
// characters repaired with a warning, and the input size limit.
#include "read/input_text.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace galley::read {
namespace {

using namespace std::string_literals;

constexpr std::size_t no_limit = 1u << 20;
constexpr std::string_view replacement = "\uFFFD";

std::string clean(std::string_view raw, Diagnostics& diagnostics) {
  return clean_input(raw, "a.md", no_limit, diagnostics);
}

// The bytes of `text`'s UTF-16 code units in the given byte order, optionally after a BOM.
std::string utf16(std::u16string_view text, bool little_endian, bool bom) {
  std::string out;
  auto put = [&](char16_t unit) {
    char lo = static_cast<char>(unit & 0xFF), hi = static_cast<char>(unit >> 8);
    out += little_endian ? lo : hi;
    out += little_endian ? hi : lo;
  };
  if (bom) put(0xFEFF);
  for (char16_t unit : text) put(unit);
  return out;
}

TEST(CleanInput, PlainTextIsUnchangedWithoutWarnings) {
  Diagnostics diagnostics;
  std::string_view text = "# Title\n\nBody with Кириллица and tabs\there.\n";
  EXPECT_EQ(clean(text, diagnostics), text);
  EXPECT_TRUE(diagnostics.items().empty());
  EXPECT_EQ(clean("", diagnostics), "");
  EXPECT_TRUE(diagnostics.items().empty());
}

TEST(CleanInput, Utf8ByteOrderMarkIsStripped) {
  Diagnostics diagnostics;
  EXPECT_EQ(clean("\xEF\xBB\xBF# Title\n", diagnostics), "# Title\n");
  EXPECT_TRUE(diagnostics.items().empty());
}

TEST(CleanInput, Utf16LittleEndianWithBom) {
  Diagnostics diagnostics;
  EXPECT_EQ(clean(utf16(u"# Fähre\n", true, true), diagnostics), "# Fähre\n");
  ASSERT_EQ(diagnostics.items().size(), 1u);
  EXPECT_EQ(diagnostics.items()[0].severity, Severity::warning);
  EXPECT_EQ(diagnostics.items()[0].file, "a.md");
  EXPECT_NE(diagnostics.items()[0].message.find("UTF-16"), std::string::npos);
  EXPECT_NE(diagnostics.items()[0].message.find("little-endian"), std::string::npos);
}

TEST(CleanInput, Utf16BigEndianWithBom) {
  Diagnostics diagnostics;
  EXPECT_EQ(clean(utf16(u"# Паром\n", false, true), diagnostics), "# Паром\n");
  ASSERT_EQ(diagnostics.items().size(), 1u);
  EXPECT_NE(diagnostics.items()[0].message.find("big-endian"), std::string::npos);
}

TEST(CleanInput, Utf16LittleEndianWithoutBom) {
  Diagnostics diagnostics;
  EXPECT_EQ(clean(utf16(u"# River Ferry Returns\n\nBody.\n", true, false), diagnostics),
            "# River Ferry Returns\n\nBody.\n");
  ASSERT_EQ(diagnostics.items().size(), 1u);
  EXPECT_NE(diagnostics.items()[0].message.find("UTF-16"), std::string::npos);
}

TEST(CleanInput, Utf16BigEndianWithoutBom) {
  Diagnostics diagnostics;
  EXPECT_EQ(clean(utf16(u"# River Ferry Returns\n", false, false), diagnostics),
            "# River Ferry Returns\n");
  ASSERT_EQ(diagnostics.items().size(), 1u);
  EXPECT_NE(diagnostics.items()[0].message.find("big-endian"), std::string::npos);
}

TEST(CleanInput, Utf16SurrogatePairsAndLoneSurrogates) {
  Diagnostics diagnostics;
  // U+1F6A2 SHIP is D83D DEA2; a lone high surrogate becomes U+FFFD.
  std::u16string text = u"a\xD83D\xDEA2 b\xD83D c";
  EXPECT_EQ(clean(utf16(text, true, true), diagnostics),
            "a\U0001F6A2 b"s + std::string(replacement) + " c");
}

TEST(CleanInput, Utf16CrLfBecomesLf) {
  Diagnostics diagnostics;
  EXPECT_EQ(clean(utf16(u"a\r\nb\r\n", true, true), diagnostics), "a\nb\n");
}

TEST(CleanInput, LineEnds) {
  Diagnostics diagnostics;
  EXPECT_EQ(clean("a\r\nb\r\n", diagnostics), "a\nb\n");
  EXPECT_EQ(clean("a\rb\r", diagnostics), "a\nb\n");
  EXPECT_EQ(clean("a\r\n\rb\n\r\nc", diagnostics), "a\n\nb\n\nc");
  EXPECT_TRUE(diagnostics.items().empty());
}

TEST(CleanInput, InvalidUtf8IsReplacedAndTheRestKept) {
  Diagnostics diagnostics;
  EXPECT_EQ(clean("ab\ncd\xFF"
                  "ef and more text\n",
                  diagnostics),
            "ab\ncd"s + std::string(replacement) + "ef and more text\n");
  ASSERT_EQ(diagnostics.items().size(), 1u);
  const auto& warning = diagnostics.items()[0];
  EXPECT_EQ(warning.severity, Severity::warning);
  EXPECT_EQ(warning.file, "a.md");
  EXPECT_EQ(warning.line, 2);
  EXPECT_EQ(warning.column, 3);
  EXPECT_NE(warning.message.find("invalid UTF-8"), std::string::npos);
}

TEST(CleanInput, TruncatedSequenceDoesNotSwallowWhatFollows) {
  Diagnostics diagnostics;
  // \xC3 starts a two-byte sequence; the space after it must survive.
  EXPECT_EQ(clean("caf\xC3 au lait", diagnostics), "caf"s + std::string(replacement) + " au lait");
  EXPECT_EQ(clean("end\xE2\x80", diagnostics).substr(0, 3), "end");
}

TEST(CleanInput, InvalidUtf8ColumnCountsCodePoints) {
  Diagnostics diagnostics;
  clean("éé\xFF", diagnostics);
  ASSERT_EQ(diagnostics.items().size(), 1u);
  EXPECT_EQ(diagnostics.items()[0].line, 1);
  EXPECT_EQ(diagnostics.items()[0].column, 3);
}

TEST(CleanInput, ManyInvalidBytesGiveOneWarningAtTheFirst) {
  Diagnostics diagnostics;
  EXPECT_EQ(clean("a\xFF\nb\xFE\xFF", diagnostics), "a"s + std::string(replacement) + "\nb" +
                                                        std::string(replacement) +
                                                        std::string(replacement));
  ASSERT_EQ(diagnostics.items().size(), 1u);
  EXPECT_EQ(diagnostics.items()[0].line, 1);
  EXPECT_EQ(diagnostics.items()[0].column, 2);
  EXPECT_NE(diagnostics.items()[0].message.find("3 replaced"), std::string::npos);
}

TEST(CleanInput, NulBytesAreReplacedWithAWarning) {
  Diagnostics diagnostics;
  std::string raw = "# The ferry\n\nThe ferry\0 returned on Thursday.\n"s;
  EXPECT_EQ(clean(raw, diagnostics),
            "# The ferry\n\nThe ferry"s + std::string(replacement) + " returned on Thursday.\n");
  ASSERT_EQ(diagnostics.items().size(), 1u);
  EXPECT_NE(diagnostics.items()[0].message.find("NUL"), std::string::npos);
  EXPECT_EQ(diagnostics.items()[0].line, 3);
  EXPECT_EQ(diagnostics.items()[0].column, 10);
}

TEST(CleanInput, ControlCharactersAreReplacedButTabAndNewlineKept) {
  Diagnostics diagnostics;
  EXPECT_EQ(clean("a\x01"
                  "b\x1B"
                  "c\td\n",
                  diagnostics),
            "a"s + std::string(replacement) + "b" + std::string(replacement) + "c\td\n");
  ASSERT_EQ(diagnostics.items().size(), 1u);
  EXPECT_NE(diagnostics.items()[0].message.find("control character"), std::string::npos);
  EXPECT_EQ(diagnostics.items()[0].column, 2);
}

TEST(CleanInput, SizeLimit) {
  Diagnostics diagnostics;
  EXPECT_EQ(clean_input("12345", "a.md", 5, diagnostics), "12345");
  try {
    clean_input("123456", "a.md", 5, diagnostics);
    FAIL() << "no error for input over the limit";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::data);
    EXPECT_EQ(error.diagnostic().file, "a.md");
    EXPECT_NE(error.diagnostic().message.find("limit"), std::string::npos);
  }
}

}  // namespace
}  // namespace galley::read
