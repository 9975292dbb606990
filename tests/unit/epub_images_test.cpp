// Tests for EPUB images (src/backends/epub/images.cpp): media-type sniffing, confinement to
// the article's folder (.., absolute paths, symbolic links, URLs), SVG checks and naming.
#include "backends/epub/images.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace galley::backends::epub {
namespace {

namespace fs = std::filesystem;

const std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
const std::string jpeg("\xFF\xD8\xFF\xE0\0\x10JFIF", 10);

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
  std::string problem(std::string_view source) const { return locate_image(root_ / "article", source).problem; }
  model::Document article() const {
    model::Document document;
    document.origin = (root_ / "article" / "article.md").string();
    return document;
  }

  fs::path root_;
};

TEST(EpubImageSniffing, RecognisesMagicBytes) {
  EXPECT_EQ(sniff_media_type(png), "image/png");
  EXPECT_EQ(sniff_media_type(jpeg), "image/jpeg");
  EXPECT_EQ(sniff_media_type("GIF89a\x01\x00"), "image/gif");
  EXPECT_EQ(sniff_media_type("GIF87a"), "image/gif");
  EXPECT_EQ(sniff_media_type(std::string("RIFF\x24\0\0\0WEBPVP8 ", 16)), "image/webp");
  EXPECT_EQ(sniff_media_type("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), "image/svg+xml");
  EXPECT_EQ(sniff_media_type("\xEF\xBB\xBF  <?xml version=\"1.0\"?>\n<!-- c -->\n<svg/>"), "image/svg+xml");
}

TEST(EpubImageSniffing, RefusesEverythingElse) {
  EXPECT_EQ(sniff_media_type(""), "");
  EXPECT_EQ(sniff_media_type("\x89PN"), "");
  EXPECT_EQ(sniff_media_type("BM\x36\x00"), "");                // BMP
  EXPECT_EQ(sniff_media_type("RIFF\x24\0\0\0WAVEfmt "), "");    // a WAV file
  EXPECT_EQ(sniff_media_type("<html><body/></html>"), "");
  EXPECT_EQ(sniff_media_type("<?xml version=\"1.0\"?><rss/>"), "");
  EXPECT_EQ(sniff_media_type("%PDF-1.7"), "");
}

TEST_F(EpubImages, ReadsFilesInsideTheArticleFolder) {
  EXPECT_EQ(problem("photo.png"), "");
  EXPECT_EQ(problem("pics/../photo.png"), "");
  EXPECT_EQ(problem("./pics/photo.png"), "");
  EXPECT_EQ(problem("inside-link.png"), "");  // a link that stays inside is fine
  EXPECT_EQ(locate_image(root_ / "article", "inside-link.png").path, fs::canonical(root_ / "article" / "photo.png"));
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
  EXPECT_NE(locate_image("", "photo.png").problem.find("standard input"), std::string::npos);
}

TEST_F(EpubImages, StoreGivesUniqueAsciiNamesAndCopiesAFileOnce) {
  ImageStore store;
  Diagnostics diagnostics;
  const auto doc = article();
  EXPECT_EQ(store.add_article_image(doc, "photo.png", diagnostics), "images/photo.png");
  EXPECT_EQ(store.add_article_image(doc, "pics/photo.png", diagnostics), "images/photo.jpg");
  EXPECT_EQ(store.add_article_image(doc, "./photo.png", diagnostics), "images/photo.png");  // same file
  write(root_ / "article" / "Photo.PNG", png);
  EXPECT_EQ(store.add_article_image(doc, "Photo.PNG", diagnostics), "images/photo-2.png");  // no case twins
  EXPECT_EQ(store.files().size(), 3u);
  EXPECT_EQ(store.files()[1].media_type, "image/jpeg");
  EXPECT_TRUE(diagnostics.items().empty());
}

TEST_F(EpubImages, WebPGetsAFallbackForEpub32ReadingSystems) {
  ImageStore store;
  Diagnostics diagnostics;
  write(root_ / "article" / "pixel.webp", std::string("RIFF\x1a\0\0\0WEBPVP8L\x0d\0\0\0\x2f\0\0\0\x10\x07", 22));
  EXPECT_EQ(store.add_article_image(article(), "pixel.webp", diagnostics), "images/pixel.webp");
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
  EXPECT_EQ(store.add_article_image(doc, "../secret.png", diagnostics), std::nullopt);
  EXPECT_EQ(store.add_article_image(doc, "link.png", diagnostics), std::nullopt);
  EXPECT_EQ(store.add_article_image(doc, "http://example.org/a.png", diagnostics), std::nullopt);
  EXPECT_EQ(store.add_article_image(doc, "text.png", diagnostics), std::nullopt);
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
