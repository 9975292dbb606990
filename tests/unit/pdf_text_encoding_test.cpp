// The PDF text encoding: codes written straight into a page's literal strings, escaped.
#include "backends/pdf/text_encoding.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/unicode.hpp"

namespace galley::backends::pdf {
namespace {

// What PDF 32000-1:2008, 7.3.4.2 asks of a literal string's bytes, one at a time.
std::string escaped(const std::string& bytes) {
  std::string out;
  for (const char c : bytes) {
    if (c == '(' || c == ')' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\r') {
      out += "\\r";
    } else {
      out += c;
    }
  }
  return out;
}

TEST(TextEncoding, AppendLiteralIsTheCodesEscaped) {
  // 600 characters: one-byte codes 0x01..0x7F (among them '(' ')' '\\' and a carriage
  // return), then two-byte codes whose second bytes run through every value but zero.
  std::vector<char32_t> characters;
  std::string text;
  for (char32_t c = 0x400; c < 0x400 + 600; ++c) {
    characters.push_back(c);
    text::append_utf8(text, c);
  }
  text += "abc";  // not in the encoding: each a space (the sentinel's code)
  const TextEncoding encoding(characters);
  const std::string codes = encoding.encode(text);
  ASSERT_NE(codes.find('('), std::string::npos);
  ASSERT_NE(codes.find('\r'), std::string::npos);
  std::string out = "[(";
  encoding.append_literal(out, text);
  EXPECT_EQ(out, "[(" + escaped(codes));
  EXPECT_EQ(encoding.code(0x400), 0x01u);
  EXPECT_EQ(encoding.code(0x400 + 127), 0x8001u);
  EXPECT_EQ(encoding.code(U'a'), encoding.code(U'b'));
}

}  // namespace
}  // namespace galley::backends::pdf
