// Tests for the image part (src/image/): sniffing, header sizes, decoding every format with
// pixel values checked at chosen points, refusals (damaged, truncated, over a limit) as
// galley::Error, and a robustness pass over cut and bit-flipped fixtures. The fixtures and the
// formulas behind their pixels come from tests/unit/fixtures/images/make_fixtures.c;
// confinement (locate) and read_file are tested in image_locate_test.cpp.
#include "image/image.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <random>
#include <thread>

namespace galley::image {
namespace {

namespace fs = std::filesystem;

std::string fixture(std::string_view name) {
  const fs::path path = fs::path(GALLEY_SOURCE_DIR) / "tests/unit/fixtures/images" / name;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << path;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Raster decoded(std::string_view name) { return decode(fixture(name), name); }

// The samples of pixel (x, y): one for gray, three for RGB.
std::vector<int> at(const Raster& r, std::uint32_t x, std::uint32_t y) {
  const std::size_t channels = r.gray ? 1 : 3;
  const std::size_t first = (std::size_t{y} * r.width + x) * channels;
  return {r.pixels.begin() + static_cast<std::ptrdiff_t>(first),
          r.pixels.begin() + static_cast<std::ptrdiff_t>(first + channels)};
}
int alpha_at(const Raster& r, std::uint32_t x, std::uint32_t y) { return r.alpha.at(std::size_t{y} * r.width + x); }

// Lossy formats: every sample within `tolerance` of `expected`.
::testing::AssertionResult near(const std::vector<int>& got, const std::vector<int>& expected, int tolerance = 12) {
  if (got.size() != expected.size()) return ::testing::AssertionFailure() << "wrong channel count";
  for (std::size_t i = 0; i < got.size(); ++i) {
    if (std::abs(got[i] - expected[i]) > tolerance) {
      return ::testing::AssertionFailure() << "sample " << i << " is " << got[i] << ", expected " << expected[i];
    }
  }
  return ::testing::AssertionSuccess();
}

void expect_shape(const Raster& r, std::uint32_t width, std::uint32_t height, bool gray, bool alpha) {
  EXPECT_EQ(r.width, width);
  EXPECT_EQ(r.height, height);
  EXPECT_EQ(r.gray, gray);
  EXPECT_EQ(r.pixels.size(), std::size_t{width} * height * (gray ? 1 : 3));
  EXPECT_EQ(r.alpha.size(), alpha ? std::size_t{width} * height : 0u);
}

// The message of the galley::Error that `run` throws ("" when it throws none, after failing).
template <typename Run>
std::string error_of(Run run) {
  try {
    run();
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::data);
    EXPECT_FALSE(error.diagnostic().message.empty());
    EXPECT_NE(error.diagnostic().message.back(), '.');  // diagnostics carry no trailing period
    return error.diagnostic().message;
  }
  ADD_FAILURE() << "no galley::Error thrown";
  return {};
}

bool mentions(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

// Standard CRC-32 (as in PNG chunks), for crafting headers libpng would accept.
std::uint32_t crc32(std::string_view bytes) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (const char c : bytes) {
    crc ^= static_cast<unsigned char>(c);
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

std::string big_endian(std::uint32_t value) {
  return {static_cast<char>(value >> 24), static_cast<char>(value >> 16), static_cast<char>(value >> 8),
          static_cast<char>(value)};
}

// Where the first IDAT chunk starts (its length field) in a PNG.
std::size_t idat_offset(const std::string& png) {
  const std::size_t type = png.find("IDAT");
  EXPECT_NE(type, std::string::npos);
  return type - 4;
}

const std::array all_fixtures = {"gray8.png",
                                 "gray4.png",
                                 "gray_trns.png",
                                 "rgb8.png",
                                 "rgb16.png",
                                 "gray_alpha16.png",
                                 "palette.png",
                                 "palette_opaque.png",
                                 "gray_alpha.png",
                                 "rgba.png",
                                 "rgba_opaque.png",
                                 "interlaced.png",
                                 "interlaced_alpha.png",
                                 "rgb.jpg",
                                 "progressive.jpg",
                                 "gray.jpg",
                                 "cmyk_adobe.jpg",
                                 "ycck_adobe.jpg",
                                 "cmyk_plain.jpg",
                                 "frames.gif",
                                 "offset.gif",
                                 "interlaced.gif",
                                 "lossless.webp",
                                 "lossless_opaque.webp",
                                 "lossy.webp"};

// ---- sniff ----------------------------------------------------------------------------------

TEST(ImageSniff, RecognisesEachFormatByItsBytes) {
  EXPECT_EQ(sniff(fixture("rgb8.png")), Kind::png);
  EXPECT_EQ(sniff(fixture("rgb.jpg")), Kind::jpeg);
  EXPECT_EQ(sniff(fixture("frames.gif")), Kind::gif);
  EXPECT_EQ(sniff("GIF87a"), Kind::gif);
  EXPECT_EQ(sniff(fixture("lossy.webp")), Kind::webp);
  EXPECT_EQ(sniff("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), Kind::svg);
  EXPECT_EQ(sniff("\xEF\xBB\xBF  <?xml version=\"1.0\"?>\n<!-- c -->\n<svg/>"), Kind::svg);
  EXPECT_EQ(sniff("<!DOCTYPE svg [ <!ENTITY a \"<b>\"> ]>\n<svg>"), Kind::svg);
  EXPECT_EQ(media_type(Kind::png), "image/png");
  EXPECT_EQ(media_type(Kind::jpeg), "image/jpeg");
  EXPECT_EQ(media_type(Kind::gif), "image/gif");
  EXPECT_EQ(media_type(Kind::webp), "image/webp");
  EXPECT_EQ(media_type(Kind::svg), "image/svg+xml");
  EXPECT_EQ(media_type(Kind::unknown), "");
}

TEST(ImageSniff, RefusesEverythingElse) {
  EXPECT_EQ(sniff(""), Kind::unknown);
  EXPECT_EQ(sniff("\x89PN"), Kind::unknown);
  EXPECT_EQ(sniff("\xFF\xD8"), Kind::unknown);
  EXPECT_EQ(sniff("BM\x36\x00"), Kind::unknown);                             // BMP
  EXPECT_EQ(sniff(std::string("RIFF\x24\0\0\0WAVEfmt ", 16)), Kind::unknown);  // WAV
  EXPECT_EQ(sniff("RIFF"), Kind::unknown);
  EXPECT_EQ(sniff("<html><body/></html>"), Kind::unknown);
  EXPECT_EQ(sniff("<!DOCTYPE html><html><body><svg></svg></body></html>"), Kind::unknown);  // inline SVG
  EXPECT_EQ(sniff("<?xml version=\"1.0\"?><rss/>"), Kind::unknown);
  EXPECT_EQ(sniff("<svgx/>"), Kind::unknown);
  EXPECT_EQ(sniff("<!-- never closed <svg>"), Kind::unknown);
  EXPECT_EQ(sniff("%PDF-1.7"), Kind::unknown);
}

// ---- probe ----------------------------------------------------------------------------------

TEST(ImageProbe, ReadsSizesFromHeadersAlone) {
  struct Case {
    const char* name;
    Kind kind;
    std::uint32_t width, height;
  };
  for (const Case& c : {Case{"gray8.png", Kind::png, 7, 5}, Case{"interlaced.png", Kind::png, 13, 11},
                        Case{"rgb.jpg", Kind::jpeg, 32, 16}, Case{"progressive.jpg", Kind::jpeg, 32, 16},
                        Case{"cmyk_adobe.jpg", Kind::jpeg, 16, 16}, Case{"frames.gif", Kind::gif, 8, 6},
                        Case{"offset.gif", Kind::gif, 10, 10}, Case{"lossless.webp", Kind::webp, 5, 4},
                        Case{"lossy.webp", Kind::webp, 32, 32}}) {
    const Info info = probe(fixture(c.name), c.name);
    EXPECT_EQ(info.kind, c.kind) << c.name;
    EXPECT_EQ(info.width, c.width) << c.name;
    EXPECT_EQ(info.height, c.height) << c.name;
  }
  // Only the header is needed: the first 40 bytes of a PNG, a JPEG cut after its frame header.
  EXPECT_EQ(probe(fixture("rgb8.png").substr(0, 40), "cut.png").width, 6u);
  const std::string jpeg = fixture("rgb.jpg");
  EXPECT_EQ(probe(jpeg.substr(0, jpeg.find("\xFF\xC0") + 19), "cut.jpg").height, 16u);
}

TEST(ImageProbe, GifCanvasGrowsToHoldTheFirstFrame) {
  // Logical screen 2 x 2, first frame 3 x 4 at (1, 1): the canvas becomes 4 x 5.
  const std::string gif =
      std::string("GIF89a\x02\0\x02\0\0\0\0", 13) + std::string("\x2C\x01\0\x01\0\x03\0\x04\0\0", 10);
  const Info info = probe(gif, "grown.gif");
  EXPECT_EQ(info.width, 4u);
  EXPECT_EQ(info.height, 5u);
}

TEST(ImageProbe, RefusesDamagedHeaders) {
  EXPECT_TRUE(mentions(error_of([] { probe("\xFF\xD8", "two.jpg"); }), "not PNG, JPEG"));
  EXPECT_TRUE(mentions(error_of([] { probe("\xFF\xD8\xFF", "three.jpg"); }), "truncated"));
  EXPECT_TRUE(mentions(error_of([] { probe(std::string("\xFF\xD8\xFF\xD9", 4), "eoi.jpg"); }), "before any frame"));
  EXPECT_TRUE(mentions(error_of([] { probe(std::string("\xFF\xD8\xFF\xE0\x00\x01", 6), "len.jpg"); }), "length"));
  EXPECT_TRUE(mentions(error_of([] { probe(std::string("\xFF\xD8\xFF\xE0\x40\x00JFIF", 10), "cut.jpg"); }),
                       "truncated"));
  EXPECT_TRUE(mentions(error_of([] { probe(fixture("rgb8.png").substr(0, 20), "cut.png"); }), "truncated"));
  EXPECT_TRUE(mentions(error_of([] { probe(std::string("GIF89a\x02\0\x02\0\0\0\0;", 14), "none.gif"); }),
                       "no image"));
  EXPECT_TRUE(mentions(error_of([] { probe(fixture("lossy.webp").substr(0, 14), "cut.webp"); }), "WebP"));
  EXPECT_TRUE(mentions(error_of([] { probe("<svg/>", "drawing.svg"); }), "SVG"));
  EXPECT_TRUE(mentions(error_of([] { probe("hello", "text.png"); }), "not PNG, JPEG, GIF or WebP"));
}

// A PNG whose IHDR (with a correct CRC) claims 100000 x 100000: ten billion pixels.
std::string png_bomb() {
  std::string ihdr = "IHDR" + big_endian(100000) + big_endian(100000) + std::string("\x08\x02\0\0\0", 5);
  return std::string("\x89PNG\r\n\x1A\n", 8) + big_endian(13) + ihdr + big_endian(crc32(ihdr)) +
         fixture("rgb8.png").substr(33);
}

TEST(ImageProbe, RefusesADecompressionBombBeforeDecoding) {
  const std::string bomb = png_bomb();
  EXPECT_TRUE(mentions(error_of([&] { probe(bomb, "bomb.png"); }), "100000 x 100000 pixels is over the limit"));
  EXPECT_TRUE(mentions(error_of([&] { decode(bomb, "bomb.png"); }), "over the limit"));
  // A budget of 20 pixels refuses 6 x 4 and takes 5 x 4.
  Limits small;
  small.max_pixels = 20;
  EXPECT_TRUE(mentions(error_of([&] { decode(fixture("rgb8.png"), "rgb8.png", small); }), "6 x 4 pixels"));
  EXPECT_EQ(decode(fixture("lossless.webp"), "lossless.webp", small).width, 5u);
}

TEST(ImageProbe, RefusesFilesOverTheByteLimit) {
  Limits tiny;
  tiny.max_file_bytes = 50;
  const std::string png = fixture("rgb8.png");  // 81 bytes
  EXPECT_TRUE(mentions(error_of([&] { decode(png, "rgb8.png", tiny); }), "over the limit of 50 bytes"));
  EXPECT_TRUE(mentions(error_of([&] { probe(png, "rgb8.png", tiny); }), "over the limit"));
}

// ---- decode: PNG ----------------------------------------------------------------------------

TEST(ImageDecodePng, GrayEightAndFourBits) {
  const Raster gray = decoded("gray8.png");
  expect_shape(gray, 7, 5, true, false);
  EXPECT_EQ(at(gray, 3, 2), std::vector<int>{100});
  EXPECT_EQ(at(gray, 6, 4), std::vector<int>{200});
  const Raster four = decoded("gray4.png");
  expect_shape(four, 5, 3, true, false);
  EXPECT_EQ(at(four, 0, 0), std::vector<int>{0});
  EXPECT_EQ(at(four, 3, 1), std::vector<int>{8 * 17});
  EXPECT_EQ(at(four, 0, 2), std::vector<int>{10 * 17});
  EXPECT_TRUE(gray.jpeg.empty());
}

TEST(ImageDecodePng, GrayTransparencyBecomesAlpha) {
  const Raster r = decoded("gray_trns.png");
  expect_shape(r, 4, 2, true, true);
  EXPECT_EQ(at(r, 1, 0), std::vector<int>{80});
  EXPECT_EQ(alpha_at(r, 1, 0), 0);
  EXPECT_EQ(alpha_at(r, 1, 1), 255);  // 81: not the transparent value
  EXPECT_EQ(alpha_at(r, 0, 0), 255);
}

TEST(ImageDecodePng, RgbEightAndSixteenBits) {
  const Raster rgb = decoded("rgb8.png");
  expect_shape(rgb, 6, 4, false, false);
  EXPECT_EQ(at(rgb, 5, 3), (std::vector<int>{200, 180, 200}));
  EXPECT_EQ(at(rgb, 2, 1), (std::vector<int>{80, 60, 200}));
  const Raster deep = decoded("rgb16.png");
  expect_shape(deep, 4, 3, false, false);
  EXPECT_EQ(at(deep, 0, 0), (std::vector<int>{0, 128, 0}));
  EXPECT_EQ(at(deep, 1, 1), (std::vector<int>{85, 128, 128}));
  EXPECT_EQ(at(deep, 3, 2), (std::vector<int>{255, 128, 255}));
  const Raster gray_alpha = decoded("gray_alpha16.png");
  expect_shape(gray_alpha, 3, 2, true, true);
  EXPECT_EQ(at(gray_alpha, 1, 0), std::vector<int>{127});
  EXPECT_EQ(at(gray_alpha, 2, 1), std::vector<int>{255});
  EXPECT_EQ(alpha_at(gray_alpha, 0, 0), 255);
  EXPECT_EQ(alpha_at(gray_alpha, 0, 1), 127);
}

TEST(ImageDecodePng, PaletteWithAndWithoutTransparency) {
  const Raster r = decoded("palette.png");
  expect_shape(r, 4, 4, false, true);
  EXPECT_EQ(at(r, 0, 0), (std::vector<int>{255, 0, 0}));
  EXPECT_EQ(alpha_at(r, 0, 0), 0);
  EXPECT_EQ(at(r, 1, 0), (std::vector<int>{0, 255, 0}));
  EXPECT_EQ(alpha_at(r, 0, 1), 128);
  EXPECT_EQ(at(r, 1, 1), (std::vector<int>{0, 0, 255}));
  EXPECT_EQ(alpha_at(r, 1, 1), 255);
  EXPECT_EQ(at(r, 3, 0), (std::vector<int>{255, 255, 255}));
  const Raster opaque = decoded("palette_opaque.png");
  expect_shape(opaque, 4, 4, false, false);
  EXPECT_EQ(at(opaque, 2, 3), (std::vector<int>{0, 255, 0}));
}

TEST(ImageDecodePng, AlphaIsSplitOffAndDroppedWhenOpaque) {
  const Raster gray = decoded("gray_alpha.png");
  expect_shape(gray, 5, 5, true, true);
  EXPECT_EQ(at(gray, 4, 2), std::vector<int>{200});
  EXPECT_EQ(alpha_at(gray, 4, 2), 120);
  EXPECT_EQ(alpha_at(gray, 4, 0), 0);
  const Raster rgba = decoded("rgba.png");
  expect_shape(rgba, 4, 4, false, true);
  EXPECT_EQ(at(rgba, 3, 2), (std::vector<int>{180, 120, 100}));
  EXPECT_EQ(alpha_at(rgba, 3, 2), 255 - 60);
  const Raster opaque = decoded("rgba_opaque.png");
  expect_shape(opaque, 4, 4, false, false);
  EXPECT_EQ(at(opaque, 3, 2), (std::vector<int>{180, 120, 100}));
}

TEST(ImageDecodePng, InterlacedEveryPixel) {
  const Raster r = decoded("interlaced.png");
  expect_shape(r, 13, 11, false, false);
  const Raster a = decoded("interlaced_alpha.png");
  expect_shape(a, 13, 11, false, true);
  for (std::uint32_t y = 0; y < 11; ++y) {
    for (std::uint32_t x = 0; x < 13; ++x) {
      const std::vector<int> expected{static_cast<int>(x * 19), static_cast<int>(y * 23),
                                      static_cast<int>((x + y) * 7)};
      ASSERT_EQ(at(r, x, y), expected) << x << "," << y;
      ASSERT_EQ(at(a, x, y), expected) << x << "," << y;
      ASSERT_EQ(alpha_at(a, x, y), static_cast<int>(x * y * 2)) << x << "," << y;
    }
  }
}

TEST(ImageDecodePng, TruncatedInsideImageDataIsAnError) {
  const std::string png = fixture("interlaced.png");
  const std::size_t idat = idat_offset(png);
  const std::uint32_t length =
      static_cast<unsigned char>(png[idat + 2]) << 8 | static_cast<unsigned char>(png[idat + 3]);
  const std::string cut = png.substr(0, idat + 8 + length / 2);
  EXPECT_TRUE(mentions(error_of([&] { decode(cut, "cut.png"); }), "the PNG image is truncated"));
}

TEST(ImageDecodePng, CorruptCrcIsAnError) {
  std::string png = fixture("rgb8.png");
  const std::size_t idat = idat_offset(png);
  const std::size_t length = static_cast<unsigned char>(png[idat + 3]);
  png[idat + 8 + length] = static_cast<char>(png[idat + 8 + length] ^ 0x01);  // first CRC byte
  EXPECT_TRUE(mentions(error_of([&] { decode(png, "crc.png"); }), "CRC"));
}

// ---- decode: JPEG ---------------------------------------------------------------------------

TEST(ImageDecodeJpeg, BaselineAndProgressiveKeepTheirBytes) {
  for (const char* name : {"rgb.jpg", "progressive.jpg"}) {
    const std::string bytes = fixture(name);
    const Raster r = decode(bytes, name);
    expect_shape(r, 32, 16, false, false);
    EXPECT_TRUE(near(at(r, 4, 4), {255, 0, 0})) << name;
    EXPECT_TRUE(near(at(r, 27, 10), {0, 0, 255})) << name;
    EXPECT_EQ(r.jpeg, bytes) << name;
  }
  const Raster gray = decoded("gray.jpg");
  expect_shape(gray, 16, 16, true, false);
  EXPECT_TRUE(near(at(gray, 2, 2), {64}));
  EXPECT_TRUE(near(at(gray, 12, 12), {192}));
  EXPECT_FALSE(gray.jpeg.empty());
}

TEST(ImageDecodeJpeg, CmykAndYcckBecomeRgb) {
  // Adobe's inverted CMYK, its YCCK form, and plain CMYK without the Adobe marker: one picture.
  for (const char* name : {"cmyk_adobe.jpg", "ycck_adobe.jpg", "cmyk_plain.jpg"}) {
    const Raster r = decoded(name);
    expect_shape(r, 16, 16, false, false);
    EXPECT_TRUE(near(at(r, 2, 2), {0, 255, 255})) << name;
    EXPECT_TRUE(near(at(r, 12, 12), {127, 127, 127})) << name;
    EXPECT_TRUE(r.jpeg.empty()) << name;  // a PDF gets RGB pixels, not CMYK it would misread
  }
}

TEST(ImageDecodeJpeg, TwoBytesAndTruncatedDataAreErrors) {
  EXPECT_FALSE(error_of([] { decode("\xFF\xD8", "two.jpg"); }).empty());
  const std::string jpeg = fixture("rgb.jpg");
  const std::size_t scan = jpeg.find("\xFF\xDA");
  ASSERT_NE(scan, std::string::npos);
  const std::string cut = jpeg.substr(0, scan + (jpeg.size() - scan) / 3);
  EXPECT_TRUE(mentions(error_of([&] { decode(cut, "cut.jpg"); }), "truncated"));
  const std::string progressive = fixture("progressive.jpg");
  EXPECT_TRUE(mentions(error_of([&] { decode(progressive.substr(0, progressive.size() * 2 / 3), "cut.jpg"); }),
                       "truncated"));
}

TEST(ImageDecodeJpeg, MissingEndMarkerDecodesWithAWarningAndWithoutItsBytes) {
  const std::string jpeg = fixture("rgb.jpg");
  ASSERT_EQ(jpeg.substr(jpeg.size() - 2), "\xFF\xD9");
  Diagnostics diagnostics;
  const Raster r = decode(jpeg.substr(0, jpeg.size() - 2), "open.jpg", {}, diagnostics);
  EXPECT_TRUE(near(at(r, 27, 10), {0, 0, 255}));
  EXPECT_TRUE(r.jpeg.empty());
  ASSERT_EQ(diagnostics.count(Severity::warning), 1u);
  EXPECT_EQ(diagnostics.items()[0].file, "open.jpg");
  EXPECT_TRUE(mentions(diagnostics.items()[0].message, "Premature end"));
}

// A progressive JPEG whose last scan is repeated: each repeat is another pass over the image.
std::string with_repeated_last_scan(int repeats) {
  const std::string jpeg = fixture("progressive.jpg");
  const std::size_t last = jpeg.rfind("\xFF\xDA");
  const std::string scan = jpeg.substr(last, jpeg.size() - 2 - last);
  std::string out = jpeg.substr(0, jpeg.size() - 2);
  for (int i = 0; i < repeats; ++i) out += scan;
  return out + "\xFF\xD9";
}

TEST(ImageDecodeJpeg, TooManyScansAreRefused) {
  // A few redundant scans only earn a warning; past 1000 the decoder stops (CPU budget).
  Diagnostics diagnostics;
  EXPECT_EQ(decode(with_repeated_last_scan(20), "some.jpg", {}, diagnostics).width, 32u);
  EXPECT_EQ(diagnostics.count(Severity::warning), 1u);
  EXPECT_TRUE(mentions(error_of([] { decode(with_repeated_last_scan(1100), "many.jpg"); }), "more than 1000 scans"));
}

// ---- decode: GIF and WebP -------------------------------------------------------------------

TEST(ImageDecodeGif, FirstFrameWithTransparency) {
  const Raster r = decoded("frames.gif");
  expect_shape(r, 8, 6, false, true);
  EXPECT_EQ(at(r, 0, 0), (std::vector<int>{255, 0, 0}));
  EXPECT_EQ(at(r, 1, 0), (std::vector<int>{0, 255, 0}));
  EXPECT_EQ(at(r, 1, 1), (std::vector<int>{0, 0, 255}));  // the second frame is all blue
  EXPECT_EQ(alpha_at(r, 1, 1), 255);
  EXPECT_EQ(alpha_at(r, 3, 0), 0);  // index 3 is the transparent one
  EXPECT_EQ(alpha_at(r, 2, 1), 0);
}

TEST(ImageDecodeGif, FrameOffsetOnTransparentCanvas) {
  const Raster r = decoded("offset.gif");
  expect_shape(r, 10, 10, false, true);
  EXPECT_EQ(at(r, 2, 5), (std::vector<int>{0, 255, 0}));
  EXPECT_EQ(at(r, 5, 7), (std::vector<int>{0, 255, 0}));
  EXPECT_EQ(alpha_at(r, 5, 7), 255);
  EXPECT_EQ(alpha_at(r, 1, 5), 0);
  EXPECT_EQ(alpha_at(r, 6, 7), 0);
  EXPECT_EQ(alpha_at(r, 2, 8), 0);
}

TEST(ImageDecodeGif, InterlacedRowsInPlace) {
  const Raster r = decoded("interlaced.gif");
  expect_shape(r, 5, 9, false, false);
  const std::vector<std::vector<int>> colours{{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 255}};
  for (std::uint32_t y = 0; y < 9; ++y) EXPECT_EQ(at(r, 4, y), colours[y % 4]) << "row " << y;
}

TEST(ImageDecodeWebp, LosslessLossyAndAlpha) {
  const Raster lossless = decoded("lossless.webp");
  expect_shape(lossless, 5, 4, false, true);
  EXPECT_EQ(at(lossless, 3, 2), (std::vector<int>{150, 160, 30}));
  EXPECT_EQ(alpha_at(lossless, 3, 2), 255 - 120);
  const Raster opaque = decoded("lossless_opaque.webp");
  expect_shape(opaque, 5, 4, false, false);
  EXPECT_EQ(at(opaque, 4, 3), (std::vector<int>{200, 240, 30}));
  const Raster lossy = decoded("lossy.webp");
  expect_shape(lossy, 32, 32, false, false);
  EXPECT_TRUE(near(at(lossy, 4, 4), {255, 0, 0}, 20));
  EXPECT_TRUE(near(at(lossy, 27, 20), {0, 0, 255}, 20));
  EXPECT_TRUE(lossy.jpeg.empty());
}

TEST(ImageDecode, RefusesWhatIsNotAPicture) {
  EXPECT_TRUE(mentions(error_of([] { decode("", "empty.png"); }), "not PNG"));
  EXPECT_TRUE(mentions(error_of([] { decode("<svg/>", "drawing.svg"); }), "SVG"));
  const std::string webp = fixture("lossy.webp");
  EXPECT_FALSE(error_of([&] { decode(webp.substr(0, webp.size() - 20), "cut.webp"); }).empty());
  const std::string gif = fixture("interlaced.gif");
  EXPECT_FALSE(error_of([&] { decode(gif.substr(0, gif.size() - 10), "cut.gif"); }).empty());
}

TEST(ImageDecode, ErrorsNameTheImage) {
  try {
    decode("\xFF\xD8", "pics/two.jpg");
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.diagnostic().file, "pics/two.jpg");
    EXPECT_EQ(error.diagnostic().severity, Severity::error);
  }
}

// No shared mutable state: the same fixtures decoded from several threads at once agree.
TEST(ImageDecode, SafeFromSeveralThreadsAtOnce) {
  std::vector<std::string> files;
  for (const char* name : all_fixtures) files.push_back(fixture(name));
  std::vector<std::vector<Raster>> results(4);
  std::vector<std::thread> threads;
  for (auto& result : results) {
    threads.emplace_back([&files, &result] {
      for (int round = 0; round < 5; ++round) {
        for (const auto& bytes : files) result.push_back(decode(bytes, "thread"));
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (std::size_t i = 0; i < results[0].size(); ++i) {
    for (std::size_t t = 1; t < results.size(); ++t) ASSERT_EQ(results[t][i].pixels, results[0][i].pixels);
  }
}

// ---- robustness -----------------------------------------------------------------------------

// Every fixture cut at 50 lengths and with random bytes changed (fixed seed): decode either
// succeeds or throws galley::Error; never a crash, an abort or another exception. Run under
// ASan/UBSan (preset asan) this also catches any read past the buffer.
TEST(ImageRobustness, CutAndFlippedFixturesOnlyEverThrowGalleyErrors) {
  std::mt19937 random(20240307);
  Limits limits;
  limits.max_pixels = 1 << 20;
  int decoded_count = 0;
  int refused = 0;
  const auto attempt = [&](const std::string& bytes, const std::string& what) {
    try {
      const Raster r = decode(bytes, what, limits);
      const std::size_t count = std::size_t{r.width} * r.height;
      ASSERT_EQ(r.pixels.size(), count * (r.gray ? 1 : 3)) << what;
      ASSERT_TRUE(r.alpha.empty() || r.alpha.size() == count) << what;
      ++decoded_count;
    } catch (const Error& error) {
      ASSERT_EQ(error.kind(), ErrorKind::data) << what;
      ++refused;
    } catch (const std::exception& other) {
      FAIL() << what << ": unexpected exception " << other.what();
    }
  };
  for (const char* name : all_fixtures) {
    const std::string bytes = fixture(name);
    for (int i = 0; i < 50; ++i) {
      const std::size_t length = random() % bytes.size();
      attempt(bytes.substr(0, length), std::string(name) + " cut at " + std::to_string(length));
    }
    for (int i = 0; i < 50; ++i) {
      std::string flipped = bytes;
      const int flips = 1 + static_cast<int>(random() % 4);
      for (int f = 0; f < flips; ++f) {
        // Past the signature mostly, or sniffing alone refuses the file.
        const std::size_t where = 4 + random() % (flipped.size() - 4);
        flipped[where] = static_cast<char>(flipped[where] ^ static_cast<char>(1 + random() % 255));
      }
      attempt(flipped, std::string(name) + " flipped #" + std::to_string(i));
    }
  }
  // Both outcomes must actually occur, or the test proves little.
  EXPECT_GT(decoded_count, 50);
  EXPECT_GT(refused, 500);
}

}  // namespace
}  // namespace galley::image
