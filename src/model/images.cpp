// Counting picture references by walking the whole model (blocks, inlines, notes).
#include "model/images.hpp"

#include <type_traits>
#include <variant>

namespace galley::model {
namespace {

std::size_t in_inlines(const Inlines& content) {
  std::size_t count = 0;
  for (const auto& item : content) {
    std::visit(
        [&](const auto& node) {
          using T = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<T, Image>) {
            ++count;
          } else if constexpr (requires { node.content; }) {
            count += in_inlines(node.content);
          }
        },
        item.node);
  }
  return count;
}

std::size_t in_blocks(const Blocks& content) {
  std::size_t count = 0;
  for (const auto& block : content) {
    std::visit(
        [&](const auto& node) {
          using T = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<T, Figure>) {
            if (!node.image.empty()) ++count;
          } else if constexpr (std::is_same_v<T, BlockQuote>) {
            count += in_blocks(node.content);
          } else if constexpr (std::is_same_v<T, BulletList> || std::is_same_v<T, OrderedList>) {
            for (const auto& item : node.items) count += in_blocks(item.content);
          } else if constexpr (std::is_same_v<T, Table>) {
            for (const auto* rows : {&node.head, &node.body}) {
              for (const auto& row : *rows) {
                for (const auto& cell : row) count += in_inlines(cell);
              }
            }
          } else if constexpr (requires { node.content; }) {
            count += in_inlines(node.content);
          }
        },
        block.node);
  }
  return count;
}

}  // namespace

std::size_t count_images(const Document& document) {
  std::size_t count = document.lead && document.lead->image ? 1 : 0;
  count += in_blocks(document.blocks);
  for (const auto& note : document.notes) count += in_blocks(note.content);
  return count;
}

}  // namespace galley::model
