// Paragraph setting: the items of the text (paragraph_items.cpp), lines chosen by
// Knuth-Plass total fit (knuth_plass.cpp), and each line's words placed at their own x.
#include "layout/paragraph.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>

#include "layout/knuth_plass.hpp"
#include "layout/layout.hpp"
#include "layout/paragraph_items.hpp"

namespace galley::layout {
namespace {

// The breaker's settings for one paragraph. Justified text: TeX's parameters (the defaults
// of KnuthPlassParameters). Ragged text: fixed word spaces and TeX's \raggedright, 2 em of
// stretch at every line end, so that lines fall short of the measure evenly.
KnuthPlassParameters breaker_parameters(Align align, const TextStyle& base) {
  KnuthPlassParameters parameters;
  if (align != Align::justify) parameters.line_end_stretch = 2 * base.size;
  return parameters;
}

bool same_target(const SpanStyle* a, const SpanStyle* b) {
  return a && b && a->uri == b->uri && a->destination == b->destination;
}

// Places one line's pieces; returns its slice.
Slice place_line(Context& context, const ParagraphItems& prepared, const Line& line, const TextStyle& base, Align align,
                 Frame frame, double baseline) {
  Slice slice;
  slice.height = base.leading;
  slice.baseline = baseline;
  // The line's material: up to its last box (trailing glue and penalties are not set).
  std::size_t end = line.end;
  while (end > line.begin && prepared.items[end - 1].kind != BreakItem::Kind::box) --end;
  double natural = 0, stretch = 0, shrink = 0;
  for (std::size_t i = line.begin; i < end; ++i) {
    const BreakItem& item = prepared.items[i];
    if (item.kind == BreakItem::Kind::penalty) continue;
    natural += item.width;
    stretch += item.stretch;
    shrink += item.shrink;
  }
  // A line ending at a penalty has its width: a hyphen, or the kerning across a break after
  // a hyphen or slash taken back (paragraph_items.cpp).
  const BreakItem* at_break = line.end < prepared.items.size() && prepared.items[line.end].kind == BreakItem::Kind::penalty
                                  ? &prepared.items[line.end]
                                  : nullptr;
  if (at_break && at_break->cost > forced_break) natural += at_break->width;

  // The breaker kept every line within its tolerance (or, in its emergency pass, not
  // over-full); the ratio here is the one it judged.
  double ratio = 0;
  if (natural > frame.width && shrink > 0) {
    ratio = std::max(-1.0, (frame.width - natural) / shrink);
  } else if (align == Align::justify && !line.forced && natural < frame.width && stretch > 0) {
    ratio = (frame.width - natural) / stretch;
  }
  const double set_width = natural + (ratio > 0 ? ratio * stretch : ratio * shrink);
  double x = frame.x;
  if (align == Align::right) x += frame.width - set_width;
  if (align == Align::center) x += (frame.width - set_width) / 2;

  // Link areas and strike-outs join across the words of one line.
  const SpanStyle* link_style = nullptr;
  LinkArea link;
  std::optional<Rule> strike;
  auto close_link = [&] {
    if (link_style) add_item(slice.items, link);
    link_style = nullptr;
  };
  auto close_strike = [&] {
    if (strike) add_item(slice.items, *strike);
    strike.reset();
  };
  // The pieces of a word broken at hyphenation points that were not taken are drawn as one
  // run again, the kerning across each point (counted in the width before it) as a Kern. And
  // the words of a line in one font, size and colour are one run: each word space is the
  // font's space, what justification stretched or shrank it by a Kern, so that a PDF shows a
  // line with one operator rather than one a word, and its text keeps its spaces.
  std::size_t last_run = static_cast<std::size_t>(-1);
  long pen = 0;         // how far the last run's glyphs and kerns advance, thousandths of an em
  double across = 0;    // kerning across the penalty just passed, points
  bool spaced = false;  // a word space since the last piece
  // Rounded half away from zero, as std::lround, inline (GCC's own expansion of lround, which
  // it makes only under -fno-math-errno): the library call was 6 M instructions of 900 M.
  auto thousandths = [](double points, double size) {
    const double value = points * 1000 / size;
    return static_cast<long>(value + std::copysign(0.49999999999999994, value));
  };
  auto kern_here = [](TextRun& run, long amount) {  // before what is appended next
    if (amount != 0) {
      run.kerns.push_back(Kern{static_cast<std::uint32_t>(run.text.size()), static_cast<std::int32_t>(amount)});
    }
  };
  auto append = [](TextRun& run, const Fragment& f) {
    const auto offset = static_cast<std::uint32_t>(run.text.size());
    for (const Kern& kern : f.kerns) run.kerns.push_back(Kern{kern.offset + offset, kern.amount});
    run.text += f.text;
  };
  auto draw = [&](const Piece& piece, double at) {
    const Fragment& f = *piece.fragment;
    const double y = baseline - piece.rise;
    if (last_run < slice.items.size()) {
      TextRun& run = std::get<TextRun>(slice.items[last_run]);
      const bool same_look = run.font == piece.font && run.size == f.size && run.y == y && run.colour == piece.colour;
      const double run_end = run.x + run.width;
      if (same_look && !spaced && std::abs(run_end - at) < 1e-9) {
        kern_here(run, thousandths(across, f.size));
        append(run, f);
        run.width += f.width;
        pen += thousandths(f.width, f.size);  // the kern is in the width of the piece before
        return;
      }
      const int space = same_look && spaced && at > run_end ? context.space_advance(f.face) : -1;
      if (space >= 0) {
        // The next word's place, to the thousandth of an em from the run's start (so no
        // rounding adds up along the line), less where the space leaves the pen.
        const long target = thousandths(at - run.x, f.size);
        run.text += ' ';
        kern_here(run, target - pen - space);
        append(run, f);
        run.width = at + f.width - run.x;
        pen = target + thousandths(f.width, f.size);
        return;
      }
    }
    last_run = slice.items.size();
    pen = thousandths(f.width, f.size);
    add_item(slice.items, TextRun{piece.font, f.size, at, y, f.width, f.text, piece.colour, f.kerns});
  };
  for (std::size_t i = line.begin; i < end; ++i) {
    const BreakItem& item = prepared.items[i];
    if (item.kind == BreakItem::Kind::glue) {
      x += item.width + (ratio > 0 ? ratio * item.stretch : ratio * item.shrink);
      spaced = true;
      continue;
    }
    if (item.kind == BreakItem::Kind::penalty) {
      across = prepared.sources[i].across;
      continue;
    }
    const ItemSource& source = prepared.sources[i];
    const double box_end = x + item.width;
    for (std::size_t p = source.piece_begin; p < source.piece_end; ++p) {
      const Piece& piece = prepared.pieces[p];
      const Fragment& f = *piece.fragment;
      draw(piece, x);
      across = 0;
      spaced = false;
      if (piece.style->note >= 0) slice.notes.push_back(piece.style->note);  // set at this line's foot
      const bool linked = !piece.style->uri.empty() || !piece.style->destination.empty();
      if (linked && same_target(link_style, piece.style)) {
        link.width = x + f.width - link.x;
      } else {
        close_link();
        if (linked) {
          link_style = piece.style;
          link = LinkArea{x, baseline - base.size * 0.9, f.width, base.size * 1.2, piece.style->uri,
                          piece.style->destination};
        }
      }
      if (piece.style->strike) {
        const double y = baseline - f.size * 0.3;
        if (strike) {
          strike->x2 = x + f.width;
        } else {
          strike = Rule{x, y, x + f.width, y, std::max(0.4, f.size * 0.05), piece.colour};
        }
      } else {
        close_strike();
      }
      x += f.width;
    }
    x = box_end;
  }
  if (line.hyphenated && at_break) {
    const ItemSource& source = prepared.sources[line.end];
    const Piece& like = prepared.pieces[std::min(source.hyphen_piece, prepared.pieces.size() - 1)];
    const Fragment& f = *like.fragment;
    add_item(slice.items, TextRun{like.font, f.size, x + source.hyphen_shift, baseline - like.rise,
                                  at_break->width - source.hyphen_shift, "-", like.colour, {}});
  }
  close_link();
  close_strike();
  return slice;
}

}  // namespace

double baseline_in_line(Context& context, text::FaceId face, double size, double leading) {
  const text::FaceInfo& info = context.face_info(face);
  const double ascent = info.ascender * size / 1000.0;
  const double descent = -info.descender * size / 1000.0;
  return (leading - ascent - descent) / 2 + ascent;
}

std::vector<Slice> set_paragraph(Context& context, const Spans& spans, const TextStyle& base, Align align,
                                 Frame frame, double first_indent, Hyphenation hyphenation) {
  if (spans.empty()) return {};
  ItemOptions options;
  options.justify = align == Align::justify;
  options.hyphenate = hyphenation == Hyphenation::on;
  options.line_width = frame.width;
  options.first_indent = first_indent;
  using Clock = std::chrono::steady_clock;
  LayoutTimings* timings = context.timings();
  const auto start = timings ? Clock::now() : Clock::time_point{};
  const ParagraphItems prepared = paragraph_items(context, spans, base, options);
  std::vector<Slice> slices;
  if (prepared.pieces.empty()) return slices;
  const double baseline = baseline_in_line(context, context.face(base), base.size, base.leading);
  const auto itemised = timings ? Clock::now() : Clock::time_point{};
  const std::vector<Line> lines =
      break_lines_total_fit(prepared.items, frame.width, breaker_parameters(align, base));
  if (timings) {
    const auto broken = Clock::now();
    timings->items += std::chrono::duration<double>(itemised - start).count();
    timings->breaking += std::chrono::duration<double>(broken - itemised).count();
  }
  for (const Line& line : lines) slices.push_back(place_line(context, prepared, line, base, align, frame, baseline));
  // At least `orphans` lines at a page's foot and `widows` lines at the next page's top; and
  // no page ends with a hyphenated line (TeX's \brokenpenalty, made absolute: a word is not
  // read across a page turn).
  const std::size_t count = slices.size();
  const auto orphans = static_cast<std::size_t>(context.style().orphans);
  const auto widows = static_cast<std::size_t>(context.style().widows);
  for (std::size_t i = 0; i + 1 < count; ++i) {
    if (i + 1 < orphans || i + widows >= count || lines[i].hyphenated) slices[i].keep_with_next = true;
  }
  return slices;
}

Extent measure_paragraph(Context& context, const Spans& spans, const TextStyle& base) {
  // Without hyphenation: the narrowest column is the one that breaks no word.
  ItemOptions options;
  options.hyphenate = false;
  options.line_width = std::numeric_limits<double>::infinity();
  const ParagraphItems prepared = paragraph_items(context, spans, base, options);
  Extent extent;
  double line = 0;
  for (const BreakItem& item : prepared.items) {
    if (item.kind == BreakItem::Kind::penalty) {
      if (item.cost <= forced_break) {
        extent.max = std::max(extent.max, line);
        line = 0;
      }
      continue;
    }
    if (item.kind == BreakItem::Kind::box) extent.min = std::max(extent.min, item.width);
    line += item.width;
  }
  extent.max = std::max(extent.max, line);
  return extent;
}

}  // namespace galley::layout
