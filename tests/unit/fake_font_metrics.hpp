// A FontMetrics with literal widths for layout tests: every character is `advance`
// thousandths of an em wide (500: 5 pt at 10 pt), in every family and style; one face per
// style. Characters in `uncovered` have no font at all.
#pragma once

#include <array>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "galley/diagnostics.hpp"
#include "text/font_metrics.hpp"

namespace galley::testing {

class FakeFontMetrics final : public text::FontMetrics {
 public:
  explicit FakeFontMetrics(int advance = 500) : advance_(advance) {
    for (int i = 0; i < 4; ++i) {
      infos_[static_cast<std::size_t>(i)].family = "Fake";
      infos_[static_cast<std::size_t>(i)].style = static_cast<text::FontStyle>(i);
    }
  }

  text::FaceId face(const std::vector<std::string>& families, text::FontStyle style) override {
    if (families.empty() || families.front() == "Missing") {
      throw Error(ErrorKind::data, "", 0, "font family 'Missing' is not installed");
    }
    return static_cast<text::FaceId>(style);
  }
  text::FaceId face_for(text::FaceId face, char32_t c) override { return uncovered.count(c) ? -1 : face; }
  int advance(text::FaceId, char32_t) override { return advance_; }
  int kerning(text::FaceId, char32_t left, char32_t right) override {
    const auto found = kerns.find({left, right});
    return found == kerns.end() ? 0 : found->second;
  }
  const text::FaceInfo& info(text::FaceId face) const override { return infos_.at(static_cast<std::size_t>(face)); }

  std::set<char32_t> uncovered;
  std::map<std::pair<char32_t, char32_t>, int> kerns;  ///< pair kerning, thousandths of an em

 private:
  int advance_;
  std::array<text::FaceInfo, 4> infos_;
};

}  // namespace galley::testing
