// Figures: the picture scaled to the frame, then its caption and credit, in one slice so
// they are never separated.
#include <fmt/format.h>

#include "layout/blocks.hpp"
#include "layout/paragraph.hpp"
#include "layout/spans.hpp"

namespace galley::layout {

Slice set_figure(Context& context, const std::string& image, const std::string& caption, const std::string& credit,
                 Frame frame) {
  const LayoutStyle& style = context.style();
  std::vector<Slice> parts;
  if (!image.empty()) {
    context.warn(fmt::format("figure '{}': images are not yet supported in PDF; the figure shows its caption only",
                             image));
  }
  Spans spans;
  if (!caption.empty()) spans.push_back(Span{context.drawable(caption), {}, false});
  if (!credit.empty()) {
    SpanStyle muted;
    muted.muted = true;
    std::string text = caption.empty() ? "" : " ";
    text += credit;
    spans.push_back(Span{context.drawable(text), muted, false});
  }
  std::vector<Slice> lines = set_paragraph(context, spans, style.caption, Align::left, frame);
  if (!lines.empty()) {
    if (!parts.empty()) lines.front().space_before = style.caption_space;
    for (Slice& line : lines) parts.push_back(std::move(line));
  }
  return merge_slices(std::move(parts));
}

}  // namespace galley::layout
