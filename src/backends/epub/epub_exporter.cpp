// The "epub" exporter, and a Book (assemble.cpp) packaged as zip bytes. Nothing here reads
// the clock or depends on the locale: the same input gives the same bytes.
#include "backends/epub/epub_exporter.hpp"

#include <fmt/format.h>

#include "backends/epub/zip_archive.hpp"

namespace galley::backends {
namespace epub {
namespace {

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
    package_book(assemble_book(model::Collection{}, {&document}, false, diagnostics, options.style), sink);
  }

  void write_collection(const model::Collection& collection, const std::vector<model::Document>& articles,
                        const ExportOptions& options, ByteSink& sink, Diagnostics& diagnostics) const override {
    std::vector<const model::Document*> pointers;
    for (const auto& article : articles) pointers.push_back(&article);
    package_book(assemble_book(collection, pointers, true, diagnostics, options.style), sink);
  }

  void write_stream(const model::Collection& collection, const ArticleStream& articles,
                    const ExportOptions& options, ByteSink& sink, Diagnostics& diagnostics) const override {
    package_book(assemble_book(collection, articles, true, diagnostics, options.style, options.threads), sink);
  }
};

}  // namespace

void package_book(const Book& book, ByteSink& sink) {
  SpillFile generated;  // the package document, nav and NCX grow with the book: set aside too
  ZipArchive zip(book.modified);
  // First, stored, no extra field: how reading systems recognise an EPUB (OCF 3.3, 4.3).
  zip.add("mimetype", "application/epub+zip", ZipArchive::Method::store);
  zip.add("META-INF/container.xml", container_xml(), ZipArchive::Method::deflate);
  auto add = [&](const std::string& href, const std::string& bytes) {
    zip.add("OEBPS/" + href, generated, spool_entry(generated, deflate(bytes)));
  };
  add(paths::package, package_opf(book));
  add(paths::nav, nav_xhtml(book));
  add(paths::ncx, toc_ncx(book));
  add(paths::stylesheet, book.css);
  add(paths::cover_page, cover_xhtml(book.meta, book.cover_image_href));
  if (book.collection) add(paths::title_page, title_page_xhtml(book.meta, book.editor));
  for (const auto& chapter : book.chapters) zip.add("OEBPS/" + chapter.href, *book.spool, chapter.xhtml);
  for (const auto& image : book.images) {
    if (image.bytes.empty()) {
      zip.add("OEBPS/" + image.href, *book.spool, image.content);
    } else {
      zip.add("OEBPS/" + image.href, image.bytes,
              compressed_already(image.media_type) ? ZipArchive::Method::store : ZipArchive::Method::deflate);
    }
  }
  zip.finish(sink);
}

std::string package_book(const Book& book) {
  StringSink sink;
  package_book(book, sink);
  return sink.take();
}

}  // namespace epub

std::unique_ptr<Exporter> make_epub_exporter() { return std::make_unique<epub::EpubExporter>(); }

}  // namespace galley::backends
