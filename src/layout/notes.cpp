// Below the body: the notes (numbered, each a destination its marks link to) and the
// source line.
#include <fmt/format.h>

#include "layout/article_parts.hpp"
#include "layout/paragraph.hpp"
#include "layout/spans.hpp"
#include "model/links.hpp"

namespace galley::layout {

void lay_out_notes(BlockWriter& writer, const std::vector<model::Note>& notes, Frame frame) {
  if (notes.empty()) return;
  Context& context = writer.context();
  const LayoutStyle& style = context.style();
  std::vector<Slice> heading =
      set_paragraph(context, plain_spans(context, context.labels().notes), style.notes_heading, Align::left, frame, 0,
                    Hyphenation::off);
  if (heading.empty()) return;
  // A short rule above the heading, as above footnotes.
  shift_down(heading.front(), 6);
  add_item(heading.front().items, Rule{frame.x, 0, frame.x + frame.width / 4, 0, 0.6, style.rule_colour});
  for (Slice& slice : heading) slice.keep_with_next = true;
  writer.add(std::move(heading), style.end_space);

  const TextStyle& text = style.note;
  const text::FaceId face = context.face(text);
  BlockEnv env;
  env.text = &text;
  env.tight = true;
  const Frame inner{frame.x + style.note_number_width, frame.width - style.note_number_width};
  for (std::size_t i = 0; i < notes.size(); ++i) {
    Flow& flow = writer.flow();
    const std::size_t first = flow.slices.size();
    writer.blocks(notes[i].content, inner, env);
    if (flow.slices.size() == first) {
      Slice empty;
      empty.height = text.leading;
      std::vector<Slice> slices;
      slices.push_back(std::move(empty));
      writer.add(std::move(slices), 0);
    }
    Slice& head = flow.slices[first];
    head.space_before = i == 0 ? 4 : 3;
    const double baseline = head.baseline >= 0 ? head.baseline : baseline_in_line(context, face, text.size, text.leading);
    const int number = static_cast<int>(i) + 1;
    std::vector<Fragment> fragments;
    context.shape(face, text.size, fmt::format("{}.", number), fragments);
    // Drawn before the note's text, so that text extraction reads the number first (and a
    // word hyphenated at the end of the note's first line comes back whole).
    double x = frame.x;
    std::vector<Item> number_items;
    for (const Fragment& f : fragments) {
      add_item(number_items, TextRun{f.font, f.size, x, baseline, f.width, f.text, text.colour, f.kerns});
      x += f.width;
    }
    head.items.insert(head.items.begin(), number_items.begin(), number_items.end());
    head.marks.push_back(Mark{Mark::Kind::destination, note_destination(context.article(), number), 0, 0});
    writer.end_block();
  }
}

std::vector<Slice> set_source_line(Context& context, const std::string& source, Frame frame) {
  const LayoutStyle& style = context.style();
  Spans spans = plain_spans(context, std::string(context.labels().source) + " ");
  SpanStyle link;
  if (auto uri = model::safe_link(source)) link.uri = *uri;
  spans.push_back(Span{context.paragraph_text(source), link, false});
  return set_paragraph(context, spans, style.source, Align::left, frame);
}

}  // namespace galley::layout
