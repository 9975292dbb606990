// Model -> XHTML5 for one article. Every block and inline of the model has a rendering here;
// footnotes become EPUB pop-up notes (noteref links and footnote asides with back-links).
#include "backends/epub/xhtml.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "backends/epub/text.hpp"
#include "backends/epub/xml.hpp"

namespace galley::backends::epub {
namespace {

// The reader caps nesting at 32; a model built in code may go deeper. Past this depth a
// block is written as its plain text, so recursion (and tinyxml2's printing) stays bounded.
constexpr int max_depth = 48;

int shallowest_header(const model::Blocks& blocks) {
  int level = 7;
  for (const auto& block : blocks) {
    if (const auto* header = std::get_if<model::Header>(&block.node)) level = std::min(level, header->level);
  }
  return level;
}

void append_plain(std::string& out, const model::Block& block);

void append_plain(std::string& out, const model::Blocks& blocks) {
  for (const auto& block : blocks) append_plain(out, block);
}

void append_plain(std::string& out, const std::vector<model::ListItem>& items) {
  for (const auto& item : items) append_plain(out, item.content);
}

void append_plain(std::string& out, const model::Block& block) {
  if (!out.empty() && out.back() != ' ') out += ' ';
  std::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, model::Para> || std::is_same_v<T, model::Header> ||
                      std::is_same_v<T, model::Aside>) {
          out += model::plain_text(n.content);
        } else if constexpr (std::is_same_v<T, model::BlockQuote>) {
          append_plain(out, n.content);
        } else if constexpr (std::is_same_v<T, model::BulletList> || std::is_same_v<T, model::OrderedList>) {
          append_plain(out, n.items);
        } else if constexpr (std::is_same_v<T, model::CodeBlock>) {
          out += n.text;
        } else if constexpr (std::is_same_v<T, model::Table>) {
          for (const auto* rows : {&n.head, &n.body}) {
            for (const auto& row : *rows) {
              for (const auto& cell : row) out += model::plain_text(cell) + ' ';
            }
          }
        } else if constexpr (std::is_same_v<T, model::Figure>) {
          out += n.alt + ' ' + n.caption + ' ' + n.credit;
        }
      },
      block.node);
}

// "c++" -> "cpp", "c#" -> "csharp": the usual class names, which a plain slug would lose.
std::string language_class(std::string_view language) {
  std::string name;
  for (char c : language) {
    if (c == '+') {
      name += 'p';
    } else if (c == '#') {
      name += "sharp";
    } else {
      name += c;
    }
  }
  return ascii_slug(name);
}

const char* alignment_class(model::Alignment alignment) {
  switch (alignment) {
    case model::Alignment::left: return "align-left";
    case model::Alignment::center: return "align-center";
    case model::Alignment::right: return "align-right";
    case model::Alignment::default_: break;
  }
  return nullptr;
}

class ArticleWriter {
 public:
  ArticleWriter(const model::Document& document, const ArticleOptions& options)
      : document_(document),
        options_(options),
        labels_(labels_for(options.lang)),
        heading_shift_(2 - std::min(shallowest_header(document.blocks), 6)),
        references_(document.notes.size(), 0) {}

  ArticleXhtml write() {
    ArticleXhtml out;
    out.title = document_.meta.title.empty() ? std::string(labels_.untitled) : document_.meta.title;
    XmlDocument xml;
    Element* body = xhtml_page(xml, options_.lang, out.title, options_.stylesheet_href);
    set(body, "epub:type", "bodymatter");
    Element* article = add(body, "article");
    set(article, "class", "article");
    set(article, "epub:type", "chapter");
    title_block(article, out.title);
    if (document_.lead) {
      const auto& lead = *document_.lead;
      figure(article, lead.image.value_or(""), lead.alt, lead.caption, lead.credit, "lead");
    }
    blocks(article, document_.blocks, 0);
    source_line(article);
    notes(article);
    out.xhtml = xml.print_xhtml();
    out.headings = std::move(headings_);
    return out;
  }

 private:
  void title_block(Element* parent, const std::string& title) {
    Element* header = add(parent, "header");
    set(header, "class", "title-block");
    add(header, "h1", title);
    const auto& meta = document_.meta;
    if (!meta.subtitle.empty()) set(add(header, "p", meta.subtitle), "class", "dek");
    if (!meta.authors.empty()) {
      std::string byline = std::string(labels_.by);
      if (!byline.empty()) byline += ' ';
      set(add(header, "p", byline + join_names(meta.authors, labels_)), "class", "byline");
    }
    if (meta.date && meta.date->valid()) {
      Element* dateline = add(header, "p");
      set(dateline, "class", "dateline");
      Element* time = add(dateline, "time", meta.date_text.empty() ? meta.date->iso() : meta.date_text);
      set(time, "datetime", meta.date->iso());
    } else if (!meta.date_text.empty()) {
      set(add(header, "p", meta.date_text), "class", "dateline");
    }
  }

  void figure(Element* parent, const std::string& image, const std::string& alt,
              const std::string& caption, const std::string& credit, const char* css_class) {
    const auto href = options_.images.find(image);
    const bool has_image = !image.empty() && href != options_.images.end();
    if (!has_image && alt.empty() && caption.empty() && credit.empty()) return;
    Element* figure = add(parent, "figure");
    set(figure, "class", css_class);
    if (has_image) {
      Element* img = add(figure, "img");
      set(img, "src", href->second);
      // Without alt text the caption is the best description there is (as pandoc does).
      set(img, "alt", alt.empty() ? caption : alt);
    } else if (!alt.empty()) {
      set(add(figure, "p", alt), "class", "image-alt");
    }
    if (caption.empty() && credit.empty()) return;
    Element* figcaption = add(figure, "figcaption");
    add_text(figcaption, caption);
    if (!credit.empty()) {
      if (!caption.empty()) add_text(figcaption, " ");
      set(add(figcaption, "span", credit), "class", "credit");
    }
  }

  void source_line(Element* parent) {
    const auto& source = document_.meta.source;
    if (!source || source->empty()) return;
    Element* line = add(parent, "p");
    set(line, "class", "source");
    add_text(line, std::string(labels_.source) + ' ');
    if (auto href = safe_link(*source)) {
      set(add(line, "a", *source), "href", *href);
    } else {
      add_text(line, *source);
    }
  }

  void notes(Element* parent) {
    if (document_.notes.empty()) return;
    Element* section = add(parent, "section");
    set(section, "class", "footnotes");
    set(section, "epub:type", "footnotes");
    set(section, "aria-label", labels_.notes);
    for (std::size_t i = 0; i < document_.notes.size(); ++i) {
      const int number = static_cast<int>(i) + 1;
      Element* aside = add(section, "aside");
      set(aside, "epub:type", "footnote");
      set(aside, "id", fmt::format("fn{}", number));
      set(aside, "class", "footnote");
      const auto& content = document_.notes[i].content;
      const auto* first = content.empty() ? nullptr : std::get_if<model::Para>(&content.front().node);
      Element* lead = add(aside, "p");
      if (references_[i] > 0) {
        Element* back = add(lead, "a", std::to_string(number));
        set(back, "href", fmt::format("#fnref{}", number));
        set(back, "class", "backlink");
        set(back, "title", labels_.back_to_text);
      } else {
        set(add(lead, "span", std::to_string(number)), "class", "backlink");
      }
      add_text(lead, " ");
      if (first) inlines(lead, first->content, 1);
      for (std::size_t b = first ? 1 : 0; b < content.size(); ++b) block(aside, content[b], 1);
    }
  }

  void blocks(Element* parent, const model::Blocks& content, int depth) {
    for (const auto& item : content) block(parent, item, depth);
  }

  void block(Element* parent, const model::Block& item, int depth) {
    if (depth > max_depth) {
      std::string text;
      append_plain(text, item);
      add(parent, "p", text);
      return;
    }
    std::visit([&](const auto& n) { write_block(parent, n, depth); }, item.node);
  }

  void write_block(Element* parent, const model::Para& para, int depth) {
    if (!para.content.empty()) inlines(add(parent, "p"), para.content, depth + 1);
  }

  void write_block(Element* parent, const model::Header& header, int depth) {
    const int level = std::clamp(header.level + heading_shift_, 2, 6);
    Element* h = add(parent, fmt::format("h{}", level).c_str());
    const std::string id = fmt::format("sec-{}", next_heading_++);
    set(h, "id", id);
    inlines(h, header.content, depth + 1);
    std::string text = xml_clean(model::plain_text(header.content));
    if (depth == 0 && text.find_first_not_of(" \t\n") != std::string::npos) {
      headings_.push_back({level, id, std::move(text)});
    }
  }

  void write_block(Element* parent, const model::BlockQuote& quote, int depth) {
    blocks(add(parent, "blockquote"), quote.content, depth + 1);
  }

  void write_block(Element* parent, const model::BulletList& list, int depth) {
    list_items(add(parent, "ul"), list.items, list.tight, depth);
  }

  void write_block(Element* parent, const model::OrderedList& list, int depth) {
    Element* ol = add(parent, "ol");
    if (list.start != 1) ol->SetAttribute("start", list.start);
    list_items(ol, list.items, list.tight, depth);
  }

  void list_items(Element* list, const std::vector<model::ListItem>& items, bool tight, int depth) {
    const bool tasks = std::any_of(items.begin(), items.end(),
                                   [](const auto& item) { return item.task != model::Task::none; });
    if (tasks) set(list, "class", "tasks");
    for (const auto& item : items) {
      Element* li = add(list, "li");
      const auto* first = item.content.empty() ? nullptr : std::get_if<model::Para>(&item.content.front().node);
      Element* lead = li;
      if (first && !tight) lead = add(li, "p");
      if (item.task != model::Task::none) {
        const bool done = item.task == model::Task::done;
        set(li, "class", done ? "task done" : "task open");
        // A character, not a disabled <input>: every reading system shows it.
        set(add(lead, "span", done ? "\u2611" : "\u2610"), "class", "task-box");
        add_text(lead, " ");
      }
      if (first) inlines(lead, first->content, depth + 1);
      for (std::size_t b = first ? 1 : 0; b < item.content.size(); ++b) {
        block(li, item.content[b], depth + 1);
      }
    }
  }

  void write_block(Element* parent, const model::CodeBlock& code, int) {
    Element* pre = add(parent, "pre");
    Element* element = add(pre, "code", code.text);
    if (!code.language.empty()) set(element, "class", "language-" + language_class(code.language));
  }

  void write_block(Element* parent, const model::Table& table, int depth) {
    Element* wrap = add(parent, "div");
    set(wrap, "class", "table");
    Element* element = add(wrap, "table");
    auto rows = [&](Element* group, const std::vector<model::Table::Row>& source, const char* cell_name) {
      for (const auto& row : source) {
        Element* tr = add(group, "tr");
        for (std::size_t c = 0; c < row.size(); ++c) {
          Element* cell = add(tr, cell_name);
          if (cell_name[1] == 'h') set(cell, "scope", "col");
          const auto alignment = c < table.alignments.size() ? table.alignments[c] : model::Alignment::default_;
          if (const char* css = alignment_class(alignment)) set(cell, "class", css);
          inlines(cell, row[c], depth + 1);
        }
      }
    };
    if (!table.head.empty()) rows(add(element, "thead"), table.head, "th");
    if (!table.body.empty()) rows(add(element, "tbody"), table.body, "td");
  }

  void write_block(Element* parent, const model::Figure& item, int) {
    figure(parent, item.image, item.alt, item.caption, item.credit, "figure");
  }

  void write_block(Element* parent, const model::HorizontalRule&, int) { add(parent, "hr"); }

  void write_block(Element* parent, const model::Aside& aside, int depth) {
    Element* box = add(parent, "aside");
    set(box, "class", "related");
    Element* p = add(box, "p");
    if (!aside.label.empty()) {
      set(add(p, "span", aside.label + ":"), "class", "label");
      add_text(p, " ");
    }
    inlines(p, aside.content, depth + 1);
  }

  void inlines(Element* parent, const model::Inlines& content, int depth) {
    if (depth > max_depth) {
      add_text(parent, model::plain_text(content));
      return;
    }
    for (const auto& item : content) {
      std::visit([&](const auto& n) { write_inline(parent, n, depth); }, item.node);
    }
  }

  void write_inline(Element* parent, const model::Text& text, int) { add_text(parent, text.text); }
  void write_inline(Element* parent, const model::Emph& emph, int depth) {
    inlines(add(parent, "em"), emph.content, depth + 1);
  }
  void write_inline(Element* parent, const model::Strong& strong, int depth) {
    inlines(add(parent, "strong"), strong.content, depth + 1);
  }
  void write_inline(Element* parent, const model::Strikeout& strikeout, int depth) {
    inlines(add(parent, "del"), strikeout.content, depth + 1);
  }
  void write_inline(Element* parent, const model::Code& code, int) { add(parent, "code", code.text); }
  void write_inline(Element* parent, const model::LineBreak&, int) { add(parent, "br"); }

  void write_inline(Element* parent, const model::Link& link, int depth) {
    auto href = safe_link(link.target);
    if (!href) {  // javascript:, relative paths, ...: the words stay, the link goes
      inlines(parent, link.content, depth + 1);
      return;
    }
    Element* a = add(parent, "a");
    set(a, "href", *href);
    if (!link.title.empty()) set(a, "title", link.title);
    if (link.content.empty()) {
      add_text(a, link.target);
    } else {
      inlines(a, link.content, depth + 1);
    }
  }

  void write_inline(Element* parent, const model::Image& image, int) {
    const auto href = options_.images.find(image.source);
    if (href != options_.images.end() && !image.source.empty()) {
      Element* img = add(parent, "img");
      set(img, "src", href->second);
      set(img, "alt", image.alt);
      if (!image.title.empty()) set(img, "title", image.title);
    } else if (!image.alt.empty()) {
      set(add(parent, "span", image.alt), "class", "image-alt");
    }
  }

  void write_inline(Element* parent, const model::NoteRef& ref, int) {
    Element* sup = add(parent, "sup");
    if (ref.number < 1 || static_cast<std::size_t>(ref.number) > document_.notes.size()) {
      add_text(sup, std::to_string(ref.number));  // no such note: a number, not a dead link
      return;
    }
    const int count = ++references_[static_cast<std::size_t>(ref.number) - 1];
    Element* a = add(sup, "a", std::to_string(ref.number));
    set(a, "epub:type", "noteref");
    set(a, "href", fmt::format("#fn{}", ref.number));
    set(a, "id", count == 1 ? fmt::format("fnref{}", ref.number) : fmt::format("fnref{}-{}", ref.number, count));
    set(a, "class", "noteref");
  }

  const model::Document& document_;
  const ArticleOptions& options_;
  const Labels& labels_;
  int heading_shift_;
  int next_heading_ = 1;
  std::vector<TocHeading> headings_;
  std::vector<int> references_;  ///< how often each note has been referred to so far
};

}  // namespace

ArticleXhtml write_article(const model::Document& document, const ArticleOptions& options) {
  return ArticleWriter(document, options).write();
}

}  // namespace galley::backends::epub
