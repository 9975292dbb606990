// The block dispatcher and the simple blocks: paragraphs, headings, block quotes, code,
// horizontal rules and asides.
#include "layout/blocks.hpp"

#include <algorithm>

#include "layout/paragraph.hpp"
#include "layout/spans.hpp"

namespace galley::layout {
namespace {

int shallowest_heading(const model::Blocks& blocks) {
  int level = 7;
  for (const model::Block& block : blocks) {
    if (const auto* header = std::get_if<model::Header>(&block.node)) level = std::min(level, header->level);
  }
  return level == 7 ? 1 : level;
}

// Keeps slices on one page when together they are no taller than `limit` (a few lines in a box).
void keep_together(std::vector<Slice>& slices, double limit) {
  double height = 0;
  for (std::size_t i = 0; i < slices.size(); ++i) height += slices[i].height + (i > 0 ? slices[i].space_before : 0);
  if (height > limit) return;
  for (std::size_t i = 0; i + 1 < slices.size(); ++i) slices[i].keep_with_next = true;
}

}  // namespace

void BlockWriter::begin_article(const model::Blocks& blocks) {
  heading_base_ = shallowest_heading(blocks);
  outline_level_ = 0;
  last_ = Last::none;
}

double BlockWriter::space_before(const BlockEnv& env, bool paragraph) const {
  const LayoutStyle& style = context_.style();
  if (last_ == Last::heading) return heading_after_;
  if (env.tight) return style.list_item_space;
  if (last_ == Last::none) return 0;
  if (paragraph && last_ == Last::paragraph) return style.paragraph_space;
  return style.block_space;
}

void BlockWriter::add(std::vector<Slice> slices, double space_before, bool paragraph) {
  if (slices.empty()) return;
  slices.front().space_before = space_before;
  last_ = paragraph ? Last::paragraph : Last::other;
  // A heading keeps with two lines of what follows it, whatever blocks they are in (its own
  // slices keep with the first; the first keeps with the second).
  for (Slice& slice : slices) {
    if (lines_after_heading_ == 0) break;
    if (--lines_after_heading_ > 0) slice.keep_with_next = true;
  }
  for (Slice& slice : slices) {
    slice.article = context_.article();
    flow_.slices.push_back(std::move(slice));
  }
}

void BlockWriter::blocks(const model::Blocks& blocks, Frame frame, const BlockEnv& env) {
  for (const model::Block& item : blocks) block(item, frame, env);
}

void BlockWriter::block(const model::Block& block, Frame frame, const BlockEnv& env) {
  std::visit(
      [&](const auto& node) {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, model::Para>) {
          para(node, frame, env);
        } else if constexpr (std::is_same_v<T, model::Header>) {
          header(node, frame);
        } else if constexpr (std::is_same_v<T, model::BlockQuote>) {
          quote(node, frame, env);
        } else if constexpr (std::is_same_v<T, model::BulletList>) {
          lay_out_list(*this, node.items, false, 1, node.tight, frame, env);
        } else if constexpr (std::is_same_v<T, model::OrderedList>) {
          lay_out_list(*this, node.items, true, node.start, node.tight, frame, env);
        } else if constexpr (std::is_same_v<T, model::CodeBlock>) {
          code(node, frame, env);
        } else if constexpr (std::is_same_v<T, model::Table>) {
          lay_out_table(*this, node, frame, env);
        } else if constexpr (std::is_same_v<T, model::Figure>) {
          figure(node, frame);
        } else if constexpr (std::is_same_v<T, model::HorizontalRule>) {
          rule(frame, env);
        } else if constexpr (std::is_same_v<T, model::Aside>) {
          aside(node, frame, env);
        }
      },
      block.node);
}

void BlockWriter::para(const model::Para& para, Frame frame, const BlockEnv& env) {
  const LayoutStyle& style = context_.style();
  Spans spans;
  append_spans(context_, para.content, {}, spans);
  // Running text indents a paragraph that follows another; lists and notes do not.
  const bool indent = last_ == Last::paragraph && env.list_depth == 0 && env.text == &style.body;
  const double space = space_before(env, true);
  add(set_paragraph(context_, spans, *env.text, style.justify ? Align::justify : Align::left, frame,
                    indent ? style.paragraph_indent : 0),
      space, true);
}

void BlockWriter::header(const model::Header& header, Frame frame) {
  const LayoutStyle& style = context_.style();
  const std::size_t index = static_cast<std::size_t>(std::clamp(header.level, 1, 6) - 1);
  const HeadingStyle& heading = style.headings[std::min(index, style.headings.size() - 1)];
  const TextStyle& text = heading.text;
  Spans spans;
  append_spans(context_, header.content, {}, spans);
  std::vector<Slice> slices = set_paragraph(context_, spans, text, Align::left, frame, 0, Hyphenation::off);
  if (slices.empty()) return;
  for (Slice& slice : slices) slice.keep_with_next = true;  // a heading stays with what follows
  // Outline: the article's shallowest heading level is 1; no level skips one.
  const int wanted = std::max(1, header.level - heading_base_ + 1);
  outline_level_ = std::min(wanted, outline_level_ + 1);
  slices.front().marks.push_back(
      Mark{Mark::Kind::outline, model::plain_text(header.content), outline_level_, 0});
  const double space = last_ == Last::heading ? heading_after_ : last_ == Last::none ? 0 : heading.space_before;
  add(std::move(slices), space);
  lines_after_heading_ = 2;
  last_ = Last::heading;
  heading_after_ = heading.space_after;
}

void BlockWriter::quote(const model::BlockQuote& quote, Frame frame, const BlockEnv& env) {
  const LayoutStyle& style = context_.style();
  const std::size_t first = flow_.slices.size();
  const double space = space_before(env);
  // However deep quotes nest, their text keeps a readable measure.
  const double indent = std::clamp(frame.width - style.narrowest_measure, 0.0, style.quote_indent);
  const Frame text{frame.x + indent, frame.width - indent};
  last_ = Last::other;  // the quote's first paragraph is not indented
  blocks(quote.content, text, env);
  end_block();
  if (flow_.slices.size() == first) return;
  flow_.slices[first].space_before = space;
  const double bar_x = frame.x + style.quote_bar_width / 2;
  for (std::size_t i = first; i < flow_.slices.size(); ++i) {
    Slice& slice = flow_.slices[i];
    const double top = i == first ? 0 : -slice.space_before;
    slice.items.emplace(slice.items.begin(), std::in_place_type<Rule>,
                       Rule{bar_x, top, bar_x, slice.height, style.quote_bar_width, style.quote_bar_colour});
  }
}

void BlockWriter::code(const model::CodeBlock& code, Frame frame, const BlockEnv& env) {
  std::vector<Slice> slices = set_code(context_, code.text, frame);
  keep_together(slices, 8 * context_.style().code.leading);
  add(std::move(slices), space_before(env));
}

void BlockWriter::rule(Frame frame, const BlockEnv& env) {
  const LayoutStyle& style = context_.style();
  Slice slice;
  slice.height = style.block_space * 2;
  const double y = slice.height / 2;
  const double inset = frame.width / 4;
  add_item(slice.items, Rule{frame.x + inset, y, frame.x + frame.width - inset, y, 0.6, style.rule_colour});
  std::vector<Slice> slices;
  slices.push_back(std::move(slice));
  add(std::move(slices), space_before(env));
}

void BlockWriter::aside(const model::Aside& aside, Frame frame, const BlockEnv& env) {
  const LayoutStyle& style = context_.style();
  const double pad = std::min(style.aside_padding, frame.width / 8);
  Spans spans;
  if (!aside.label.empty()) {
    SpanStyle label;
    label.bold = true;
    spans.push_back(Span{context_.paragraph_text(aside.label + ": "), label, false});
  }
  append_spans(context_, aside.content, {}, spans);
  const Frame inner{frame.x + pad, frame.width - 2 * pad};
  std::vector<Slice> slices = set_paragraph(context_, spans, style.aside, Align::left, inner);
  if (slices.empty()) return;
  shift_down(slices.front(), pad);
  slices.back().height += pad;
  const Colour colour = style.aside_rule_colour;
  const double t = style.aside_rule_thickness;
  const double left = frame.x, right = frame.x + frame.width;
  for (std::size_t i = 0; i < slices.size(); ++i) {
    Slice& slice = slices[i];
    if (i == 0) add_item(slice.items, Rule{left, 0, right, 0, t, colour});
    if (i + 1 == slices.size()) add_item(slice.items, Rule{left, slice.height, right, slice.height, t, colour});
    add_item(slice.items, Rule{left, 0, left, slice.height, t, colour});
    add_item(slice.items, Rule{right, 0, right, slice.height, t, colour});
  }
  keep_together(slices, (style.page_height - style.margin_top - style.margin_bottom) / 3);
  add(std::move(slices), space_before(env) + 4);
  // What follows an aside keeps clear of its box.
  flow_.slices.back().height += 4;
}

void BlockWriter::figure(const model::Figure& figure, Frame frame) {
  std::vector<Slice> slices;
  slices.push_back(set_figure(context_, figure.image, figure.line, figure.caption, figure.credit, frame));
  if (slices.front().items.empty()) return;
  add(std::move(slices), last_ == Last::heading ? heading_after_ : context_.style().figure_space);
}

Slice merge_slices(std::vector<Slice> slices) {
  Slice merged;
  if (slices.empty()) return merged;
  merged.space_before = slices.front().space_before;
  merged.article = slices.front().article;
  double y = 0;
  for (std::size_t i = 0; i < slices.size(); ++i) {
    Slice& slice = slices[i];
    if (i > 0) y += slice.space_before;
    shift_down(slice, y);
    if (merged.baseline < 0 && slice.baseline >= 0) merged.baseline = slice.baseline;
    for (Item& item : slice.items) merged.items.push_back(std::move(item));
    for (Mark& mark : slice.marks) merged.marks.push_back(std::move(mark));
    merged.notes.insert(merged.notes.end(), slice.notes.begin(), slice.notes.end());
    y = slice.height;
  }
  merged.height = y;
  return merged;
}

}  // namespace galley::layout
