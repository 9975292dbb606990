// tinyxml2 behind a few functions: cleaned text in, compact XHTML or indented XML out.
#include "backends/epub/xml.hpp"

#include <fmt/format.h>

#include <array>

#include "backends/epub/text.hpp"
#include "galley/diagnostics.hpp"

namespace galley::backends::epub {
namespace {

constexpr std::string_view xml_declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

// Elements after whose end tag a line break cannot change what a reader shows: they are
// block-level, or live in the head. Inline elements never get one.
bool breaks_line_after(std::string_view name) {
  static constexpr std::array<std::string_view, 38> names = {
      "html", "head", "title", "link", "meta", "body", "section", "article", "header", "nav",
      "aside", "figure", "figcaption", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ol", "ul", "li",
      "blockquote", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td", "div", "navPoint",
      "navMap", "footer", "dl", "caption"};
  for (auto block : names) {
    if (block == name) return true;
  }
  return false;
}

// Compact printing with line breaks between blocks, so the XHTML stays readable in a diff
// without the spaces tinyxml2's pretty printing puts between inline elements.
class XhtmlPrinter final : public tinyxml2::XMLPrinter {
 public:
  XhtmlPrinter() : tinyxml2::XMLPrinter(nullptr, true) {}
  bool VisitExit(const tinyxml2::XMLElement& element) override {
    const bool result = tinyxml2::XMLPrinter::VisitExit(element);
    if (breaks_line_after(element.Name())) Putc('\n');
    return result;
  }
};

}  // namespace

Element* XmlDocument::root(const char* name) {
  Element* element = document_.NewElement(name);
  document_.InsertEndChild(element);
  return element;
}

void XmlDocument::check(std::string_view what) const {
  if (document_.Error()) {
    throw Error(ErrorKind::internal, "", 0,
                fmt::format("tinyxml2 failed while writing {}: {}", what, document_.ErrorStr()));
  }
}

std::string XmlDocument::print_xhtml() const {
  check("XHTML");
  XhtmlPrinter printer;
  document_.Print(&printer);
  std::string out(xml_declaration);
  out += "<!DOCTYPE html>\n";
  out.append(printer.CStr(), static_cast<std::size_t>(printer.CStrSize() - 1));
  return out;
}

std::string XmlDocument::print_xml() const {
  check("XML");
  tinyxml2::XMLPrinter printer(nullptr, false);
  document_.Print(&printer);
  std::string out(xml_declaration);
  out.append(printer.CStr(), static_cast<std::size_t>(printer.CStrSize() - 1));
  return out;
}

Element* add(Element* parent, const char* name) { return parent->InsertNewChildElement(name); }

Element* add(Element* parent, const char* name, std::string_view text) {
  Element* element = add(parent, name);
  add_text(element, text);
  return element;
}

void add_text(Element* parent, std::string_view text) {
  const std::string cleaned = xml_clean(text);
  if (!cleaned.empty()) parent->InsertNewText(cleaned.c_str());
}

void set(Element* element, const char* name, std::string_view value) {
  element->SetAttribute(name, xml_clean_attribute(value).c_str());
}

Element* xhtml_page(XmlDocument& document, std::string_view lang, std::string_view title,
                    std::string_view stylesheet_href) {
  Element* html = document.root("html");
  set(html, "xmlns", "http://www.w3.org/1999/xhtml");
  set(html, "xmlns:epub", "http://www.idpf.org/2007/ops");
  set(html, "lang", lang);
  set(html, "xml:lang", lang);
  if (right_to_left(lang)) set(html, "dir", "rtl");
  Element* head = add(html, "head");
  Element* charset = add(head, "meta");
  set(charset, "charset", "utf-8");
  add(head, "title", title);
  Element* link = add(head, "link");
  set(link, "rel", "stylesheet");
  set(link, "type", "text/css");
  set(link, "href", stylesheet_href);
  return add(html, "body");
}

}  // namespace galley::backends::epub
