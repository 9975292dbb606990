// The title block: headline, dek, byline and dateline, a rule, and the lead figure.
#include "layout/article_parts.hpp"
#include "layout/paragraph.hpp"
#include "layout/spans.hpp"

namespace galley::layout {
namespace {

void append(std::vector<Slice>& out, std::vector<Slice> slices, double space_before) {
  if (slices.empty()) return;
  slices.front().space_before = out.empty() ? 0 : space_before;
  for (Slice& slice : slices) out.push_back(std::move(slice));
}

}  // namespace

std::string shown_title(Context& context, const model::Document& document) {
  if (document.meta.title.find_first_not_of(" \t\n") != std::string::npos) return document.meta.title;
  return std::string(context.labels().untitled);
}

std::vector<Slice> set_title_block(Context& context, const model::Document& document, Frame frame) {
  const LayoutStyle& style = context.style();
  const model::Meta& meta = document.meta;
  std::vector<Slice> out;
  append(out, set_paragraph(context, plain_spans(context, meta.title), style.headline, Align::left, frame, 0, Hyphenation::off), 0);
  append(out, set_paragraph(context, plain_spans(context, meta.subtitle), style.dek, Align::left, frame, 0, Hyphenation::off),
         style.headline_space_after);
  if (!meta.authors.empty()) {
    const model::Labels& labels = context.labels();
    std::string byline(labels.by);
    if (!byline.empty()) byline += ' ';
    byline += model::join_names(meta.authors, labels);
    append(out, set_paragraph(context, plain_spans(context, byline), style.byline, Align::left, frame, 0, Hyphenation::off),
           style.dek_space_after);
  }
  if (!meta.date_text.empty()) {
    append(out, set_paragraph(context, plain_spans(context, meta.date_text), style.dateline, Align::left, frame, 0, Hyphenation::off),
           out.size() > 0 && meta.authors.empty() ? style.dek_space_after : 0);
  }
  // The rule closing the title block.
  Slice rule;
  rule.height = style.title_rule_space;
  add_item(rule.items, Rule{frame.x, rule.height, frame.x + frame.width, rule.height, style.title_rule_thickness,
                            style.title_rule_colour});
  out.push_back(std::move(rule));

  if (document.lead) {
    const model::LeadFigure& lead = *document.lead;
    Slice figure =
        set_figure(context, lead.image.value_or(""), lead.line, lead.caption, lead.credit, frame, style.lead_bleed);
    if (!figure.items.empty()) {
      figure.space_before = style.title_block_space;
      out.push_back(std::move(figure));
    }
  }
  for (Slice& slice : out) slice.keep_with_next = true;
  out.front().marks.push_back(Mark{Mark::Kind::outline, shown_title(context, document), 0, 0});
  return out;
}

}  // namespace galley::layout
