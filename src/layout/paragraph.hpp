// Setting running text: spans -> boxes, glue and penalties (paragraph_items.hpp) -> lines
// (Knuth-Plass, knuth_plass.hpp) -> one slice per line, justified by placing each word at its
// own x. A word wider than the line is broken between characters (with a hyphen between
// letters), so no text ever runs off the column.
#pragma once

#include <vector>

#include "layout/context.hpp"
#include "layout/flow.hpp"
#include "layout/spans.hpp"
#include "layout/style.hpp"

namespace galley::layout {

enum class Align : unsigned char { left, right, center, justify };

/// Whether a paragraph's words are hyphenated in the article's language (when the style and
/// the installed dictionaries allow). Soft hyphens in the text are honoured either way.
enum class Hyphenation : bool { off, on };

/// Sets `spans` in `base` (emphasis, code and marks vary it) into lines of `frame.width`
/// starting at `frame.x`, the first line indented by `first_indent`, the lines chosen by
/// Knuth-Plass (justified: stretching and shrinking word spaces; otherwise ragged, TeX's
/// \raggedright). One slice per line, `base.leading` high; the style's orphans and widows
/// decide which lines keep together.
std::vector<Slice> set_paragraph(Context& context, const Spans& spans, const TextStyle& base, Align align,
                                 Frame frame, double first_indent = 0, Hyphenation hyphenation = Hyphenation::on);

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
