// Pictures into libharu images. Nothing reaches libharu that src/image did not decode
// cleanly first (libharu aborts the process on a corrupt PNG and takes any JPEG unchecked):
// a JPEG that decoded cleanly goes in as its own bytes (DCT), anything else as raw pixels,
// with its alpha channel as a soft mask, scaled down to 200 pixels an inch of its box. In a
// CMYK job every colour picture (JPEGs too) is decoded and converted to DeviceCMYK pixels
// (the formula of layout::to_cmyk, per pixel), kept up to 300 pixels an inch for print;
// gray pictures stay DeviceGray (black ink only).
#pragma once

#include <hpdf.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "backends/pdf/hpdf_document.hpp"
#include "galley/diagnostics.hpp"
#include "layout/page_tree.hpp"

namespace galley::backends::pdf {

class PdfImages {
 public:
  PdfImages(HpdfDocument& document, bool cmyk) : document_(document), cmyk_(cmyk) {}

  /// The image to draw in `picture`'s box, loaded once per file and size; nullptr, after a
  /// warning naming the article, when it cannot be read or decoded.
  HPDF_Image image(const layout::Picture& picture, Diagnostics& diagnostics);

 private:
  std::optional<HPDF_Image> as_is(std::string_view bytes, std::string_view source, long most_wide, long most_high,
                                  Diagnostics& diagnostics) const;

  HpdfDocument& document_;
  bool cmyk_ = false;
  std::map<std::tuple<std::string, long, long>, HPDF_Image> loaded_;
};

}  // namespace galley::backends::pdf
