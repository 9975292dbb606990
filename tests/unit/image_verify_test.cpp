// Tests for image::verify (src/image/decode.cpp, png.cpp, jpeg.cpp): on every fixture, and on
// every cut and many bit-flipped copies of them, it must reach decode()'s verdict exactly (the
// same error message, the same warnings, the same "JPEG usable as it is"); plus the PNG facts
// a backend needs to pass a PNG's image data on, and png_image_data.
#include "image/image.hpp"

#include <gtest/gtest.h>

#include <array>
#include <string_view>
#include <fstream>
#include <iterator>
#include <random>

namespace galley::image {
namespace {

namespace fs = std::filesystem;

std::string fixture(std::string_view name) {
  const fs::path path = fs::path(GALLEY_SOURCE_DIR) / "tests/unit/fixtures/images" / name;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << path;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Every raster fixture, the photo-like JPEGs with several rows of MCUs (one progressive, one
// with restart markers, one 4:4:4 of an odd size), whose rows verify skips, and a PNG with a
// 32 KB window in 11 IDAT chunks, which verify inflates in one go.
const std::array all_fixtures = {"gray8.png",        "gray4.png",       "gray_trns.png",       "rgb8.png",
                                 "rgb16.png",        "gray_alpha16.png", "palette.png",        "palette_opaque.png",
                                 "gray_alpha.png",   "rgba.png",        "photo.png",        "rgba_opaque.png",     "interlaced.png",
                                 "interlaced_alpha.png", "rgb.jpg",     "progressive.jpg",     "gray.jpg",
                                 "cmyk_adobe.jpg",   "ycck_adobe.jpg",  "cmyk_plain.jpg",      "photo.jpg",
                                 "photo-progressive.jpg", "photo-restarts.jpg", "photo-444.jpg", "frames.gif", "offset.gif",          "interlaced.gif",
                                 "lossless.webp",    "lossless_opaque.webp", "lossy.webp"};

// What a check concluded: the error, or the size, the warnings and whether the JPEG's bytes
// may be embedded as they are.
struct Outcome {
  std::string error;
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  std::vector<std::string> warnings;
  bool jpeg_as_is = false;
  bool operator==(const Outcome&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Outcome& o) {
  out << (o.error.empty() ? "ok" : "error: " + o.error) << " " << o.width << "x" << o.height
      << (o.jpeg_as_is ? " as-is" : "");
  for (const auto& warning : o.warnings) out << " [" << warning << "]";
  return out;
}

std::vector<std::string> messages(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& item : diagnostics.items()) out.push_back(item.file + ": " + item.message);
  return out;
}

const Limits small_budget = [] {
  Limits limits;
  limits.max_pixels = 1 << 20;
  return limits;
}();

Outcome by_decode(const std::string& bytes) {
  Outcome outcome;
  Diagnostics diagnostics;
  try {
    const Raster raster = decode(bytes, "picture", small_budget, diagnostics);
    outcome.width = raster.width;
    outcome.height = raster.height;
    outcome.jpeg_as_is = !raster.jpeg.empty();
  } catch (const Error& error) {
    outcome.error = error.diagnostic().message;
  }
  outcome.warnings = messages(diagnostics);
  return outcome;
}

Outcome by_verify(const std::string& bytes) {
  Outcome outcome;
  Diagnostics diagnostics;
  try {
    const Verified verified = verify(bytes, "picture", small_budget, diagnostics);
    outcome.width = verified.info.width;
    outcome.height = verified.info.height;
    outcome.jpeg_as_is = verified.jpeg_as_is;
  } catch (const Error& error) {
    outcome.error = error.diagnostic().message;
  }
  outcome.warnings = messages(diagnostics);
  return outcome;
}

TEST(ImageVerify, AgreesWithDecodeOnEveryFixture) {
  for (const char* name : all_fixtures) {
    const std::string bytes = fixture(name);
    const Outcome decoded = by_decode(bytes);
    EXPECT_TRUE(decoded.error.empty()) << name;
    EXPECT_EQ(by_verify(bytes), decoded) << name;
  }
  EXPECT_TRUE(by_verify(fixture("photo.jpg")).jpeg_as_is);
  EXPECT_FALSE(by_verify(fixture("cmyk_adobe.jpg")).jpeg_as_is);
}

// Cut at every length: truncation inside headers, tables, every row of MCUs or scan, and the
// image data; the verdict ("truncated", "damaged", decoded with a warning) must not differ.
TEST(ImageVerify, AgreesWithDecodeOnEveryCut) {
  int refused = 0;
  int repaired = 0;
  for (const char* name : all_fixtures) {
    const std::string bytes = fixture(name);
    for (std::size_t length = 0; length < bytes.size(); ++length) {
      const std::string cut = bytes.substr(0, length);
      const Outcome decoded = by_decode(cut);
      ASSERT_EQ(by_verify(cut), decoded) << name << " cut at " << length;
      refused += !decoded.error.empty();
      repaired += decoded.error.empty() && !decoded.warnings.empty();
    }
  }
  EXPECT_GT(refused, 3000);
  EXPECT_GT(repaired, 10);  // JPEGs cut inside their last row of MCUs: only EOI is missing
}

// The truncation verdict counts rows of MCUs as the data is read, not rows as they come out
// (which lag behind by a row group when libjpeg smooths subsampled colour): a 4:2:0 picture
// whose height is a multiple of 16 and that only lacks its EOI marker used to be refused.
TEST(ImageVerify, JpegWithoutItsEndMarkerDecodesWhateverItsHeight) {
  const std::string jpeg = fixture("photo.jpg");  // 72 x 64: four full rows of MCUs
  const std::string open = jpeg.substr(0, jpeg.size() - 2);
  const Outcome decoded = by_decode(open);
  EXPECT_TRUE(decoded.error.empty()) << decoded;
  ASSERT_EQ(decoded.warnings.size(), 1u);
  EXPECT_NE(decoded.warnings[0].find("Premature end"), std::string::npos);
  EXPECT_FALSE(decoded.jpeg_as_is);
  EXPECT_EQ(by_verify(open), decoded);
  // Cut inside its third row of MCUs: rows are lost.
  const Outcome cut = by_decode(jpeg.substr(0, jpeg.size() * 3 / 4));
  EXPECT_NE(cut.error.find("ends before its last row"), std::string::npos) << cut;
}

TEST(ImageVerify, AgreesWithDecodeOnFlippedBytes) {
  std::mt19937 random(20261202);
  int refused = 0;
  int repaired = 0;
  for (const char* name : all_fixtures) {
    const std::string bytes = fixture(name);
    for (int i = 0; i < (std::string_view(name).starts_with("photo") ? 1000 : 150); ++i) {
      std::string flipped = bytes;
      const int flips = 1 + static_cast<int>(random() % 4);
      for (int f = 0; f < flips; ++f) {
        const std::size_t where = 4 + random() % (flipped.size() - 4);
        flipped[where] = static_cast<char>(flipped[where] ^ static_cast<char>(1 + random() % 255));
      }
      const Outcome decoded = by_decode(flipped);
      ASSERT_EQ(by_verify(flipped), decoded) << name << " flipped #" << i;
      refused += !decoded.error.empty();
      repaired += decoded.error.empty() && !decoded.warnings.empty();
    }
  }
  EXPECT_GT(refused, 1000);
  EXPECT_GT(repaired, 50);  // damaged entropy data decodes with a warning, and never as-is
}

TEST(ImageVerify, PngHeaderFacts) {
  const Verified rgb = verify(fixture("rgb8.png"), "rgb8.png");
  EXPECT_EQ(rgb.info.kind, Kind::png);
  EXPECT_EQ(rgb.png_bit_depth, 8);
  EXPECT_EQ(rgb.png_colour_type, 2);
  EXPECT_FALSE(rgb.png_interlaced);
  EXPECT_FALSE(rgb.png_transparency);
  EXPECT_TRUE(rgb.png_intact);
  const Verified gray4 = verify(fixture("gray4.png"), "gray4.png");
  EXPECT_EQ(gray4.png_bit_depth, 4);
  EXPECT_EQ(gray4.png_colour_type, 0);
  EXPECT_EQ(gray4.info.colours, Colours::gray);
  EXPECT_TRUE(verify(fixture("gray_trns.png"), "t.png").png_transparency);
  EXPECT_TRUE(verify(fixture("interlaced.png"), "i.png").png_interlaced);
  EXPECT_EQ(verify(fixture("palette.png"), "p.png").png_colour_type, 3);
  EXPECT_EQ(verify(fixture("rgb16.png"), "p.png").png_bit_depth, 16);
  EXPECT_EQ(verify(fixture("rgba.png"), "p.png").png_colour_type, 6);
}

// Standard CRC-32 (as in PNG chunks).
std::uint32_t crc32(std::string_view bytes) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (const char c : bytes) {
    crc ^= static_cast<unsigned char>(c);
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

std::string chunk(std::string_view type, std::string_view data) {
  std::string out;
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>(data.size() >> shift);
  const std::string body = std::string(type) + std::string(data);
  out += body;
  const std::uint32_t crc = crc32(body);
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>(crc >> shift);
  return out;
}

// A PNG's consecutive IDAT chunks: where the first starts, where the last ends, their data.
struct Idat {
  std::size_t at;
  std::size_t end;
  std::string data;
};
Idat idat_of(const std::string& png) {
  Idat idat{png.find("IDAT") - 4, 0, {}};
  std::size_t at = idat.at;
  while (at + 8 <= png.size() && png.compare(at + 4, 4, "IDAT") == 0) {
    std::size_t length = 0;
    for (std::size_t k = 0; k < 4; ++k) length = length << 8 | static_cast<unsigned char>(png[at + k]);
    idat.data += png.substr(at + 8, length);
    at += 12 + length;
  }
  idat.end = at;
  return idat;
}

// `png` with its IDAT chunks replaced by `chunks`.
std::string with_image_chunks(const std::string& png, const std::string& chunks) {
  const Idat idat = idat_of(png);
  return png.substr(0, idat.at) + chunks + png.substr(idat.end);
}

// rgb8.png's image data is checked as it streams through zlib (its window is small);
// photo.png's, in 11 chunks with a 32 KB window, is inflated in one go.
TEST(ImageVerify, PngImageDataJoinsTheIdatChunks) {
  for (const char* name : {"rgb8.png", "photo.png"}) {
    const std::string png = fixture(name);
    const std::string data = idat_of(png).data;
    EXPECT_EQ(png_image_data(png, name), data) << name;
    EXPECT_TRUE(verify(png, name).png_intact) << name;
    // The same data split over three IDAT chunks (one empty), with a text chunk after them.
    const std::string split = with_image_chunks(png, chunk("IDAT", data.substr(0, 5)) + chunk("IDAT", "") +
                                                         chunk("IDAT", data.substr(5)) +
                                                         chunk("tEXt", std::string("Title\0x", 7)));
    const Verified verified = verify(split, "split.png");
    EXPECT_TRUE(verified.png_intact) << name;
    EXPECT_EQ(by_verify(split), by_decode(split)) << name;
    EXPECT_EQ(png_image_data(split, "split.png"), data) << name;
    // The zlib header and the Adler-32 split over chunks too: checked across them.
    for (const std::size_t cut_at : {std::size_t{1}, data.size() - 2, data.size() - 1}) {
      const std::string two =
          with_image_chunks(png, chunk("IDAT", data.substr(0, cut_at)) + chunk("IDAT", data.substr(cut_at)));
      EXPECT_TRUE(verify(two, "two.png").png_intact) << name << " " << cut_at;
      EXPECT_EQ(by_verify(two), by_decode(two)) << name << " " << cut_at;
    }
    EXPECT_THROW(png_image_data(png.substr(0, idat_of(png).at), "none.png"), Error);
    // Cut after the image data (no IEND): a whole picture, and its image data whole too.
    const std::string cut = png.substr(0, png.size() - 12);
    EXPECT_EQ(by_verify(cut), by_decode(cut)) << name;
    EXPECT_TRUE(verify(cut, "cut.png").png_intact) << name;
  }
}

// Image data that libpng reads but that is not one exact stream is never called intact, and
// its verdict is libpng's.
TEST(ImageVerify, PngImageDataWithAnythingExtraIsNotIntact) {
  for (const char* name : {"rgb8.png", "photo.png"}) {
    const std::string png = fixture(name);
    const std::string data = idat_of(png).data;
    const std::string cases[] = {
        with_image_chunks(png, chunk("IDAT", data + "xyz")),                    // bytes after the stream
        with_image_chunks(png, chunk("IDAT", data) + chunk("IDAT", "xyz")),     // a chunk after it
        with_image_chunks(png, chunk("IDAT", data.substr(0, data.size() - 4))),  // without its Adler-32
        with_image_chunks(png, chunk("IDAT", data.substr(0, data.size() - 1) +
                                                 static_cast<char>(data.back() ^ 1))),  // a wrong Adler-32
        with_image_chunks(png, chunk("IDAT", data.substr(0, data.size() - 4)) +
                                   chunk("IDAT", data.substr(data.size() - 4, 2))),  // half of it, then the end
    };
    for (const std::string& bad : cases) {
      EXPECT_EQ(by_verify(bad), by_decode(bad)) << name;
      try {
        EXPECT_FALSE(verify(bad, "extra.png").png_intact) << name;
      } catch (const Error&) {
      }
    }
  }
  EXPECT_FALSE(verify(fixture("interlaced.png"), "i.png").png_intact);  // rows in seven passes
}

}  // namespace
}  // namespace galley::image
