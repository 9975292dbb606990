// One TrueType file opened with FreeType: which characters it has and how wide they are, as
// libharu will record them. Opening checks what would crash or fail inside libharu later
// (unitsPerEm 0, no Unicode BMP cmap, a required table missing), so a font that opens here
// is one the PDF backend can embed.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace galley::text {

/// A FreeType library instance; faces opened through it must not outlive it.
class FreeType {
 public:
  FreeType();
  ~FreeType();
  FreeType(const FreeType&) = delete;
  FreeType& operator=(const FreeType&) = delete;
  void* handle() const { return library_; }  ///< the FT_Library

 private:
  void* library_ = nullptr;
};

class FontFace {
 public:
  /// Opens `path`. Throws galley::Error (ErrorKind::data, naming the file) when FreeType
  /// cannot read it or libharu could not use it.
  FontFace(const FreeType& freetype, const std::string& path);
  ~FontFace();
  FontFace(const FontFace&) = delete;
  FontFace& operator=(const FontFace&) = delete;

  /// True when the font's Unicode cmap maps `c` to a glyph.
  bool has_glyph(char32_t c);
  /// Advance width of `c` in thousandths of an em, truncated as libharu computes it; a
  /// character the font lacks measures as its .notdef glyph, which is what would be drawn.
  int advance(char32_t c);
  /// Pair kerning of `right` after `left` in thousandths of an em, rounded (FontMetrics::kerning):
  /// what HarfBuzz's shaping with the font's `kern` feature adds to the pair's advances.
  /// Looked up once per pair.
  int kerning(char32_t left, char32_t right);
  int ascender() const { return ascender_; }
  int descender() const { return descender_; }

 private:
  // Per character: -1 not looked up yet, else advance * 2 + (has glyph ? 1 : 0). BMP only;
  // blocks of 256 allocated on first use.
  int entry(char32_t c);

  struct Shaper;  // HarfBuzz's font and buffer, made on the first pair not yet known
  std::unique_ptr<Shaper> shaper_;
  // Pairs looked up lately (direct-mapped: the key, its value in thousandths, a set bit); the
  // process-wide table behind it is in font_face.cpp.
  static constexpr unsigned recent_bits = 12;
  std::vector<std::uint64_t> recent_pairs_ = std::vector<std::uint64_t>(std::size_t{1} << recent_bits, 0);
  std::string path_;
  void* face_ = nullptr;  ///< the FT_Face
  unsigned units_per_em_ = 1000;
  int ascender_ = 0;
  int descender_ = 0;
  std::array<std::unique_ptr<std::array<std::int32_t, 256>>, 256> entries_;
};

}  // namespace galley::text
