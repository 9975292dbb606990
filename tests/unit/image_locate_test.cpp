// Tests for image::locate (src/image/locate.cpp) and image::read_file (read_file.cpp): an
// article may only pull in regular files from its own folder; each refusal is a sentence.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "image/image.hpp"

namespace galley::image {
namespace {

namespace fs = std::filesystem;

const std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);

// A scratch tree: root/article/ holds the article's pictures, root/ a secret beside it.
class Locate : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("galley-image-locate-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "article" / "pics");
    fs::create_directories(root_ / "article-evil");
    write(root_ / "x.png", png);
    write(root_ / "article-evil" / "x.png", png);
    write(root_ / "article" / "photo.png", png);
    write(root_ / "article" / "pics" / "my photo.png", png);
    write(root_ / "article" / "100%.png", png);
    write(root_ / "article" / "a%41.png", png);
    fs::create_symlink(root_ / "x.png", root_ / "article" / "link.png");
    fs::create_symlink(root_, root_ / "article" / "up");
    fs::create_symlink(root_ / "article" / "photo.png", root_ / "article" / "inside-link.png");
    fs::create_symlink("loop.png", root_ / "article" / "loop.png");
    ASSERT_EQ(::mkfifo((root_ / "article" / "pipe.png").c_str(), 0600), 0);
  }
  void TearDown() override { fs::remove_all(root_); }

  static void write(const fs::path& path, std::string_view bytes) {
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  fs::path folder() const { return root_ / "article"; }
  std::string problem(std::string_view source) const { return locate(folder(), source).problem; }
  // True when `source` is refused with a message containing `words`.
  ::testing::AssertionResult refused(std::string_view source, std::string_view words) const {
    const Located located = locate(folder(), source);
    if (located.problem.find(words) == std::string::npos) {
      return ::testing::AssertionFailure() << "\"" << source << "\" gave \"" << located.problem << "\"";
    }
    if (!located.path.empty()) return ::testing::AssertionFailure() << "a path came with the problem";
    return ::testing::AssertionSuccess();
  }

  fs::path root_;
};

TEST_F(Locate, FindsFilesInsideTheFolder) {
  EXPECT_EQ(problem("photo.png"), "");
  EXPECT_EQ(locate(folder(), "photo.png").path, fs::canonical(folder() / "photo.png"));
  EXPECT_EQ(problem("./pics/../photo.png"), "");
  EXPECT_EQ(problem("inside-link.png"), "");  // a link that stays inside is fine
  EXPECT_EQ(locate(folder(), "inside-link.png").path, fs::canonical(folder() / "photo.png"));
  EXPECT_EQ(problem((folder() / "photo.png").string()), "");  // absolute, but inside
}

TEST_F(Locate, DecodesPercentEncoding) {
  EXPECT_EQ(locate(folder(), "pics/my%20photo.png").path, fs::canonical(folder() / "pics" / "my photo.png"));
  EXPECT_EQ(problem("pics/my photo.png"), "");
  EXPECT_EQ(problem("%70hoto.png"), "");
  // A file really named with a percent sign is still found by its literal name.
  EXPECT_EQ(locate(folder(), "100%.png").path, fs::canonical(folder() / "100%.png"));
  EXPECT_EQ(locate(folder(), "a%41.png").path, fs::canonical(folder() / "a%41.png"));  // no "aA.png"
}

TEST_F(Locate, RefusesPathsLeavingTheFolder) {
  EXPECT_TRUE(refused("../x.png", "lies outside the article's folder"));
  EXPECT_TRUE(refused("pics/../../x.png", "outside"));
  EXPECT_TRUE(refused("%2e%2e/x.png", "outside"));
  EXPECT_TRUE(refused("%2E%2E%2Fx.png", "outside"));
  EXPECT_TRUE(refused((root_ / "x.png").string(), "outside"));  // absolute
  EXPECT_TRUE(refused("/etc/passwd", "outside"));
  EXPECT_TRUE(refused("../article-evil/x.png", "outside"));  // not a string-prefix match
  EXPECT_TRUE(refused("../missing.png", "outside"));         // says nothing of existence
  EXPECT_TRUE(refused("link.png", "a symbolic link leads outside"));
  EXPECT_TRUE(refused("up/x.png", "a symbolic link leads outside"));
  EXPECT_TRUE(refused("loop.png", "loop"));
}

TEST_F(Locate, RefusesUrlsOfEveryKind) {
  EXPECT_TRUE(refused("http://example.org/a.png", "remote image"));
  EXPECT_TRUE(refused("HTTPS://example.org/a.png", "remote image"));
  EXPECT_TRUE(refused("//example.org/x.png", "another host"));
  EXPECT_TRUE(refused("file:///etc/passwd", "URL refused"));
  EXPECT_TRUE(refused("file:photo.png", "URL refused"));
  EXPECT_TRUE(refused("data:image/png;base64,AAAA", "URL refused"));
  EXPECT_TRUE(refused("ftp://example.org/a.png", "URL refused"));
}

TEST_F(Locate, RefusesWhatIsNotARegularFile) {
  EXPECT_TRUE(refused("pics", "not a regular file but a folder"));
  EXPECT_TRUE(refused("pics/", "folder"));
  EXPECT_TRUE(refused(".", "folder"));
  EXPECT_TRUE(refused("pipe.png", "not a regular file but a FIFO"));
  EXPECT_TRUE(refused("nothere.png", "image not found"));
  EXPECT_TRUE(refused("photo.png/x", "image not found"));
  EXPECT_TRUE(refused("", "no path"));
  EXPECT_TRUE(refused(std::string("photo.png\0../../x", 17), "NUL"));
  EXPECT_TRUE(refused("photo%00.png", "NUL"));
  EXPECT_NE(locate("", "photo.png").problem.find("standard input"), std::string::npos);
  EXPECT_NE(locate(root_ / "nowhere", "photo.png").problem.find("folder cannot be resolved"), std::string::npos);
}

TEST_F(Locate, SearchesTheResourcePathAfterTheArticlesFolder) {
  fs::create_directories(root_ / "shared" / "logos");
  write(root_ / "shared" / "logos" / "logo.png", png);
  write(root_ / "shared" / "photo.png", png);
  fs::create_symlink(root_ / "x.png", root_ / "shared" / "out.png");
  const std::vector<fs::path> folders{folder(), root_ / "shared"};
  EXPECT_EQ(locate(folders, "logos/logo.png").path, fs::canonical(root_ / "shared" / "logos" / "logo.png"));
  // The article's own folder comes first.
  EXPECT_EQ(locate(folders, "photo.png").path, fs::canonical(folder() / "photo.png"));
  // A path that leaves the article's folder into a named folder is inside what is allowed.
  EXPECT_EQ(locate(folders, "../shared/photo.png").path, fs::canonical(root_ / "shared" / "photo.png"));
  EXPECT_EQ(locate(folders, (root_ / "shared" / "photo.png").string()).problem, "");
  // Still confined: nothing outside both folders, no link out of them, no string-prefix twin.
  EXPECT_NE(locate(folders, "../x.png").problem.find("outside the article's folder and the resource path"),
            std::string::npos);
  EXPECT_NE(locate(folders, "out.png").problem.find("a symbolic link leads outside"), std::string::npos);
  EXPECT_NE(locate(folders, "../article-evil/x.png").problem.find("outside"), std::string::npos);
  EXPECT_NE(locate(folders, "link.png").problem.find("a symbolic link leads outside"), std::string::npos);
  // Without the article's folder (standard input), the resource path alone.
  EXPECT_EQ(locate(std::vector<fs::path>{root_ / "shared"}, "photo.png").path, fs::canonical(root_ / "shared" / "photo.png"));
  // A folder that went missing is skipped.
  EXPECT_EQ(locate(std::vector<fs::path>{root_ / "gone", folder()}, "photo.png").problem, "");
}

TEST_F(Locate, ImageFoldersAreTheArticlesThenTheResourcePath) {
  model::Document article;
  EXPECT_TRUE(image_folders(article).empty());
  article.resource_path = {"shared"};
  EXPECT_EQ(image_folders(article), std::vector<fs::path>{fs::absolute("shared")});
  article.origin = (folder() / "a.md").string();
  EXPECT_EQ(image_folders(article), (std::vector<fs::path>{folder(), fs::absolute("shared")}));
}

TEST_F(Locate, ReadFileReadsWhatLocateFound) {
  EXPECT_EQ(read_file(locate(folder(), "photo.png").path, "photo.png"), png);
}

TEST_F(Locate, ReadFileRefusesFifosLinksAndLargeFiles) {
  const auto kind_of = [](auto run) {
    try {
      run();
    } catch (const Error& error) {
      EXPECT_FALSE(error.diagnostic().message.empty());
      return error.kind();
    }
    ADD_FAILURE() << "no galley::Error";
    return ErrorKind::internal;
  };
  // Opening a FIFO for reading would wait for a writer forever; it is refused at once.
  EXPECT_EQ(kind_of([&] { read_file(folder() / "pipe.png", "pipe.png"); }), ErrorKind::no_input);
  EXPECT_EQ(kind_of([&] { read_file(folder() / "link.png", "link.png"); }), ErrorKind::no_input);
  EXPECT_EQ(kind_of([&] { read_file(folder() / "pics", "pics"); }), ErrorKind::no_input);
  EXPECT_EQ(kind_of([&] { read_file(folder() / "nothere.png", "nothere.png"); }), ErrorKind::no_input);
  Limits tiny;
  tiny.max_file_bytes = 10;
  EXPECT_EQ(kind_of([&] { read_file(folder() / "photo.png", "photo.png", tiny); }), ErrorKind::data);
}

}  // namespace
}  // namespace galley::image
