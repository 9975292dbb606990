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

// True when the inlines hold a node of type Wanted, at any depth.
template <typename Wanted>
bool contains(const Inlines& content) {
  for (const auto& item : content) {
    bool found = std::visit(
        [](const auto& node) {
          if constexpr (std::is_same_v<std::decay_t<decltype(node)>, Wanted>) {
            return true;
          } else if constexpr (requires { node.content; }) {
            return contains<Wanted>(node.content);
          } else {
            return false;
          }
        },
        item.node);
    if (found) return true;
  }
  return false;
}

// `![alt](photo.jpg)` and its all-bold caption line `**Caption / Credit**` on the next line
// of the same paragraph: one captioned figure.
std::optional<model::Figure> captioned_image(const Inlines& content) {
  if (content.empty()) return std::nullopt;
  auto* image = std::get_if<model::Image>(&content.front().node);
  if (!image) return std::nullopt;
  Inlines rest;
  for (auto it = content.begin() + 1; it != content.end(); ++it) {
    if (!std::holds_alternative<model::LineBreak>(it->node)) rest.push_back(*it);
  }
  const model::Strong* strong = only_strong(rest);
  if (!strong) return std::nullopt;
  auto [caption, credit] = split_caption_credit(model::plain_text(strong->content));
  return model::Figure{image->source, image->alt, std::move(caption), std::move(credit), image->line};
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
  TopOfArticle(const Conventions& conventions, ConventionResult& result, const std::string& file,
               Diagnostics& diagnostics)
      : on_(conventions), result_(result), file_(file), diagnostics_(diagnostics) {}

  /// Takes the title matter off the front of `blocks`; returns the body that remains.
  std::vector<SourcedBlock> take(std::vector<SourcedBlock> blocks) {
    std::vector<SourcedBlock> body;
    std::size_t i = 0;
    // A leading `# Headline` and the `## Dek` under it open the top of the article even when
    // their conventions are off (they then stay in the body), so that the other conventions
    // still read what follows.
    if (i < blocks.size() && is_header(blocks[i], 1)) {
      if (on_.headline) {
        result_.meta.title = heading_text(blocks[i], "headline");
      } else {
        body.push_back(std::move(blocks[i]));
      }
      ++i;
      if (i < blocks.size() && is_header(blocks[i], 2)) {
        if (on_.dek) {
          result_.meta.subtitle = heading_text(blocks[i], "dek");
        } else {
          body.push_back(std::move(blocks[i]));
        }
        ++i;
      }
    }
    // Date, byline and lead figure come in any order, until the first body block.
    while (i < blocks.size() && title_matter(blocks[i])) ++i;
    auto rest = blocks.begin() + static_cast<std::ptrdiff_t>(i);
    body.insert(body.end(), std::make_move_iterator(rest), std::make_move_iterator(blocks.end()));
    return body;
  }

 private:
  /// A dateline and byline read from one block, held back until every line of the block is
  /// known to be one of them: a paragraph that is partly body text leaves the meta alone.
  struct Pending {
    std::optional<model::Date> date;
    std::string date_text;
    std::optional<std::vector<std::string>> authors;
  };

  static bool is_header(SourcedBlock& sourced, int level) {
    auto* header = as<model::Header>(sourced);
    return header && header->level == level;
  }

  std::string heading_text(SourcedBlock& sourced, std::string_view what) {
    warn_if_note_mark(sourced, what);
    return std::string(trim(model::plain_text(as<model::Header>(sourced)->content)));
  }

  bool title_matter(SourcedBlock& sourced) {
    if (auto* figure = as<model::Figure>(sourced)) return lead_image(*figure);
    // Before the caption: a bold "**March 7, 2024**" or "**By Ana Petrović**" is a dateline
    // or a byline, not a lead-figure caption.
    if (date_and_byline(sourced)) return true;
    auto* para = as<model::Para>(sourced);
    if (!para) return false;
    bool taken = false;
    if (auto figure = captioned_image(para->content)) {
      taken = lead_image_and_caption(*figure);
    } else {
      taken = lead_caption(para->content);
    }
    if (taken) warn_if_note_mark(sourced, "lead-figure caption");
    return taken;
  }

  // Every source line of the block must be a date or a byline: a paragraph, or the
  // one-item list CommonMark makes of "7. März 2024" (whose lines the parser kept).
  bool date_and_byline(SourcedBlock& sourced) {
    if (sourced.lines.empty()) return false;
    // The lines hold an image's alt text too, and a picture is no date or byline.
    if (auto* para = as<model::Para>(sourced); para && contains<model::Image>(para->content)) {
      return false;
    }
    Pending pending;
    for (const auto& line : sourced.lines) {
      if (!date_line(line, pending) && !byline(line, pending)) return false;
    }
    warn_if_note_mark(sourced, "dateline or byline");
    if (pending.date) {
      result_.meta.date = pending.date;
      result_.meta.date_text = std::move(pending.date_text);
    }
    if (pending.authors) result_.meta.authors = std::move(*pending.authors);
    return true;
  }

  bool date_line(const std::string& line, Pending& pending) const {
    if (!on_.dateline || result_.meta.date || pending.date) return false;
    auto date = parse_date_line(line);
    if (!date) return false;
    pending.date = date;
    pending.date_text = trim(line);
    return true;
  }

  bool byline(const std::string& line, Pending& pending) const {
    if (!on_.byline || !result_.meta.authors.empty() || pending.authors) return false;
    auto parsed = parse_byline(line);
    if (!parsed) return false;
    pending.authors = std::move(parsed->authors);
    if (parsed->date && on_.dateline && !result_.meta.date && !pending.date) {
      pending.date = parsed->date;
      pending.date_text = parsed->date_text;
    }
    return true;
  }

  model::LeadFigure& lead() { return result_.lead ? *result_.lead : result_.lead.emplace(); }

  bool lead_image(const model::Figure& figure) {
    if (!on_.lead_figure || image_found_) return false;
    auto& lead_figure = lead();
    lead_figure.image = figure.image;
    lead_figure.line = figure.line;
    lead_figure.alt = figure.alt;
    // The image's title stands in as its caption until a caption line gives the real one.
    if (!caption_found_) lead_figure.caption = figure.caption;
    image_found_ = true;
    return true;
  }

  bool lead_caption(const Inlines& content) {
    if (!on_.lead_figure || caption_found_) return false;
    const model::Strong* strong = only_strong(content);
    if (!strong) return false;
    auto [caption, credit] = split_caption_credit(model::plain_text(strong->content));
    auto& lead_figure = lead();
    lead_figure.caption = std::move(caption);
    lead_figure.credit = std::move(credit);
    caption_found_ = true;
    return true;
  }

  bool lead_image_and_caption(const model::Figure& figure) {
    if (!on_.lead_figure || image_found_ || caption_found_) return false;
    result_.lead = model::LeadFigure{figure.image, figure.alt, figure.caption, figure.credit, figure.line};
    image_found_ = caption_found_ = true;
    return true;
  }

  // Title matter is plain text in the model, so a footnote mark in it has nowhere to go;
  // the note itself stays with the notes. Say so rather than lose the mark silently.
  void warn_if_note_mark(const SourcedBlock& sourced, std::string_view what) {
    if (!has_note_mark(sourced.block)) return;
    std::string message = "footnote mark in the ";
    message.append(what).append(" dropped: it is read as plain text (the note is kept)");
    diagnostics_.warn(file_, sourced.line, std::move(message));
  }

  static bool has_note_mark(const Block& block) {
    if (auto* para = std::get_if<model::Para>(&block.node)) {
      return contains<model::NoteRef>(para->content);
    }
    if (auto* header = std::get_if<model::Header>(&block.node)) {
      return contains<model::NoteRef>(header->content);
    }
    if (auto* list = std::get_if<model::OrderedList>(&block.node)) {
      for (const auto& item : list->items) {
        for (const auto& inner : item.content) {
          if (has_note_mark(inner)) return true;
        }
      }
    }
    return false;
  }

  const Conventions& on_;
  ConventionResult& result_;
  const std::string& file_;
  Diagnostics& diagnostics_;
  bool image_found_ = false;    ///< the lead image is taken
  bool caption_found_ = false;  ///< a caption line is taken (an image title does not count)
};

// ---------------------------------------------------------------------------------------
// The body
// ---------------------------------------------------------------------------------------

std::optional<model::Aside> related_aside(const model::Para& para) {
  auto plain = model::plain_text(para.content);
  auto label = related_label(plain);
  if (!label || !contains<model::Link>(para.content)) return std::nullopt;
  model::Aside aside{label->text, para.content};
  drop_leading_text(aside.content, leading_space(plain) + label->length);
  drop_leading_text(aside.content, leading_space(model::plain_text(aside.content)));
  return aside;
}

// The URL that inlines state: the target of their one link (beside it only white space
// and the sentence's punctuation), else their text as a URL. Either way the sentence's
// closing punctuation is not part of it: "Original url: https://example.org/a."
std::optional<std::string> stated_url(const Inlines& content) {
  const model::Link* link = nullptr;
  bool only_the_link = true;
  for (const auto& item : content) {
    if (auto* found = std::get_if<model::Link>(&item.node); found && !link) {
      link = found;
    } else if (auto* text = std::get_if<model::Text>(&item.node);
               !text || trim(text->text).find_first_not_of(".,;:!?") != std::string_view::npos) {
      only_the_link = false;
    }
  }
  if (link && only_the_link) {
    if (auto url = standalone_url(link->target)) return url;
  }
  return standalone_url(model::plain_text(content));
}

// "Original url:" + URL in the last paragraph, or the label alone followed by a last
// paragraph holding only the URL. Returns how many trailing blocks it used.
std::size_t source_line(const std::vector<SourcedBlock>& blocks,
                        std::optional<std::string>& source) {
  std::size_t n = blocks.size();
  if (n == 0) return 0;
  auto* last = std::get_if<model::Para>(&blocks[n - 1].block.node);
  if (!last) return 0;
  auto plain = model::plain_text(last->content);
  if (auto label = source_label(plain)) {
    Inlines rest = last->content;
    drop_leading_text(rest, leading_space(plain) + label->length);
    auto url = stated_url(rest);
    if (!url) return 0;
    source = std::move(url);
    return 1;
  }
  if (n < 2) return 0;
  auto* label_para = std::get_if<model::Para>(&blocks[n - 2].block.node);
  if (!label_para) return 0;
  auto label_text = std::string(trim(model::plain_text(label_para->content)));
  auto label = source_label(label_text);
  if (!label || label->length != label_text.size()) return 0;
  auto url = stated_url(last->content);
  if (!url) return 0;
  source = std::move(url);
  return 2;
}

// The first paragraph stops mid-sentence and the next starts in lower case: a scraper split
// one paragraph in two.
bool continues(const model::Para& previous, const model::Para& next) {
  if (previous.content.empty() || next.content.empty()) return false;
  auto* tail = std::get_if<model::Text>(&previous.content.back().node);
  auto* head = std::get_if<model::Text>(&next.content.front().node);
  return tail && head && !ends_sentence(tail->text) &&
         is_lowercase_letter(first_code_point(head->text));
}

// `![..](..)` in the body followed by an all-bold paragraph: the paragraph is its caption,
// as is a bold line right under the image in the same paragraph. A figure takes one caption
// line; its image title gives way to it.
void caption_figures(std::vector<SourcedBlock>& blocks) {
  std::vector<SourcedBlock> out;
  out.reserve(blocks.size());
  bool last_captioned = false;  // the figure last written already took a caption line
  for (auto& sourced : blocks) {
    if (auto* para = as<model::Para>(sourced)) {
      if (auto figure = captioned_image(para->content)) {
        sourced.block = std::move(*figure);
        out.push_back(std::move(sourced));
        last_captioned = true;
        continue;
      }
      auto* figure = out.empty() ? nullptr : as<model::Figure>(out.back());
      const model::Strong* strong = only_strong(para->content);
      if (figure && strong && !last_captioned) {
        auto [caption, credit] = split_caption_credit(model::plain_text(strong->content));
        figure->caption = std::move(caption);
        figure->credit = std::move(credit);
        last_captioned = true;
        continue;
      }
    }
    out.push_back(std::move(sourced));
    last_captioned = false;
  }
  blocks = std::move(out);
}

}  // namespace

void join_split_paragraphs(Blocks& blocks) {
  Blocks joined;
  joined.reserve(blocks.size());
  for (auto& block : blocks) {
    // Inside quotes and list items, a scraper splits paragraphs the same way.
    std::visit(
        [](auto& node) {
          using B = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<B, model::BlockQuote>) {
            join_split_paragraphs(node.content);
          } else if constexpr (std::is_same_v<B, model::BulletList> ||
                               std::is_same_v<B, model::OrderedList>) {
            for (auto& item : node.items) join_split_paragraphs(item.content);
          }
        },
        block.node);
    auto* previous = joined.empty() ? nullptr : std::get_if<model::Para>(&joined.back().node);
    auto* next = std::get_if<model::Para>(&block.node);
    if (previous && next && continues(*previous, *next)) {
      auto& tail = std::get<model::Text>(previous->content.back().node).text;
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
    joined.push_back(std::move(block));
  }
  blocks = std::move(joined);
}

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

ConventionResult apply_conventions(std::vector<SourcedBlock> blocks, const Conventions& conventions,
                                   const std::string& file, Diagnostics& diagnostics) {
  ConventionResult result;
  auto body = TopOfArticle(conventions, result, file, diagnostics).take(std::move(blocks));

  if (conventions.source_line) {
    body.erase(body.end() - static_cast<std::ptrdiff_t>(source_line(body, result.meta.source)),
               body.end());
    // A rule that only separated the body from the source line goes with it.
    if (result.meta.source && !body.empty() &&
        std::holds_alternative<model::HorizontalRule>(body.back().block.node)) {
      body.pop_back();
    }
  }

  if (conventions.lead_figure) caption_figures(body);
  if (conventions.related) {
    for (auto& sourced : body) {
      if (auto* para = as<model::Para>(sourced)) {
        if (auto aside = related_aside(*para)) sourced.block = std::move(*aside);
      }
    }
  }

  result.blocks.reserve(body.size());
  for (auto& sourced : body) result.blocks.push_back(std::move(sourced.block));
  if (conventions.join_paragraphs) join_split_paragraphs(result.blocks);
  if (conventions.dead_links) remove_dead_links(result.blocks);
  return result;
}

}  // namespace galley::read
