// First-fit line breaking over boxes, glue and penalties: what galley set paragraphs with
// before Knuth-Plass, kept as the tests' reference (total fit is never worse than it, and the
// same when lines are naturally full).
#pragma once

#include "layout/line_breaking.hpp"

namespace galley::layout::testing {
namespace first_fit_detail {

// The first item of a line that starts after a break at `at`: glue and penalties there are
// discarded (Knuth-Plass section 2, "discardable items").
inline std::size_t skip_discardable(std::span<const BreakItem> items, std::size_t at) {
  using Kind = BreakItem::Kind;
  while (at < items.size() && items[at].kind != Kind::box) {
    if (items[at].kind == Kind::penalty && items[at].cost <= forced_break) break;
    ++at;
  }
  return at;
}

}  // namespace first_fit_detail

/// Each line takes as much as fits, shrinking glue if need be; a box wider than the line gets
/// a line of its own; the paragraph ends with a forced break whether or not the items say so.
inline std::vector<Line> break_lines(std::span<const BreakItem> items, double line_width) {
  using first_fit_detail::skip_discardable;
  using Kind = BreakItem::Kind;
  std::vector<Line> lines;
  std::size_t begin = skip_discardable(items, 0);
  // Natural width and total shrink of the line so far, and the best break found in it.
  double width = 0;
  double shrink = 0;
  bool have_break = false;
  std::size_t last_break = 0;
  bool last_hyphenated = false;

  auto end_line = [&](std::size_t at, bool hyphenated, bool forced) {
    lines.push_back(Line{begin, at, hyphenated, forced});
    begin = skip_discardable(items, at + (at < items.size() && items[at].kind != Kind::box ? 1 : 0));
    width = 0;
    shrink = 0;
    have_break = false;
  };

  std::size_t i = begin;
  while (i < items.size()) {
    const BreakItem& item = items[i];
    switch (item.kind) {
      case Kind::box:
        if (have_break && width + item.width - shrink > line_width) {
          end_line(last_break, last_hyphenated, false);
          i = begin;
          continue;
        }
        width += item.width;
        break;
      case Kind::glue:
        if (i > begin && items[i - 1].kind == Kind::box) {
          have_break = true;
          last_break = i;
          last_hyphenated = false;
        }
        width += item.width;
        shrink += item.shrink;
        break;
      case Kind::penalty:
        if (item.cost <= forced_break) {
          end_line(i, false, true);
          i = begin;
          continue;
        }
        // A break here is taken only if the line, with the penalty's width, still fits.
        if (item.cost < no_break && i > begin && width + item.width - shrink <= line_width) {
          have_break = true;
          last_break = i;
          last_hyphenated = item.width > 0;
        }
        break;
    }
    ++i;
  }
  if (begin < items.size() || lines.empty()) lines.push_back(Line{begin, items.size(), false, true});
  return lines;
}

}  // namespace galley::layout::testing
