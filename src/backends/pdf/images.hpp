// Pictures into libharu images. Nothing reaches libharu that src/image did not decode
// cleanly first (libharu aborts the process on a corrupt PNG and takes any JPEG unchecked):
// a JPEG that decoded cleanly goes in as its own bytes (DCT), anything else as raw pixels,
// with its alpha channel as a soft mask, scaled down to 200 pixels an inch of its box.
#pragma once

#include <hpdf.h>

#include <map>
#include <string>
#include <tuple>

#include "backends/pdf/hpdf_document.hpp"
#include "galley/diagnostics.hpp"
#include "layout/page_tree.hpp"

namespace galley::backends::pdf {

class PdfImages {
 public:
  explicit PdfImages(HpdfDocument& document) : document_(document) {}

  /// The image to draw in `picture`'s box, loaded once per file and size; nullptr, after a
  /// warning naming the article, when it cannot be read or decoded.
  HPDF_Image image(const layout::Picture& picture, Diagnostics& diagnostics);

 private:
  HpdfDocument& document_;
  std::map<std::tuple<std::string, long, long>, HPDF_Image> loaded_;
};

}  // namespace galley::backends::pdf
