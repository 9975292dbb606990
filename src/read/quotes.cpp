// Per-language quotation marks over the model's text nodes.
#include "read/quotes.hpp"

#include <string>

#include "read/unicode.hpp"

namespace galley::read {
namespace {

struct QuoteStyle {
  std::string_view open_double, close_double, open_single, close_single;
  bool spaced = false;  ///< French: a no-break space inside « »
};

constexpr std::int32_t left_double = 0x201C, right_double = 0x201D;
constexpr std::int32_t left_single = 0x2018, right_single = 0x2019;
constexpr std::string_view no_break_space = "\u00A0";

std::optional<QuoteStyle> style_for(std::string_view lang) {
  std::string primary = to_lower(lang.substr(0, lang.find_first_of("-_")));
  if (primary == "ru" || primary == "uk" || primary == "be" || primary == "kk")
    return QuoteStyle{"«", "»", "„", "“"};
  if (primary == "de" || primary == "cs" || primary == "sk" || primary == "sl" || primary == "lt")
    return QuoteStyle{"„", "“", "‚", "‘"};
  if (primary == "fr") return QuoteStyle{"«", "»", "“", "”", true};
  if (primary == "es" || primary == "it" || primary == "pt" || primary == "ca" || primary == "el")
    return QuoteStyle{"«", "»", "“", "”"};
  if (primary == "pl" || primary == "ro" || primary == "hu") return QuoteStyle{"„", "”", "«", "»"};
  return std::nullopt;  // English marks are what cmark-gfm already wrote
}

// Walks one block's text nodes in order, so a quote opened in one node closes in another.
class QuoteRewriter {
 public:
  explicit QuoteRewriter(const QuoteStyle& style) : style_(style) {}

  void blocks(model::Blocks& blocks) {
    for (auto& block : blocks) {
      open_singles_ = 0;
      std::visit([&](auto& node) { this->block(node); }, block.node);
    }
  }

 private:
  template <typename T>
  void block(T& node) {
    using B = std::decay_t<T>;
    if constexpr (std::is_same_v<B, model::Para> || std::is_same_v<B, model::Header> ||
                  std::is_same_v<B, model::Aside>) {
      inlines(node.content);
    } else if constexpr (std::is_same_v<B, model::BlockQuote>) {
      blocks(node.content);
    } else if constexpr (std::is_same_v<B, model::BulletList> || std::is_same_v<B, model::OrderedList>) {
      for (auto& item : node.items) blocks(item.content);
    } else if constexpr (std::is_same_v<B, model::Table>) {
      for (auto* rows : {&node.head, &node.body}) {
        for (auto& row : *rows) {
          for (auto& cell : row) inlines(cell);
        }
      }
    } else if constexpr (std::is_same_v<B, model::Figure>) {
      node.caption = rewrite(node.caption);
    }
  }

  void inlines(model::Inlines& content) {
    for (auto& item : content) {
      std::visit(
          [&](auto& node) {
            using I = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<I, model::Text>) {
              node.text = rewrite(node.text);
            } else if constexpr (requires { node.content; }) {
              inlines(node.content);
            }
          },
          item.node);
    }
  }

  std::string rewrite(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t pos = 0; pos < text.size();) {
      std::size_t start = pos;
      auto cp = next_code_point(text, pos);
      if (cp == left_double) {
        out += style_.open_double;
        if (style_.spaced) pos = skip_space(text, pos), out += no_break_space;
      } else if (cp == right_double) {
        if (style_.spaced) drop_trailing_space(out), out += no_break_space;
        out += style_.close_double;
      } else if (cp == left_single) {
        ++open_singles_;
        out += style_.open_single;
      } else if (cp == right_single && open_singles_ > 0 && !is_letter(first_code_point(text.substr(pos)))) {
        --open_singles_;
        out += style_.close_single;
      } else {
        out.append(text.substr(start, pos - start));
      }
    }
    return out;
  }

  // The spaces a writer may already have put inside French quotes: ordinary, no-break
  // (U+00A0) or narrow no-break (U+202F). They give way to the one no-break space written.
  static bool is_inner_space(std::int32_t cp) { return cp == ' ' || cp == 0x00A0 || cp == 0x202F; }

  static std::size_t skip_space(std::string_view text, std::size_t pos) {
    while (pos < text.size()) {
      std::size_t next = pos;
      if (!is_inner_space(next_code_point(text, next))) break;
      pos = next;
    }
    return pos;
  }

  static void drop_trailing_space(std::string& out) {
    while (is_inner_space(last_code_point(out))) {
      std::size_t start = out.size() - 1;
      while (start > 0 && (static_cast<unsigned char>(out[start]) & 0xC0) == 0x80) --start;
      out.resize(start);
    }
  }

  const QuoteStyle& style_;
  int open_singles_ = 0;
};

}  // namespace

void localize_quotes(model::Blocks& blocks, std::string_view lang) {
  auto style = style_for(lang);
  if (!style) return;
  QuoteRewriter(*style).blocks(blocks);
}

}  // namespace galley::read
