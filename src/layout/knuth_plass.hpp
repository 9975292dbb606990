// Total-fit line breaking: Knuth and Plass, "Breaking Paragraphs into Lines", Software:
// Practice and Experience 11 (1981), as TeX does it (TeX: The Program, sections 813-890).
// It takes the same boxes, glue and penalties as first-fit `break_lines` (line_breaking.hpp)
// and returns the same lines, but chooses every break of the paragraph at once so that the
// sum of the lines' demerits is smallest: a loose line is avoided by tightening earlier ones,
// hyphens are not stacked, and neighbouring lines have similar word spacing.
//
// How the caller ends a paragraph: it need not. A line that ends at a forced break or at the
// end of the items is set ragged by the caller (Line::forced), so the breaker gives it
// TeX's \parfillskip itself (infinite stretch: a short last line costs nothing), exactly as
// if the items ended with glue(0, infinite, 0) and penalty(0, forced_break). Items that
// already end that way are fine too. A paragraph without a final forced break ends with one,
// as in first-fit.
//
// How the caller offers hyphens: a penalty with the hyphen's width and a positive cost
// (TeX's \hyphenpenalty is 50) between the fragments of a word, inside one box's worth of
// word. A penalty with a width is "flagged" (the paper's term): breaking there hyphenates.
// A break after an explicit hyphen or dash is a penalty of width 0 (the hyphen is already in
// the box before it), so it is not counted as a hyphenated line.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "layout/line_breaking.hpp"

namespace galley::layout {

/// Knuth-Plass parameters, TeX's names in brackets. Ratios are adjustment ratios: how much of
/// a line's total stretch (> 0) or shrink (< 0) is used; badness is 100 * |ratio|^3, at most
/// 10000 (the paper's section 3).
struct KnuthPlassParameters {
  /// Largest adjustment ratio of a line in the main pass [\tolerance = 100 * 2^3 = 800
  /// badness]. 2 lets word spaces grow to three times their stretch-free width plus; a
  /// paragraph with no such setting goes to the emergency pass.
  double tolerance = 2;
  /// Largest ratio of a first pass that offers no hyphenation breaks at all [\pretolerance];
  /// negative skips that pass. TeX uses ~1 (badness 100) so that paragraphs which set well
  /// without hyphens get none; off by default so that the result is the optimum over every
  /// break the caller offered.
  double pretolerance = -1;
  /// Added to each line's badness before squaring [\linepenalty]: the cost of one more line,
  /// so that a paragraph is not made longer to save a little badness.
  double line_penalty = 10;
  /// Added when two consecutive lines end hyphenated [\doublehyphendemerits].
  double double_hyphen_demerits = 10000;
  /// Added when the line before a forced break (the paragraph's last line, or a hard line
  /// break) ends hyphenated: a hyphen right before a short line looks bad [\finalhyphendemerits].
  double final_hyphen_demerits = 5000;
  /// Added when adjacent lines are of fitness classes more than one apart (very loose,
  /// loose, decent, tight: ratio > 1, > 0.5, >= -0.5, < -0.5), a loose line next to a tight
  /// one [\adjdemerits].
  double fitness_demerits = 10000;
  /// At most this many consecutive lines may end hyphenated (a hard limit, not a cost, as
  /// issue 6 asks for two; 0: no limit). Lifted in the emergency pass.
  int max_hyphenated_lines = 2;
  /// Lines more (> 0) or fewer (< 0) than the optimum, if a feasible setting has them
  /// [\looseness]: to run a paragraph long or pull one back by a line.
  int looseness = 0;
  /// The emergency pass, run when no setting keeps every line within `tolerance`, gives each
  /// line this fraction of its width as extra stretch when judging it [\emergencystretch],
  /// and accepts any line that is not over-full, so very loose lines are spread over the
  /// paragraph rather than piled on one line.
  double emergency_stretch = 0.1;
  /// Stretch, in points, that every line but one ending at a forced break has at its end
  /// [\rightskip's stretch]: 0 for justified text; for ragged text, whose word spaces neither
  /// stretch nor shrink, TeX's \raggedright gives 2 em, so that lines may fall short of the
  /// measure and the breaker evens out how much (Knuth-Plass section 7, "ragged-right").
  double line_end_stretch = 0;
};

/// Breaks `items` into lines of `line_width` with the fewest total demerits. Never fails:
/// when no line sequence fits, the emergency pass takes the loosest ones; a box wider than
/// the line gets a line to itself (over-full), as in first-fit.
std::vector<Line> break_lines_total_fit(std::span<const BreakItem> items, double line_width,
                                        const KnuthPlassParameters& parameters = {});

/// The same with a width per line: line i is `line_widths[i]`, the last width repeating for
/// every later line (lines beside a figure, a drop cap). A list, not a function, because the
/// breaker must know from which line on all widths are equal: there, breaks that end
/// different line numbers are interchangeable and only the best is kept (TeX's easy_line,
/// section 848), which keeps the number of active breaks small. An empty list means width 0.
std::vector<Line> break_lines_total_fit(std::span<const BreakItem> items,
                                        std::span<const double> line_widths,
                                        const KnuthPlassParameters& parameters = {});

/// The total demerits of given lines (from any breaker) by the same function as the
/// breaker's main pass: infinite if a line is over-full, looser than `tolerance`, or one
/// hyphenated line too many in a row. For tests and for comparing breakers.
double total_demerits(std::span<const BreakItem> items, std::span<const Line> lines,
                      std::span<const double> line_widths, const KnuthPlassParameters& parameters = {});

}  // namespace galley::layout
