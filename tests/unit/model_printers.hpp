// GoogleTest printers for model values, so a failed `==` on a Document, Block or Inline shows
// a readable tree (`Para[Text "a", Emph[Text "b"]]`) instead of a dump of bytes.
#pragma once

#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "galley/model/document.hpp"

namespace galley::model {

inline void PrintTo(const Inline& item, std::ostream* os);
inline void PrintTo(const Block& block, std::ostream* os);
inline void PrintTo(const ListItem& item, std::ostream* os);
inline void PrintTo(const Note& note, std::ostream* os);

namespace test_print {

inline std::string in_quotes(const std::string& text) { return "\"" + text + "\""; }

inline std::string in_quotes(const std::optional<std::string>& text) {
  return text ? in_quotes(*text) : "none";
}

inline std::string in_quotes(const std::vector<std::string>& texts) {
  std::string out = "[";
  for (const auto& text : texts) out += (out.size() > 1 ? ", " : "") + in_quotes(text);
  return out + "]";
}

template <typename T>
std::string list(const std::vector<T>& items) {
  std::ostringstream out;
  out << '[';
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out << ", ";
    PrintTo(items[i], &out);
  }
  out << ']';
  return out.str();
}

inline std::string rows(const std::vector<Table::Row>& rows) {
  std::ostringstream out;
  for (const auto& row : rows) {
    out << "\n    |";
    for (const auto& cell : row) out << ' ' << list(cell) << " |";
  }
  return out.str();
}

}  // namespace test_print

inline void PrintTo(const Inline& item, std::ostream* os) {
  using test_print::list, test_print::in_quotes;
  std::visit(
      [os](const auto& node) {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, Text>) {
          *os << "Text " << in_quotes(node.text);
        } else if constexpr (std::is_same_v<T, Code>) {
          *os << "Code " << in_quotes(node.text);
        } else if constexpr (std::is_same_v<T, Emph>) {
          *os << "Emph" << list(node.content);
        } else if constexpr (std::is_same_v<T, Strong>) {
          *os << "Strong" << list(node.content);
        } else if constexpr (std::is_same_v<T, Strikeout>) {
          *os << "Strikeout" << list(node.content);
        } else if constexpr (std::is_same_v<T, Link>) {
          *os << "Link(" << in_quotes(node.target) << ", title " << in_quotes(node.title) << ")"
              << list(node.content);
        } else if constexpr (std::is_same_v<T, Image>) {
          *os << "Image(" << in_quotes(node.source) << ", alt " << in_quotes(node.alt) << ", title "
              << in_quotes(node.title) << ")";
        } else if constexpr (std::is_same_v<T, LineBreak>) {
          *os << "LineBreak";
        } else {
          static_assert(std::is_same_v<T, NoteRef>);
          *os << "NoteRef " << node.number;
        }
      },
      item.node);
}

inline void PrintTo(const ListItem& item, std::ostream* os) {
  *os << (item.task == Task::none   ? "Item"
          : item.task == Task::open ? "Item[ ]"
                                    : "Item[x]")
      << test_print::list(item.content);
}

inline void PrintTo(const Block& block, std::ostream* os) {
  using test_print::list, test_print::in_quotes;
  std::visit(
      [os](const auto& node) {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, Para>) {
          *os << "Para" << list(node.content);
        } else if constexpr (std::is_same_v<T, Header>) {
          *os << "Header " << node.level << list(node.content);
        } else if constexpr (std::is_same_v<T, BlockQuote>) {
          *os << "BlockQuote" << list(node.content);
        } else if constexpr (std::is_same_v<T, BulletList>) {
          *os << "BulletList(tight " << node.tight << ")" << list(node.items);
        } else if constexpr (std::is_same_v<T, OrderedList>) {
          *os << "OrderedList(start " << node.start << ", tight " << node.tight << ")"
              << list(node.items);
        } else if constexpr (std::is_same_v<T, CodeBlock>) {
          *os << "CodeBlock(" << in_quotes(node.language) << ") " << in_quotes(node.text);
        } else if constexpr (std::is_same_v<T, Table>) {
          *os << "Table(" << node.alignments.size()
              << " columns)\n  head:" << test_print::rows(node.head)
              << "\n  body:" << test_print::rows(node.body);
        } else if constexpr (std::is_same_v<T, Figure>) {
          *os << "Figure(" << in_quotes(node.image) << ", alt " << in_quotes(node.alt)
              << ", caption " << in_quotes(node.caption) << ", credit " << in_quotes(node.credit)
              << ")";
        } else if constexpr (std::is_same_v<T, HorizontalRule>) {
          *os << "HorizontalRule";
        } else {
          static_assert(std::is_same_v<T, Aside>);
          *os << "Aside " << in_quotes(node.label) << list(node.content);
        }
      },
      block.node);
}

inline void PrintTo(const Date& date, std::ostream* os) { *os << date.iso(); }

inline void PrintTo(const LeadFigure& lead, std::ostream* os) {
  using test_print::in_quotes;
  *os << "LeadFigure(image " << in_quotes(lead.image) << ", alt " << in_quotes(lead.alt)
      << ", caption " << in_quotes(lead.caption) << ", credit " << in_quotes(lead.credit) << ")";
}

inline void PrintTo(const Note& note, std::ostream* os) {
  *os << "Note " << test_print::in_quotes(note.label) << test_print::list(note.content);
}

inline void PrintTo(const Meta& meta, std::ostream* os) {
  using test_print::in_quotes;
  *os << "\n  title " << in_quotes(meta.title) << "\n  subtitle " << in_quotes(meta.subtitle)
      << "\n  authors " << in_quotes(meta.authors) << "\n  date "
      << (meta.date ? meta.date->iso() : "none") << ", date_text " << in_quotes(meta.date_text)
      << "\n  lang " << in_quotes(meta.lang) << "\n  source " << in_quotes(meta.source)
      << "\n  tags " << in_quotes(meta.tags) << "\n  summary " << in_quotes(meta.summary)
      << "\n  extra {";
  for (const auto& [key, value] : meta.extra) *os << key << ": " << in_quotes(value) << ", ";
  *os << "}";
}

inline void PrintTo(const Document& document, std::ostream* os) {
  *os << "\nmeta:";
  PrintTo(document.meta, os);
  *os << "\nlead: ";
  if (document.lead) {
    PrintTo(*document.lead, os);
  } else {
    *os << "none";
  }
  *os << "\nblocks:";
  for (const auto& block : document.blocks) {
    *os << "\n  ";
    PrintTo(block, os);
  }
  *os << "\nnotes: " << test_print::list(document.notes) << "\norigin "
      << test_print::in_quotes(document.origin) << "\n";
}

}  // namespace galley::model
