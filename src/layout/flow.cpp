// Moving a slice's content.
#include "layout/flow.hpp"

namespace galley::layout {

void shift(Item& item, double dy) {
  std::visit(
      [&](auto& node) {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, Rule>) {
          node.y1 += dy;
          node.y2 += dy;
        } else {
          node.y += dy;
        }
      },
      item);
}

void translate(Item& item, double dx, double dy) {
  std::visit(
      [&](auto& node) {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, Rule>) {
          node.x1 += dx;
          node.x2 += dx;
          node.y1 += dy;
          node.y2 += dy;
        } else {
          node.x += dx;
          node.y += dy;
        }
      },
      item);
}

void shift_down(Slice& slice, double dy) {
  for (Item& item : slice.items) shift(item, dy);
  for (Mark& mark : slice.marks) mark.y += dy;
  if (slice.baseline >= 0) slice.baseline += dy;
  slice.height += dy;
}

}  // namespace galley::layout
