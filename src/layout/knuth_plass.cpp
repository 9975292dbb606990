// Knuth-Plass total-fit line breaking: the active-list algorithm of the 1981 paper.
#include "layout/knuth_plass.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>

namespace galley::layout {
namespace {

using Kind = BreakItem::Kind;

constexpr double infinity = std::numeric_limits<double>::infinity();
// The paper's "infinitely bad" (TeX's inf_bad): badness never exceeds it.
constexpr double infinitely_bad = 10000;
// Rounding slack when a line fits exactly with all of its shrink.
constexpr double epsilon = 1e-9;

enum Fitness : int { very_loose = 0, loose = 1, decent = 2, tight = 3 };

// Line widths by line number, the last one repeating.
class LineWidths {
 public:
  explicit LineWidths(std::span<const double> widths) : widths_(widths) {}
  double operator()(std::size_t line) const {
    if (widths_.empty()) return 0;
    return widths_[std::min(line, widths_.size() - 1)];
  }
  // From this line number on every line has the same width.
  std::size_t last_distinct() const { return widths_.empty() ? 0 : widths_.size() - 1; }

 private:
  std::span<const double> widths_;
};

// Natural width, stretch and shrink of a candidate line.
struct LineSums {
  double width = 0;
  double stretch = 0;
  double shrink = 0;
};

// The items with running sums, so that any line's sums are two subtractions (the paper's
// "totals", section 4): this is what keeps each (active node, break) test O(1).
class Paragraph {
 public:
  explicit Paragraph(std::span<const BreakItem> items) : items_(items) {
    const std::size_t n = items.size();
    width_.assign(n + 1, 0);
    stretch_.assign(n + 1, 0);
    shrink_.assign(n + 1, 0);
    std::size_t last_forced = n;
    for (std::size_t i = 0; i < n; ++i) {
      const BreakItem& item = items[i];
      width_[i + 1] = width_[i] + (item.kind == Kind::penalty ? 0 : item.width);
      stretch_[i + 1] = stretch_[i] + (item.kind == Kind::glue ? item.stretch : 0);
      shrink_[i + 1] = shrink_[i] + (item.kind == Kind::glue ? item.shrink : 0);
      if (is_forced_penalty(i)) last_forced = i;
      if ((item.kind != Kind::penalty && item.width < 0) || (item.kind == Kind::glue && item.stretch < 0)) {
        growing_ = false;
      }
    }
    // Like first-fit: the paragraph ends at its last forced break if nothing but glue and
    // penalties follows it, otherwise at a forced break of our own after the last item.
    end_ = n;
    if (last_forced < n && skip_discardable(last_forced + 1) == n) end_ = last_forced;
  }

  std::size_t size() const { return items_.size(); }
  // No item narrows a line, or takes stretch from it: a line that starts later and ends at
  // the same break is never wider and never stretches more.
  bool growing() const { return growing_; }
  // Where the last line ends (an item index, or size() for the implicit end).
  std::size_t end() const { return end_; }
  bool forced(std::size_t at) const { return at >= items_.size() || is_forced_penalty(at); }
  // A penalty with a width: breaking there adds a hyphen (the paper's "flagged" penalty).
  bool flagged(std::size_t at) const {
    return at < items_.size() && items_[at].kind == Kind::penalty && items_[at].width > 0 && !forced(at);
  }
  double cost(std::size_t at) const {
    return at < items_.size() && items_[at].kind == Kind::penalty ? items_[at].cost : 0;
  }

  // Glue after a box, or a penalty not forbidding a break (the paper's section 2). A break
  // that would leave nothing but discardable items before the next forced break is not
  // offered: it could only make an empty line (TeX removes the paragraph's last glue).
  bool legal_break(std::size_t at) const {
    if (at > end_) return false;
    if (forced(at)) return true;
    const BreakItem& item = items_[at];
    const bool candidate = item.kind == Kind::glue ? at > 0 && items_[at - 1].kind == Kind::box
                                                   : item.kind == Kind::penalty && item.cost < no_break;
    if (!candidate) return false;
    const std::size_t next = next_begin(at);
    return next < items_.size() && items_[next].kind == Kind::box;
  }

  // The first item of the line after a break at `at`: the glue and penalties at the break
  // are discarded (section 2), as in first-fit.
  std::size_t next_begin(std::size_t at) const {
    if (at >= items_.size()) return items_.size();
    return skip_discardable(at + (items_[at].kind != Kind::box ? 1 : 0));
  }
  std::size_t first_begin() const { return skip_discardable(0); }

  // The line [begin, at) broken at `at`: a penalty's width (the hyphen) counts only there.
  LineSums line(std::size_t begin, std::size_t at) const {
    const std::size_t stop = std::min(at, items_.size());
    LineSums sums{width_[stop] - width_[begin], stretch_[stop] - stretch_[begin], shrink_[stop] - shrink_[begin]};
    if (at < items_.size() && items_[at].kind == Kind::penalty) sums.width += items_[at].width;
    return sums;
  }

 private:
  bool is_forced_penalty(std::size_t at) const {
    return items_[at].kind == Kind::penalty && items_[at].cost <= forced_break;
  }
  std::size_t skip_discardable(std::size_t at) const {
    while (at < items_.size() && items_[at].kind != Kind::box && !is_forced_penalty(at)) ++at;
    return at;
  }

  std::span<const BreakItem> items_;
  std::vector<double> width_, stretch_, shrink_;
  std::size_t end_ = 0;
  bool growing_ = true;
};

// How a line fits its width (section 3).
struct LineFit {
  bool overfull = false;
  double ratio = 0;
  double badness = 0;
  int fitness = decent;
};

// `fill`: the line ends at a forced break and has \parfillskip's infinite stretch.
// `extra_stretch`: the emergency pass's \emergencystretch, counted only for badness;
// `end_stretch`: KnuthPlassParameters::line_end_stretch.
LineFit fit_line(const LineSums& sums, double width, bool fill, double extra_stretch, double end_stretch) {
  LineFit fit;
  const double shortfall = width - sums.width;
  if (shortfall > 0) {
    const double stretch = sums.stretch + extra_stretch + end_stretch;
    fit.ratio = fill ? 0 : stretch > 0 ? shortfall / stretch : infinity;
  } else if (shortfall < 0) {
    fit.overfull = shortfall + sums.shrink < -epsilon;
    fit.ratio = sums.shrink > 0 ? std::max(shortfall / sums.shrink, -1.0) : 0;
    if (fit.overfull) fit.ratio = -infinity;
  }
  const double magnitude = std::abs(fit.ratio);
  fit.badness = std::min(infinitely_bad, 100 * magnitude * magnitude * magnitude);  // inf -> 10000
  fit.fitness = fit.ratio < -0.5 ? tight : fit.ratio <= 0.5 ? decent : fit.ratio <= 1 ? loose : very_loose;
  return fit;
}

// The demerits of one line (section 3, with TeX's adjacent-line and hyphen terms).
double line_demerits(const KnuthPlassParameters& parameters, const LineFit& fit, double cost, bool forced,
                     bool flagged, bool previous_flagged, int previous_fitness) {
  const double base = parameters.line_penalty + fit.badness;
  double demerits = base * base;
  // A forced break's cost is not a cost: every setting pays it.
  if (!forced) demerits += cost >= 0 ? cost * cost : -cost * cost;
  if (forced && previous_flagged) {
    demerits += parameters.final_hyphen_demerits;
  } else if (flagged && previous_flagged) {
    demerits += parameters.double_hyphen_demerits;
  }
  if (std::abs(fit.fitness - previous_fitness) > 1) demerits += parameters.fitness_demerits;
  return demerits;
}

// A feasible break: the best way found to end a line there, for one (fitness class, run of
// hyphenated lines, line number) combination, since each of those changes what may follow.
struct Node {
  std::size_t position = 0;  ///< the break's item index (size() for the implicit end)
  std::size_t begin = 0;     ///< the first item of the next line
  std::size_t lines = 0;     ///< lines before this break
  int fitness = decent;      ///< of the line ending here
  int hyphen_run = 0;        ///< consecutive hyphenated lines ending here
  bool forced = true;        ///< the start, or a forced break: the next line may be empty
  double total = 0;          ///< demerits of the best lines up to here
  std::uint32_t previous = 0;
};

struct Pass {
  double tolerance = 0;
  bool hyphenate = true;
  double extra_stretch = 0;  ///< fraction of the line width
  bool emergency = false;
};

class Breaker {
 public:
  Breaker(const Paragraph& paragraph, LineWidths widths, const KnuthPlassParameters& parameters)
      : paragraph_(paragraph), widths_(widths), parameters_(parameters) {}

  std::optional<std::vector<Line>> run(const Pass& pass) {
    nodes_.assign(1, Node{});
    nodes_[0].begin = paragraph_.first_begin();
    std::vector<std::uint32_t> active{0};
    std::vector<Node> candidates;
    const bool uniform_widths = widths_.last_distinct() == 0;
    for (std::size_t at = 0; at <= paragraph_.end(); ++at) {
      if (!paragraph_.legal_break(at)) continue;
      const bool forced = paragraph_.forced(at);
      const bool flagged = paragraph_.flagged(at);
      if (flagged && !pass.hyphenate) continue;
      candidates.clear();
      // The emergency pass's last resort: the latest node the line from which ran over.
      std::optional<std::uint32_t> overfull_from;
      std::size_t kept = 0;
      // Every active node against this break: O(active) per break. The list stays short
      // because a node leaves it as soon as a line from it would run over (section 5).
      for (std::size_t a = 0; a < active.size(); ++a) {
        const std::uint32_t index = active[a];
        const Node& from = nodes_[index];
        if (from.begin > at || (from.begin == at && !from.forced)) {
          active[kept++] = index;  // the break lies among the discardables after `from`
          continue;
        }
        const double width = widths_(from.lines);
        const LineSums sums = paragraph_.line(from.begin, at);
        // Most lines tried are too short to stretch that far: fit_line's verdict on them (no
        // break, the node stays active) without its badness and fitness.
        if (!forced && width - sums.width > 0) {
          const double stretch = sums.stretch + pass.extra_stretch * width + parameters_.line_end_stretch;
          if (!(stretch > 0 ? (width - sums.width) / stretch <= pass.tolerance : infinity <= pass.tolerance)) {
            // The nodes after this one begin no earlier (they are made in order), so with
            // every line as wide and no item narrowing a line, their lines to this break are
            // too short as well (rounding keeps that order): they all stay, untried. A
            // quarter of the breaker's work was trying them.
            if (uniform_widths && paragraph_.growing()) {
              if (kept != a) std::copy(active.begin() + static_cast<std::ptrdiff_t>(a), active.end(),
                                       active.begin() + static_cast<std::ptrdiff_t>(kept));
              kept += active.size() - a;
              break;
            }
            active[kept++] = index;
            continue;
          }
        }
        const LineFit fit = fit_line(sums, width, forced, pass.extra_stretch * width, parameters_.line_end_stretch);
        if (!fit.overfull && fit.ratio <= pass.tolerance) consider(index, at, fit, forced, flagged, pass, candidates);
        if (fit.overfull) {
          if (!overfull_from || from.begin >= nodes_[*overfull_from].begin) overfull_from = index;
        } else if (!forced) {
          active[kept++] = index;
        }
      }
      active.resize(kept);
      // TeX's artificial_demerits (section 854): when the emergency pass would lose every
      // node, the shortest over-full line is accepted, so that a box wider than the line gets
      // a line to itself instead of the paragraph failing.
      if (candidates.empty() && active.empty() && pass.emergency && overfull_from) {
        LineFit fit;
        fit.badness = infinitely_bad;
        fit.fitness = nodes_[*overfull_from].fitness;
        consider(*overfull_from, at, fit, forced, flagged, pass, candidates);
      }
      for (const Node& node : candidates) {
        active.push_back(static_cast<std::uint32_t>(nodes_.size()));
        nodes_.push_back(node);
      }
      if (active.empty()) return std::nullopt;
    }
    return lines_from(choose_last());
  }

 private:
  void consider(std::uint32_t from_index, std::size_t at, const LineFit& fit, bool forced, bool flagged,
                const Pass& pass, std::vector<Node>& candidates) const {
    const Node& from = nodes_[from_index];
    const int limit = parameters_.max_hyphenated_lines;
    // Runs longer than the limit are told apart no further (the emergency pass allows them;
    // demerits only ask whether the line before was hyphenated): a node per run length
    // would keep a node per line active in a paragraph of nothing but hyphenated lines,
    // and the breaker quadratic.
    const int run = flagged ? std::min(from.hyphen_run + 1, limit > 0 ? limit + 1 : 1) : 0;
    if (!pass.emergency && limit > 0 && run > limit) return;
    const double total = from.total + line_demerits(parameters_, fit, paragraph_.cost(at), forced, flagged,
                                                    from.hyphen_run > 0, from.fitness);
    const std::size_t lines = from.lines + 1;
    // With looseness every line count is kept apart (section 875); otherwise only counts
    // whose following widths differ.
    const auto line_class = [&](std::size_t count) {
      return parameters_.looseness != 0 ? count : std::min(count, widths_.last_distinct());
    };
    for (Node& node : candidates) {
      if (node.fitness == fit.fitness && node.hyphen_run == run && line_class(node.lines) == line_class(lines)) {
        if (total < node.total) {
          node.total = total;
          node.lines = lines;
          node.previous = from_index;
        }
        return;
      }
    }
    candidates.push_back(Node{at, paragraph_.next_begin(at), lines, fit.fitness, run, forced, total, from_index});
  }

  // The best node at the end, or with `looseness` the best of those whose line count is
  // nearest the optimum plus looseness (section 875).
  std::uint32_t choose_last() const {
    std::uint32_t best = 0;
    bool found = false;
    for (std::uint32_t i = 1; i < nodes_.size(); ++i) {
      if (nodes_[i].position != paragraph_.end()) continue;
      if (!found || nodes_[i].total < nodes_[best].total) best = i;
      found = true;
    }
    if (parameters_.looseness == 0) return best;
    const auto wanted = static_cast<long long>(nodes_[best].lines) + parameters_.looseness;
    std::uint32_t chosen = best;
    for (std::uint32_t i = 1; i < nodes_.size(); ++i) {
      if (nodes_[i].position != paragraph_.end()) continue;
      const auto distance = std::llabs(static_cast<long long>(nodes_[i].lines) - wanted);
      const auto chosen_distance = std::llabs(static_cast<long long>(nodes_[chosen].lines) - wanted);
      if (distance < chosen_distance || (distance == chosen_distance && nodes_[i].total < nodes_[chosen].total)) {
        chosen = i;
      }
    }
    return chosen;
  }

  std::vector<Line> lines_from(std::uint32_t last) const {
    std::vector<Line> lines;
    for (std::uint32_t i = last; i != 0; i = nodes_[i].previous) {
      const Node& node = nodes_[i];
      lines.push_back(Line{nodes_[node.previous].begin, std::min(node.position, paragraph_.size()),
                           paragraph_.flagged(node.position), node.forced});
    }
    std::reverse(lines.begin(), lines.end());
    return lines;
  }

  const Paragraph& paragraph_;
  LineWidths widths_;
  const KnuthPlassParameters& parameters_;
  std::vector<Node> nodes_;  ///< every node made, active or not, for walking back
};

}  // namespace

std::vector<Line> break_lines_total_fit(std::span<const BreakItem> items, double line_width,
                                        const KnuthPlassParameters& parameters) {
  const double widths[] = {line_width};
  return break_lines_total_fit(items, widths, parameters);
}

std::vector<Line> break_lines_total_fit(std::span<const BreakItem> items, std::span<const double> line_widths,
                                        const KnuthPlassParameters& parameters) {
  const Paragraph paragraph(items);
  Breaker breaker(paragraph, LineWidths(line_widths), parameters);
  // TeX's passes (section 863): without hyphens if asked, then within tolerance, then the
  // emergency pass, which always succeeds.
  if (parameters.pretolerance >= 0) {
    if (auto lines = breaker.run(Pass{parameters.pretolerance, false, 0, false})) return *lines;
  }
  if (auto lines = breaker.run(Pass{parameters.tolerance, true, 0, false})) return *lines;
  return *breaker.run(Pass{infinity, true, parameters.emergency_stretch, true});
}

double total_demerits(std::span<const BreakItem> items, std::span<const Line> lines,
                      std::span<const double> line_widths, const KnuthPlassParameters& parameters) {
  const Paragraph paragraph(items);
  const LineWidths widths(line_widths);
  double total = 0;
  int previous_fitness = decent;
  int hyphen_run = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    const bool forced = paragraph.forced(line.end);
    const bool flagged = paragraph.flagged(line.end);
    const LineFit fit =
        fit_line(paragraph.line(line.begin, line.end), widths(i), forced, 0, parameters.line_end_stretch);
    if (fit.overfull || fit.ratio > parameters.tolerance) return infinity;
    const int run = flagged ? hyphen_run + 1 : 0;
    if (parameters.max_hyphenated_lines > 0 && run > parameters.max_hyphenated_lines) return infinity;
    total += line_demerits(parameters, fit, paragraph.cost(line.end), forced, flagged, hyphen_run > 0,
                           previous_fitness);
    previous_fitness = fit.fitness;
    hyphen_run = run;
  }
  return total;
}

}  // namespace galley::layout
