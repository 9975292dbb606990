// Model inlines -> spans.
#include "layout/spans.hpp"

#include <fmt/format.h>

#include "model/links.hpp"

namespace galley::layout {

std::string note_destination(int article, int number) { return fmt::format("note-{}-{}", article + 1, number); }

void append_spans(Context& context, const model::Inlines& inlines, const SpanStyle& style, Spans& out) {
  for (const model::Inline& item : inlines) {
    std::visit(
        [&](const auto& node) {
          using T = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<T, model::Text>) {
            out.push_back(Span{context.paragraph_text(node.text), style, false});
          } else if constexpr (std::is_same_v<T, model::Emph>) {
            SpanStyle inner = style;
            inner.italic = !style.italic;  // emphasis inside italic text goes upright
            append_spans(context, node.content, inner, out);
          } else if constexpr (std::is_same_v<T, model::Strong>) {
            SpanStyle inner = style;
            inner.bold = true;
            append_spans(context, node.content, inner, out);
          } else if constexpr (std::is_same_v<T, model::Strikeout>) {
            SpanStyle inner = style;
            inner.strike = true;
            append_spans(context, node.content, inner, out);
          } else if constexpr (std::is_same_v<T, model::Code>) {
            SpanStyle inner = style;
            inner.code = true;
            out.push_back(Span{context.paragraph_text(node.text), inner, false});
          } else if constexpr (std::is_same_v<T, model::Link>) {
            SpanStyle inner = style;
            if (auto uri = model::safe_link(node.target)) {
              inner.uri = *uri;
              inner.destination.clear();
            }
            append_spans(context, node.content, inner, out);
          } else if constexpr (std::is_same_v<T, model::Image>) {
            SpanStyle inner = style;
            inner.italic = true;
            inner.muted = true;
            if (!node.alt.empty()) out.push_back(Span{context.paragraph_text(node.alt), inner, false});
          } else if constexpr (std::is_same_v<T, model::LineBreak>) {
            out.push_back(Span{"", style, true});
          } else if constexpr (std::is_same_v<T, model::NoteRef>) {
            SpanStyle inner = style;
            inner.note_mark = true;
            inner.uri.clear();
            inner.destination = note_destination(context.article(), node.number);
            out.push_back(Span{std::to_string(node.number), inner, false});
          }
        },
        item.node);
  }
}

Spans plain_spans(Context& context, std::string_view text, SpanStyle style) {
  return Spans{Span{context.paragraph_text(text), std::move(style), false}};
}

}  // namespace galley::layout
