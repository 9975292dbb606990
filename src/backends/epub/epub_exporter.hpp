// The "epub" exporter: one article, or a collection of articles, as an EPUB 3 book that
// EPUB 2 reading systems can also open. The only user of libzip and tinyxml2.
#pragma once

#include <memory>
#include <vector>

#include "backends/epub/book.hpp"
#include "galley/export.hpp"

namespace galley::backends {

std::unique_ptr<Exporter> make_epub_exporter();

namespace epub {

/// Everything of a book but the zip: metadata, articles as compressed XHTML, images read and
/// checked, all in the book's spool. `is_collection` adds a title page and a contents page.
/// Articles are read, written and dropped as they go, at most 16 a thread at once, on
/// `threads` threads (0: one per core); articles the stream cannot read are left out.
/// SOURCE_DATE_EPOCH is read here. (assemble.cpp)
Book assemble_book(const model::Collection& collection, const ArticleStream& articles, bool is_collection,
                   Diagnostics& diagnostics, const style::StyleSheet& style, unsigned threads);
/// The same for articles in memory, on one thread.
Book assemble_book(const model::Collection& collection, const std::vector<const model::Document*>& articles,
                   bool is_collection, Diagnostics& diagnostics, const style::StyleSheet& style = {});

/// The book as an .epub file (mimetype first and stored, fixed entry times) into `sink`.
void package_book(const Book& book, ByteSink& sink);
std::string package_book(const Book& book);

}  // namespace epub
}  // namespace galley::backends
