// image::decode and image::verify: refuse what is over the limits from the header alone, then
// hand the bytes to the decoder (or verifier) for their format; plus the helpers they share.
#include "image/image.hpp"

#include <fmt/format.h>

#include <new>
#include <stdexcept>

#include "image/formats.hpp"

namespace galley::image {
namespace detail {

void fail(std::string_view name, std::string message) {
  throw Error(ErrorKind::data, std::string(name), 0, std::move(message));
}

void check_size(std::string_view name, std::uint64_t width, std::uint64_t height, const Limits& limits) {
  if (width == 0 || height == 0)
    fail(name, fmt::format("image refused: it is empty ({} x {} pixels)", width, height));
  // Each side fits 32 bits, so the product cannot overflow 64.
  if (width > UINT32_MAX || height > UINT32_MAX || width * height > limits.max_pixels) {
    fail(name, fmt::format("image refused: {} x {} pixels is over the limit of {} pixels", width, height,
                           limits.max_pixels));
  }
}

std::vector<std::uint8_t> allocate(std::string_view name, std::uint64_t size) {
  try {
    return std::vector<std::uint8_t>(static_cast<std::size_t>(size));
  } catch (const std::bad_alloc&) {
  } catch (const std::length_error&) {
  }
  fail(name, fmt::format("image refused: not enough memory for its {} bytes of pixels", size));
}

void check_same_size(std::string_view name, const Info& info, std::uint32_t width, std::uint32_t height) {
  if (width != info.width || height != info.height) {
    fail(name, fmt::format("image refused: its header says {} x {} pixels but its data holds {} x {}", info.width,
                           info.height, width, height));
  }
}

void drop_opaque_alpha(Raster& raster) {
  for (const std::uint8_t value : raster.alpha) {
    if (value != 255) return;
  }
  raster.alpha.clear();
  raster.alpha.shrink_to_fit();
}

void split_alpha(Raster& raster, const std::uint8_t* samples, int channels) {
  const std::size_t count = std::size_t{raster.width} * raster.height;
  const auto colour = static_cast<std::size_t>(channels - 1);
  raster.gray = colour == 1;
  raster.pixels.resize(count * colour);
  raster.alpha.resize(count);
  std::uint8_t* out = raster.pixels.data();
  for (std::size_t i = 0; i < count; ++i, samples += channels) {
    for (std::size_t c = 0; c < colour; ++c) *out++ = samples[c];
    raster.alpha[i] = samples[colour];
  }
  drop_opaque_alpha(raster);
}

}  // namespace detail

Raster decode(std::string_view bytes, std::string_view name, const Limits& limits, Diagnostics& diagnostics) {
  // The header is read first, by our own parser: a decompression bomb is refused before any
  // library sees it, and a library that reports another size than the header is caught.
  const Info info = probe(bytes, name, limits);
  Raster raster;
  switch (info.kind) {
    case Kind::png: raster = detail::decode_png(bytes, name, limits); break;
    case Kind::jpeg: raster = detail::decode_jpeg(bytes, name, limits, diagnostics); break;
    case Kind::gif: raster = detail::decode_gif(bytes, name, limits); break;
    case Kind::webp: raster = detail::decode_webp(bytes, name, limits); break;
    case Kind::svg:
    case Kind::unknown: detail::fail(name, "image refused: not PNG, JPEG, GIF or WebP data");  // probe threw already
  }
  detail::check_same_size(name, info, raster.width, raster.height);
  return raster;
}

Verified verify(std::string_view bytes, std::string_view name, const Limits& limits, Diagnostics& diagnostics) {
  const Info info = probe(bytes, name, limits);
  Verified verified;
  switch (info.kind) {
    case Kind::png: verified = detail::verify_png(bytes, name, limits); break;
    case Kind::jpeg: verified = detail::verify_jpeg(bytes, name, limits, diagnostics); break;
    case Kind::gif:
    case Kind::webp: {
      const Raster raster = decode(bytes, name, limits, diagnostics);
      verified.info.width = raster.width;
      verified.info.height = raster.height;
      break;
    }
    case Kind::svg:
    case Kind::unknown: detail::fail(name, "image refused: not PNG, JPEG, GIF or WebP data");  // probe threw already
  }
  detail::check_same_size(name, info, verified.info.width, verified.info.height);
  verified.info = info;
  return verified;
}

Verified verify(std::string_view bytes, std::string_view name, const Limits& limits) {
  Diagnostics ignored;
  return verify(bytes, name, limits, ignored);
}

Raster decode(std::string_view bytes, std::string_view name, const Limits& limits) {
  Diagnostics ignored;
  return decode(bytes, name, limits, ignored);
}

}  // namespace galley::image
