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
#include "galley/model/document.hpp"

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

/// The same against several folders, searched in order (the article's, then the resource
/// path): the file found must lie inside one of them after every `..` and symbolic link is
/// resolved. Folders that do not exist are skipped; none at all refuses every source.
Located locate(const std::vector<std::filesystem::path>& folders, std::string_view source);

/// The folders `article`'s images may come from: its own folder (none when it was read from
/// standard input or memory), then its `resource_path`, made absolute.
std::vector<std::filesystem::path> image_folders(const model::Document& article);

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

/// What image::verify learnt besides the verdict: enough for a backend to embed the file's
/// own bytes where a PDF can take them as they are.
struct Verified {
  Info info;  ///< kind, size and colours, as probe gives them
  /// A JPEG that decoded cleanly and that any PDF reader's DCTDecode handles (baseline or
  /// progressive, 8 bits, gray or YCbCr, Huffman-coded): what decode() keeps in Raster::jpeg.
  bool jpeg_as_is = false;
  /// PNG only: its header's bit depth (1, 2, 4, 8, 16) and colour type (0 gray, 2 RGB,
  /// 3 palette, 4 gray + alpha, 6 RGBA), whether it is interlaced (Adam7) and has a tRNS chunk.
  std::uint8_t png_bit_depth = 0;
  std::uint8_t png_colour_type = 0;
  bool png_interlaced = false;
  bool png_transparency = false;
  /// PNG only, not interlaced: its image data (the IDAT chunks) was found to be one whole zlib
  /// stream of exactly the image's rows and nothing more, every CRC right, so that a backend
  /// may embed it as it is (png_image_data). False when verify had to ask libpng instead.
  bool png_intact = false;
};

/// Checks that `bytes` decode as decode() would, with the same verdict (the same error
/// thrown, the same warnings given) but without producing the pixels where that costs: a
/// JPEG is entropy-decoded in full (where damage shows) but its rows come out scaled by 1/8
/// into one reused row; a PNG's rows are inflated and unfiltered into one reused row, without
/// expansion to 8-bit RGB, and unless libpng is needed for the verdict not even unfiltered
/// (png_data.cpp). GIF and WebP are decoded (they are rare, and converted anyway).
Verified verify(std::string_view bytes, std::string_view name, const Limits& limits, Diagnostics& diagnostics);
Verified verify(std::string_view bytes, std::string_view name, const Limits& limits = {});

/// The image data of a PNG that verify() found intact: its IDAT chunks' contents, joined (one
/// zlib stream of filtered rows). Throws galley::Error naming `name` if there is none.
std::string png_image_data(std::string_view bytes, std::string_view name);

/// The bytes of the file at `path` (typically `Located::path`), read through one descriptor
/// that refuses a symbolic link swapped in since `locate`, a FIFO or device (opened without
/// blocking, then checked with fstat) and anything over `limits.max_file_bytes`. Throws
/// galley::Error naming `name`: ErrorKind::no_input when the file cannot be opened or is not
/// a regular file, ErrorKind::data when it is over the limit, ErrorKind::io when reading fails.
std::string read_file(const std::filesystem::path& path, std::string_view name,
                      const Limits& limits = {});

}  // namespace galley::image
