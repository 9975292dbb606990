// The FontMetrics of installed fonts: families found through fontconfig, measured through
// FreeType, with a fallback chain per face so that no script draws as boxes.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "text/font_catalog.hpp"
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

  /// Font files opened so far, for tests and measurements.
  std::size_t open_files() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// FontSets lent to the documents of a run, one document at a time each, and kept between
/// them, with the FontCatalog they share. A FontSet holds nothing of the document it measured,
/// only the open font files, their advances and their kerning pairs, which every article asks
/// again: a run of 1,000 one-article PDFs mapped 16 font files and shaped every kerning pair
/// afresh for each article. Safe to borrow from on any thread.
class FontSetPool {
 public:
  /// A FontSet for one document; it goes back to the pool when the lease ends.
  class Lease {
   public:
    Lease(FontSetPool& pool, std::unique_ptr<FontSet> fonts) : pool_(&pool), fonts_(std::move(fonts)) {}
    ~Lease() {
      if (fonts_) pool_->give_back(std::move(fonts_));
    }
    Lease(Lease&& other) noexcept = default;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    FontSet& operator*() const { return *fonts_; }

   private:
    FontSetPool* pool_;
    std::unique_ptr<FontSet> fonts_;
  };

  Lease borrow();

 private:
  void give_back(std::unique_ptr<FontSet> fonts);

  FontCatalog catalog_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<FontSet>> idle_;
};

}  // namespace galley::text
