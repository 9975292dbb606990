// Bullet, ordered and task lists: the item's blocks set in an indented frame, the marker
// hung in the indent on the baseline of the item's first line.
#include <fmt/format.h>

#include <algorithm>

#include "layout/blocks.hpp"
#include "layout/paragraph.hpp"

namespace galley::layout {
namespace {

const char* bullet_for(int depth) {
  switch (depth % 3) {
    case 0: return "\u2022";  // bullet
    case 1: return "\u2013";  // en dash
    default: return "\u25e6";  // white bullet
  }
}

// A task item's square, ticked when done.
void add_task_box(Context& context, Slice& slice, double right, double baseline, bool done) {
  const LayoutStyle& style = context.style();
  const double size = style.task_box_size;
  const double x = right - size;
  const double top = baseline - size * 0.95;
  add_item(slice.items, Box{x, top, size, size, std::nullopt, style.body.colour, 0.6});
  if (done) {
    add_item(slice.items, Rule{x + size * 0.2, top + size * 0.55, x + size * 0.42, top + size * 0.8, 0.9, style.body.colour});
    add_item(slice.items, Rule{x + size * 0.42, top + size * 0.8, x + size * 0.85, top + size * 0.2, 0.9, style.body.colour});
  }
}

}  // namespace

void lay_out_list(BlockWriter& writer, const std::vector<model::ListItem>& items, bool ordered, int start,
                  bool tight, Frame frame, const BlockEnv& env) {
  Context& context = writer.context();
  const LayoutStyle& style = context.style();
  const TextStyle& text = *env.text;
  const text::FaceId face = context.face(text);
  // The marker column is as wide as the widest number needs, at least the list indent.
  std::vector<std::string> markers;
  double widest = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string marker = ordered ? fmt::format("{}.", static_cast<long long>(start) + static_cast<long long>(i))
                                 : std::string(bullet_for(env.list_depth));
    widest = std::max(widest, context.measure(face, text.size, marker));
    markers.push_back(std::move(marker));
  }
  const double gap = text.size * 0.5;
  // However deep lists nest, their text keeps a readable measure; a list nested past that
  // point is not indented and its items have no room for a marker.
  const double indent =
      std::clamp(frame.width - style.narrowest_measure, 0.0, std::max(style.list_indent, widest + gap));
  const bool marked = indent >= std::max(widest, style.task_box_size) + gap;
  const Frame inner{frame.x + indent, frame.width - indent};
  BlockEnv item_env = env;
  item_env.list_depth = env.list_depth + 1;
  item_env.tight = tight;
  const double marker_right = inner.x - gap;

  const double list_space = writer.space_before(env);
  const double item_space = tight ? style.list_item_space : std::max(style.paragraph_space, 4.0);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const model::ListItem& item = items[i];
    Flow& flow = writer.flow();
    const std::size_t first = flow.slices.size();
    writer.blocks(item.content, inner, item_env);
    if (flow.slices.size() == first) {
      // An empty item still shows its marker on a line of its own.
      Slice empty;
      empty.height = text.leading;
      empty.baseline = baseline_in_line(context, face, text.size, text.leading);
      std::vector<Slice> slices;
      slices.push_back(std::move(empty));
      writer.add(std::move(slices), 0);
    }
    Slice& head = flow.slices[first];
    head.space_before = i == 0 ? list_space : item_space;
    const double baseline =
        head.baseline >= 0 ? head.baseline : baseline_in_line(context, face, text.size, text.leading);
    if (!marked) continue;
    if (item.task != model::Task::none) {
      add_task_box(context, head, marker_right, baseline, item.task == model::Task::done);
      continue;
    }
    std::vector<Fragment> fragments;
    const double width = context.shape(face, text.size, markers[i], fragments);
    // Drawn before the item's text, so that text extraction reads the marker first.
    double x = marker_right - width;
    std::vector<Item> marker_items;
    for (const Fragment& f : fragments) {
      add_item(marker_items, TextRun{f.font, f.size, x, baseline, f.width, f.text, text.colour, f.kerns});
      x += f.width;
    }
    head.items.insert(head.items.begin(), marker_items.begin(), marker_items.end());
  }
  writer.end_block();
}

}  // namespace galley::layout
