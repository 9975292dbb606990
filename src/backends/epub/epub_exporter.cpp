// Articles -> Book (metadata, XHTML, images, cover) -> zip bytes. Nothing here reads the
// clock or depends on the locale: the same input gives the same bytes.
#include "backends/epub/epub_exporter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "backends/epub/text.hpp"
#include "backends/epub/zip_archive.hpp"

namespace galley::backends {
namespace epub {
namespace {

std::string book_language(const model::Collection& collection,
                          const std::vector<const model::Document*>& articles, Diagnostics& diagnostics) {
  if (!collection.lang.empty()) {
    if (auto tag = language_tag(collection.lang)) return *tag;
    diagnostics.warn("", 0,
                     fmt::format("the book's language '{}' is not a BCP 47 tag; taking the articles' "
                                 "language instead",
                                 collection.lang));
  }
  for (const auto* article : articles) {
    if (auto tag = language_tag(article->meta.lang)) return *tag;
  }
  return "en";
}

std::string article_language(const model::Document& article, const std::string& book_lang,
                             Diagnostics& diagnostics) {
  if (auto tag = language_tag(article.meta.lang)) return *tag;
  if (!article.meta.lang.empty()) {
    diagnostics.warn(article.origin, 0,
                     fmt::format("language '{}' is not a BCP 47 tag; using '{}'", article.meta.lang, book_lang));
  }
  return book_lang;
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

// Creators, date, sources, subjects and the modification time, from the collection and every
// article. Returns the article authors in order of first appearance.
std::vector<std::string> gather_metadata(Book& book, const model::Collection& collection,
                                         const std::vector<const model::Document*>& articles,
                                         Diagnostics& diagnostics) {
  BookMeta& meta = book.meta;
  if (!collection.editor.empty()) meta.creators.push_back({collection.editor, "edt"});
  std::vector<std::string> authors;
  const model::Document* newest = nullptr;
  for (const auto* article : articles) {
    for (const auto& author : article->meta.authors) add_unique(authors, author);
    if (article->meta.source) add_unique(meta.sources, *article->meta.source);
    for (const auto& tag : article->meta.tags) add_unique(meta.subjects, tag);
    const auto& date = article->meta.date;
    if (date && date->valid() && (!newest || *date > *newest->meta.date)) newest = article;
  }
  for (const auto& author : authors) {
    if (author != collection.editor) meta.creators.push_back({author, "aut"});
  }
  if (newest) {
    meta.date = newest->meta.date->iso();
    // A date as written belongs to its article's language; a collection shows the ISO form.
    const bool single = articles.size() == 1 && !newest->meta.date_text.empty();
    meta.date_text = single ? newest->meta.date_text : *meta.date;
  }
  if (articles.size() == 1) meta.description = articles.front()->meta.summary;
  book.modified = modified_time(std::getenv("SOURCE_DATE_EPOCH"),
                                newest ? newest->meta.date : std::optional<model::Date>(), diagnostics);
  meta.modified = iso_timestamp(book.modified);
  return authors;
}

// Writes each article, copying the images it refers to; notes whether every image that made
// it into the book has a text alternative.
void write_chapters(Book& book, ImageStore& images, const std::vector<const model::Document*>& articles,
                    Diagnostics& diagnostics) {
  bool described = true;
  const int width = std::max(3, static_cast<int>(std::to_string(articles.size()).size()));
  for (std::size_t i = 0; i < articles.size(); ++i) {
    const model::Document& article = *articles[i];
    ArticleOptions options;
    options.lang = article_language(article, book.meta.lang, diagnostics);
    options.stylesheet_href = paths::stylesheet;
    for (const auto& ref : model::pictures(article)) {
      if (!options.images.count(ref.source)) {
        auto href = images.add_article_image(article, ref, diagnostics);
        if (!href) continue;  // refused: the article shows its alt text instead
        options.images.emplace(ref.source, *href);
      }
      if (ref.alt.find_first_not_of(" \t\n") == std::string::npos) described = false;
    }
    ArticleXhtml xhtml = write_article(article, options);
    Chapter chapter;
    chapter.id = fmt::format("article-{:0{}}", i + 1, width);
    chapter.href = chapter.id + ".xhtml";
    chapter.title = std::move(xhtml.title);
    chapter.headings = std::move(xhtml.headings);
    chapter.xhtml = std::move(xhtml.xhtml);
    book.chapters.push_back(std::move(chapter));
  }
  book.meta.all_images_described = described;
}

std::string derive_identifier(const Book& book) {
  ContentUuid uuid;
  uuid.add(book.meta.title);
  uuid.add(book.meta.lang);
  for (const auto& creator : book.meta.creators) uuid.add(creator.role + ":" + creator.name);
  for (const auto& chapter : book.chapters) uuid.add(chapter.xhtml);
  uuid.add(book.css);
  for (const auto& image : book.images) {
    uuid.add(image.href);
    uuid.add(image.bytes);
  }
  return uuid.urn();
}

bool compressed_already(std::string_view media_type) {
  return media_type == "image/png" || media_type == "image/jpeg" || media_type == "image/gif" ||
         media_type == "image/webp";
}

class EpubExporter final : public Exporter {
 public:
  std::string_view name() const override { return "epub"; }
  std::string_view description() const override {
    return "EPUB 3 book of one article or a collection (readable by EPUB 2 readers too)";
  }
  std::string_view extension() const override { return ".epub"; }
  Target target() const override { return Target::model; }

  void write_model(const model::Document& document, const ExportOptions& options, ByteSink& sink,
                   Diagnostics& diagnostics) const override {
    const Book book = assemble_book(model::Collection{}, {&document}, false, diagnostics, options.style);
    sink.write(package_book(book));
  }

  void write_collection(const model::Collection& collection, const std::vector<model::Document>& articles,
                        const ExportOptions& options, ByteSink& sink, Diagnostics& diagnostics) const override {
    std::vector<const model::Document*> pointers;
    for (const auto& article : articles) pointers.push_back(&article);
    const Book book = assemble_book(collection, pointers, true, diagnostics, options.style);
    sink.write(package_book(book));
  }
};

}  // namespace

Book assemble_book(const model::Collection& collection, const std::vector<const model::Document*>& articles,
                   bool is_collection, Diagnostics& diagnostics, const style::StyleSheet& style) {
  if (articles.empty()) throw Error(ErrorKind::usage, "", 0, "a book needs at least one article");
  Book book;
  book.collection = is_collection;
  book.css = stylesheet(style);
  book.editor = collection.editor;
  book.meta.lang = book_language(collection, articles, diagnostics);
  const std::vector<std::string> authors = gather_metadata(book, collection, articles, diagnostics);

  ImageStore images;
  std::optional<std::string> cover;
  if (collection.cover) cover = images.add_cover(*collection.cover, diagnostics);
  write_chapters(book, images, articles, diagnostics);
  book.meta.title = !collection.title.empty() ? collection.title : book.chapters.front().title;
  if (!cover) {
    const std::string people =
        !collection.editor.empty() ? collection.editor : join_names(authors, labels_for(book.meta.lang));
    cover = images.add_generated_cover(cover_svg(book.meta.title, people, book.meta.date_text, book.meta.lang),
                                       "image/svg+xml");
  }
  book.cover_image_href = *cover;
  book.images = images.take_files();
  book.meta.has_images = !book.images.empty();
  book.meta.identifier = derive_identifier(book);
  return book;
}

std::string package_book(const Book& book) {
  ZipArchive zip(book.modified);
  // First, stored, no extra field: how reading systems recognise an EPUB (OCF 3.3, 4.3).
  zip.add("mimetype", "application/epub+zip", ZipArchive::Method::store);
  zip.add("META-INF/container.xml", container_xml(), ZipArchive::Method::deflate);
  auto add = [&](const std::string& href, std::string bytes) {
    zip.add("OEBPS/" + href, std::move(bytes), ZipArchive::Method::deflate);
  };
  add(paths::package, package_opf(book));
  add(paths::nav, nav_xhtml(book));
  add(paths::ncx, toc_ncx(book));
  add(paths::stylesheet, book.css);
  add(paths::cover_page, cover_xhtml(book.meta, book.cover_image_href));
  if (book.collection) add(paths::title_page, title_page_xhtml(book.meta, book.editor));
  for (const auto& chapter : book.chapters) add(chapter.href, chapter.xhtml);
  for (const auto& image : book.images) {
    zip.add("OEBPS/" + image.href, image.bytes,
            compressed_already(image.media_type) ? ZipArchive::Method::store : ZipArchive::Method::deflate);
  }
  return zip.finish();
}

}  // namespace epub

std::unique_ptr<Exporter> make_epub_exporter() { return std::make_unique<epub::EpubExporter>(); }

}  // namespace galley::backends
