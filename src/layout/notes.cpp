// Notes: each note's lines (its number hung in the margin, the destination its marks link
// to), set for the foot of a column or listed at the end of the article under a "Notes"
// heading; and the source line below everything.
#include <fmt/format.h>

#include "layout/article_parts.hpp"
#include "layout/paragraph.hpp"
#include "layout/spans.hpp"
#include "model/links.hpp"

namespace galley::layout {
namespace {

// The lines of note `index` (in Context::notes()), its number hung left of `frame`'s text.
std::vector<Slice> note_lines(Context& context, const model::Document& document, int index, Frame frame) {
  const LayoutStyle& style = context.style();
  const NoteEntry note = context.notes()[static_cast<std::size_t>(index)];  // a copy: notes() may grow
  const TextStyle& text = style.note;
  const Frame inner{frame.x + style.note_number_width, frame.width - style.note_number_width};
  Flow lines;
  BlockWriter writer(context, lines);
  BlockEnv env;
  env.text = &text;
  env.tight = true;
  if (note.model_note >= 0 && static_cast<std::size_t>(note.model_note) < document.notes.size()) {
    writer.blocks(document.notes[static_cast<std::size_t>(note.model_note)].content, inner, env);
  } else if (!note.url.empty()) {
    SpanStyle link;
    if (auto uri = model::safe_link(note.url)) link.uri = *uri;
    writer.add(set_paragraph(context, plain_spans(context, note.url, link), text, Align::left, inner, 0,
                             Hyphenation::off),
               0);
  }
  if (lines.slices.empty()) {
    Slice empty;
    empty.height = text.leading;
    lines.slices.push_back(std::move(empty));
  }
  Slice& head = lines.slices.front();
  head.space_before = 0;
  const text::FaceId face = context.face(text);
  const double baseline = head.baseline >= 0 ? head.baseline : baseline_in_line(context, face, text.size, text.leading);
  std::vector<Fragment> fragments;
  context.shape(face, text.size, fmt::format("{}.", note.number), fragments);
  // Drawn before the note's text, so that text extraction reads the number first (and a
  // word hyphenated at the end of the note's first line comes back whole).
  double x = frame.x;
  std::vector<Item> number_items;
  for (const Fragment& f : fragments) {
    add_item(number_items, TextRun{f.font, f.size, x, baseline, f.width, f.text, text.colour, f.kerns});
    x += f.width;
  }
  head.items.insert(head.items.begin(), number_items.begin(), number_items.end());
  head.marks.push_back(Mark{Mark::Kind::destination, note_destination(note.article, note.number), 0, 0});
  for (Slice& line : lines.slices) line.article = context.article();
  return std::move(lines.slices);
}

}  // namespace

void lay_out_notes(BlockWriter& writer, const model::Document& document, std::size_t first, Frame frame) {
  Context& context = writer.context();
  const LayoutStyle& style = context.style();
  Flow& flow = writer.flow();
  std::vector<std::vector<Slice>> listed;
  // The notes marked in the body, and the notes those mark in turn, go to the foot of a
  // column (unless link URLs are endnotes); notes no mark refers to are listed at the end,
  // numbered after the others, with any they mark.
  auto set_notes = [&](std::size_t from, bool at_foot) {
    for (std::size_t i = from; i < context.notes().size(); ++i) {  // a note's own marks may add notes
      std::vector<Slice> lines = note_lines(context, document, static_cast<int>(i), frame);
      if (flow.notes.size() < context.notes().size()) flow.notes.resize(context.notes().size());
      if (at_foot) {
        flow.notes[i] = std::move(lines);
      } else {
        listed.push_back(std::move(lines));
      }
    }
  };
  set_notes(first, style.link_notes != LinkNotes::end);
  const std::size_t marked = context.notes().size();
  for (std::size_t m = 0; m < document.notes.size(); ++m) context.note_for(static_cast<int>(m));
  set_notes(marked, false);
  flow.notes.resize(context.notes().size());
  if (listed.empty()) return;

  std::vector<Slice> heading =
      set_paragraph(context, plain_spans(context, context.labels().notes), style.notes_heading, Align::left, frame, 0,
                    Hyphenation::off);
  if (heading.empty()) return;
  // A short rule above the heading, as above footnotes.
  shift_down(heading.front(), 6);
  add_item(heading.front().items, Rule{frame.x, 0, frame.x + frame.width / 4, 0, 0.6, style.rule_colour});
  for (Slice& slice : heading) slice.keep_with_next = true;
  writer.add(std::move(heading), style.end_space);
  for (std::size_t n = 0; n < listed.size(); ++n) {
    std::vector<Slice>& lines = listed[n];
    lines.front().space_before = n == 0 ? 4 : 3;
    for (Slice& line : lines) flow.slices.push_back(std::move(line));
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
