// Tests for running a Job (src/export/job.cpp): shards, articles read on several threads
// giving what one thread gives, failed articles reported while the others go on, --fail-fast,
// progress, and a book streamed article by article.
#include "galley/job.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

namespace galley {
namespace {

namespace fs = std::filesystem;

class JobTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() / ("galley-job-" + std::to_string(::getpid()));
    fs::create_directories(folder_);
  }
  void TearDown() override { fs::remove_all(folder_); }

  std::string write(const std::string& name, const std::string& text) {
    const fs::path path = folder_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }
  std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
  }
  std::vector<std::string> articles(int count) {
    std::vector<std::string> paths;
    for (int i = 0; i < count; ++i) {
      // Strikethrough and autolinks depend on cmark-gfm's process-wide special-character
      // table, which parsers running at the same time used to corrupt.
      std::string text = "# Title " + std::to_string(i) + "\n\nFiles were updated ~~daily~~ weekly at " +
                         "https://example.org/" + std::to_string(i) + " and *more*.\n\n" +
                         (i % 3 == 0 ? "[dead](#)\n" : "| a | b |\n|---|---|\n| 1 | 2 |\n");
      paths.push_back(write("a" + std::to_string(i) + ".md", text));
    }
    return paths;
  }

  fs::path folder_;
};

TEST(ShardOf, EveryInputInExactlyOneShardWhateverTheOrder) {
  std::vector<std::string> inputs;
  for (int i = 0; i < 23; ++i) inputs.push_back("in/" + std::to_string(i * 7 % 23) + ".md");
  std::vector<std::string> reversed(inputs.rbegin(), inputs.rend());
  std::multiset<std::string> all;
  for (unsigned k = 1; k <= 4; ++k) {
    const auto shard = shard_of(inputs, {k, 4});
    EXPECT_TRUE(shard.size() == 5 || shard.size() == 6) << shard.size();
    all.insert(shard.begin(), shard.end());
    // The same inputs whatever the order they came in; kept in the order given.
    auto again = shard_of(reversed, {k, 4});
    std::reverse(again.begin(), again.end());
    EXPECT_EQ(again, shard);
    EXPECT_TRUE(std::is_sorted(shard.begin(), shard.end(), [&](const auto& a, const auto& b) {
      return std::find(inputs.begin(), inputs.end(), a) < std::find(inputs.begin(), inputs.end(), b);
    }));
  }
  EXPECT_EQ(all, std::multiset<std::string>(inputs.begin(), inputs.end()));
  EXPECT_EQ(shard_of(inputs, {1, 1}), inputs);
  EXPECT_THROW(shard_of(inputs, {0, 4}), Error);
  EXPECT_THROW(shard_of(inputs, {5, 4}), Error);
  EXPECT_THROW(shard_of(inputs, {1, 0}), Error);
}

TEST_F(JobTest, ThreadsGiveTheSameOutputAndDiagnostics) {
  Job job;
  job.inputs = articles(40);
  job.format = "epub";
  job.threads = 1;
  job.output = (folder_ / "one.epub").string();
  Diagnostics one_thread;
  run(job, Registry::with_builtins(), one_thread);
  for (unsigned threads : {2u, 4u, 7u}) {
    job.threads = threads;
    job.output = (folder_ / "many.epub").string();
    Diagnostics many;
    run(job, Registry::with_builtins(), many);
    EXPECT_EQ(read(job.output), read((folder_ / "one.epub").string())) << threads << " threads";
    EXPECT_EQ(many.items(), one_thread.items());
  }
}

TEST_F(JobTest, AFailedArticleIsReportedAndTheOthersAreWritten) {
  Job job;
  job.inputs = {write("good.md", "# Good\n\nText.\n"), (folder_ / "missing.md").string(),
                write("bad.md", "---\ntitle: [\n---\nText.\n"), write("fine.md", "# Fine\n\nText.\n")};
  job.format = "pdf";
  job.output_dir = (folder_ / "out").string();
  fs::create_directories(job.output_dir);
  std::vector<std::size_t> progress;
  job.on_progress = [&](std::size_t done, std::size_t total) {
    EXPECT_EQ(total, 4u);
    progress.push_back(done);
  };
  Diagnostics diagnostics;
  JobReport report;
  try {
    run(job, Registry::with_builtins(), diagnostics, &report);
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::no_input);  // the first failure in input order
  }
  EXPECT_EQ(report.articles, 4u);
  EXPECT_EQ(report.done, 2u);
  EXPECT_EQ(report.failed, 2u);
  EXPECT_EQ(report.not_started, 0u);
  EXPECT_EQ(progress, (std::vector<std::size_t>{1, 2, 3, 4}));
  EXPECT_TRUE(fs::exists(folder_ / "out" / "good.pdf"));
  EXPECT_TRUE(fs::exists(folder_ / "out" / "fine.pdf"));
  EXPECT_EQ(diagnostics.count(Severity::error), 2u);
}

TEST_F(JobTest, FailFastStartsNothingAfterTheFirstFailure) {
  Job job;
  job.inputs = {(folder_ / "missing.md").string(), write("a.md", "# A\n\nText.\n"), write("b.md", "# B\n\nText.\n")};
  job.format = "pdf";
  job.output_dir = folder_.string();
  job.threads = 1;
  job.fail_fast = true;
  Diagnostics diagnostics;
  JobReport report;
  EXPECT_THROW(run(job, Registry::with_builtins(), diagnostics, &report), Error);
  EXPECT_EQ(report.failed, 1u);
  EXPECT_EQ(report.not_started, 2u);
  EXPECT_FALSE(fs::exists(folder_ / "a.pdf"));
}

TEST_F(JobTest, ABookWithAFailedArticleIsNotWritten) {
  Job job;
  job.inputs = articles(5);
  job.inputs.insert(job.inputs.begin() + 2, (folder_ / "missing.md").string());
  job.format = "epub";
  job.output = (folder_ / "book.epub").string();
  Diagnostics diagnostics;
  JobReport report;
  EXPECT_THROW(run(job, Registry::with_builtins(), diagnostics, &report), Error);
  EXPECT_EQ(report.done, 5u);
  EXPECT_EQ(report.failed, 1u);
  EXPECT_FALSE(fs::exists(job.output));
  EXPECT_EQ(std::distance(fs::directory_iterator(folder_), fs::directory_iterator()), 5);  // no temporary
}

}  // namespace
}  // namespace galley
