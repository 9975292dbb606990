// The parts of an EPUB package once the articles are written: what the package document,
// the navigation documents, the cover and the title page are generated from.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "backends/epub/identifier.hpp"
#include "backends/epub/images.hpp"
#include "backends/epub/spill_file.hpp"
#include "backends/epub/xhtml.hpp"
#include "galley/style.hpp"

namespace galley::backends::epub {

/// One article as a content document of the book.
struct Chapter {
  std::string id;    ///< manifest id, e.g. "article-001"
  std::string href;  ///< relative to OEBPS/, e.g. "article-001.xhtml"
  std::string title;
  std::vector<TocHeading> headings;
  Spooled xhtml;       ///< the content document, compressed, in Book::spool
  std::string digest;  ///< ContentUuid::digest of the content document
};

/// A dc:creator with its MARC relator role ("edt" editor, "aut" author).
struct Creator {
  std::string name;
  std::string role;
};

struct BookMeta {
  std::string identifier;                 ///< "urn:uuid:...", derived from the content
  std::string title;
  std::string lang = "en";                ///< valid BCP 47
  std::vector<Creator> creators;          ///< editor first, then authors, no repeats
  std::optional<std::string> date;        ///< dc:date, "YYYY-MM-DD"
  std::string date_text;                  ///< the same date as written, for the cover
  std::vector<std::string> sources;       ///< dc:source, one per article that has one
  std::vector<std::string> subjects;      ///< dc:subject from tags, no repeats
  std::string description;                ///< dc:description, from a single article's summary
  std::string modified;                   ///< dcterms:modified, "CCYY-MM-DDThh:mm:ssZ"
  bool has_images = false;                ///< any image (cover included): accessMode visual
  bool all_images_described = false;      ///< every image has alt text: alternativeText
};

struct Book {
  BookMeta meta;
  UnixSeconds modified = 0;      ///< the moment `meta.modified` names; also every zip entry's time
  bool collection = false;       ///< a collection gets a title page and a contents page
  std::string editor;            ///< shown on the title page
  std::string cover_image_href;  ///< relative to OEBPS/, from the images below
  std::vector<Chapter> chapters;
  std::vector<ImageFile> images;  ///< the cover image among them; their bytes in `spool`
  std::string css;                ///< the stylesheet, from the style sheet given
  /// Chapter and image bytes, set aside as the articles were written.
  std::unique_ptr<SpillFile> spool = std::make_unique<SpillFile>();
};

/// The file names inside OEBPS/ that do not depend on the content.
namespace paths {
inline constexpr const char* package = "content.opf";
inline constexpr const char* nav = "nav.xhtml";
inline constexpr const char* ncx = "toc.ncx";
inline constexpr const char* stylesheet = "css/galley.css";
inline constexpr const char* cover_page = "cover.xhtml";
inline constexpr const char* title_page = "title.xhtml";
}  // namespace paths

/// META-INF/container.xml, pointing at OEBPS/content.opf.
std::string container_xml();
/// OEBPS/content.opf: metadata (incl. accessibility), manifest, spine, EPUB 2 guide.
std::string package_opf(const Book& book);
/// OEBPS/nav.xhtml: the table of contents (articles, their headings nested) and landmarks.
std::string nav_xhtml(const Book& book);
/// OEBPS/toc.ncx, the table of contents for EPUB 2 reading systems.
std::string toc_ncx(const Book& book);

/// A typographic cover, 600x900: title, the people behind the book and its date.
std::string cover_svg(const std::string& title, const std::string& people, const std::string& date,
                      const std::string& lang);
/// The cover page: the cover image, full page, with the title as alternative text.
std::string cover_xhtml(const BookMeta& meta, const std::string& image_href);
/// A collection's title page: title, editor, date.
std::string title_page_xhtml(const BookMeta& meta, const std::string& editor);

/// The book's CSS: typography from `style`, then the fixed rules for figures, tables, asides,
/// notes and the cover.
std::string stylesheet(const style::StyleSheet& style);

}  // namespace galley::backends::epub
