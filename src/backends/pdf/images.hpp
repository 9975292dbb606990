// Pictures into libharu images. Nothing reaches libharu that src/image did not decode
// cleanly first (libharu aborts the process on a corrupt PNG and takes any JPEG unchecked):
// a JPEG that decoded cleanly goes in as its own bytes (DCT), anything else as raw pixels,
// with its alpha channel as a soft mask, scaled down to 200 pixels an inch of its box. In a
// CMYK job every colour picture (JPEGs too) is decoded and converted to DeviceCMYK pixels
// (the formula of layout::to_cmyk, per pixel), kept up to 300 pixels an inch for print;
// gray pictures stay DeviceGray (black ink only).
#pragma once

#include <hpdf.h>

#include <atomic>
#include <cstddef>
#include <exception>
#include <future>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "backends/pdf/hpdf_document.hpp"
#include "galley/diagnostics.hpp"
#include "galley/model/document.hpp"
#include "image/image.hpp"
#include "layout/page_tree.hpp"

namespace galley::backends::pdf {

/// A picture's file read, and checked when it may go in as it is (by PdfImages or
/// EarlyChecks); each failure kept to be thrown where PdfImages::image() meets it.
struct CheckedPicture {
  std::string source;  ///< as the picture checked was named: the warnings name it so
  std::string bytes;
  std::exception_ptr read_error;
  std::optional<image::Kind> as_is;  ///< a JPEG or PNG as_is may take, verified
  image::Verified verdict;
  Diagnostics warnings;
  std::exception_ptr error;  ///< from probing or verifying it
};

/// Reads `picture`'s file and checks it (image::verify) when the PDF may carry it as it is.
void check_picture(const layout::Picture& picture, bool cmyk, CheckedPicture& out);

/// The pictures a collection's articles name, read and checked on a thread of its own from
/// before their layout, which leaves a core idle now and then (the reading's lock, the
/// pagination after the last run); checking them after layout was a tenth of a 100-article
/// PDF. The thread runs at the lowest priority, so that it takes what layout leaves.
class EarlyChecks {
 public:
  EarlyChecks(std::span<const model::Document> articles, bool cmyk);
  EarlyChecks(const EarlyChecks&) = delete;
  EarlyChecks& operator=(const EarlyChecks&) = delete;
  ~EarlyChecks();  ///< waits for the thread

  /// Every check, by file, once all are made (those the thread has not started, by the
  /// caller); then empty.
  std::map<std::string, CheckedPicture> take();

 private:
  // Checks pictures_ from next_ on, each claimed by one thread, until none is left.
  void check_unclaimed();

  std::vector<layout::Picture> pictures_;  ///< one per file, as the articles first name it
  std::map<std::string, CheckedPicture> checked_;  ///< its entries made before the thread starts
  bool cmyk_ = false;
  std::atomic<std::size_t> next_{0};  ///< the first picture no thread has claimed
  std::future<void> done_;
};

class PdfImages {
 public:
  PdfImages(HpdfDocument& document, bool cmyk) : document_(document), cmyk_(cmyk) {}

  /// Reads and checks the files of `pictures` on up to `threads` threads, ahead of image():
  /// reading a JPEG or PNG and checking it (image::verify) is most of loading one, and
  /// image() then hands libharu what was checked here. What image() reports, and when, does
  /// not change. A file `early` checked under the name the pages first give it is not
  /// checked again.
  void check_ahead(const std::vector<const layout::Picture*>& pictures, unsigned threads,
                   EarlyChecks* early = nullptr);

  /// The image to draw in `picture`'s box, loaded once per file and size; nullptr, after a
  /// warning naming the article, when it cannot be read or decoded.
  HPDF_Image image(const layout::Picture& picture, Diagnostics& diagnostics);

 private:
  std::optional<HPDF_Image> as_is(const CheckedPicture& checked, std::string_view source, long most_wide,
                                  long most_high, Diagnostics& diagnostics) const;

  HpdfDocument& document_;
  bool cmyk_ = false;
  std::map<std::tuple<std::string, long, long>, HPDF_Image> loaded_;
  std::map<std::string, CheckedPicture> checked_;  ///< by path, until image() takes it
};

}  // namespace galley::backends::pdf
