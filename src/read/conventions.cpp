// News conventions over the parsed blocks. Each step is guarded by its switch in
// Conventions and fires only where such lines sit in a real article.
#include "read/conventions.hpp"

#include "read/dates.hpp"
#include "read/news_lines.hpp"
#include "read/unicode.hpp"

namespace galley::read {
namespace {

using model::Block;
using model::Blocks;
using model::Inlines;

template <typename T>
T* as(SourcedBlock& sourced) {
  return std::get_if<T>(&sourced.block.node);
}

// A paragraph that is one Strong run (the caption line `**Caption / Credit**`).
const model::Strong* only_strong(const Inlines& content) {
  const model::Strong* strong = nullptr;
  for (const auto& item : content) {
    if (auto* s = std::get_if<model::Strong>(&item.node); s && !strong) {
      strong = s;
    } else if (auto* text = std::get_if<model::Text>(&item.node); !text || !trim(text->text).empty()) {
      return nullptr;
    }
  }
  return strong;
}

// Removes `count` bytes of text from the front of inlines, dropping emptied containers.
void drop_leading_text(Inlines& content, std::size_t count) {
  while (count > 0 && !content.empty()) {
    auto& first = content.front().node;
    if (auto* text = std::get_if<model::Text>(&first)) {
      if (text->text.size() > count) {
        text->text.erase(0, count);
        return;
      }
      count -= text->text.size();
    } else if (auto* code = std::get_if<model::Code>(&first)) {
      count -= std::min(count, code->text.size());
    } else {
      bool emptied = true;
      std::visit(
          [&](auto& node) {
            if constexpr (requires { node.content; }) {
              auto before = model::plain_text(node.content).size();
              drop_leading_text(node.content, count);
              count -= std::min(count, before);
              emptied = node.content.empty();
            }
          },
          first);
      if (!emptied) return;
    }
    content.erase(content.begin());
  }
}

std::size_t leading_space(std::string_view text) {
  auto kept = trim(text);
  return kept.empty() ? text.size() : static_cast<std::size_t>(kept.data() - text.data());
}

bool has_link(const Inlines& content) {
  for (const auto& item : content) {
    bool found = std::visit(
        [](const auto& node) {
          if constexpr (std::is_same_v<std::decay_t<decltype(node)>, model::Link>) {
            return true;
          } else if constexpr (requires { node.content; }) {
            return has_link(node.content);
          } else {
            return false;
          }
        },
        item.node);
    if (found) return true;
  }
  return false;
}

bool is_dead_target(std::string_view target) {
  target = trim(target);
  return target.empty() || target == "#" || target.starts_with("javascript:");
}

Inlines without_dead_links(Inlines content) {
  Inlines out;
  out.reserve(content.size());
  for (auto& item : content) {
    if (auto* link = std::get_if<model::Link>(&item.node); link && is_dead_target(link->target)) {
      for (auto& inner : without_dead_links(std::move(link->content))) {
        if (auto* text = std::get_if<model::Text>(&inner.node)) {
          append_text(out, text->text);
        } else {
          out.push_back(std::move(inner));
        }
      }
      continue;
    }
    std::visit(
        [](auto& node) {
          if constexpr (requires { node.content; }) {
            node.content = without_dead_links(std::move(node.content));
          }
        },
        item.node);
    if (auto* text = std::get_if<model::Text>(&item.node)) {
      append_text(out, text->text);
    } else {
      out.push_back(std::move(item));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// The top of the article: headline, dek, dateline, byline, lead figure
// ---------------------------------------------------------------------------------------

class TopOfArticle {
 public:
  TopOfArticle(const Conventions& conventions, ConventionResult& result)
      : on_(conventions), result_(result) {}

  /// Consumes the leading blocks that are title matter; returns how many.
  std::size_t consume(std::vector<SourcedBlock>& blocks) {
    std::size_t i = 0;
    if (on_.headline && i < blocks.size()) {
      if (auto* header = as<model::Header>(blocks[i]); header && header->level == 1) {
        result_.meta.title = trim(model::plain_text(header->content));
        ++i;
        if (on_.dek && i < blocks.size()) {
          if (auto* dek = as<model::Header>(blocks[i]); dek && dek->level == 2) {
            result_.meta.subtitle = trim(model::plain_text(dek->content));
            ++i;
          }
        }
      }
    }
    // Date, byline and lead figure come in any order, until the first body block.
    while (i < blocks.size() && title_matter(blocks[i])) ++i;
    return i;
  }

 private:
  bool title_matter(SourcedBlock& sourced) {
    if (auto* figure = as<model::Figure>(sourced)) return lead_image(*figure);
    auto* para = as<model::Para>(sourced);
    if (!para) return false;
    if (lead_caption(para->content) || lead_image_and_caption(para->content)) return true;
    // Every source line of the paragraph must be a date or a byline.
    Found found = found_;
    for (const auto& line : sourced.lines) {
      if (!date_line(line, found) && !byline(line, found)) return false;
    }
    if (sourced.lines.empty()) return false;
    found_ = found;
    return true;
  }

  struct Found {
    bool date = false;
    bool byline = false;
  };

  bool date_line(const std::string& line, Found& found) {
    if (!on_.dateline || found.date) return false;
    auto date = parse_date_line(line);
    if (!date) return false;
    result_.meta.date = date;
    result_.meta.date_text = trim(line);
    return found.date = true;
  }

  bool byline(const std::string& line, Found& found) {
    if (!on_.byline || found.byline) return false;
    auto parsed = parse_byline(line);
    if (!parsed) return false;
    result_.meta.authors = std::move(parsed->authors);
    if (parsed->date && on_.dateline && !found.date) {
      result_.meta.date = parsed->date;
      result_.meta.date_text = parsed->date_text;
      found.date = true;
    }
    return found.byline = true;
  }

  bool lead_image(const model::Figure& figure) {
    if (!on_.lead_figure || (result_.lead && result_.lead->image)) return false;
    if (!result_.lead) result_.lead.emplace();
    result_.lead->image = figure.image;
    result_.lead->alt = figure.alt;
    if (result_.lead->caption.empty()) result_.lead->caption = figure.caption;
    return true;
  }

  bool lead_caption(const Inlines& content) {
    if (!on_.lead_figure || (result_.lead && !result_.lead->caption.empty() && result_.lead->image)) return false;
    if (result_.lead && !result_.lead->credit.empty()) return false;
    const model::Strong* strong = only_strong(content);
    if (!strong) return false;
    auto [caption, credit] = split_caption_credit(model::plain_text(strong->content));
    if (!result_.lead) result_.lead.emplace();
    result_.lead->caption = caption;
    result_.lead->credit = credit;
    return true;
  }

  // `![alt](photo.jpg)` and `**Caption / Credit**` on consecutive lines of one paragraph.
  bool lead_image_and_caption(const Inlines& content) {
    if (!on_.lead_figure || result_.lead || content.empty()) return false;
    auto* image = std::get_if<model::Image>(&content.front().node);
    if (!image) return false;
    Inlines rest(content.begin() + 1, content.end());
    if (!only_strong(rest)) return false;
    model::Figure figure{image->source, image->alt, image->title, {}};
    return lead_image(figure) && lead_caption(rest);
  }

  const Conventions& on_;
  ConventionResult& result_;
  Found found_;
};

// ---------------------------------------------------------------------------------------
// The body
// ---------------------------------------------------------------------------------------

std::optional<model::Aside> related_aside(const model::Para& para) {
  auto plain = model::plain_text(para.content);
  auto label = related_label(plain);
  if (!label || !has_link(para.content)) return std::nullopt;
  model::Aside aside{label->text, para.content};
  drop_leading_text(aside.content, leading_space(plain) + label->length);
  drop_leading_text(aside.content, leading_space(model::plain_text(aside.content)));
  return aside;
}

// "Original url:" + URL in the last paragraph, or the label alone followed by a last
// paragraph holding only the URL. Returns how many trailing blocks it used.
std::size_t source_line(const std::vector<SourcedBlock>& blocks, std::size_t begin,
                        std::optional<std::string>& source) {
  auto url_of = [](const Block& block) -> std::optional<std::string> {
    auto* para = std::get_if<model::Para>(&block.node);
    if (!para) return std::nullopt;
    if (para->content.size() == 1) {
      if (auto* link = std::get_if<model::Link>(&para->content.front().node)) {
        return standalone_url(link->target);
      }
    }
    return standalone_url(model::plain_text(para->content));
  };
  std::size_t n = blocks.size();
  if (n <= begin) return 0;
  auto* last = std::get_if<model::Para>(&blocks[n - 1].block.node);
  if (!last) return 0;
  auto plain = model::plain_text(last->content);
  if (auto label = source_label(plain)) {
    auto rest = std::string_view(trim(plain)).substr(label->length);
    if (auto url = standalone_url(rest)) return source = url, 1;
    // The link itself, when its text is not the URL: "Source: [the Courier](https://…)".
    if (last->content.size() >= 2) {
      if (auto* link = std::get_if<model::Link>(&last->content.back().node)) {
        if (auto url = standalone_url(link->target)) return source = url, 1;
      }
    }
    return 0;
  }
  if (n - begin < 2) return 0;
  auto url = url_of(blocks[n - 1].block);
  auto* label_para = std::get_if<model::Para>(&blocks[n - 2].block.node);
  if (!url || !label_para) return 0;
  auto label_text = std::string(trim(model::plain_text(label_para->content)));
  auto label = source_label(label_text);
  if (!label || label->length != label_text.size()) return 0;
  source = url;
  return 2;
}

void join_split_paragraphs(std::vector<SourcedBlock>& blocks) {
  std::vector<SourcedBlock> joined;
  joined.reserve(blocks.size());
  for (auto& sourced : blocks) {
    if (!joined.empty()) {
      auto* previous = as<model::Para>(joined.back());
      auto* next = as<model::Para>(sourced);
      if (previous && next && !previous->content.empty() && !next->content.empty() &&
          std::holds_alternative<model::Text>(previous->content.back().node) &&
          std::holds_alternative<model::Text>(next->content.front().node)) {
        auto& tail = std::get<model::Text>(previous->content.back().node).text;
        auto& head = std::get<model::Text>(next->content.front().node).text;
        if (!ends_sentence(tail) && is_lowercase_letter(first_code_point(head))) {
          while (!tail.empty() && tail.back() == ' ') tail.pop_back();
          append_text(previous->content, " ");
          for (auto& item : next->content) {
            if (auto* text = std::get_if<model::Text>(&item.node)) {
              append_text(previous->content, text->text);
            } else {
              previous->content.push_back(std::move(item));
            }
          }
          continue;
        }
      }
    }
    joined.push_back(std::move(sourced));
  }
  blocks = std::move(joined);
}

// `![..](..)` in the body followed by an all-bold paragraph: the paragraph is its caption.
void caption_figures(std::vector<SourcedBlock>& blocks) {
  std::vector<SourcedBlock> out;
  out.reserve(blocks.size());
  for (auto& sourced : blocks) {
    if (!out.empty()) {
      auto* figure = as<model::Figure>(out.back());
      auto* para = as<model::Para>(sourced);
      const model::Strong* strong = para ? only_strong(para->content) : nullptr;
      if (figure && strong && figure->credit.empty()) {
        auto [caption, credit] = split_caption_credit(model::plain_text(strong->content));
        figure->caption = caption;
        figure->credit = credit;
        continue;
      }
    }
    out.push_back(std::move(sourced));
  }
  blocks = std::move(out);
}

}  // namespace

void remove_dead_links(Blocks& blocks) {
  for (auto& block : blocks) {
    std::visit(
        [](auto& node) {
          using B = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<B, model::Para> || std::is_same_v<B, model::Header> ||
                        std::is_same_v<B, model::Aside>) {
            node.content = without_dead_links(std::move(node.content));
          } else if constexpr (std::is_same_v<B, model::BlockQuote>) {
            remove_dead_links(node.content);
          } else if constexpr (std::is_same_v<B, model::BulletList> ||
                               std::is_same_v<B, model::OrderedList>) {
            for (auto& item : node.items) remove_dead_links(item.content);
          } else if constexpr (std::is_same_v<B, model::Table>) {
            for (auto* rows : {&node.head, &node.body}) {
              for (auto& row : *rows) {
                for (auto& cell : row) cell = without_dead_links(std::move(cell));
              }
            }
          }
        },
        block.node);
  }
}

ConventionResult apply_conventions(std::vector<SourcedBlock> blocks, const Conventions& conventions) {
  ConventionResult result;
  std::size_t body_begin = TopOfArticle(conventions, result).consume(blocks);

  std::size_t body_end = blocks.size();
  if (conventions.source_line) {
    body_end -= source_line(blocks, body_begin, result.meta.source);
    // A rule that only separated the body from the source line goes with it.
    if (result.meta.source && body_end > body_begin &&
        std::holds_alternative<model::HorizontalRule>(blocks[body_end - 1].block.node)) {
      --body_end;
    }
  }

  std::vector<SourcedBlock> body(std::make_move_iterator(blocks.begin() + static_cast<std::ptrdiff_t>(body_begin)),
                                 std::make_move_iterator(blocks.begin() + static_cast<std::ptrdiff_t>(body_end)));
  if (conventions.lead_figure) caption_figures(body);
  if (conventions.related) {
    for (auto& sourced : body) {
      if (auto* para = as<model::Para>(sourced)) {
        if (auto aside = related_aside(*para)) sourced.block = std::move(*aside);
      }
    }
  }
  if (conventions.join_paragraphs) join_split_paragraphs(body);

  result.blocks.reserve(body.size());
  for (auto& sourced : body) result.blocks.push_back(std::move(sourced.block));
  if (conventions.dead_links) remove_dead_links(result.blocks);
  return result;
}

}  // namespace galley::read
