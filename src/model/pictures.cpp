#include "model/pictures.hpp"

#include <type_traits>
#include <variant>

namespace galley::model {

std::vector<PictureRef> pictures(const Document& document) {
  std::vector<PictureRef> refs;
  // A figure's caption stands in for missing alt text (see xhtml.cpp), so it counts as one.
  if (document.lead && document.lead->image) {
    const auto& lead = *document.lead;
    refs.push_back({*lead.image, lead.alt.empty() ? lead.caption : lead.alt, lead.line});
  }
  struct Walker {
    std::vector<PictureRef>& out;
    void inlines(const Inlines& content) {
      for (const auto& item : content) {
        std::visit(
            [&](const auto& n) {
              using T = std::decay_t<decltype(n)>;
              if constexpr (std::is_same_v<T, Image>) {
                out.push_back({n.source, n.alt, n.line});
              } else if constexpr (requires { n.content; }) {
                inlines(n.content);
              }
            },
            item.node);
      }
    }
    void blocks(const Blocks& content) {
      for (const auto& block : content) {
        std::visit(
            [&](const auto& n) {
              using T = std::decay_t<decltype(n)>;
              if constexpr (std::is_same_v<T, Figure>) {
                out.push_back({n.image, n.alt.empty() ? n.caption : n.alt, n.line});
              } else if constexpr (std::is_same_v<T, BlockQuote>) {
                blocks(n.content);
              } else if constexpr (std::is_same_v<T, BulletList> ||
                                   std::is_same_v<T, OrderedList>) {
                for (const auto& item : n.items) blocks(item.content);
              } else if constexpr (std::is_same_v<T, Table>) {
                for (const auto* rows : {&n.head, &n.body}) {
                  for (const auto& row : *rows) {
                    for (const auto& cell : row) inlines(cell);
                  }
                }
              } else if constexpr (requires { n.content; }) {
                inlines(n.content);
              }
            },
            block.node);
      }
    }
  } walker{refs};
  walker.blocks(document.blocks);
  for (const auto& note : document.notes) walker.blocks(note.content);
  return refs;
}

}  // namespace galley::model
