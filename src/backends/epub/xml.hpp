// A thin layer over tinyxml2 for the EPUB writer: every string is cleaned for XML on its way
// in, and XHTML is printed compact (pretty printing would put spaces between inline
// elements). The only header that includes tinyxml2; it stays inside src/backends/epub.
#pragma once

#include <tinyxml2.h>

#include <string>
#include <string_view>

namespace galley::backends::epub {

using Element = tinyxml2::XMLElement;

class XmlDocument {
 public:
  XmlDocument() = default;
  XmlDocument(const XmlDocument&) = delete;
  XmlDocument& operator=(const XmlDocument&) = delete;

  /// Creates the root element; call once.
  Element* root(const char* name);

  /// XHTML: the XML declaration, `<!DOCTYPE html>`, then the tree compact, with a line
  /// break only after block-level elements, where whitespace has no meaning.
  std::string print_xhtml() const;
  /// Other XML (package document, NCX, container): the declaration, then the tree indented.
  std::string print_xml() const;

 private:
  void check(std::string_view what) const;
  tinyxml2::XMLDocument document_;
};

/// Appends a child element.
Element* add(Element* parent, const char* name);
/// Appends a child element holding `text`.
Element* add(Element* parent, const char* name, std::string_view text);
/// Appends text (cleaned of characters XML forbids).
void add_text(Element* parent, std::string_view text);
/// Sets an attribute (cleaned; tabs and line breaks become spaces).
void set(Element* element, const char* name, std::string_view value);

/// An XHTML page: `<html>` with the namespaces, `lang`/`xml:lang` (and `dir` for scripts
/// written right to left), a `<head>` with the title and the stylesheet; returns `<body>`.
Element* xhtml_page(XmlDocument& document, std::string_view lang, std::string_view title,
                    std::string_view stylesheet_href);

}  // namespace galley::backends::epub
