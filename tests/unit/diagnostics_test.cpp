// Tests for diagnostics rendering and the exit-code table.
#include "galley/diagnostics.hpp"

#include <gtest/gtest.h>

namespace galley {
namespace {

TEST(Diagnostics, RendersFileLineColumnSeverityMessage) {
  EXPECT_EQ(render({Severity::error, "bad thing", "a.md", 3, 7}), "a.md:3:7: error: bad thing");
  EXPECT_EQ(render({Severity::warning, "odd", "a.md", 3, 0}), "a.md:3: warning: odd");
  EXPECT_EQ(render({Severity::warning, "odd", "a.md", 0, 0}), "a.md: warning: odd");
  EXPECT_EQ(render({Severity::error, "no input", "", 0, 0}), "error: no input");
}

TEST(Diagnostics, ExitCodesFollowSysexits) {
  EXPECT_EQ(exit_code(ErrorKind::usage), 64);
  EXPECT_EQ(exit_code(ErrorKind::data), 65);
  EXPECT_EQ(exit_code(ErrorKind::no_input), 66);
  EXPECT_EQ(exit_code(ErrorKind::internal), 70);
  EXPECT_EQ(exit_code(ErrorKind::cant_create), 73);
  EXPECT_EQ(exit_code(ErrorKind::io), 74);
}

TEST(Diagnostics, CountsBySeverity) {
  Diagnostics diagnostics;
  diagnostics.warn("a.md", 1, "one");
  EXPECT_FALSE(diagnostics.has_errors());
  diagnostics.report({Severity::error, "two", "a.md", 2, 0});
  EXPECT_TRUE(diagnostics.has_errors());
  EXPECT_EQ(diagnostics.count(Severity::warning), 1u);
}

TEST(Diagnostics, ErrorCarriesKindAndRenderedMessage) {
  Error error(ErrorKind::no_input, "missing.md", 0, "No such file or directory");
  EXPECT_EQ(error.kind(), ErrorKind::no_input);
  EXPECT_STREQ(error.what(), "missing.md: error: No such file or directory");
}

}  // namespace
}  // namespace galley
