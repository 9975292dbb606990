// Paragraph setting: building the item list from spans, splitting words too wide for the
// line, and placing each line's words.
#include "layout/paragraph.hpp"

#include <algorithm>
#include <limits>

#include "layout/line_breaking.hpp"
#include "text/unicode.hpp"

namespace galley::layout {
namespace {

// A measured fragment with what it is drawn with.
struct Piece {
  Fragment fragment;
  double rise = 0;  ///< above the baseline (note marks)
  Colour colour;
  const SpanStyle* style = nullptr;
};

// What a box, glue or penalty of the item list stands for.
struct ItemSource {
  std::size_t piece_begin = 0;  ///< box: its pieces [begin, end)
  std::size_t piece_end = 0;
};

struct Prepared {
  std::vector<Piece> pieces;
  std::vector<BreakItem> items;
  std::vector<ItemSource> sources;  ///< parallel to items
};

text::FontStyle combine(text::FontStyle base, const SpanStyle& span) {
  const bool bold = span.bold || base == text::FontStyle::bold || base == text::FontStyle::bold_italic;
  const bool italic = span.italic != (base == text::FontStyle::italic || base == text::FontStyle::bold_italic);
  return bold ? (italic ? text::FontStyle::bold_italic : text::FontStyle::bold)
              : (italic ? text::FontStyle::italic : text::FontStyle::regular);
}

// After these a word may break without a hyphen being added: hyphens, dashes, slashes.
bool break_after(char32_t c) {
  return c == U'-' || c == U'\u2010' || c == U'\u2013' || c == U'\u2014' || c == U'/';
}

class Builder {
 public:
  Builder(Context& context, const TextStyle& base) : context_(context), base_(base) {}

  void indent(double width) { push(BreakItem::box_of(width), ItemSource{0, 0}); }

  void add(const Span& span) {
    if (span.line_break) {
      close_box();
      push(BreakItem::penalty_of(0, forced_break));
      return;
    }
    const LayoutStyle& style = context_.style();
    const Family family = span.style.code ? Family::mono : base_.family;
    const text::FaceId face = context_.face(family, combine(base_.style, span.style));
    double size = base_.size;
    if (span.style.code) size *= style.code_scale;
    if (span.style.note_mark) size *= style.note_mark_scale;
    const double rise = span.style.note_mark ? base_.size * style.note_mark_rise : 0;
    const Colour colour = !span.style.uri.empty() || span.style.note_mark ? style.link_colour
                          : span.style.muted                            ? style.credit_colour
                                                                        : base_.colour;
    // Words and the spaces between them; inside a word, a break after a hyphen or slash.
    const std::string& text = span.text;
    std::size_t pos = 0;
    while (pos < text.size()) {
      std::size_t next = pos;
      const char32_t c = text::next_code_point(text, next);
      if (text::is_break_space(c)) {
        close_box();
        add_space(face, size);
        pos = next;
        continue;
      }
      std::size_t end = pos;
      bool breakable = false;
      while (end < text.size()) {
        std::size_t after = end;
        const char32_t d = text::next_code_point(text, after);
        if (text::is_break_space(d)) break;
        end = after;
        if (break_after(d) && end < text.size()) {
          std::size_t peek = end;
          breakable = !text::is_break_space(text::next_code_point(text, peek));
          if (breakable) break;
        }
      }
      add_text(std::string_view(text).substr(pos, end - pos), face, size, rise, colour, span.style);
      if (breakable) {
        close_box();
        push(BreakItem::penalty_of(0, 50));
      }
      pos = end;
    }
  }

  Prepared finish(double line_width) {
    close_box();
    if (line_width < std::numeric_limits<double>::infinity()) split_wide_boxes(line_width);
    return std::move(out_);
  }

 private:
  void push(BreakItem item, ItemSource source = {}) {
    out_.items.push_back(item);
    out_.sources.push_back(source);
  }

  void add_text(std::string_view text, text::FaceId face, double size, double rise, Colour colour,
                const SpanStyle& style) {
    std::vector<Fragment> fragments;
    context_.shape(face, size, text, fragments);
    if (!box_open_) {
      box_open_ = true;
      box_width_ = 0;
      box_begin_ = out_.pieces.size();
    }
    for (auto& fragment : fragments) {
      box_width_ += fragment.width;
      out_.pieces.push_back(Piece{std::move(fragment), rise, colour, &style});
    }
  }

  void add_space(text::FaceId face, double size) {
    if (!out_.items.empty() && out_.items.back().kind == BreakItem::Kind::glue) return;  // spaces collapse
    const double width = context_.measure(face, size, " ");
    const LayoutStyle& style = context_.style();
    push(BreakItem::glue_of(width, width * style.space_stretch, width * style.space_shrink));
  }

  void close_box() {
    if (!box_open_) return;
    box_open_ = false;
    push(BreakItem::box_of(box_width_), ItemSource{box_begin_, out_.pieces.size()});
  }

  // Breaks every box wider than the line between characters, with a hyphen at each break.
  void split_wide_boxes(double line_width) {
    const bool any = std::any_of(out_.items.begin(), out_.items.end(), [&](const BreakItem& item) {
      return item.kind == BreakItem::Kind::box && item.width > line_width;
    });
    if (!any) return;
    Prepared in = std::move(out_);
    out_ = Prepared{};
    for (std::size_t i = 0; i < in.items.size(); ++i) {
      const BreakItem& item = in.items[i];
      if (item.kind != BreakItem::Kind::box || item.width <= line_width) {
        if (item.kind == BreakItem::Kind::box) {
          const std::size_t begin = out_.pieces.size();
          for (std::size_t p = in.sources[i].piece_begin; p < in.sources[i].piece_end; ++p) {
            out_.pieces.push_back(std::move(in.pieces[p]));
          }
          push(item, ItemSource{begin, out_.pieces.size()});
        } else {
          push(item);
        }
        continue;
      }
      split_box(in, in.sources[i], line_width);
    }
  }

  void split_box(Prepared& in, const ItemSource& source, double line_width) {
    std::size_t chunk_begin = out_.pieces.size();
    double chunk_width = 0;
    for (std::size_t p = source.piece_begin; p < source.piece_end; ++p) {
      Piece& piece = in.pieces[p];
      const Fragment& fragment = piece.fragment;
      const double hyphen = context_.measure(fragment.face, fragment.size, "-");
      std::size_t start = 0;
      double part_width = 0;
      for (std::size_t pos = 0; pos < fragment.text.size();) {
        const std::size_t at = pos;
        text::next_code_point(fragment.text, pos);
        const double w = context_.measure(fragment.face, fragment.size, std::string_view(fragment.text).substr(at, pos - at));
        if (chunk_width + part_width + w + hyphen > line_width && chunk_width + part_width > 0) {
          emit_part(piece, start, at, part_width);
          push(BreakItem::box_of(chunk_width + part_width), ItemSource{chunk_begin, out_.pieces.size()});
          push(BreakItem::penalty_of(hyphen, 100));
          chunk_begin = out_.pieces.size();
          chunk_width = 0;
          part_width = 0;
          start = at;
        }
        part_width += w;
      }
      emit_part(piece, start, fragment.text.size(), part_width);
      chunk_width += part_width;
    }
    push(BreakItem::box_of(chunk_width), ItemSource{chunk_begin, out_.pieces.size()});
  }

  void emit_part(const Piece& piece, std::size_t begin, std::size_t end, double width) {
    if (end <= begin) return;
    // Field by field: copying the whole piece would copy its text once per part, quadratic
    // in a word of 100,000 characters.
    const Fragment& whole = piece.fragment;
    Fragment fragment{whole.face, whole.font, whole.size, whole.text.substr(begin, end - begin), width};
    out_.pieces.push_back(Piece{std::move(fragment), piece.rise, piece.colour, piece.style});
  }

  Context& context_;
  const TextStyle& base_;
  Prepared out_;
  bool box_open_ = false;
  double box_width_ = 0;
  std::size_t box_begin_ = 0;
};

Prepared prepare(Context& context, const Spans& spans, const TextStyle& base, double line_width,
                 double first_indent = 0) {
  Builder builder(context, base);
  // An indent is an empty box (Knuth and Plass: "the box for paragraph indentation").
  if (first_indent > 0) builder.indent(first_indent);
  for (const Span& span : spans) builder.add(span);
  return builder.finish(line_width);
}

bool same_target(const SpanStyle* a, const SpanStyle* b) {
  return a && b && a->uri == b->uri && a->destination == b->destination;
}

// Places one line's pieces; returns its slice.
Slice place_line(Context& context, const Prepared& prepared, const Line& line, const TextStyle& base, Align align,
                 Frame frame, double baseline) {
  const LayoutStyle& style = context.style();
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
  const Piece* last_piece = nullptr;
  if (end > line.begin) {
    const ItemSource& source = prepared.sources[end - 1];
    if (source.piece_end > source.piece_begin) last_piece = &prepared.pieces[source.piece_end - 1];
  }
  double hyphen = 0;
  if (line.hyphenated && line.end < prepared.items.size()) hyphen = prepared.items[line.end].width;
  natural += hyphen;

  double ratio = 0;
  if (natural > frame.width && shrink > 0) {
    ratio = std::max(-1.0, (frame.width - natural) / shrink);
  } else if (align == Align::justify && !line.forced && natural < frame.width && stretch > 0) {
    ratio = (frame.width - natural) / stretch;
    if (ratio > style.max_stretch_ratio) ratio = 0;  // too loose: set it ragged
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
  for (std::size_t i = line.begin; i < end; ++i) {
    const BreakItem& item = prepared.items[i];
    if (item.kind == BreakItem::Kind::glue) {
      x += item.width + (ratio > 0 ? ratio * item.stretch : ratio * item.shrink);
      continue;
    }
    if (item.kind != BreakItem::Kind::box) continue;
    const ItemSource& source = prepared.sources[i];
    const double box_end = x + item.width;
    for (std::size_t p = source.piece_begin; p < source.piece_end; ++p) {
      const Piece& piece = prepared.pieces[p];
      const Fragment& f = piece.fragment;
      add_item(slice.items, TextRun{f.font, f.size, x, baseline - piece.rise, f.width, f.text, piece.colour});
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
  if (hyphen > 0 && last_piece) {
    const Fragment& f = last_piece->fragment;
    add_item(slice.items, TextRun{f.font, f.size, x, baseline - last_piece->rise, hyphen, "-", last_piece->colour});
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
                                 Frame frame, double first_indent) {
  if (spans.empty()) return {};
  const Prepared prepared = prepare(context, spans, base, frame.width, first_indent);
  std::vector<Slice> slices;
  if (prepared.pieces.empty()) return slices;
  const double baseline = baseline_in_line(context, context.face(base), base.size, base.leading);
  const std::vector<Line> lines = break_lines(prepared.items, frame.width);
  for (const Line& line : lines) slices.push_back(place_line(context, prepared, line, base, align, frame, baseline));
  // At least `orphans` lines at a page's foot and `widows` lines at the next page's top.
  const std::size_t count = slices.size();
  const auto orphans = static_cast<std::size_t>(context.style().orphans);
  const auto widows = static_cast<std::size_t>(context.style().widows);
  for (std::size_t i = 0; i + 1 < count; ++i) {
    if (i + 1 < orphans || i + widows >= count) slices[i].keep_with_next = true;
  }
  return slices;
}

Extent measure_paragraph(Context& context, const Spans& spans, const TextStyle& base) {
  const Prepared prepared = prepare(context, spans, base, std::numeric_limits<double>::infinity());
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
