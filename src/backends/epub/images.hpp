// The images a book carries: found only inside an article's own folder and checked by
// src/image (the same checks as for the PDF), then copied into OEBPS/images/ under unique
// ASCII names.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "backends/epub/spill_file.hpp"
#include "galley/diagnostics.hpp"
#include "galley/model/document.hpp"
#include "model/pictures.hpp"

namespace galley::backends::epub {

/// One image inside the book.
struct ImageFile {
  std::string href;        ///< relative to OEBPS/, e.g. "images/ferry.png"
  std::string media_type;  ///< as sniffed
  std::string bytes;       ///< until it is set aside in a spool (then empty)
  Spooled content;         ///< where it was set aside
  std::string digest;      ///< ContentUuid::digest of its bytes
  bool cover = false;      ///< the cover image (manifest property cover-image)
  std::string id;          ///< manifest id: "cover-image", "image-001", ...
  std::string fallback;    ///< manifest id of the image shown where this type is unknown
};

/// An image file read and checked, ahead of naming it in a book.
struct CheckedImage {
  std::string bytes;
  std::string media_type;  ///< as sniffed
  std::string problem;     ///< the warning when it is refused; empty when it is fine
  std::string digest;      ///< ContentUuid::digest of the bytes, made where it was checked
};
/// Images checked ahead, by the path `ImageStore::locate` gives.
using CheckedImages = std::map<std::string, CheckedImage>;

class ImageStore {
 public:
  /// Where an image an article refers to lies, if it may be used (inside the article's own
  /// folder); else nullopt and the warning in `problem`. Safe on any thread.
  static std::optional<std::filesystem::path> locate(const model::Document& document, const std::string& source,
                                                     std::string* problem = nullptr);
  /// Reads and checks an image file (image::verify); safe on any thread, so the costly
  /// part of adding images can run in parallel before add_article_image names them in order.
  static CheckedImage check(const std::filesystem::path& path, std::string_view source);
  /// True when the file at `path` (from locate) is in the book already.
  bool has(const std::filesystem::path& path) const { return by_path_.count(path.string()) > 0; }

  /// Adds an image an article refers to and returns its href relative to OEBPS/, or reports
  /// a warning (naming the article's file) and returns nullopt. Images in `checked` are not
  /// read and checked again.
  std::optional<std::string> add_article_image(const model::Document& document, const model::PictureRef& image,
                                               Diagnostics& diagnostics, const CheckedImages* checked = nullptr);
  /// Adds the cover image the user named (not confined to a folder: the user chose it).
  std::optional<std::string> add_cover(const std::string& path, Diagnostics& diagnostics);
  /// Adds a cover galley drew itself.
  std::string add_generated_cover(std::string bytes, std::string_view media_type);
  /// Every image in the order added.
  const std::vector<ImageFile>& files() const { return files_; }
  std::vector<ImageFile>& files() { return files_; }
  /// Moves the images out; the store is empty afterwards.
  std::vector<ImageFile> take_files() { return std::exchange(files_, {}); }

 private:
  std::optional<std::string> add_file(const std::filesystem::path& path, const std::string& report_file, int line,
                                      std::string_view source, bool cover, Diagnostics& diagnostics,
                                      const CheckedImages* checked = nullptr);
  std::string unique_href(std::string_view stem, std::string_view media_type);
  ImageFile& push(std::string href, std::string_view media_type, std::string bytes, bool cover,
                  std::string digest = {});

  std::map<std::string, std::string> by_path_;  ///< canonical path -> href, so a file is copied once
  std::set<std::string> names_;                 ///< hrefs taken
  std::vector<ImageFile> files_;
  int next_id_ = 0;
};

/// An SVG safe to put in a book: well-formed, with an `<svg>` root, no script, no event
/// handler attributes, no foreignObject and no reference to another file. Returns the SVG
/// printed again (without its DOCTYPE), or an explanation in `problem`.
std::string checked_svg(std::string_view bytes, std::string& problem);

}  // namespace galley::backends::epub
