// Internal to galley_image: the per-format decoders behind image::decode and the helpers they
// share (the one way to fail, the pixel budget, alpha handling). Not for backends.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "galley/diagnostics.hpp"
#include "image/image.hpp"

namespace galley::image::detail {

/// Integers stored in a file's own byte order; the caller has checked that the bytes exist.
inline std::uint32_t byte_at(std::string_view bytes, std::size_t at) { return static_cast<unsigned char>(bytes[at]); }
inline std::uint32_t big16(std::string_view b, std::size_t at) { return byte_at(b, at) << 8 | byte_at(b, at + 1); }
inline std::uint32_t big32(std::string_view b, std::size_t at) { return big16(b, at) << 16 | big16(b, at + 2); }
inline std::uint32_t little16(std::string_view b, std::size_t at) { return byte_at(b, at) | byte_at(b, at + 1) << 8; }

/// Throws the one error every failure becomes: ErrorKind::data, naming the image.
[[noreturn]] void fail(std::string_view name, std::string message);

/// Throws unless a `width` x `height` image fits `limits` (and is not empty). Called with the
/// size a header states, before anything that size is allocated.
void check_size(std::string_view name, std::uint64_t width, std::uint64_t height, const Limits& limits);

/// Throws unless the `width` x `height` a decoder reports is the size the header (probe) stated.
void check_same_size(std::string_view name, const Info& info, std::uint32_t width, std::uint32_t height);

/// A byte buffer of `size` bytes, or the error "too large for memory" instead of bad_alloc.
std::vector<std::uint8_t> allocate(std::string_view name, std::uint64_t size);

/// Moves the alpha samples out of interleaved `samples` (gray+alpha or RGBA, `channels` 2 or
/// 4) into `raster.pixels` and `raster.alpha`; drops the alpha plane when every pixel is opaque.
void split_alpha(Raster& raster, const std::uint8_t* samples, int channels);

/// Empties `raster.alpha` when every value is 255: an opaque image needs no soft mask.
void drop_opaque_alpha(Raster& raster);

/// Header-only sizes (probe.cpp); `bytes` has the format's signature.
Info probe_png(std::string_view bytes, std::string_view name);
Info probe_jpeg(std::string_view bytes, std::string_view name);
Info probe_gif(std::string_view bytes, std::string_view name);
Info probe_webp(std::string_view bytes, std::string_view name);  // webp.cpp: libwebp's own parser

/// Full decoders; `limits` already checked against the probed size, checked again here
/// against what the library reports.
Raster decode_png(std::string_view bytes, std::string_view name, const Limits& limits);
Raster decode_jpeg(std::string_view bytes, std::string_view name, const Limits& limits,
                   Diagnostics& diagnostics);
Raster decode_gif(std::string_view bytes, std::string_view name, const Limits& limits);
Raster decode_webp(std::string_view bytes, std::string_view name, const Limits& limits);

/// True when a non-interlaced PNG's image data, from the IDAT chunk at `at` on, is certainly
/// what libpng reads without complaint: CRCs right, one zlib stream of exactly `rows` rows of
/// `row_bytes` (plus the filter type byte), filter types 0..4, no IDAT chunk after it
/// (png_data.cpp). False says nothing: libpng then reads the rows itself.
bool image_data_clean(std::string_view bytes, std::size_t at, std::uint64_t rows, std::uint64_t row_bytes);

/// The verify-only paths (image::verify): the same verdicts as the decoders above.
Verified verify_png(std::string_view bytes, std::string_view name, const Limits& limits);
Verified verify_jpeg(std::string_view bytes, std::string_view name, const Limits& limits, Diagnostics& diagnostics);

}  // namespace galley::image::detail
