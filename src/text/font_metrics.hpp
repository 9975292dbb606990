// What layout knows about fonts: faces picked by family and style, which face draws a
// character, and how wide it is. Layout sees fonts only through FontMetrics (ARCHITECTURE
// rule 5), so its unit tests run on a fixed-width fake with literal widths.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace galley::text {

/// The four styles a family is asked for.
enum class FontStyle : std::uint8_t { regular, bold, italic, bold_italic };

/// "Regular", "Bold", "Italic", "Bold Italic".
const char* style_name(FontStyle style);

/// A face chosen by a FontMetrics; small integers from 0, stable for the object's life.
using FaceId = int;

/// What a backend needs to draw a face and a trace needs to name it.
struct FaceInfo {
  std::string file;    ///< the TrueType file; empty for a fake face that cannot be drawn
  std::string family;  ///< the family as installed ("Liberation Serif")
  FontStyle style = FontStyle::regular;
  int ascender = 800;    ///< above the baseline, thousandths of an em (positive)
  int descender = -200;  ///< below the baseline, thousandths of an em (negative)
};

class FontMetrics {
 public:
  virtual ~FontMetrics() = default;

  /// The face of `families.front()` in `style`. The other families are its fallbacks, in
  /// order, for characters it lacks (those not installed are skipped). Throws galley::Error
  /// when the first family is not installed, naming the installed families closest to it.
  virtual FaceId face(const std::vector<std::string>& families, FontStyle style) = 0;

  /// The face that draws `c` in text set in `face`: `face` itself when it has the glyph, else
  /// the first fallback that has it. -1 when no installed font has it.
  virtual FaceId face_for(FaceId face, char32_t c) = 0;

  /// The advance width of `c` in `face`, in thousandths of an em, truncated as a PDF's
  /// /Widths record it, so that what layout measures is what a viewer draws.
  virtual int advance(FaceId face, char32_t c) = 0;

  /// How much closer (< 0) or further apart (> 0) `right` is set after `left` in `face` than
  /// their advances say: the font's pair kerning (its GPOS pair adjustments or kern table),
  /// in thousandths of an em, rounded, so that a PDF's TJ operator draws exactly what layout
  /// measured. 0 when the font has none for the pair; fakes may leave this as it is.
  virtual int kerning(FaceId face, char32_t left, char32_t right) {
    (void)face, (void)left, (void)right;
    return 0;
  }

  virtual const FaceInfo& info(FaceId face) const = 0;
};

}  // namespace galley::text
