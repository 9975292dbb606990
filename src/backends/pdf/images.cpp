// Decoded rasters, downsampled when they are much finer than their box, into libharu.
#include "backends/pdf/images.hpp"

#include <fmt/format.h>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "backends/pdf/png_as_is.hpp"
#include "image/image.hpp"
#include "model/pictures.hpp"
#include "threads/for_each_parallel.hpp"

namespace galley::backends::pdf {
namespace {

// Finer than this is wasted in a PDF for the screen and the office printer; print (a CMYK
// job) keeps the 300 a press needs.
constexpr double max_pixels_per_inch = 200;
constexpr double max_print_pixels_per_inch = 300;

// RGB samples -> CMYK samples, as layout::to_cmyk converts colours: k = 1 - max(r, g, b),
// c = (1 - r - k) / (1 - k) and so for m and y.
std::vector<std::uint8_t> to_cmyk(const std::vector<std::uint8_t>& rgb) {
  std::vector<std::uint8_t> out(rgb.size() / 3 * 4);
  for (std::size_t i = 0, o = 0; i + 2 < rgb.size(); i += 3, o += 4) {
    const int r = rgb[i], g = rgb[i + 1], b = rgb[i + 2];
    const int most = std::max({r, g, b});
    const int k = 255 - most;
    if (most == 0) {
      out[o + 3] = 255;
      continue;
    }
    out[o] = static_cast<std::uint8_t>(((most - r) * 255 + most / 2) / most);
    out[o + 1] = static_cast<std::uint8_t>(((most - g) * 255 + most / 2) / most);
    out[o + 2] = static_cast<std::uint8_t>(((most - b) * 255 + most / 2) / most);
    out[o + 3] = static_cast<std::uint8_t>(k);
  }
  return out;
}

// Averages `from` (channels samples a pixel) down to width x height (box filter).
std::vector<std::uint8_t> shrink(const std::vector<std::uint8_t>& from, std::uint32_t from_width,
                                 std::uint32_t from_height, int channels, std::uint32_t width, std::uint32_t height) {
  std::vector<std::uint8_t> out(static_cast<std::size_t>(width) * height * static_cast<std::size_t>(channels));
  for (std::uint32_t y = 0; y < height; ++y) {
    const std::uint32_t y0 = static_cast<std::uint32_t>(std::uint64_t{y} * from_height / height);
    const std::uint32_t y1 = std::max(y0 + 1, static_cast<std::uint32_t>(std::uint64_t{y + 1} * from_height / height));
    for (std::uint32_t x = 0; x < width; ++x) {
      const std::uint32_t x0 = static_cast<std::uint32_t>(std::uint64_t{x} * from_width / width);
      const std::uint32_t x1 = std::max(x0 + 1, static_cast<std::uint32_t>(std::uint64_t{x + 1} * from_width / width));
      for (int c = 0; c < channels; ++c) {
        std::uint64_t sum = 0;
        for (std::uint32_t sy = y0; sy < y1; ++sy) {
          const std::uint8_t* row = from.data() + (static_cast<std::size_t>(sy) * from_width) * static_cast<std::size_t>(channels);
          for (std::uint32_t sx = x0; sx < x1; ++sx) sum += row[static_cast<std::size_t>(sx) * static_cast<std::size_t>(channels) + static_cast<std::size_t>(c)];
        }
        const std::uint64_t count = std::uint64_t{y1 - y0} * (x1 - x0);
        out[(static_cast<std::size_t>(y) * width + x) * static_cast<std::size_t>(channels) + static_cast<std::size_t>(c)] =
            static_cast<std::uint8_t>((sum + count / 2) / count);
      }
    }
  }
  return out;
}

// Whether a picture has more pixels than its box can use, by more than a quarter each way: it
// is then scaled down before it goes in.
bool needs_shrinking(std::uint32_t width, std::uint32_t height, long most_wide, long most_high) {
  return width > most_wide * 1.25 && height > most_high * 1.25 && most_wide > 0 && most_high > 0;
}

}  // namespace

void check_picture(const layout::Picture& picture, bool cmyk, CheckedPicture& out) {
  out.source = picture.source;
  try {
    out.bytes = image::read_file(picture.path, picture.source);
  } catch (...) {
    out.read_error = std::current_exception();
    return;
  }
  try {
    const image::Kind kind = image::sniff(out.bytes);
    if (kind != image::Kind::jpeg && kind != image::Kind::png) return;
    // A colour picture in a CMYK job is converted from its pixels: no use checking it twice.
    if (cmyk && image::probe(out.bytes, picture.source).colours != image::Colours::gray) return;
    out.as_is = kind;
    out.verdict = image::verify(out.bytes, picture.source, image::Limits{}, out.warnings);
  } catch (...) {
    out.error = std::current_exception();
  }
}

EarlyChecks::EarlyChecks(std::span<const model::Document> articles, bool cmyk) {
  // Located as layout locates them (src/layout/figure.cpp); what layout refuses is checked
  // for nothing, and a file it places that is not here is checked after it.
  for (const model::Document& article : articles) {
    const std::vector<std::filesystem::path> folders = image::image_folders(article);
    for (const model::PictureRef& ref : model::pictures(article)) {
      const image::Located located = image::locate(folders, ref.source);
      if (!located.problem.empty() || !checked_.try_emplace(located.path.string()).second) continue;
      layout::Picture picture;
      picture.source = ref.source;
      picture.path = located.path.string();
      picture.article = article.origin;
      picture.line = ref.line;
      pictures_.push_back(std::move(picture));
    }
  }
  if (pictures_.empty()) return;
  cmyk_ = cmyk;
  done_ = std::async(std::launch::async, [this] {
#ifdef __linux__
    ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 19);  // this thread only (nice 19)
#endif
    check_unclaimed();
  });
}

EarlyChecks::~EarlyChecks() {
  next_ = pictures_.size();  // nothing more is started
  if (done_.valid()) done_.wait();
}

void EarlyChecks::check_unclaimed() {
  for (std::size_t i = next_++; i < pictures_.size(); i = next_++) {
    check_picture(pictures_[i], cmyk_, checked_.at(pictures_[i].path));
  }
}

std::map<std::string, CheckedPicture> EarlyChecks::take() {
  // What the thread has not started is checked here: on a busy machine a thread at nice 19
  // may get almost no time, and the caller would wait for it.
  check_unclaimed();
  if (done_.valid()) done_.get();
  return std::move(checked_);
}

void PdfImages::check_ahead(const std::vector<const layout::Picture*>& pictures, unsigned threads,
                            EarlyChecks* early) {
  std::map<std::string, CheckedPicture> made_early;
  if (early) made_early = early->take();
  std::vector<const layout::Picture*> files;
  for (const layout::Picture* picture : pictures) {
    if (!checked_.try_emplace(picture->path).second) continue;
    const auto found = made_early.find(picture->path);
    if (found != made_early.end() && found->second.source == picture->source) {
      checked_.at(picture->path) = std::move(found->second);
    } else {
      files.push_back(picture);
    }
  }
  for_each_parallel(files.size(), threads,
                    [&](std::size_t i) { check_picture(*files[i], cmyk_, checked_.at(files[i]->path)); });
}

// A JPEG or PNG that the PDF can carry as it is (DCTDecode, or FlateDecode with the PNG
// predictors) was checked by image::verify, which gives decode()'s verdict and warnings
// without producing pixels: decoding, then compressing the pixels again, was a third of a
// collection's PDF. nullopt: the picture is decoded instead.
std::optional<HPDF_Image> PdfImages::as_is(const CheckedPicture& checked, std::string_view source, long most_wide,
                                           long most_high, Diagnostics& diagnostics) const {
  if (checked.error) std::rethrow_exception(checked.error);
  if (!checked.as_is) return std::nullopt;
  const image::Verified& verified = checked.verdict;
  HPDF_Doc doc = document_.handle();
  HPDF_Image loaded = nullptr;
  if (*checked.as_is == image::Kind::jpeg) {
    if (!verified.jpeg_as_is) return std::nullopt;
    loaded = HPDF_LoadJpegImageFromMem(doc, reinterpret_cast<const HPDF_BYTE*>(checked.bytes.data()),
                                       static_cast<HPDF_UINT>(checked.bytes.size()));
  } else {
    if (!png_fits_as_is(verified) ||
        needs_shrinking(verified.info.width, verified.info.height, most_wide, most_high)) {
      return std::nullopt;
    }
    loaded = load_png_as_is(doc, verified, image::png_image_data(checked.bytes, source));
  }
  for (const auto& item : checked.warnings.items()) diagnostics.report(item);
  return loaded;
}

HPDF_Image PdfImages::image(const layout::Picture& picture, Diagnostics& diagnostics) {
  // The most pixels the box can use.
  const double ppi = cmyk_ ? max_print_pixels_per_inch : max_pixels_per_inch;
  const auto most_wide = static_cast<long>(std::ceil(picture.width / 72 * ppi));
  const auto most_high = static_cast<long>(std::ceil(picture.height / 72 * ppi));
  const auto key = std::make_tuple(picture.path, most_wide, most_high);
  if (auto it = loaded_.find(key); it != loaded_.end()) return it->second;
  HPDF_Image loaded = nullptr;
  try {
    CheckedPicture checked;  // by check_ahead, or now
    if (auto it = checked_.find(picture.path); it != checked_.end()) {
      checked = std::move(it->second);
      checked_.erase(it);
    } else {
      check_picture(picture, cmyk_, checked);
    }
    if (checked.read_error) std::rethrow_exception(checked.read_error);
    HPDF_Doc doc = document_.handle();
    if (const auto direct = as_is(checked, picture.source, most_wide, most_high, diagnostics)) {
      loaded = *direct;
    } else {
      image::Raster raster = image::decode(checked.bytes, picture.source, image::Limits{}, diagnostics);
      const int channels = raster.gray ? 1 : 3;
      if (needs_shrinking(raster.width, raster.height, most_wide, most_high)) {
        const auto width = static_cast<std::uint32_t>(most_wide);
        const auto height = static_cast<std::uint32_t>(most_high);
        raster.pixels = shrink(raster.pixels, raster.width, raster.height, channels, width, height);
        if (!raster.alpha.empty()) raster.alpha = shrink(raster.alpha, raster.width, raster.height, 1, width, height);
        raster.width = width;
        raster.height = height;
      }
      if (cmyk_ && !raster.gray) raster.pixels = to_cmyk(raster.pixels);
      const HPDF_ColorSpace space = raster.gray ? HPDF_CS_DEVICE_GRAY : cmyk_ ? HPDF_CS_DEVICE_CMYK : HPDF_CS_DEVICE_RGB;
      loaded = HPDF_LoadRawImageFromMem(doc, raster.pixels.data(), raster.width, raster.height, space, 8);
      if (loaded && !raster.alpha.empty()) {
        HPDF_Image mask = HPDF_LoadRawImageFromMem(doc, raster.alpha.data(), raster.width, raster.height,
                                                   HPDF_CS_DEVICE_GRAY, 8);
        if (mask) HPDF_Image_AddSMask(loaded, mask);
      }
    }
    document_.check("load an image");
  } catch (const Error& error) {
    diagnostics.warn(picture.article, picture.line,
                     fmt::format("{}: {}; the figure shows its caption only", error.diagnostic().message, picture.source));
    loaded = nullptr;
  }
  loaded_.emplace(key, loaded);
  return loaded;
}

}  // namespace galley::backends::pdf
