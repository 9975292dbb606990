// WebP through libwebp: still images, lossy or lossless, with or without alpha. libwebp
// reports errors by return value and decodes straight into our buffers.
#include "image/formats.hpp"

#include <webp/decode.h>

#include <fmt/format.h>

namespace galley::image::detail {
namespace {

WebPBitstreamFeatures features_of(std::string_view bytes, std::string_view name) {
  WebPBitstreamFeatures features{};
  const VP8StatusCode status =
      WebPGetFeatures(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), &features);
  if (status == VP8_STATUS_NOT_ENOUGH_DATA) fail(name, "the WebP image is truncated: it ends inside its header");
  if (status == VP8_STATUS_UNSUPPORTED_FEATURE) fail(name, "the WebP image is not supported by libwebp");
  if (status != VP8_STATUS_OK) fail(name, "the WebP image is damaged: its header is invalid");
  if (features.has_animation) fail(name, "the WebP image is not supported: it is animated");
  return features;
}

}  // namespace

// libwebp's own header parser (VP8, VP8L and VP8X chunks) reads only the first few dozen
// bytes, and is what the decoder then trusts.
Info probe_webp(std::string_view bytes, std::string_view name) {
  const WebPBitstreamFeatures features = features_of(bytes, name);
  if (features.width <= 0 || features.height <= 0) fail(name, "the WebP image is damaged: it is empty");
  return {Kind::webp, static_cast<std::uint32_t>(features.width), static_cast<std::uint32_t>(features.height)};
}

Raster decode_webp(std::string_view bytes, std::string_view name, const Limits& limits) {
  const WebPBitstreamFeatures features = features_of(bytes, name);
  const Info info = probe_webp(bytes, name);
  check_size(name, info.width, info.height, limits);
  const bool has_alpha = features.has_alpha != 0;
  Raster raster;
  raster.width = info.width;
  raster.height = info.height;
  const int channels = has_alpha ? 4 : 3;
  const std::uint64_t size = std::uint64_t{info.width} * info.height * static_cast<std::uint64_t>(channels);
  std::vector<std::uint8_t> decoded = allocate(name, size);
  const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
  const int stride = static_cast<int>(info.width) * channels;  // a WebP side is at most 16383
  const std::uint8_t* done =
      has_alpha ? WebPDecodeRGBAInto(data, bytes.size(), decoded.data(), decoded.size(), stride)
                : WebPDecodeRGBInto(data, bytes.size(), decoded.data(), decoded.size(), stride);
  if (!done) fail(name, "the WebP image is damaged or truncated: its data cannot be decoded");
  if (has_alpha) {
    split_alpha(raster, decoded.data(), 4);
  } else {
    raster.pixels = std::move(decoded);
  }
  return raster;
}

}  // namespace galley::image::detail
