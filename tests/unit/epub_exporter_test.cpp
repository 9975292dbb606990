// Tests for the EPUB exporter (src/backends/epub/epub_exporter.cpp): book metadata from
// articles and collections, the content identifier, dcterms:modified, and byte-identical
// packages in any time zone.
#include "backends/epub/epub_exporter.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

namespace galley::backends::epub {
namespace {

using namespace galley::model;

// Sets an environment variable for one test and restores it afterwards.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    value ? ::setenv(name, value, 1) : ::unsetenv(name);
    ::tzset();
  }
  ~ScopedEnv() {
    old_ ? ::setenv(name_, old_->c_str(), 1) : ::unsetenv(name_);
    ::tzset();
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

Document article(std::string title, std::optional<Date> date = std::nullopt) {
  Document document;
  document.meta.title = std::move(title);
  document.meta.authors = {"Ana Petrović"};
  document.meta.date = date;
  document.meta.lang = "en-GB";
  document.meta.tags = {"ferries", "rivers"};
  document.meta.source = "https://example.org/" + document.meta.title;
  document.blocks = {Para{{Text{"Body of " + document.meta.title}}}, Header{2, {Text{"Part"}}}};
  return document;
}

Book one(const Document& document, Diagnostics& diagnostics) {
  return assemble_book(Collection{}, {&document}, false, diagnostics);
}

TEST(EpubExporter, ASingleArticleIsABookTitledAfterIt) {
  ScopedEnv epoch("SOURCE_DATE_EPOCH", nullptr);
  Diagnostics diagnostics;
  const Book book = one(article("Ferry", Date{2024, 3, 7}), diagnostics);
  EXPECT_EQ(book.meta.title, "Ferry");
  EXPECT_EQ(book.meta.lang, "en-GB");
  ASSERT_EQ(book.meta.creators.size(), 1u);
  EXPECT_EQ(book.meta.creators[0].role, "aut");
  EXPECT_EQ(book.meta.date, "2024-03-07");
  EXPECT_EQ(book.meta.modified, "2024-03-07T00:00:00Z");
  EXPECT_EQ(book.meta.subjects, (std::vector<std::string>{"ferries", "rivers"}));
  ASSERT_EQ(book.chapters.size(), 1u);
  EXPECT_EQ(book.chapters[0].href, "article-001.xhtml");
  ASSERT_EQ(book.images.size(), 1u);  // the generated cover
  EXPECT_EQ(book.images[0].href, "images/cover.svg");
  EXPECT_TRUE(book.images[0].cover);
}

TEST(EpubExporter, ACollectionHasItsOwnMetadataAndEveryArticle) {
  ScopedEnv epoch("SOURCE_DATE_EPOCH", nullptr);
  Collection collection;
  collection.title = "Six Stories";
  collection.editor = "Rosalind Achebe";
  collection.lang = "en";
  const Document a = article("One", Date{2024, 3, 7});
  const Document b = article("Two", Date{2024, 5, 1});
  Diagnostics diagnostics;
  const Book book = assemble_book(collection, {&a, &b, &a}, true, diagnostics);
  EXPECT_EQ(book.meta.title, "Six Stories");
  EXPECT_EQ(book.meta.lang, "en");
  ASSERT_EQ(book.meta.creators.size(), 2u);
  EXPECT_EQ(book.meta.creators[0].name, "Rosalind Achebe");
  EXPECT_EQ(book.meta.creators[0].role, "edt");
  EXPECT_EQ(book.meta.date, "2024-05-01");  // the newest article
  EXPECT_EQ(book.meta.modified, "2024-05-01T00:00:00Z");
  EXPECT_EQ(book.meta.sources.size(), 2u);
  ASSERT_EQ(book.chapters.size(), 3u);  // the same article twice gets two files
  EXPECT_EQ(book.chapters[2].id, "article-003");
  EXPECT_NE(nav_xhtml(book).find("article-003.xhtml#sec-1"), std::string::npos);
}

TEST(EpubExporter, AnInvalidLanguageNeverReachesTheBook) {
  Collection collection;
  collection.lang = "C";
  Document document = article("One");
  document.meta.lang = "POSIX";
  Diagnostics diagnostics;
  const Book book = assemble_book(collection, {&document}, true, diagnostics);
  EXPECT_EQ(book.meta.lang, "en");
  EXPECT_EQ(diagnostics.count(Severity::warning), 2u);
  EXPECT_NE(package_opf(book).find("<dc:language>en</dc:language>"), std::string::npos);
}

TEST(EpubExporter, ModifiedComesFromSourceDateEpoch) {
  ScopedEnv epoch("SOURCE_DATE_EPOCH", "1700000000");
  Diagnostics diagnostics;
  const Book book = one(article("Ferry", Date{2024, 3, 7}), diagnostics);
  EXPECT_EQ(book.meta.modified, "2023-11-14T22:13:20Z");
  EXPECT_NE(package_opf(book).find("<meta property=\"dcterms:modified\">2023-11-14T22:13:20Z</meta>"),
            std::string::npos);
}

TEST(EpubExporter, IdentifierIsStableAndFollowsContent) {
  ScopedEnv epoch("SOURCE_DATE_EPOCH", nullptr);
  Diagnostics diagnostics;
  const std::string first = one(article("Ferry"), diagnostics).meta.identifier;
  EXPECT_EQ(first.rfind("urn:uuid:", 0), 0u);
  EXPECT_EQ(first, one(article("Ferry"), diagnostics).meta.identifier);
  Document changed = article("Ferry");
  changed.blocks.push_back(Para{{Text{"One more sentence."}}});
  EXPECT_NE(first, one(changed, diagnostics).meta.identifier);
  {
    ScopedEnv other_epoch("SOURCE_DATE_EPOCH", "86400");  // time is not content
    EXPECT_EQ(first, one(article("Ferry"), diagnostics).meta.identifier);
  }
}

TEST(EpubExporter, PackagesAreByteIdenticalInAnyTimeZone) {
  ScopedEnv epoch("SOURCE_DATE_EPOCH", nullptr);
  Diagnostics diagnostics;
  const Document document = article("Ferry", Date{2024, 3, 7});
  std::string bytes;
  {
    ScopedEnv tz("TZ", "Pacific/Kiritimati");
    bytes = package_book(one(document, diagnostics));
  }
  ScopedEnv tz("TZ", "America/St_Johns");
  EXPECT_EQ(bytes, package_book(one(document, diagnostics)));
  // The mimetype entry first, stored, no extra field: "PK\3\4" ... "mimetypeapplication/epub+zip".
  ASSERT_GT(bytes.size(), 58u);
  EXPECT_EQ(bytes.substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_EQ(bytes.substr(8, 2), std::string("\0\0", 2));   // compression method: stored
  EXPECT_EQ(bytes.substr(28, 2), std::string("\0\0", 2));  // extra field length
  EXPECT_EQ(bytes.substr(30, 28), "mimetypeapplication/epub+zip");
  // Entry time 2024-03-07 00:00 as DOS fields, not shifted by the zone.
  EXPECT_EQ(static_cast<unsigned char>(bytes[10]) | static_cast<unsigned char>(bytes[11]) << 8, 0);
  EXPECT_EQ(static_cast<unsigned char>(bytes[12]) | static_cast<unsigned char>(bytes[13]) << 8,
            (2024 - 1980) << 9 | 3 << 5 | 7);
}

TEST(EpubExporter, ExporterWritesToTheSink) {
  auto exporter = make_epub_exporter();
  EXPECT_EQ(exporter->name(), "epub");
  EXPECT_EQ(exporter->extension(), ".epub");
  StringSink sink;
  Diagnostics diagnostics;
  exporter->write_model(article("Ferry"), {}, sink, diagnostics);
  EXPECT_EQ(sink.str().substr(30, 28), "mimetypeapplication/epub+zip");
  StringSink collection_sink;
  exporter->write_collection(Collection{}, {article("A"), article("B")}, {}, collection_sink, diagnostics);
  EXPECT_GT(collection_sink.str().size(), sink.str().size());
}

TEST(EpubStylesheet, FollowsTheStyleSheet) {
  style::StyleSheet style;
  const std::string article_css = stylesheet(style);
  EXPECT_NE(article_css.find("\"Liberation Serif\""), std::string::npos);
  EXPECT_NE(article_css.find("text-align: justify"), std::string::npos);
  EXPECT_NE(article_css.find("line-height: 1.333"), std::string::npos);  // 14pt on 10.5pt
  EXPECT_NE(article_css.find("a { color: #1a4f8a; }"), std::string::npos);

  style.fonts.body = "DejaVu Serif";
  style.paragraph.align = style::Align::left;
  style.paragraph.hyphenate = false;
  style.colors.link = style::Color{style::Color::Space::cmyk, {1, 0, 0, 0}};
  const std::string changed = stylesheet(style);
  EXPECT_NE(changed.find("font-family: \"DejaVu Serif\""), std::string::npos);
  EXPECT_NE(changed.find("text-align: left"), std::string::npos);
  EXPECT_NE(changed.find("hyphens: manual"), std::string::npos);
  EXPECT_NE(changed.find("a { color: #00ffff; }"), std::string::npos);  // CMYK shown on screen
}

TEST(EpubStylesheet, TheBookCarriesItAndItsIdentifierFollowsIt) {
  Diagnostics diagnostics;
  const Document document = article("Ferry", Date{2024, 3, 7});
  style::StyleSheet other;
  other.paragraph.align = style::Align::left;
  const Book plain = assemble_book(Collection{}, {&document}, false, diagnostics);
  const Book styled = assemble_book(Collection{}, {&document}, false, diagnostics, other);
  EXPECT_EQ(plain.css, stylesheet(style::StyleSheet{}));
  EXPECT_EQ(styled.css, stylesheet(other));
  EXPECT_NE(plain.meta.identifier, styled.meta.identifier);
}

}  // namespace
}  // namespace galley::backends::epub
