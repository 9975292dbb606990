// Pages finished on other threads and given their bytes while libharu saves.
#include "backends/pdf/page_compression.hpp"

#include <gtest/gtest.h>
#include <hpdf.h>

#include <memory>
#include <string>

#include "galley/diagnostics.hpp"

namespace galley::backends::pdf {
namespace {

struct Document {
  Document() : doc(HPDF_New(nullptr, nullptr)) { HPDF_SetCompressionMode(doc, HPDF_COMP_ALL); }
  ~Document() { HPDF_Free(doc); }
  HPDF_Doc doc;
};

std::string saved(HPDF_Doc doc) {
  std::string out;
  HPDF_ResetStream(doc);
  for (;;) {
    HPDF_BYTE buffer[4096];
    HPDF_UINT32 size = sizeof buffer;
    HPDF_ReadFromStream(doc, buffer, &size);
    if (size == 0) break;
    out.append(reinterpret_cast<const char*>(buffer), size);
  }
  return out;
}

TEST(PageCompression, TheSaveWritesEveryPageAsOneThreadWould) {
  std::string bytes[2];
  for (const unsigned threads : {1u, 3u}) {
    Document document;
    PageCompression compression(threads);
    for (int page = 0; page < 40; ++page) {
      HPDF_Page target = HPDF_AddPage(document.doc);
      HPDF_Page_Rectangle(target, 10, 10, 100, 100 + page);
      HPDF_Page_Fill(target);
      compression.add(target, [page] { return "BT ET % page " + std::to_string(page) + "\n"; });
    }
    ASSERT_EQ(HPDF_SaveToStream(document.doc), HPDF_OK);
    compression.finish();
    bytes[threads == 1 ? 0 : 1] = saved(document.doc);
  }
  EXPECT_FALSE(bytes[0].empty());
  EXPECT_EQ(bytes[0], bytes[1]);
}

TEST(PageCompression, APageThatCannotBeFinishedStopsTheSaveAndIsWhatFinishThrows) {
  Document document;
  PageCompression compression(2);
  for (int page = 0; page < 8; ++page) {
    HPDF_Page target = HPDF_AddPage(document.doc);
    compression.add(target, [page]() -> std::string {
      if (page == 5) throw Error(ErrorKind::data, "page.md", 7, "no text for page 5");
      return "";
    });
  }
  EXPECT_NE(HPDF_SaveToStream(document.doc), HPDF_OK);
  try {
    compression.finish();
    FAIL() << "finish() should throw the page's error";
  } catch (const Error& error) {
    EXPECT_EQ(error.diagnostic().file, "page.md");
    EXPECT_EQ(error.diagnostic().line, 7);
  }
}

}  // namespace
}  // namespace galley::backends::pdf
