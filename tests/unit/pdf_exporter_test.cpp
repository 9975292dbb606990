// Tests for src/backends/pdf/pdf_exporter.cpp: whole PDFs from PageTrees and articles, the
// same bytes every time and on every thread, dates from SOURCE_DATE_EPOCH or the article,
// and text that would be drawn wrongly made safe.
#include "backends/pdf/pdf_exporter.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "galley/galley.hpp"
#include "image/image.hpp"

namespace galley::backends::pdf {
namespace {

const char* const article =
    "# Ferry Returns\n\nMarch 7, 2024\n\nBy Ana Petrovi\xc4\x87\n\n"
    "The crossing reopened, the [council said](https://example.org/council).[^1]\n\n"
    "\xe2\x80\x9cWe kept the bell,\xe2\x80\x9d said \xd0\x9c\xd0\xb0\xd1\x80\xd0\xb8\xd1\x8f.\n\n"
    "[^1]: A note.\n";

layout::PageTree one_page(std::string text) {
  layout::PageTree tree;
  tree.info.title = "T";
  tree.fonts.push_back(layout::Font{"/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
                                    "Liberation Serif", text::FontStyle::regular});
  layout::Page page;
  page.items.push_back(layout::TextRun{0, 10, 72, 100, 50, std::move(text), {}, {}});
  tree.pages.push_back(std::move(page));
  return tree;
}

TEST(PdfExporter, WritesACompletePdf) {
  const std::string pdf = galley::render(galley::read_markdown(article), "pdf");
  EXPECT_EQ(pdf.substr(0, 7), "%PDF-1.");
  EXPECT_NE(pdf.find("%%EOF", pdf.size() - 8), std::string::npos);
  // libharu writes a slash in a string as \057.
  EXPECT_NE(pdf.find("/URI (https:\\057\\057example.org\\057council)"), std::string::npos);
}

TEST(PdfExporter, TheSameArticleGivesTheSameBytesOnEveryThread) {
  const std::string expected = galley::render(galley::read_markdown(article), "pdf");
  std::vector<std::string> results(3);
  {
    std::vector<std::jthread> threads;
    for (auto& result : results) {
      threads.emplace_back([&result] {
        for (int i = 0; i < 3; ++i) result = galley::render(galley::read_markdown(article), "pdf");
      });
    }
  }
  for (const auto& result : results) EXPECT_EQ(result, expected);
}

TEST(PdfExporter, CreationDateFromSourceDateEpochElseTheArticleElseNone) {
  Diagnostics diagnostics;
  layout::PageTree tree = one_page("text");
  EXPECT_EQ(pdf::render(tree, nullptr, diagnostics).find("/CreationDate"), std::string::npos);
  tree.info.date = model::Date{2024, 3, 7};
  EXPECT_NE(pdf::render(tree, nullptr, diagnostics).find("/CreationDate (D:20240307000000Z"), std::string::npos);
  EXPECT_NE(pdf::render(tree, "1700000000", diagnostics).find("/CreationDate (D:20231114221320Z"), std::string::npos);
  EXPECT_TRUE(diagnostics.items().empty());
  pdf::render(tree, "yesterday", diagnostics);
  EXPECT_EQ(diagnostics.count(Severity::warning), 1u);
}

TEST(PdfExporter, TextLibharuWouldDrawWronglyIsMadeSafeFirst) {
  Diagnostics diagnostics;
  const std::string pdf = pdf::render(one_page("soft\xc2\xad" "hyphen\ttab \xf0\x9f\x98\x80"), nullptr, diagnostics);
  EXPECT_EQ(pdf.substr(0, 7), "%PDF-1.");
}

TEST(PdfExporter, AMissingPictureIsAWarningAndThePdfIsStillWritten) {
  Diagnostics diagnostics;
  layout::PageTree tree = one_page("caption");
  tree.pages.front().items.push_back(layout::Picture{"gone.png", "/nonexistent/gone.png", "article.md", 72, 120, 100, 50});
  const std::string pdf = pdf::render(tree, nullptr, diagnostics);
  EXPECT_EQ(pdf.substr(0, 7), "%PDF-1.");
  ASSERT_EQ(diagnostics.count(Severity::warning), 1u);
  EXPECT_EQ(diagnostics.items()[0].file, "article.md");
  EXPECT_NE(diagnostics.items()[0].message.find("gone.png"), std::string::npos);
}

std::string picture_pdf(const std::string& name, Diagnostics& diagnostics) {
  layout::PageTree tree = one_page("caption");
  const std::string path = std::string(GALLEY_SOURCE_DIR) + "/tests/unit/fixtures/images/" + name;
  tree.pages.front().items.push_back(layout::Picture{name, path, "article.md", 3, 72, 120, 200, 150});
  return pdf::render(tree, nullptr, diagnostics);
}

TEST(PdfExporter, AnIntactGrayOrRgbPngGoesInAsItIs) {
  for (const char* name : {"rgb8.png", "gray8.png"}) {
    Diagnostics diagnostics;
    const std::string pdf = picture_pdf(name, diagnostics);
    EXPECT_EQ(diagnostics.items().size(), 0u) << name;
    EXPECT_NE(pdf.find("/Filter /FlateDecode\n/DecodeParms << /Predictor 15"), std::string::npos) << name;
    // The PNG's own image data, byte for byte: nothing decoded, nothing compressed again.
    const std::string path = std::string(GALLEY_SOURCE_DIR) + "/tests/unit/fixtures/images/" + name;
    const std::string data = image::png_image_data(image::read_file(path, name), name);
    EXPECT_NE(pdf.find(data), std::string::npos) << name;
  }
}

TEST(PdfExporter, APngThatNeedsItsPixelsIsDecoded) {
  for (const char* name : {"rgba.png", "palette.png", "interlaced.png", "rgb16.png"}) {
    Diagnostics diagnostics;
    const std::string pdf = picture_pdf(name, diagnostics);
    EXPECT_EQ(pdf.find("/Predictor 15"), std::string::npos) << name;
    EXPECT_NE(pdf.find("/Subtype /Image"), std::string::npos) << name;
  }
}

TEST(PdfExporter, AFontLibharuCannotReadIsAnErrorNamingIt) {
  Diagnostics diagnostics;
  layout::PageTree tree = one_page("text");
  tree.fonts.front().file = "/nonexistent/font.ttf";
  try {
    pdf::render(tree, nullptr, diagnostics);
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.diagnostic().file, "/nonexistent/font.ttf");
  }
}

}  // namespace
}  // namespace galley::backends::pdf
