// Tests for text::libharu_problem (src/text/sfnt_check.cpp): installed fonts and their
// subsets pass; copies broken in each way libharu 2.3.0 would crash or read out of bounds on
// are refused with the reason.
#include "text/sfnt_check.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <iterator>

#include "galley/diagnostics.hpp"
#include "text/font_subset.hpp"

namespace galley::text {
namespace {

const std::string sans_file = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

std::string read(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::uint32_t get32(const std::string& font, std::size_t at) {
  std::uint32_t value = 0;
  for (int i = 0; i < 4; ++i) value = value << 8 | static_cast<unsigned char>(font[at + i]);
  return value;
}

void put16(std::string& font, std::size_t at, std::uint32_t value) {
  font[at] = static_cast<char>(value >> 8 & 0xFF);
  font[at + 1] = static_cast<char>(value & 0xFF);
}

// The directory record of `tag` (its position in the file).
std::size_t record_of(const std::string& font, std::string_view tag) {
  const std::size_t count = static_cast<unsigned char>(font[4]) << 8 | static_cast<unsigned char>(font[5]);
  for (std::size_t i = 0; i < count; ++i) {
    if (font.compare(12 + 16 * i, 4, tag) == 0) return 12 + 16 * i;
  }
  ADD_FAILURE() << "no table " << tag;
  return 0;
}
std::size_t table_of(const std::string& font, std::string_view tag) { return get32(font, record_of(font, tag) + 8); }

class SfntCheck : public ::testing::Test {
 protected:
  void SetUp() override {
    sans_ = read(sans_file);
    if (sans_.empty()) GTEST_SKIP() << sans_file << " is not installed (fonts-dejavu-core)";
  }
  std::string problem(const std::string& font) const { return libharu_problem(font).value_or(""); }
  std::string sans_;
};

TEST_F(SfntCheck, InstalledFontsAndTheirSubsetsPass) {
  EXPECT_EQ(problem(sans_), "");
  for (const char* file : {"/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
                           "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
                           "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf"}) {
    const std::string font = read(file);
    if (font.empty()) continue;
    EXPECT_EQ(problem(with_required_tables(font)), "") << file;
  }
  EXPECT_EQ(problem(embeddable_font(sans_file, {U'a', U'Ж', U'—'})), "");
}

TEST_F(SfntCheck, RefusesWhatLibharuWouldDivideByOrOverflow) {
  std::string font = sans_;
  put16(font, table_of(font, "head") + 18, 0);
  EXPECT_EQ(problem(font), "its unitsPerEm is 0");

  font = sans_;
  put16(font, table_of(font, "maxp") + 4, 0);
  EXPECT_EQ(problem(font), "it has no glyphs");

  font = sans_;  // more metrics than glyphs: libharu writes past its array
  put16(font, table_of(font, "maxp") + 4, 10);
  EXPECT_NE(problem(font).find("numberOfHMetrics"), std::string::npos);

  font = sans_;
  put16(font, table_of(font, "hhea") + 34, 0);
  EXPECT_NE(problem(font).find("numberOfHMetrics (0)"), std::string::npos);

  font = sans_;
  put16(font, table_of(font, "head") + 50, 7);
  EXPECT_EQ(problem(font), "its indexToLocFormat is neither 0 nor 1");
}

TEST_F(SfntCheck, RefusesTablesOutsideTheFileAndBrokenMaps) {
  std::string font = sans_;
  put16(font, record_of(font, "glyf") + 8, 0xFFFF);  // offset high word
  EXPECT_EQ(problem(font), "its 'glyf' table lies outside the file");

  EXPECT_EQ(problem(sans_.substr(0, sans_.size() / 3)).find("lies outside the file") != std::string::npos, true);
  EXPECT_EQ(problem("not a font at all"), "it is not a TrueType font (no TrueType outlines)");
  EXPECT_EQ(problem(""), "it is too short to hold a table directory");

  font = sans_;
  font.replace(record_of(font, "cmap"), 4, "cmaq");
  EXPECT_EQ(problem(font), "it has no 'cmap' table");

  font = sans_;
  const std::size_t cmap = table_of(font, "cmap");
  for (std::size_t i = 0; i < 64; ++i) font[cmap + 4 + i] = '\xff';
  EXPECT_NE(problem(font), "");

  font = sans_;  // loca pointing past glyf
  const std::size_t loca = table_of(font, "loca");
  const bool short_loca = static_cast<unsigned char>(font[table_of(font, "head") + 51]) == 0;
  if (short_loca) {
    put16(font, loca + 2, 0xFFFF);
  } else {
    put16(font, loca + 4, 0x7FFF);
  }
  EXPECT_EQ(problem(font), "its 'loca' table points outside 'glyf'");
}

TEST_F(SfntCheck, EmbeddableFontThrowsNamingTheFile) {
  std::string font = sans_;
  put16(font, table_of(font, "head") + 18, 0);
  try {
    check_for_libharu(font, "broken.ttf");
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::data);
    EXPECT_EQ(error.diagnostic().file, "broken.ttf");
    EXPECT_EQ(error.diagnostic().message, "cannot use this font: its unitsPerEm is 0");
  }
}

}  // namespace
}  // namespace galley::text
