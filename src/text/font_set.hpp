// The FontMetrics of installed fonts: families found through fontconfig, measured through
// FreeType, with a fallback chain per face so that no script draws as boxes.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "text/font_metrics.hpp"

namespace galley::text {

class FontCatalog;

class FontSet final : public FontMetrics {
 public:
  /// Fonts are looked up through `catalog` when given (shared by the FontSets of a run, it
  /// must outlive them), else asked of fontconfig directly.
  explicit FontSet(FontCatalog* catalog = nullptr);
  ~FontSet() override;
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;

  /// See FontMetrics::face. Fallbacks are followed, for a character none of them has, by
  /// any installed TrueType font that has it (fontconfig decides which, deterministically).
  FaceId face(const std::vector<std::string>& families, FontStyle style) override;
  FaceId face_for(FaceId face, char32_t c) override;
  int advance(FaceId face, char32_t c) override;
  int kerning(FaceId face, char32_t left, char32_t right) override;
  const FaceInfo& info(FaceId face) const override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace galley::text
