// Pictures an article refers to, for every backend: where the file is (confined to the
// article's folder), what it is (by its bytes, never its name), how big it is, and its
// pixels decoded with error recovery under a pixel budget. libharu aborts the process on
// a corrupt PNG and loads any JPEG unchecked (../shared/DEPENDENCY-NOTES.md), so nothing
// reaches a backend that did not decode cleanly here first.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "galley/diagnostics.hpp"

namespace galley::image {

/// What a file is, from its first bytes.
enum class Kind : std::uint8_t { unknown, png, jpeg, gif, webp, svg };

/// The kind of image `bytes` hold; `unknown` for anything else. The file name is never trusted.
Kind sniff(std::string_view bytes);

/// "image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml"; "" for unknown.
std::string_view media_type(Kind kind);

/// The file an article's image source names, or why it may not be read.
struct Located {
  std::filesystem::path path;  ///< canonical, when `problem` is empty
  std::string problem;         ///< a sentence for a warning, empty on success
};

/// Resolves `source` (as written in the article, possibly percent-encoded) against `folder`
/// (the article's folder). Refuses URLs, paths that leave the folder (through `..`, an
/// absolute path or a symbolic link), missing files and anything that is not a regular file.
Located locate(const std::filesystem::path& folder, std::string_view source);

/// What decoding may cost. An image over either limit is refused before its pixels are
/// allocated (a decompression bomb states its size in its header).
struct Limits {
  std::uint64_t max_pixels = 40'000'000;  ///< width x height, about 160 MB as RGBA
  std::uint64_t max_file_bytes = 64u << 20;
};

/// Size from the header alone (cheap): for layout, which needs the aspect ratio before
/// anything is drawn. Throws galley::Error (ErrorKind::data) naming `name` when the header is
/// unreadable or over the limits.
/// How an image stores its colours, from its header (a PNG palette counts as RGB).
enum class Colours : std::uint8_t { gray, rgb, cmyk };

struct Info {
  Kind kind = Kind::unknown;
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  Colours colours = Colours::rgb;
};
Info probe(std::string_view bytes, std::string_view name, const Limits& limits = {});

/// Decoded pixels, 8 bits a sample, rows top to bottom without padding.
struct Raster {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  bool gray = false;                ///< 1 sample a pixel, else 3 (RGB)
  std::vector<std::uint8_t> pixels;  ///< width * height * (gray ? 1 : 3)
  std::vector<std::uint8_t> alpha;   ///< width * height, or empty when fully opaque
  /// For a JPEG that decoded cleanly (baseline or progressive, gray or YCbCr, no CMYK):
  /// the file's own bytes, which a PDF may embed as-is (DCTDecode) instead of `pixels`.
  std::string jpeg;
};

/// Decodes PNG (all colour types, 16-bit reduced to 8, palette and tRNS expanded,
/// interlaced), JPEG (gray, YCbCr, CMYK converted), GIF (first frame) and WebP (still).
/// Throws galley::Error (ErrorKind::data) naming `name` on corrupt, truncated or
/// unsupported data and on anything over the limits; never aborts, never reads past `bytes`.
Raster decode(std::string_view bytes, std::string_view name, const Limits& limits = {});

/// As above, and reports what the decoder repaired as warnings naming `name`: a JPEG with
/// damaged entropy data still decodes (libjpeg fills what it lost, as browsers do), but a
/// backend may prefer to drop it or say so. Such a JPEG never keeps its bytes in `jpeg`.
Raster decode(std::string_view bytes, std::string_view name, const Limits& limits,
              Diagnostics& diagnostics);

/// The bytes of the file at `path` (typically `Located::path`), read through one descriptor
/// that refuses a symbolic link swapped in since `locate`, a FIFO or device (opened without
/// blocking, then checked with fstat) and anything over `limits.max_file_bytes`. Throws
/// galley::Error naming `name`: ErrorKind::no_input when the file cannot be opened or is not
/// a regular file, ErrorKind::data when it is over the limit, ErrorKind::io when reading fails.
std::string read_file(const std::filesystem::path& path, std::string_view name,
                      const Limits& limits = {});

}  // namespace galley::image
