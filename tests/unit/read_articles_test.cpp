// Tests for reading a collection on several threads (src/export/read_articles.cpp): the
// models, their order and the diagnostics equal a one-thread run.
#include "export/read_articles.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "galley/diagnostics.hpp"

namespace galley {
namespace {

namespace fs = std::filesystem;

class ReadArticles : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() / std::string("galley-read-articles-").append(std::to_string(::getpid()));
    fs::create_directories(folder_);
  }
  void TearDown() override { fs::remove_all(folder_); }

  std::string write(const std::string& name, const std::string& text) {
    const fs::path path = folder_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }

  fs::path folder_;
};

TEST_F(ReadArticles, ThreadsGiveTheSameModelsInTheSameOrder) {
  // Strikethrough and autolinks depend on cmark-gfm's process-wide special-character table,
  // which parsers running at the same time used to corrupt.
  std::vector<std::string> paths;
  for (int i = 0; i < 40; ++i) {
    std::string text = "# Title ";
    text.append(std::to_string(i)).append("\n\nFiles were updated ~~daily~~ weekly at https://example.org/");
    text.append(std::to_string(i)).append(" and *more*.\n\n");
    text.append(i % 3 == 0 ? "[dead](#)\n" : "| a | b |\n|---|---|\n| 1 | 2 |\n");
    paths.push_back(write(std::string("a").append(std::to_string(i)).append(".md"), text));
  }
  Diagnostics one_thread;
  const auto expected = read_articles(paths, ReadOptions{}, 1, one_thread);
  ASSERT_EQ(expected.size(), paths.size());
  for (int run = 0; run < 20; ++run) {
    Diagnostics four_threads;
    const auto got = read_articles(paths, ReadOptions{}, 4, four_threads);
    ASSERT_EQ(got, expected) << "run " << run;
    EXPECT_EQ(four_threads.items(), one_thread.items());
  }
}

TEST_F(ReadArticles, TheFirstFailureInInputOrderIsReported) {
  std::vector<std::string> paths = {write("good.md", "# Good\n\nText.\n"), (folder_ / "missing-1.md").string(),
                                    (folder_ / "missing-2.md").string()};
  Diagnostics diagnostics;
  try {
    read_articles(paths, ReadOptions{}, 3, diagnostics);
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::no_input);
    EXPECT_EQ(error.diagnostic().file, paths[1]);
  }
}

}  // namespace
}  // namespace galley
