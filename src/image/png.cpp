// PNG through libpng with error recovery: libpng reports errors by longjmp, so every libpng
// call runs inside a small function that holds the setjmp and touches only C data (a longjmp
// across a frame with C++ objects skips their destructors: undefined behaviour). The C++ code
// around them owns the handles and the buffers and turns a failure into galley::Error.
#include "image/formats.hpp"

#include <png.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace galley::image::detail {
namespace {

// Everything libpng's callbacks touch: plain C data.
struct PngInput {
  const unsigned char* data;
  std::size_t size;
  std::size_t offset;
  bool ran_out;       ///< libpng asked for bytes past the end
  char message[256];  ///< libpng's last error
};

// The image once libpng's transforms make it 8-bit gray or RGB, with or without alpha.
struct PngLayout {
  png_uint_32 width;
  png_uint_32 height;
  int channels;  ///< 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA
  int passes;    ///< 7 when interlaced (Adam7), else 1
  std::size_t row_bytes;
};

// libpng's read callback: never past the end of the buffer.
void read_bytes(png_structp png, png_bytep out, std::size_t length) {
  auto* input = static_cast<PngInput*>(png_get_io_ptr(png));
  if (length > input->size - input->offset) {
    input->ran_out = true;
    png_error(png, "the file ends before the image does");
  }
  std::memcpy(out, input->data + input->offset, length);
  input->offset += length;
}

// Records the message and jumps back to the setjmp of the running phase; never returns into
// libpng (which would then abort).
void on_error(png_structp png, png_const_charp message) {
  auto* input = static_cast<PngInput*>(png_get_error_ptr(png));
  std::snprintf(input->message, sizeof input->message, "%s", message ? message : "unknown error");
  png_longjmp(png, 1);
}

// Warnings are what libpng recovered from by itself (a damaged ancillary chunk is skipped, a
// questionable colour profile ignored); nothing to tell the reader of an article.
void on_warning(png_structp, png_const_charp) {}

// The rows as the transforms asked for will give them. Called inside a phase's setjmp (libpng
// may fail here too).
void read_layout(png_structp png, png_infop info, PngLayout* layout) {
  layout->passes = png_set_interlace_handling(png);
  png_read_update_info(png, info);
  layout->width = png_get_image_width(png, info);
  layout->height = png_get_image_height(png, info);
  layout->channels = png_get_channels(png, info);
  layout->row_bytes = png_get_rowbytes(png, info);
}

// Phase 1: the header, and the transforms that give 8-bit gray or RGB, with alpha when the
// image has any (an alpha channel, or tRNS, which also covers a palette's transparency).
bool read_header(png_structp png, png_infop info, PngLayout* layout) {
  // NOLINTNEXTLINE(cert-err52-cpp): libpng reports errors only by longjmp
  if (setjmp(png_jmpbuf(png))) return false;
  png_read_info(png, info);
  const int colour_type = png_get_color_type(png, info);
  const int bit_depth = png_get_bit_depth(png, info);
  // scale_16 rounds (65535 -> 255, 32768 -> 128); strip_16 would only drop the low byte.
  if (bit_depth == 16) png_set_scale_16(png);
  if (colour_type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
  if (colour_type == PNG_COLOR_TYPE_GRAY && bit_depth < 8) png_set_expand_gray_1_2_4_to_8(png);
  if (png_get_valid(png, info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(png);
  read_layout(png, info, layout);
  return true;
}

// Phase 2a: every pass into `image` (height rows of row_bytes). For an interlaced image the
// same rows are read once a pass, libpng filling in that pass's pixels.
bool read_image(png_structp png, const PngLayout* layout, unsigned char* image) {
  // NOLINTNEXTLINE(cert-err52-cpp): libpng reports errors only by longjmp
  if (setjmp(png_jmpbuf(png))) return false;
  for (int pass = 0; pass < layout->passes; ++pass) {
    for (png_uint_32 y = 0; y < layout->height; ++y) png_read_row(png, image + y * layout->row_bytes, nullptr);
  }
  return true;
}

// Phase 2b, for a non-interlaced image with alpha: one row at a time through `row`, split at
// once into the colour and alpha planes, so the interleaved image never exists whole.
bool read_split(png_structp png, const PngLayout* layout, unsigned char* row, unsigned char* colour,
                unsigned char* alpha) {
  // NOLINTNEXTLINE(cert-err52-cpp): libpng reports errors only by longjmp
  if (setjmp(png_jmpbuf(png))) return false;
  const std::size_t colours = static_cast<std::size_t>(layout->channels) - 1;
  for (png_uint_32 y = 0; y < layout->height; ++y) {
    png_read_row(png, row, nullptr);
    const std::size_t first = std::size_t{y} * layout->width;
    for (std::size_t x = 0; x < layout->width; ++x) {
      const unsigned char* sample = row + x * (colours + 1);
      for (std::size_t c = 0; c < colours; ++c) colour[(first + x) * colours + c] = sample[c];
      alpha[first + x] = sample[colours];
    }
  }
  return true;
}

// Verify, phase 1: the header, with no transform but the interlace handling (which only
// decides how often each row is read), and the facts a backend needs to embed the file as is.
bool read_plain_header(png_structp png, png_infop info, PngLayout* layout, Verified* verified) {
  // NOLINTNEXTLINE(cert-err52-cpp): libpng reports errors only by longjmp
  if (setjmp(png_jmpbuf(png))) return false;
  png_read_info(png, info);
  verified->png_bit_depth = static_cast<std::uint8_t>(png_get_bit_depth(png, info));
  verified->png_colour_type = static_cast<std::uint8_t>(png_get_color_type(png, info));
  verified->png_interlaced = png_get_interlace_type(png, info) != PNG_INTERLACE_NONE;
  verified->png_transparency = png_get_valid(png, info, PNG_INFO_tRNS) != 0;
  read_layout(png, info, layout);
  return true;
}

// Verify, phase 2: every row of every pass inflated and unfiltered into the one `row`.
bool read_rows_into(png_structp png, const PngLayout* layout, unsigned char* row) {
  // NOLINTNEXTLINE(cert-err52-cpp): libpng reports errors only by longjmp
  if (setjmp(png_jmpbuf(png))) return false;
  for (int pass = 0; pass < layout->passes; ++pass) {
    for (png_uint_32 y = 0; y < layout->height; ++y) png_read_row(png, row, nullptr);
  }
  return true;
}

// Frees libpng's structures on every way out of decode_png.
struct PngHandles {
  png_structp png = nullptr;
  png_infop info = nullptr;
  PngHandles() = default;
  PngHandles(const PngHandles&) = delete;
  PngHandles& operator=(const PngHandles&) = delete;
  ~PngHandles() { png_destroy_read_struct(&png, info ? &info : nullptr, nullptr); }
};

// A libpng reader over `bytes` with galley's guards; what decode and verify share.
struct PngReader {
  PngInput input;
  PngHandles handles;
  PngReader(std::string_view bytes, std::string_view name, const Limits& limits)
      : input{reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), 0, false, {}} {
    handles.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &input, on_error, on_warning);
    if (handles.png) handles.info = png_create_info_struct(handles.png);
    if (!handles.png || !handles.info) fail(name, "image refused: not enough memory to start the PNG decoder");
    png_set_read_fn(handles.png, &input, read_bytes);
    // libpng's own guards, behind ours in probe: no side over the pixel budget, few cached
    // ancillary chunks, and a cap on what one chunk (a compressed profile or text) may inflate to.
    const auto side = static_cast<png_uint_32>(std::min<std::uint64_t>(limits.max_pixels, PNG_UINT_31_MAX));
    png_set_user_limits(handles.png, side, side);
    png_set_chunk_cache_max(handles.png, 128);
    png_set_chunk_malloc_max(handles.png, 8u << 20);
  }
  [[noreturn]] void damaged(std::string_view name) const {
    fail(name, std::string("the PNG image is ") + (input.ran_out ? "truncated: " : "damaged: ") + input.message);
  }
};

}  // namespace

Raster decode_png(std::string_view bytes, std::string_view name, const Limits& limits) {
  PngReader reader(bytes, name, limits);
  png_structp png = reader.handles.png;
  const auto damaged = [&] { reader.damaged(name); };
  PngLayout layout{};
  if (!read_header(png, reader.handles.info, &layout)) damaged();
  check_size(name, layout.width, layout.height, limits);
  if (layout.channels < 1 || layout.channels > 4 ||
      layout.row_bytes != std::size_t{layout.width} * static_cast<std::size_t>(layout.channels)) {
    fail(name, "the PNG image is not supported: unexpected sample layout after conversion to 8 bits");
  }

  Raster raster;
  raster.width = layout.width;
  raster.height = layout.height;
  raster.gray = layout.channels <= 2;
  const std::uint64_t samples = std::uint64_t{layout.row_bytes} * layout.height;
  if (layout.channels == 1 || layout.channels == 3) {
    raster.pixels = allocate(name, samples);
    if (!read_image(png, &layout, raster.pixels.data())) damaged();
  } else if (layout.passes == 1) {
    const std::uint64_t count = std::uint64_t{layout.width} * layout.height;
    raster.pixels = allocate(name, count * static_cast<std::uint64_t>(layout.channels - 1));
    raster.alpha = allocate(name, count);
    std::vector<std::uint8_t> row = allocate(name, layout.row_bytes);
    if (!read_split(png, &layout, row.data(), raster.pixels.data(), raster.alpha.data())) damaged();
    drop_opaque_alpha(raster);
  } else {
    std::vector<std::uint8_t> image = allocate(name, samples);
    if (!read_image(png, &layout, image.data())) damaged();
    split_alpha(raster, image.data(), layout.channels);
  }
  // Chunks after the image data (text, time, IEND) are not read: the pixels are complete, and
  // a file cut after its last IDAT is still a whole picture.
  return raster;
}

Verified verify_png(std::string_view bytes, std::string_view name, const Limits& limits) {
  PngReader reader(bytes, name, limits);
  png_structp png = reader.handles.png;
  Verified verified;
  PngLayout layout{};
  if (!read_plain_header(png, reader.handles.info, &layout, &verified)) reader.damaged(name);
  check_size(name, layout.width, layout.height, limits);
  verified.info.width = layout.width;
  verified.info.height = layout.height;
  // png_read_info stops right after the first IDAT chunk's length and type.
  if (!verified.png_interlaced && reader.input.offset >= 8 &&
      image_data_clean(bytes, reader.input.offset - 8, layout.height, layout.row_bytes)) {
    verified.png_intact = true;
    return verified;
  }
  // Anything short of clean: libpng reads the rows and gives its own verdict, in its words.
  std::vector<std::uint8_t> row = allocate(name, layout.row_bytes);
  if (!read_rows_into(png, &layout, row.data())) reader.damaged(name);
  return verified;
}

}  // namespace galley::image::detail
