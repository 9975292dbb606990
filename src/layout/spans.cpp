// Model inlines -> spans.
#include "layout/spans.hpp"

#include <fmt/format.h>

#include "model/links.hpp"

namespace galley::layout {
namespace {

// The mark of note `index` (in Context::notes()), in the style around it.
Span note_mark(Context& context, int index, const SpanStyle& style) {
  const NoteEntry& note = context.notes()[static_cast<std::size_t>(index)];
  SpanStyle inner = style;
  inner.note_mark = true;
  inner.uri.clear();
  inner.destination = note_destination(note.article, note.number);
  inner.note = index;
  return Span{std::to_string(note.number), inner, false};
}

// A link whose text already shows its address (an autolink) needs no note repeating it.
bool shows_its_address(const model::Link& link) {
  const std::string plain = model::plain_text(link.content);
  std::string_view text = plain;
  std::string_view target = link.target;
  for (std::string_view scheme : {"mailto:", "https://", "http://"}) {
    if (target.starts_with(scheme) && !text.starts_with(scheme)) target.remove_prefix(scheme.size());
  }
  if (text.ends_with('/') != target.ends_with('/')) {
    if (text.ends_with('/')) text.remove_suffix(1);
    if (target.ends_with('/')) target.remove_suffix(1);
  }
  return text == target;
}

}  // namespace

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
            const auto uri = model::safe_link(node.target);
            if (uri) {
              inner.uri = *uri;
              inner.destination.clear();
            }
            append_spans(context, node.content, inner, out);
            if (uri && context.style().link_notes != LinkNotes::none && !style.note_mark && !shows_its_address(node)) {
              out.push_back(note_mark(context, context.note_for_url(node.target), style));
            }
          } else if constexpr (std::is_same_v<T, model::Image>) {
            SpanStyle inner = style;
            inner.italic = true;
            inner.muted = true;
            if (!node.alt.empty()) out.push_back(Span{context.paragraph_text(node.alt), inner, false});
          } else if constexpr (std::is_same_v<T, model::LineBreak>) {
            out.push_back(Span{"", style, true});
          } else if constexpr (std::is_same_v<T, model::NoteRef>) {
            out.push_back(note_mark(context, context.note_for(node.number - 1), style));
          }
        },
        item.node);
  }
}

Spans plain_spans(Context& context, std::string_view text, SpanStyle style) {
  return Spans{Span{context.paragraph_text(text), std::move(style), false}};
}

}  // namespace galley::layout
