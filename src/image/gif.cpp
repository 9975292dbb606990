// GIF through giflib: the first frame only (an article's animated GIF becomes its first
// picture), drawn on the logical screen with its transparency. giflib reports errors by
// return value, so no jumps are involved; its input comes from our buffer, never past it.
#include "image/formats.hpp"

#include <gif_lib.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

namespace galley::image::detail {
namespace {

struct GifInput {
  const GifByteType* data;
  std::size_t size;
  std::size_t offset;
};

// giflib's read callback: copies what is left, and fewer bytes than asked at the end (giflib
// then reports a read error).
int read_bytes(GifFileType* gif, GifByteType* out, int length) {
  auto* input = static_cast<GifInput*>(gif->UserData);
  if (length <= 0) return 0;
  const std::size_t count = std::min(static_cast<std::size_t>(length), input->size - input->offset);
  std::memcpy(out, input->data + input->offset, count);
  input->offset += count;
  return static_cast<int>(count);
}

// Closes giflib's handle on every way out.
struct GifGuard {
  GifFileType* gif;
  explicit GifGuard(GifFileType* handle) : gif(handle) {}
  GifGuard(const GifGuard&) = delete;
  GifGuard& operator=(const GifGuard&) = delete;
  ~GifGuard() {
    int error = 0;
    if (gif) DGifCloseFile(gif, &error);
  }
};

[[noreturn]] void damaged(std::string_view name, int error) {
  const char* text = GifErrorString(error);
  fail(name, fmt::format("the GIF image is damaged: {}", text ? text : "unknown error"));
}

// The palette index of transparent pixels from the graphics control extensions before the
// first image (the last one wins), or -1; every other extension is skipped.
int skip_to_first_image(std::string_view name, GifFileType* gif) {
  int transparent = NO_TRANSPARENT_COLOR;
  for (;;) {
    GifRecordType type = UNDEFINED_RECORD_TYPE;
    if (DGifGetRecordType(gif, &type) == GIF_ERROR) damaged(name, gif->Error);
    if (type == IMAGE_DESC_RECORD_TYPE) return transparent;
    if (type == TERMINATE_RECORD_TYPE) fail(name, "the GIF image is damaged: it holds no image");
    if (type != EXTENSION_RECORD_TYPE) fail(name, "the GIF image is damaged: unknown block");
    int code = 0;
    GifByteType* data = nullptr;
    if (DGifGetExtension(gif, &code, &data) == GIF_ERROR) damaged(name, gif->Error);
    GraphicsControlBlock control{};
    if (code == GRAPHICS_EXT_FUNC_CODE && data && DGifExtensionToGCB(data[0], data + 1, &control) == GIF_OK) {
      transparent = control.TransparentColor;
    }
    while (data) {
      if (DGifGetExtensionNext(gif, &data) == GIF_ERROR) damaged(name, gif->Error);
    }
  }
}

// The rows of an interlaced GIF come in four passes: every 8th from 0, every 8th from 4,
// every 4th from 2, every 2nd from 1.
std::vector<int> row_order(int height, bool interlaced) {
  std::vector<int> order;
  order.reserve(static_cast<std::size_t>(height));
  if (!interlaced) {
    for (int y = 0; y < height; ++y) order.push_back(y);
    return order;
  }
  constexpr int start[] = {0, 4, 2, 1};
  constexpr int step[] = {8, 8, 4, 2};
  for (int pass = 0; pass < 4; ++pass) {
    for (int y = start[pass]; y < height; y += step[pass]) order.push_back(y);
  }
  return order;
}

}  // namespace

Raster decode_gif(std::string_view bytes, std::string_view name, const Limits& limits) {
  GifInput input{reinterpret_cast<const GifByteType*>(bytes.data()), bytes.size(), 0};
  int error = 0;
  GifGuard guard{DGifOpen(&input, read_bytes, &error)};
  if (!guard.gif) damaged(name, error);
  GifFileType* gif = guard.gif;
  const int transparent = skip_to_first_image(name, gif);
  if (DGifGetImageDesc(gif) == GIF_ERROR) damaged(name, gif->Error);

  const GifImageDesc& frame = gif->Image;
  if (frame.Width <= 0 || frame.Height <= 0 || frame.Left < 0 || frame.Top < 0) {
    fail(name, "the GIF image is damaged: its first image is empty");
  }
  // The same canvas as probe_gif: the logical screen, widened to hold the whole first frame.
  Raster raster;
  raster.width = static_cast<std::uint32_t>(std::max(gif->SWidth, frame.Left + frame.Width));
  raster.height = static_cast<std::uint32_t>(std::max(gif->SHeight, frame.Top + frame.Height));
  check_size(name, raster.width, raster.height, limits);
  const ColorMapObject* palette = frame.ColorMap ? frame.ColorMap : gif->SColorMap;
  if (!palette || !palette->Colors || palette->ColorCount <= 0) {
    fail(name, "the GIF image is damaged: it has no colour table");
  }

  const auto frame_width = static_cast<std::size_t>(frame.Width);
  std::vector<std::uint8_t> indices =
      allocate(name, std::uint64_t{frame_width} * static_cast<std::uint64_t>(frame.Height));
  for (const int y : row_order(frame.Height, frame.Interlace)) {
    if (DGifGetLine(gif, indices.data() + static_cast<std::size_t>(y) * frame_width, frame.Width) == GIF_ERROR) {
      damaged(name, gif->Error);
    }
  }

  // Outside the frame the canvas is transparent, as browsers show it (the background colour
  // the header names is ignored by all of them).
  const std::size_t canvas_width = raster.width;
  raster.pixels = allocate(name, std::uint64_t{raster.width} * raster.height * 3);
  raster.alpha = allocate(name, std::uint64_t{raster.width} * raster.height);
  for (std::size_t y = 0; y < static_cast<std::size_t>(frame.Height); ++y) {
    const std::uint8_t* index = indices.data() + y * frame_width;
    const std::size_t first =
        (static_cast<std::size_t>(frame.Top) + y) * canvas_width + static_cast<std::size_t>(frame.Left);
    for (std::size_t x = 0; x < frame_width; ++x) {
      const int i = index[x];
      if (i == transparent) continue;
      std::uint8_t* rgb = raster.pixels.data() + (first + x) * 3;
      if (i < palette->ColorCount) {  // an index past the palette stays black, as in browsers
        rgb[0] = palette->Colors[i].Red;
        rgb[1] = palette->Colors[i].Green;
        rgb[2] = palette->Colors[i].Blue;
      }
      raster.alpha[first + x] = 255;
    }
  }
  drop_opaque_alpha(raster);
  return raster;
}

}  // namespace galley::image::detail
