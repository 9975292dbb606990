// One article as an XHTML5 content document: title block, lead figure, body, related asides,
// pop-up footnotes and source line. No I/O: images arrive already resolved to their place in
// the book.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "galley/model/document.hpp"

namespace galley::backends::epub {

/// A heading of an article, for the table of contents.
struct TocHeading {
  int level = 2;     ///< the XHTML level it was written at (2..6; 1 is the headline)
  std::string id;    ///< its id in the article's XHTML
  std::string text;  ///< plain text, never empty
  bool operator==(const TocHeading&) const = default;
};

/// Where the article's images went: the source as written in the model -> href relative to
/// the XHTML file. A source missing from the map was refused; its alt text is shown instead.
using ImageHrefs = std::map<std::string, std::string>;

struct ArticleOptions {
  std::string lang = "en";                        ///< a valid BCP 47 tag
  std::string stylesheet_href = "css/galley.css";  ///< relative to the XHTML file
  ImageHrefs images;
};

struct ArticleXhtml {
  std::string xhtml;                  ///< the whole content document
  std::string title;                  ///< the headline, or the "Untitled" label
  std::vector<TocHeading> headings;   ///< body headings in order
};

/// Writes one article. Body headings are shifted so that the shallowest becomes h2 (the
/// headline is the only h1); footnotes are numbered as in the model, per article.
ArticleXhtml write_article(const model::Document& document, const ArticleOptions& options);

}  // namespace galley::backends::epub
