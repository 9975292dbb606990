// The package document (content.opf), the navigation document (nav.xhtml), the EPUB 2 NCX
// and container.xml: everything a reading system reads before the first article.
#include <fmt/format.h>

#include <functional>
#include <tuple>

#include "backends/epub/book.hpp"
#include "backends/epub/text.hpp"
#include "backends/epub/xml.hpp"

namespace galley::backends::epub {
namespace {

Element* meta_property(Element* metadata, std::string_view property, std::string_view value) {
  Element* meta = add(metadata, "meta", value);
  set(meta, "property", property);
  return meta;
}

Element* item(Element* manifest, std::string_view id, std::string_view href, std::string_view media_type,
              std::string_view properties = {}) {
  Element* element = add(manifest, "item");
  set(element, "id", id);
  set(element, "href", href);
  set(element, "media-type", media_type);
  if (!properties.empty()) set(element, "properties", properties);
  return element;
}

void itemref(Element* spine, std::string_view idref) { set(add(spine, "itemref"), "idref", idref); }

std::string first_page(const Book& book) {
  return book.chapters.empty() ? paths::cover_page : book.chapters.front().href;
}

void accessibility(Element* metadata, const BookMeta& meta) {
  meta_property(metadata, "schema:accessMode", "textual");
  if (meta.has_images) meta_property(metadata, "schema:accessMode", "visual");
  meta_property(metadata, "schema:accessModeSufficient", "textual");
  for (auto feature : {"structuralNavigation", "tableOfContents", "readingOrder"}) {
    meta_property(metadata, "schema:accessibilityFeature", feature);
  }
  const bool alternative_text = meta.has_images && meta.all_images_described;
  if (alternative_text) meta_property(metadata, "schema:accessibilityFeature", "alternativeText");
  meta_property(metadata, "schema:accessibilityHazard", "none");
  std::string summary =
      "Reflowable text in reading order, with a table of contents and navigable headings; "
      "footnotes, where there are any, link back to the text.";
  if (alternative_text) summary += " Every image has a text alternative.";
  if (meta.has_images && !alternative_text) summary += " Some images have no text alternative.";
  meta_property(metadata, "schema:accessibilitySummary", summary);
}

// Nests an article's headings under `entry` by level: `list` gives the element new children
// of a parent go into, `item` makes one entry. Returns the depth reached below `entry`.
int nest_headings(Element* entry, const Chapter& chapter, const std::function<Element*(Element*)>& list,
                  const std::function<Element*(Element*, const TocHeading&)>& item) {
  std::vector<std::pair<int, Element*>> open;  // headings whose section is still open
  int depth = 0;
  for (const auto& heading : chapter.headings) {
    while (!open.empty() && open.back().first >= heading.level) open.pop_back();
    Element* parent = open.empty() ? entry : open.back().second;
    open.emplace_back(heading.level, item(list(parent), heading));
    depth = std::max(depth, static_cast<int>(open.size()));
  }
  return depth;
}

}  // namespace

std::string container_xml() {
  XmlDocument xml;
  Element* container = xml.root("container");
  set(container, "version", "1.0");
  set(container, "xmlns", "urn:oasis:names:tc:opendocument:xmlns:container");
  Element* rootfile = add(add(container, "rootfiles"), "rootfile");
  set(rootfile, "full-path", fmt::format("OEBPS/{}", paths::package));
  set(rootfile, "media-type", "application/oebps-package+xml");
  return xml.print_xml();
}

std::string package_opf(const Book& book) {
  const BookMeta& meta = book.meta;
  XmlDocument xml;
  Element* package = xml.root("package");
  set(package, "xmlns", "http://www.idpf.org/2007/opf");
  set(package, "version", "3.0");
  set(package, "unique-identifier", "book-id");
  set(package, "xml:lang", meta.lang);

  Element* metadata = add(package, "metadata");
  set(metadata, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  set(add(metadata, "dc:identifier", meta.identifier), "id", "book-id");
  add(metadata, "dc:title", meta.title);
  add(metadata, "dc:language", meta.lang);
  for (std::size_t i = 0; i < meta.creators.size(); ++i) {
    const std::string id = fmt::format("creator-{}", i + 1);
    set(add(metadata, "dc:creator", meta.creators[i].name), "id", id);
    Element* role = meta_property(metadata, "role", meta.creators[i].role);
    set(role, "refines", "#" + id);
    set(role, "scheme", "marc:relators");
  }
  if (meta.date) add(metadata, "dc:date", *meta.date);
  for (const auto& source : meta.sources) add(metadata, "dc:source", source);
  for (const auto& subject : meta.subjects) add(metadata, "dc:subject", subject);
  if (!meta.description.empty()) add(metadata, "dc:description", meta.description);
  meta_property(metadata, "dcterms:modified", meta.modified);
  accessibility(metadata, meta);
  Element* cover = add(metadata, "meta");  // EPUB 2 reading systems find the cover here
  set(cover, "name", "cover");
  set(cover, "content", "cover-image");

  Element* manifest = add(package, "manifest");
  item(manifest, "nav", paths::nav, "application/xhtml+xml", "nav");
  item(manifest, "ncx", paths::ncx, "application/x-dtbncx+xml");
  item(manifest, "css", paths::stylesheet, "text/css");
  item(manifest, "cover-page", paths::cover_page, "application/xhtml+xml");
  if (book.collection) item(manifest, "title-page", paths::title_page, "application/xhtml+xml");
  for (const auto& chapter : book.chapters) item(manifest, chapter.id, chapter.href, "application/xhtml+xml");
  for (const auto& image : book.images) {
    Element* element = item(manifest, image.id, image.href, image.media_type, image.cover ? "cover-image" : "");
    if (!image.fallback.empty()) set(element, "fallback", image.fallback);
  }

  Element* spine = add(package, "spine");
  set(spine, "toc", "ncx");
  itemref(spine, "cover-page");
  if (book.collection) itemref(spine, "title-page");
  // The contents page opens a collection; a one-article book keeps it out of the reading
  // order, but in the spine, since the landmarks link to it (RSC-011).
  Element* nav = add(spine, "itemref");
  set(nav, "idref", "nav");
  if (!book.collection) set(nav, "linear", "no");
  for (const auto& chapter : book.chapters) itemref(spine, chapter.id);

  const Labels& labels = labels_for(meta.lang);
  Element* guide = add(package, "guide");
  for (auto [type, title, href] : {std::tuple<const char*, std::string_view, std::string>{
                                       "cover", labels.cover, paths::cover_page},
                                   {"toc", labels.contents, paths::nav},
                                   {"text", labels.start, first_page(book)}}) {
    Element* reference = add(guide, "reference");
    set(reference, "type", type);
    set(reference, "title", title);
    set(reference, "href", href);
  }
  return xml.print_xml();
}

std::string nav_xhtml(const Book& book) {
  const Labels& labels = labels_for(book.meta.lang);
  XmlDocument xml;
  Element* body = xhtml_page(xml, book.meta.lang, labels.contents, paths::stylesheet);
  set(body, "epub:type", "frontmatter");
  Element* toc = add(body, "nav");
  set(toc, "epub:type", "toc");
  set(toc, "id", "toc");
  add(toc, "h1", labels.contents);
  Element* entries = add(toc, "ol");
  for (const auto& chapter : book.chapters) {
    Element* entry = add(entries, "li");
    set(add(entry, "a", chapter.title), "href", chapter.href);
    nest_headings(
        entry, chapter,
        [](Element* parent) {
          Element* last = parent->LastChildElement("ol");
          return last ? last : add(parent, "ol");
        },
        [&](Element* list, const TocHeading& heading) {
          Element* li = add(list, "li");
          set(add(li, "a", heading.text), "href", chapter.href + "#" + heading.id);
          return li;
        });
  }

  Element* landmarks = add(body, "nav");
  set(landmarks, "epub:type", "landmarks");
  set(landmarks, "hidden", "hidden");
  Element* list = add(landmarks, "ol");
  auto landmark = [&](const char* type, std::string_view text, const std::string& href) {
    Element* a = add(add(list, "li"), "a", text);
    set(a, "epub:type", type);
    set(a, "href", href);
  };
  landmark("cover", labels.cover, paths::cover_page);
  if (book.collection) landmark("titlepage", labels.title_page, paths::title_page);
  landmark("toc", labels.contents, std::string(paths::nav) + "#toc");
  if (!book.chapters.empty()) landmark("bodymatter", labels.start, book.chapters.front().href);
  return xml.print_xhtml();
}

std::string toc_ncx(const Book& book) {
  XmlDocument xml;
  Element* ncx = xml.root("ncx");
  set(ncx, "xmlns", "http://www.daisy.org/z3986/2005/ncx/");
  set(ncx, "version", "2005-1");
  set(ncx, "xml:lang", book.meta.lang);
  Element* head = add(ncx, "head");
  Element* doc_title = add(ncx, "docTitle");
  add(doc_title, "text", book.meta.title);
  Element* nav_map = add(ncx, "navMap");

  int play_order = 0;
  auto nav_point = [&](Element* parent, const std::string& label, const std::string& src) {
    Element* point = add(parent, "navPoint");
    ++play_order;
    set(point, "id", fmt::format("nav-{}", play_order));
    point->SetAttribute("playOrder", play_order);
    add(add(point, "navLabel"), "text", label);
    set(add(point, "content"), "src", src);
    return point;
  };
  int depth = 1;
  for (const auto& chapter : book.chapters) {
    Element* point = nav_point(nav_map, chapter.title, chapter.href);
    const int below = nest_headings(
        point, chapter, [](Element* parent) { return parent; },
        [&](Element* parent, const TocHeading& heading) {
          return nav_point(parent, heading.text, chapter.href + "#" + heading.id);
        });
    depth = std::max(depth, 1 + below);
  }

  for (auto [name, content] : {std::pair<const char*, std::string>{"dtb:uid", book.meta.identifier},
                               {"dtb:depth", std::to_string(depth)},
                               {"dtb:totalPageCount", "0"},
                               {"dtb:maxPageNumber", "0"}}) {
    Element* meta = add(head, "meta");
    set(meta, "name", name);
    set(meta, "content", content);
  }
  return xml.print_xml();
}

}  // namespace galley::backends::epub
