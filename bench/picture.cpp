// The corpus's lead pictures: a synthetic photograph (a sky that darkens upwards, hills, a
// row of buildings with lit windows) drawn with integer arithmetic from the picture's seed,
// encoded by libpng or libjpeg into memory, so every peer embeds the same real image.
#include <cstddef>
#include <cstdio>  // jpeglib.h needs size_t and FILE declared first

#include <jpeglib.h>
#include <png.h>

#include <cstdlib>
#include <stdexcept>
#include <vector>

#include "corpus.hpp"

namespace galley::bench {
namespace {

struct Rgb {
  unsigned char r, g, b;
};
static_assert(sizeof(Rgb) == 3, "rows are handed to the encoders as bytes");

std::vector<Rgb> draw(const Picture& picture) {
  Rng rng(picture.seed);
  const int w = picture.width;
  const int h = picture.height;
  std::vector<Rgb> pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
  const int dusk = static_cast<int>(rng.below(80));
  // Hills: a profile made of a few integer "waves", each a triangle wave of its own period.
  std::vector<int> ground(static_cast<std::size_t>(w));
  const int base = h * 6 / 10;
  int periods[3];
  int heights[3];
  for (int k = 0; k < 3; ++k) {
    periods[k] = 40 + static_cast<int>(rng.below(200));
    heights[k] = 4 + static_cast<int>(rng.below(static_cast<std::uint64_t>(h / 10)));
  }
  for (int x = 0; x < w; ++x) {
    int y = base;
    for (int k = 0; k < 3; ++k) {
      const int phase = x % periods[k];
      const int tri = phase < periods[k] / 2 ? phase : periods[k] - phase;
      y -= tri * heights[k] * 2 / periods[k];
    }
    ground[static_cast<std::size_t>(x)] = y;
  }
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      Rgb& p = pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)];
      if (y < ground[static_cast<std::size_t>(x)]) {
        const int t = y * 255 / h;
        p = {static_cast<unsigned char>(60 + t / 2 + dusk), static_cast<unsigned char>(90 + t / 2),
             static_cast<unsigned char>(160 + t / 4)};
      } else {
        const int shade = (y - ground[static_cast<std::size_t>(x)]) * 90 / h;
        p = {static_cast<unsigned char>(50 + shade), static_cast<unsigned char>(95 + shade / 2),
             static_cast<unsigned char>(45 + shade / 3)};
      }
    }
  }
  // Buildings standing on the lowest part of the picture, windows in a grid.
  const int buildings = 3 + static_cast<int>(rng.below(6));
  for (int b = 0; b < buildings; ++b) {
    const int bw = w / 16 + static_cast<int>(rng.below(static_cast<std::uint64_t>(w / 8)));
    const int bh = h / 8 + static_cast<int>(rng.below(static_cast<std::uint64_t>(h / 3)));
    const int x0 = static_cast<int>(rng.below(static_cast<std::uint64_t>(w - bw)));
    const int y1 = h * 9 / 10;
    const Rgb wall{static_cast<unsigned char>(90 + rng.below(100)), static_cast<unsigned char>(80 + rng.below(90)),
                   static_cast<unsigned char>(70 + rng.below(80))};
    for (int y = y1 - bh; y < y1; ++y) {
      for (int x = x0; x < x0 + bw; ++x) {
        const bool window = (x - x0) % 12 > 4 && (x - x0) % 12 < 9 && (y - y1 + bh) % 16 > 5 && (y - y1 + bh) % 16 < 12;
        pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)] =
            window ? Rgb{230, 210, 120} : wall;
      }
    }
  }
  return pixels;
}

std::string encode_png(const Picture& picture, const std::vector<Rgb>& pixels) {
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!png || !info) throw std::runtime_error("libpng: out of memory");
  std::string out;
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    throw std::runtime_error("libpng could not write a picture");
  }
  png_set_write_fn(
      png, &out,
      [](png_structp p, png_bytep data, png_size_t length) {
        static_cast<std::string*>(png_get_io_ptr(p))->append(reinterpret_cast<const char*>(data), length);
      },
      nullptr);
  png_set_IHDR(png, info, static_cast<png_uint_32>(picture.width), static_cast<png_uint_32>(picture.height), 8,
               PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  for (int y = 0; y < picture.height; ++y) {
    png_write_row(png, reinterpret_cast<png_const_bytep>(&pixels[static_cast<std::size_t>(y * picture.width)]));
  }
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return out;
}

std::string encode_jpeg(const Picture& picture, const std::vector<Rgb>& pixels) {
  jpeg_compress_struct jpeg{};
  jpeg_error_mgr errors{};
  jpeg.err = jpeg_std_error(&errors);  // the pictures are made here: libjpeg cannot fail on them
  jpeg_create_compress(&jpeg);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&jpeg, &buffer, &size);
  jpeg.image_width = static_cast<JDIMENSION>(picture.width);
  jpeg.image_height = static_cast<JDIMENSION>(picture.height);
  jpeg.input_components = 3;
  jpeg.in_color_space = JCS_RGB;
  jpeg_set_defaults(&jpeg);
  jpeg.dct_method = JDCT_ISLOW;  // integer DCT: the same bytes with or without SIMD
  jpeg_set_quality(&jpeg, 85, TRUE);
  jpeg_start_compress(&jpeg, TRUE);
  while (jpeg.next_scanline < jpeg.image_height) {
    JSAMPROW row = const_cast<JSAMPROW>(
        reinterpret_cast<const unsigned char*>(&pixels[static_cast<std::size_t>(jpeg.next_scanline) *
                                                       static_cast<std::size_t>(picture.width)]));
    jpeg_write_scanlines(&jpeg, &row, 1);
  }
  jpeg_finish_compress(&jpeg);
  jpeg_destroy_compress(&jpeg);
  std::string out(reinterpret_cast<const char*>(buffer), size);
  std::free(buffer);
  return out;
}

}  // namespace

std::string write_picture(const Picture& picture) {
  const std::vector<Rgb> pixels = draw(picture);
  return picture.png ? encode_png(picture, pixels) : encode_jpeg(picture, pixels);
}

}  // namespace galley::bench
