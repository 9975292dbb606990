// The item model of line breaking: Knuth and Plass's "Breaking Paragraphs into Lines"
// (1981), section 2: boxes (unbreakable material), glue (stretchable space, a break when it
// follows a box) and penalties (a possible break with a cost, and a width such as a hyphen's
// that is only there when the line breaks at it). The breaker is knuth_plass.hpp; the items of
// a paragraph's text are made by paragraph_items.hpp.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace galley::layout {

struct BreakItem {
  enum class Kind : unsigned char { box, glue, penalty };
  Kind kind = Kind::box;
  double width = 0;    ///< box: its width; glue: natural width; penalty: width if broken here
  double stretch = 0;  ///< glue: how much it may grow
  double shrink = 0;   ///< glue: how much it may shrink
  double cost = 0;     ///< penalty: <= forced_break forces a break, >= no_break forbids one

  static BreakItem box_of(double width) { return {Kind::box, width, 0, 0, 0}; }
  static BreakItem glue_of(double width, double stretch, double shrink) {
    return {Kind::glue, width, stretch, shrink, 0};
  }
  static BreakItem penalty_of(double width, double cost) { return {Kind::penalty, width, 0, 0, cost}; }
};

/// Costs that force or forbid a break (Knuth-Plass's -infinity and +infinity).
inline constexpr double forced_break = -10000;
inline constexpr double no_break = 10000;

/// One line: items [begin, end) and the item it broke at (`end`, a glue, a penalty, or the
/// end of the items). Glue and penalties after a break are dropped, so `begin` is where the
/// next material starts.
struct Line {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool hyphenated = false;  ///< broke at a penalty with a width (a hyphen to draw)
  bool forced = false;      ///< ended by a forced break or the end of the paragraph
};

}  // namespace galley::layout
