// Plain text of inline content, for titles, alt texts and convention matching.
#include "galley/model/document.hpp"

namespace galley::model {

std::string plain_text(const Inlines& inlines) {
  std::string text;
  for (const Inline& item : inlines) {
    std::visit(
        [&](const auto& node) {
          using T = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<T, Text> || std::is_same_v<T, Code>) {
            text += node.text;
          } else if constexpr (std::is_same_v<T, Image>) {
            text += node.alt;
          } else if constexpr (std::is_same_v<T, LineBreak>) {
            text += ' ';
          } else if constexpr (std::is_same_v<T, NoteRef>) {
            // a note mark is not part of the sentence
          } else {
            text += plain_text(node.content);
          }
        },
        item.node);
  }
  return text;
}

}  // namespace galley::model


