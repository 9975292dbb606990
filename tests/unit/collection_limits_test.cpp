// Tests for the limits a Job checks (src/export/job.cpp): a collection naming more pictures
// than Job::max_collection_images in all (every reference, model::pictures), and a resource path
// that is not a folder.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "galley/job.hpp"
#include "galley/read.hpp"

namespace galley {
namespace {

namespace fs = std::filesystem;

class CollectionLimits : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("galley-collection-limits-" + std::to_string(::getpid()));
    fs::create_directories(root_);
    for (const char* name : {"a.md", "b.md"}) {
      std::ofstream(root_ / name) << "# Title\n\n![x](x.png) ![y](y.png)\n";
    }
  }
  void TearDown() override { fs::remove_all(root_); }
  Job job() const {
    Job job;
    job.inputs = {(root_ / "a.md").string(), (root_ / "b.md").string()};
    job.format = "json";
    job.output = (root_ / "out.json").string();
    return job;
  }
  static ErrorKind kind_of(const Job& job) {
    Diagnostics diagnostics;
    try {
      run(job, Registry::with_builtins(), diagnostics);
    } catch (const Error& error) {
      return error.kind();
    }
    return ErrorKind::internal;  // stands for "no error" here
  }
  fs::path root_;
};

TEST_F(CollectionLimits, TooManyImagesInAllIsRefusedAndNothingWritten) {
  Job limited = job();
  limited.max_collection_images = 3;
  EXPECT_EQ(kind_of(limited), ErrorKind::data);
  EXPECT_FALSE(fs::exists(root_ / "out.json"));
  limited.max_collection_images = 4;
  EXPECT_EQ(kind_of(limited), ErrorKind::internal);
  EXPECT_TRUE(fs::exists(root_ / "out.json"));
}

TEST_F(CollectionLimits, AResourcePathMustBeAFolder) {
  Job named = job();
  named.read.resource_path = {(root_ / "missing").string()};
  EXPECT_EQ(kind_of(named), ErrorKind::no_input);
  named.read.resource_path = {(root_ / "a.md").string()};
  EXPECT_EQ(kind_of(named), ErrorKind::no_input);
  named.read.resource_path = {root_.string()};
  EXPECT_EQ(kind_of(named), ErrorKind::internal);
}

}  // namespace
}  // namespace galley
