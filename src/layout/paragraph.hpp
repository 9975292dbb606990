// Setting running text: spans -> boxes, glue and penalties -> lines (line_breaking.hpp) ->
// one slice per line, justified by placing each word at its own x. A word wider than the
// line is broken between characters (with a hyphen), so no text ever runs off the column.
#pragma once

#include <vector>

#include "layout/context.hpp"
#include "layout/flow.hpp"
#include "layout/spans.hpp"
#include "layout/style.hpp"

namespace galley::layout {

enum class Align : unsigned char { left, right, center, justify };

/// Sets `spans` in `base` (emphasis, code and marks vary it) into lines of `frame.width`
/// starting at `frame.x`, the first line indented by `first_indent`. One slice per line,
/// `base.leading` high; the style's orphans and widows decide which lines keep together.
std::vector<Slice> set_paragraph(Context& context, const Spans& spans, const TextStyle& base, Align align,
                                 Frame frame, double first_indent = 0);

/// How wide `spans` are: `min`, the widest word (the narrowest column that breaks no word);
/// `max`, the widest line when only hard line breaks end lines.
struct Extent {
  double min = 0;
  double max = 0;
};
Extent measure_paragraph(Context& context, const Spans& spans, const TextStyle& base);

/// The baseline of a line `leading` high set in `face` at `size`, from the line's top: the
/// leading is shared equally above the ascender and below the descender.
double baseline_in_line(Context& context, text::FaceId face, double size, double leading);

}  // namespace galley::layout
