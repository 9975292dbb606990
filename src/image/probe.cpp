// image::probe: an image's size from its header alone, parsed here without a decoder, every
// read bounds-checked. Layout needs the aspect ratio long before pixels are wanted, and decode
// uses the same numbers to refuse a decompression bomb before a library allocates anything.
#include "image/image.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "image/formats.hpp"

namespace galley::image {
namespace detail {

// PNG: the 8-byte signature, then the IHDR chunk (length 13, "IHDR", width, height, ...).
Info probe_png(std::string_view bytes, std::string_view name) {
  if (bytes.size() < 8 + 8 + 13) fail(name, "the PNG image is truncated: it ends inside its header");
  if (big32(bytes, 8) != 13 || bytes.substr(12, 4) != "IHDR") {
    // Apple's "CgBI" PNGs (iOS app bundles) put a chunk first that no standard decoder reads.
    fail(name, "the PNG image is damaged: it does not start with an IHDR header");
  }
  const std::uint32_t width = big32(bytes, 16);
  const std::uint32_t height = big32(bytes, 20);
  if (width > 0x7FFFFFFFu || height > 0x7FFFFFFFu) fail(name, "the PNG image is damaged: its size is out of range");
  const std::uint32_t colour_type = byte_at(bytes, 25);  // 0 gray, 4 gray + alpha; 2, 3, 6 colour
  return {Kind::png, width, height, colour_type == 0 || colour_type == 4 ? Colours::gray : Colours::rgb};
}

// JPEG: markers from SOI to the first frame header (SOFn), each segment's length checked
// against the buffer. Bytes between segments are skipped, as libjpeg does (with a warning).
Info probe_jpeg(std::string_view bytes, std::string_view name) {
  std::size_t at = 2;  // after SOI
  for (;;) {
    while (at < bytes.size() && byte_at(bytes, at) != 0xFF) ++at;
    while (at < bytes.size() && byte_at(bytes, at) == 0xFF) ++at;  // fill bytes
    if (at >= bytes.size()) fail(name, "the JPEG image is truncated: it ends before its frame header");
    const std::uint32_t marker = byte_at(bytes, at++);
    const bool standalone = marker == 0x00 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8);
    if (standalone) continue;
    if (marker == 0xD9) fail(name, "the JPEG image is damaged: it ends (EOI) before any frame header");
    if (marker == 0xDA) fail(name, "the JPEG image is damaged: its scan data comes before its frame header");
    if (at + 2 > bytes.size()) fail(name, "the JPEG image is truncated: it ends inside a marker");
    const std::size_t length = big16(bytes, at);
    if (length < 2) fail(name, "the JPEG image is damaged: a marker segment has a length below 2");
    if (at + length > bytes.size()) fail(name, "the JPEG image is truncated: it ends inside a marker segment");
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    const bool frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (frame) {
      if (length < 8) fail(name, "the JPEG image is damaged: its frame header is too short");
      const std::uint32_t height = big16(bytes, at + 3);
      const std::uint32_t width = big16(bytes, at + 5);
      if (height == 0) {
        fail(name, "the JPEG image is not supported: its height is given after the data (DNL marker)");
      }
      const std::uint32_t components = byte_at(bytes, at + 7);  // 1 gray, 3 YCbCr or RGB, 4 CMYK or YCCK
      return {Kind::jpeg, width, height,
              components == 1 ? Colours::gray : components == 4 ? Colours::cmyk : Colours::rgb};
    }
    at += length;
  }
}

// GIF: the logical screen, then blocks up to the first image descriptor (extensions skipped
// by their sub-block lengths, no LZW data decoded). A first frame larger than the screen, or
// placed past its edge, widens the canvas (as browsers do) instead of being cut.
Info probe_gif(std::string_view bytes, std::string_view name) {
  if (bytes.size() < 13) fail(name, "the GIF image is truncated: it ends inside its header");
  const std::uint32_t screen_width = little16(bytes, 6);
  const std::uint32_t screen_height = little16(bytes, 8);
  const std::uint32_t flags = byte_at(bytes, 10);
  std::size_t at = 13;
  if (flags & 0x80) at += std::size_t{3} << ((flags & 7) + 1);  // global colour table
  for (;;) {
    if (at >= bytes.size()) fail(name, "the GIF image is truncated: it ends before its first image");
    const std::uint32_t block = byte_at(bytes, at);
    if (block == 0x2C) {  // image descriptor: left, top, width, height
      if (at + 10 > bytes.size()) fail(name, "the GIF image is truncated: it ends inside an image descriptor");
      const std::uint32_t left = little16(bytes, at + 1);
      const std::uint32_t top = little16(bytes, at + 3);
      const std::uint32_t width = little16(bytes, at + 5);
      const std::uint32_t height = little16(bytes, at + 7);
      if (width == 0 || height == 0) fail(name, "the GIF image is damaged: its first image is empty");
      return {Kind::gif, std::max(screen_width, left + width), std::max(screen_height, top + height), Colours::rgb};
    }
    if (block == 0x3B) fail(name, "the GIF image is damaged: it holds no image");
    if (block != 0x21) fail(name, fmt::format("the GIF image is damaged: unknown block 0x{:02X}", block));
    at += 2;  // introducer and label, then sub-blocks until a zero length
    for (;;) {
      if (at >= bytes.size()) fail(name, "the GIF image is truncated: it ends inside an extension");
      const std::size_t length = byte_at(bytes, at++);
      if (length == 0) break;
      at += length;
    }
  }
}

}  // namespace detail

Info probe(std::string_view bytes, std::string_view name, const Limits& limits) {
  if (bytes.size() > limits.max_file_bytes) {
    detail::fail(name, fmt::format("image refused: its {} bytes are over the limit of {} bytes", bytes.size(),
                                   limits.max_file_bytes));
  }
  Info info;
  switch (sniff(bytes)) {
    case Kind::png: info = detail::probe_png(bytes, name); break;
    case Kind::jpeg: info = detail::probe_jpeg(bytes, name); break;
    case Kind::gif: info = detail::probe_gif(bytes, name); break;
    case Kind::webp: info = detail::probe_webp(bytes, name); break;
    case Kind::svg: detail::fail(name, "image refused: SVG is a vector drawing, not decoded to pixels here");
    case Kind::unknown: detail::fail(name, "image refused: not PNG, JPEG, GIF or WebP data");
  }
  detail::check_size(name, info.width, info.height, limits);
  return info;
}

}  // namespace galley::image
