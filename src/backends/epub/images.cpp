// Image confinement, sniffing and naming for EPUB books. An article may only pull in files
// from its own folder: a scraped article is untrusted input, and `![](../../.ssh/id_rsa)`
// must not end up inside a book someone then shares.
#include "backends/epub/images.hpp"

#include <fmt/format.h>
#include <tinyxml2.h>


#include "backends/epub/identifier.hpp"
#include "backends/epub/text.hpp"
#include "image/image.hpp"

namespace galley::backends::epub {
namespace fs = std::filesystem;
namespace {

std::string_view extension_for(std::string_view media_type) {
  if (media_type == "image/png") return "png";
  if (media_type == "image/jpeg") return "jpg";
  if (media_type == "image/gif") return "gif";
  if (media_type == "image/webp") return "webp";
  return "svg";
}

// True when CSS text pulls in something outside the SVG: url(...) other than url(#id), or @import.
bool external_url(std::string_view text) {
  if (text.find("@import") != std::string_view::npos) return true;
  for (std::size_t at = text.find("url("); at != std::string_view::npos; at = text.find("url(", at + 4)) {
    std::string_view rest = text.substr(at + 4);
    rest.remove_prefix(std::min(rest.find_first_not_of(" '\""), rest.size()));
    if (!rest.starts_with("#")) return true;
  }
  return false;
}

// What an EPUB 3.2 reading system shows in place of a WebP image: a plain framed box.
constexpr std::string_view webp_fallback_svg =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"400\" height=\"300\" "
    "viewBox=\"0 0 400 300\"><title>Image in WebP format</title>"
    "<rect x=\"1\" y=\"1\" width=\"398\" height=\"298\" fill=\"#eeeeee\" stroke=\"#999999\"/>"
    "<text x=\"200\" y=\"155\" font-family=\"sans-serif\" font-size=\"18\" text-anchor=\"middle\" "
    "fill=\"#555555\">WebP image</text></svg>\n";

// Finds what makes an SVG unsafe or unusable inside a book; empty when nothing does.
std::string svg_problem(const tinyxml2::XMLElement* element) {
  std::string_view name = element->Name();
  if (const auto colon = name.find(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
  if (name == "script" || name == "foreignObject") return fmt::format("it contains <{}>", name);
  for (const auto* a = element->FirstAttribute(); a; a = a->Next()) {
    std::string_view attribute = a->Name();
    if (attribute.size() > 2 && (attribute[0] == 'o' || attribute[0] == 'O') &&
        (attribute[1] == 'n' || attribute[1] == 'N')) {
      return fmt::format("it has an event handler ({})", attribute);
    }
    const bool is_href = attribute == "href" || attribute.ends_with(":href");
    if ((is_href && !std::string_view(a->Value()).starts_with("#")) || external_url(a->Value())) {
      return "it refers to another file or URL";
    }
  }
  if (name == "style" && element->GetText() && external_url(element->GetText())) {
    return "its style sheet refers to another file or URL";
  }
  for (const auto* child = element->FirstChildElement(); child; child = child->NextSiblingElement()) {
    if (auto problem = svg_problem(child); !problem.empty()) return problem;
  }
  return {};
}

}  // namespace

std::string checked_svg(std::string_view bytes, std::string& problem) {
  tinyxml2::XMLDocument svg;
  if (svg.Parse(bytes.data(), bytes.size()) != tinyxml2::XML_SUCCESS) {
    problem = fmt::format("it is not well-formed XML ({})", svg.ErrorStr());
    return {};
  }
  const tinyxml2::XMLElement* root = svg.RootElement();
  if (!root || std::string_view(root->Name()) != "svg") {
    problem = "its root element is not <svg>";
    return {};
  }
  problem = svg_problem(root);
  if (!problem.empty()) return {};
  // Printed again from the tree: no DOCTYPE (whose external subset readers would fetch),
  // no processing instructions other than the declaration.
  tinyxml2::XMLPrinter printer(nullptr, true);
  root->Accept(&printer);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
         std::string(printer.CStr(), static_cast<std::size_t>(printer.CStrSize() - 1)) + "\n";
}

std::optional<fs::path> ImageStore::locate(const model::Document& document, const std::string& source,
                                           std::string* problem) {
  const image::Located located = image::locate(image::image_folders(document), source);
  if (!located.problem.empty()) {
    if (problem) *problem = fmt::format("{}: {}", located.problem, source);
    return std::nullopt;
  }
  return located.path;
}

std::optional<std::string> ImageStore::add_article_image(const model::Document& document,
                                                         const model::PictureRef& image, Diagnostics& diagnostics,
                                                         const CheckedImages* checked) {
  std::string problem;
  const auto path = locate(document, image.source, &problem);
  if (!path) {
    diagnostics.warn(document.origin, image.line, problem);
    return std::nullopt;
  }
  return add_file(*path, document.origin, image.line, image.source, false, diagnostics, checked);
}

std::optional<std::string> ImageStore::add_cover(const std::string& path, Diagnostics& diagnostics) {
  std::error_code error;
  const fs::path real = fs::canonical(path, error);
  if (error || !fs::is_regular_file(real, error)) {
    diagnostics.warn(path, 0, "cover image not found or not a regular file; a cover is generated instead");
    return std::nullopt;
  }
  return add_file(real, path, 0, path, true, diagnostics);
}

std::string ImageStore::add_generated_cover(std::string bytes, std::string_view media_type) {
  std::string href = unique_href("cover", media_type);
  push(href, media_type, std::move(bytes), true);
  return href;
}

CheckedImage ImageStore::check(const fs::path& path, std::string_view source) {
  // The same checks as the PDF path (src/image): read through one descriptor under a size
  // limit, recognised by the bytes, and a raster image verified (decode's verdict, without
  // keeping its pixels), so a damaged picture never ends up in a book that readers then fail
  // to show.
  CheckedImage checked;
  try {
    checked.bytes = image::read_file(path, source);
    const image::Kind kind = image::sniff(checked.bytes);
    checked.media_type = image::media_type(kind);
    if (kind != image::Kind::unknown && kind != image::Kind::svg) (void)image::verify(checked.bytes, source);
  } catch (const Error& error) {
    checked.problem = fmt::format("{}: {}", error.diagnostic().message, source);
    return checked;
  }
  if (checked.media_type.empty()) {
    checked.problem = fmt::format("image refused: not PNG, JPEG, GIF, WebP or SVG data: {}", source);
  } else if (checked.media_type == "image/svg+xml") {
    std::string problem;
    checked.bytes = checked_svg(checked.bytes, problem);
    if (!problem.empty()) checked.problem = fmt::format("SVG image refused: {}: {}", problem, source);
  }
  // Hashed here, where images are checked on every thread, not when the book is put together.
  if (checked.problem.empty()) checked.digest = ContentUuid::digest(checked.bytes);
  return checked;
}

std::optional<std::string> ImageStore::add_file(const fs::path& path, const std::string& report_file, int line,
                                                std::string_view source, bool cover,
                                                Diagnostics& diagnostics, const CheckedImages* checked) {
  if (auto known = by_path_.find(path.string()); known != by_path_.end() && !cover) return known->second;
  CheckedImage image;
  if (auto ahead = checked ? checked->find(path.string()) : CheckedImages::const_iterator{};
      checked && ahead != checked->end()) {
    image = ahead->second;
  } else {
    image = check(path, source);
  }
  if (!image.problem.empty()) {
    diagnostics.warn(report_file, line, image.problem);
    return std::nullopt;
  }
  const std::string media_type = image.media_type;
  const std::string href = unique_href(cover ? "cover" : path.stem().string(), media_type);
  if (!cover) by_path_.emplace(path.string(), href);
  push(href, media_type, std::move(image.bytes), cover, std::move(image.digest));
  if (media_type == "image/webp") {
    // WebP is a core media type since EPUB 3.3 only; EPUB 3.2 reading systems (and
    // epubcheck 4.2, MED-003) need a manifest fallback in a type they know.
    const std::string fallback_href = unique_href(path.stem().string() + "-fallback", "image/svg+xml");
    const std::string fallback_id = push(fallback_href, "image/svg+xml", std::string(webp_fallback_svg), false).id;
    files_[files_.size() - 2].fallback = fallback_id;
  }
  return href;
}

ImageFile& ImageStore::push(std::string href, std::string_view media_type, std::string bytes, bool cover,
                            std::string digest) {
  ImageFile& file = files_.emplace_back();
  file.digest = std::move(digest);
  file.href = std::move(href);
  file.media_type = media_type;
  file.bytes = std::move(bytes);
  file.cover = cover;
  file.id = cover ? "cover-image" : fmt::format("image-{:03}", ++next_id_);
  return file;
}

std::string ImageStore::unique_href(std::string_view stem, std::string_view media_type) {
  const std::string slug = ascii_slug(stem);
  const std::string_view extension = extension_for(media_type);
  std::string href = fmt::format("images/{}.{}", slug, extension);
  for (int n = 2; names_.count(href); ++n) href = fmt::format("images/{}-{}.{}", slug, n, extension);
  names_.insert(href);
  return href;
}

}  // namespace galley::backends::epub
