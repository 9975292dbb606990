#include "style/check.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "style/keys.hpp"
#include "style/values.hpp"

namespace galley::style {
namespace {

// libharu refuses type over 600 pt (HPDF_MAX_FONTSIZE); under 1 pt nothing is legible and a
// size of 0 would divide by zero where leading is taken as a share of the size.
constexpr double smallest_type = 1, largest_type = 600;
// The text area must hold a few words and a few lines: an inch each way.
constexpr double smallest_text_side = 72;
// A column narrower than half an inch holds a word or two a line.
constexpr double smallest_column = 36;

std::optional<StyleProblem> type_size_problem(const StyleSheet& style, double em) {
  StyleSheet scratch = style;  // slots point into a sheet they may write; this one is a copy
  for (const Key& key : keys()) {
    if (!key.path.ends_with("size")) continue;
    const Slot slot_of_key = key.slot(scratch);
    const auto* slot = std::get_if<Length*>(&slot_of_key);
    if (!slot) continue;
    const double points = (*slot)->resolve(em);
    if (points < smallest_type || points > largest_type) {
      const std::string value = (*slot)->ems == 0 ? format_length(**slot)
                                                   : fmt::format("{} ({:.1f}pt)", format_length(**slot), points);
      return StyleProblem{key.path,
                          fmt::format("{}: type must be {:g}pt to {:g}pt", value, smallest_type, largest_type)};
    }
  }
  return std::nullopt;
}

// The side of the text area left between two margins, blaming the larger margin.
std::optional<StyleProblem> side_problem(std::string_view side, double page, const Length& low, std::string_view low_key,
                                         const Length& high, std::string_view high_key, double em) {
  const double left = page - low.resolve(em) - high.resolve(em);
  if (left >= smallest_text_side) return std::nullopt;
  const bool blame_low = low.resolve(em) >= high.resolve(em);
  return StyleProblem{std::string(blame_low ? low_key : high_key),
                      fmt::format("the margins leave a text area {:.1f}mm {} (page {:.1f}mm less {} and {}); it must "
                                  "be at least {:.1f}mm",
                                  left / points_per_mm, side, page / points_per_mm, format_length(low),
                                  format_length(high), smallest_text_side / points_per_mm)};
}

}  // namespace

std::optional<StyleProblem> find_problem(const StyleSheet& style) {
  const double em = style.fonts.size.resolve(10.5);  // as layout resolves em lengths
  if (auto problem = type_size_problem(style, em)) return problem;
  const Page& page = style.page;
  if (auto problem = side_problem("wide", page.width.resolve(em), page.inner, "page.margin.inner", page.outer,
                                  "page.margin.outer", em)) {
    return problem;
  }
  if (auto problem = side_problem("high", page.height.resolve(em), page.top, "page.margin.top", page.bottom,
                                  "page.margin.bottom", em)) {
    return problem;
  }
  // Each column must hold a few words too.
  const int count = std::max(1, style.columns.count);
  const double text = page.width.resolve(em) - page.inner.resolve(em) - page.outer.resolve(em);
  const double column = (text - (count - 1) * style.columns.gap.resolve(em)) / count;
  if (count > 1 && column < smallest_column) {
    return StyleProblem{"columns.count",
                        fmt::format("{} columns {} apart leave each {:.1f}mm of the {:.1f}mm text width; a column must "
                                    "be at least {:.1f}mm wide",
                                    count, format_length(style.columns.gap), column / points_per_mm,
                                    text / points_per_mm, smallest_column / points_per_mm)};
  }
  return std::nullopt;
}

}  // namespace galley::style
