// Tests for src/backends/epub/spill_file.cpp: bytes read back as written, in memory and once
// spilt to the temporary file, including writes over what is there.
#include "backends/epub/spill_file.hpp"

#include <gtest/gtest.h>

#include <string>

#include "galley/diagnostics.hpp"

namespace galley::backends::epub {
namespace {

std::string read(const SpillFile& file, std::uint64_t offset, std::size_t count) {
  std::string out(count, '\0');
  file.read_at(offset, out.data(), count);
  return out;
}

TEST(SpillFile, ReadsBackWhatWasWrittenBeforeAndAfterSpilling) {
  SpillFile file(16);  // spills at 16 bytes
  EXPECT_EQ(file.append("0123456789"), 0u);
  EXPECT_EQ(read(file, 2, 3), "234");
  EXPECT_EQ(file.append("abcdefghij"), 10u);  // past the limit: now in the file
  EXPECT_EQ(file.size(), 20u);
  EXPECT_EQ(read(file, 0, 20), "0123456789abcdefghij");
  file.write_at(5, "XY");  // as libzip completes a local header
  file.write_at(20, "!");  // at the end: grows
  EXPECT_EQ(read(file, 0, 21), "01234XY789abcdefghij!");
  std::string big(100000, 'z');
  const auto at = file.append(big);
  EXPECT_EQ(read(file, at + 99990, 10), std::string(10, 'z'));
}

TEST(SpillFile, RefusesToReadOrWritePastItsEnd) {
  SpillFile file;
  file.append("abc");
  char out[4];
  EXPECT_THROW(file.read_at(1, out, 4), Error);
  EXPECT_THROW(file.write_at(5, "x"), Error);
}

}  // namespace
}  // namespace galley::backends::epub
