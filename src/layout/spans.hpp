// Inline content as spans: text with the styles it is set in (emphasis, strong, code,
// strike-out, link, note mark), flattened from the model's nested inlines.
#pragma once

#include <string>
#include <vector>

#include "galley/model/document.hpp"
#include "layout/context.hpp"

namespace galley::layout {

struct SpanStyle {
  bool bold = false;
  bool italic = false;
  bool code = false;
  bool strike = false;
  bool note_mark = false;   ///< a footnote mark: smaller and raised
  bool muted = false;       ///< drawn in a secondary colour (credits)
  std::string uri;          ///< a live web or mail link
  std::string destination;  ///< a jump inside the document
  int note = -1;            ///< a note mark: the note (index into Context::notes())
};

struct Span {
  std::string text;  ///< drawable
  SpanStyle style;
  bool line_break = false;  ///< a hard line break (text empty)
};

using Spans = std::vector<Span>;

/// The name of article `article`'s note `number`, for destinations and links.
std::string note_destination(int article, int number);

/// Flattens `inlines` into spans. Links become live only when model::safe_link accepts their
/// target, and in print (LayoutStyle::link_notes) are followed by the mark of a note showing
/// their URL, unless their text is the URL; note references become marks linking to their
/// notes, numbered in the order of first marks; images show their alt text.
void append_spans(Context& context, const model::Inlines& inlines, const SpanStyle& style, Spans& out);

/// A single span of plain text in `style`.
Spans plain_spans(Context& context, std::string_view text, SpanStyle style = {});

}  // namespace galley::layout
