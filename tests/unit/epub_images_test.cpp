// Tests for EPUB images (src/backends/epub/images.cpp): confinement to the article's folder
// as the book sees it (src/image does the work), SVG checks, damaged pictures and naming.
#include "backends/epub/images.hpp"
#include "image/image.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <iterator>

namespace galley::backends::epub {
namespace {

namespace fs = std::filesystem;

// Real pictures: the store decodes every raster image before it goes into a book.
std::string fixture(const char* name) {
  std::ifstream in(std::string(GALLEY_SOURCE_DIR) + "/tests/unit/fixtures/images/" + name, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
const std::string png = fixture("rgb8.png");
const std::string jpeg = fixture("rgb.jpg");

// A scratch tree: root/article/ holds the article and its pictures, root/ a secret beside it.
class EpubImages : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("galley-epub-images-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "article" / "pics");
    fs::create_directories(root_ / "article-evil");
    write(root_ / "secret.png", png);
    write(root_ / "article-evil" / "x.png", png);
    write(root_ / "article" / "photo.png", png);
    write(root_ / "article" / "pics" / "photo.png", jpeg);
    write(root_ / "article" / "article.md", "# Title\n");
    fs::create_symlink(root_ / "secret.png", root_ / "article" / "link.png");
    fs::create_symlink(root_ / "article" / "photo.png", root_ / "article" / "inside-link.png");
  }
  void TearDown() override { fs::remove_all(root_); }

  static void write(const fs::path& path, std::string_view bytes) {
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  std::string problem(std::string_view source) const { return image::locate(root_ / "article", source).problem; }
  model::Document article() const {
    model::Document document;
    document.origin = (root_ / "article" / "article.md").string();
    return document;
  }

  fs::path root_;
};

TEST_F(EpubImages, ReadsFilesInsideTheArticleFolder) {
  EXPECT_EQ(problem("photo.png"), "");
  EXPECT_EQ(problem("pics/../photo.png"), "");
  EXPECT_EQ(problem("./pics/photo.png"), "");
  EXPECT_EQ(problem("inside-link.png"), "");  // a link that stays inside is fine
  EXPECT_EQ(image::locate(root_ / "article", "inside-link.png").path, fs::canonical(root_ / "article" / "photo.png"));
}

TEST_F(EpubImages, RefusesPathsLeavingTheFolder) {
  EXPECT_NE(problem("../secret.png").find("outside"), std::string::npos);
  EXPECT_NE(problem("pics/../../secret.png").find("outside"), std::string::npos);
  EXPECT_NE(problem((root_ / "secret.png").string()).find("outside"), std::string::npos);
  EXPECT_NE(problem("../article-evil/x.png").find("outside"), std::string::npos);  // not a prefix match
  EXPECT_NE(problem("../missing.png").find("outside"), std::string::npos);  // says nothing of existence
  EXPECT_NE(problem("link.png").find("symbolic link"), std::string::npos);
}

TEST_F(EpubImages, RefusesUrlsDirectoriesAndMissingFiles) {
  EXPECT_NE(problem("http://example.org/a.png").find("remote image"), std::string::npos);
  EXPECT_NE(problem("https://example.org/a.png").find("remote image"), std::string::npos);
  EXPECT_NE(problem("file:///etc/passwd").find("URL refused"), std::string::npos);
  EXPECT_NE(problem("data:image/png;base64,AAAA").find("URL refused"), std::string::npos);
  EXPECT_NE(problem("pics").find("not a regular file"), std::string::npos);
  EXPECT_NE(problem("nothere.png").find("not found"), std::string::npos);
  EXPECT_NE(problem("").find("no path"), std::string::npos);
  EXPECT_NE(image::locate("", "photo.png").problem.find("standard input"), std::string::npos);
}

TEST_F(EpubImages, StoreGivesUniqueAsciiNamesAndCopiesAFileOnce) {
  ImageStore store;
  Diagnostics diagnostics;
  const auto doc = article();
  EXPECT_EQ(store.add_article_image(doc, {"photo.png", ""}, diagnostics), "images/photo.png");
  EXPECT_EQ(store.add_article_image(doc, {"pics/photo.png", ""}, diagnostics), "images/photo.jpg");
  EXPECT_EQ(store.add_article_image(doc, {"./photo.png", ""}, diagnostics), "images/photo.png");  // same file
  write(root_ / "article" / "Photo.PNG", png);
  EXPECT_EQ(store.add_article_image(doc, {"Photo.PNG", ""}, diagnostics), "images/photo-2.png");  // no case twins
  EXPECT_EQ(store.files().size(), 3u);
  EXPECT_EQ(store.files()[1].media_type, "image/jpeg");
  EXPECT_TRUE(diagnostics.items().empty());
}

TEST_F(EpubImages, WebPGetsAFallbackForEpub32ReadingSystems) {
  ImageStore store;
  Diagnostics diagnostics;
  write(root_ / "article" / "pixel.webp", fixture("lossless.webp"));
  EXPECT_EQ(store.add_article_image(article(), {"pixel.webp", ""}, diagnostics), "images/pixel.webp");
  ASSERT_EQ(store.files().size(), 2u);
  EXPECT_EQ(store.files()[0].media_type, "image/webp");
  EXPECT_EQ(store.files()[0].fallback, store.files()[1].id);
  EXPECT_EQ(store.files()[1].media_type, "image/svg+xml");
  EXPECT_EQ(store.files()[1].href, "images/pixel-fallback.svg");
}

TEST_F(EpubImages, StoreWarnsAndRefuses) {
  ImageStore store;
  Diagnostics diagnostics;
  const auto doc = article();
  write(root_ / "article" / "text.png", "not a picture");
  EXPECT_EQ(store.add_article_image(doc, {"../secret.png", ""}, diagnostics), std::nullopt);
  EXPECT_EQ(store.add_article_image(doc, {"link.png", ""}, diagnostics), std::nullopt);
  EXPECT_EQ(store.add_article_image(doc, {"http://example.org/a.png", ""}, diagnostics), std::nullopt);
  EXPECT_EQ(store.add_article_image(doc, {"text.png", ""}, diagnostics), std::nullopt);
  ASSERT_EQ(diagnostics.count(Severity::warning), 4u);
  EXPECT_EQ(diagnostics.items()[0].file, doc.origin);
  EXPECT_NE(diagnostics.items()[3].message.find("not PNG, JPEG"), std::string::npos);
  EXPECT_TRUE(store.files().empty());
}

TEST(EpubSvg, SafeSvgIsPrintedAgainWithoutDoctype) {
  std::string problem;
  const std::string out = checked_svg(
      "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
      "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect fill=\"url(#g)\" width=\"1\" height=\"1\"/></svg>",
      problem);
  EXPECT_EQ(problem, "");
  EXPECT_EQ(out.find("DOCTYPE"), std::string::npos);
  EXPECT_NE(out.find("<rect fill=\"url(#g)\""), std::string::npos);
}

TEST(EpubSvg, RefusesScriptsHandlersAndExternalReferences) {
  for (const char* svg : {"<svg><script>alert(1)</script></svg>", "<svg onload=\"alert(1)\"/>",
                          "<svg><foreignObject/></svg>", "<svg><image href=\"http://x/a.png\"/></svg>",
                          "<svg><use xlink:href=\"other.svg#a\"/></svg>",
                          "<svg><rect style=\"fill:url(http://x/p)\"/></svg>",
                          "<svg><style>@import url(x.css);</style></svg>", "<html/>", "<svg><unclosed></svg>"}) {
    std::string problem;
    EXPECT_EQ(checked_svg(svg, problem), "") << svg;
    EXPECT_NE(problem, "") << svg;
  }
}

}  // namespace
}  // namespace galley::backends::epub
