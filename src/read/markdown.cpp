// cmark-gfm's tree -> model blocks and inlines. The only user of cmark-gfm.
#include "read/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <memory>
#include <mutex>

#include "read/unicode.hpp"

namespace galley::read {

void append_text(model::Inlines& inlines, std::string_view text) {
  if (text.empty()) return;
  if (!inlines.empty()) {
    if (auto* last = std::get_if<model::Text>(&inlines.back().node)) {
      last->text += text;
      return;
    }
  }
  inlines.emplace_back(model::Text{std::string(text)});
}

namespace {

using model::Block;
using model::Blocks;
using model::Inlines;

struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterDeleter {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;
using IterPtr = std::unique_ptr<cmark_iter, IterDeleter>;

std::string_view literal(cmark_node* node) {
  const char* text = cmark_node_get_literal(node);
  return text ? std::string_view(text) : std::string_view();
}

std::string_view type_name(cmark_node* node) { return cmark_node_get_type_string(node); }

std::string_view source_line(std::string_view text, int line) {
  std::size_t pos = 0;
  for (int i = 1; i < line && pos != std::string_view::npos; ++i) {
    pos = text.find('\n', pos);
    if (pos != std::string_view::npos) ++pos;
  }
  if (pos == std::string_view::npos || pos >= text.size()) return {};
  auto end = text.find('\n', pos);
  return text.substr(pos, end == std::string_view::npos ? text.size() - pos : end - pos);
}

// A delimiter row (`|---|:--:|`) means the document has a table; then no line may have more
// cells than the limit, since cmark-gfm's table parsing time grows with the square of it.
void guard_table_width(std::string_view text, const MarkdownOptions& options) {
  bool has_delimiter_row = false;
  int widest_line = 0;
  std::size_t widest_cells = 0;
  int line = 1;
  for (std::size_t pos = 0; pos <= text.size();) {
    auto end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    auto row = text.substr(pos, end - pos);
    std::size_t pipes = static_cast<std::size_t>(std::count(row.begin(), row.end(), '|'));
    if (pipes > 0 && row.find('-') != std::string_view::npos &&
        row.find_first_not_of("|-: \t") == std::string_view::npos) {
      has_delimiter_row = true;
    }
    if (pipes > widest_cells) widest_cells = pipes, widest_line = line;
    pos = end + 1;
    ++line;
  }
  if (has_delimiter_row && widest_cells > static_cast<std::size_t>(options.max_table_columns) + 1) {
    throw Error(ErrorKind::data, options.file, widest_line,
                fmt::format("table row with about {} cells is over the limit of {} columns",
                            widest_cells - 1, options.max_table_columns));
  }
}

// cmark-gfm 0.29 keeps every unmatched `![` on its bracket stack, and each link closed after
// them walks the whole stack: `[a](b)![` repeated 40,000 times takes 10 s, `![[]()` 160,000
// times minutes (later cmark releases fixed it). So the text may hold at most ten `![` for each
// picture an article may have, counted before parsing (code included: it is only a bound).
void guard_image_openers(std::string_view text, const MarkdownOptions& options) {
  const std::size_t limit = 10 * static_cast<std::size_t>(std::max(options.max_images, 1));
  std::size_t count = 0;
  int line = 1;
  int first_over = 0;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '\n') ++line;
    if (text[i] == '!' && text[i + 1] == '[' && ++count == limit + 1) first_over = line;
  }
  if (count > limit) {
    throw Error(ErrorKind::data, options.file, first_over,
                fmt::format("{} image openers ('![') are over the limit of {} an article", count, limit));
  }
}

// Each picture is read, probed and decoded by every backend, so an article naming more than
// the limit (the same file a thousand times included) is refused, at the line of the first
// picture over it, before any of them is opened.
void guard_image_count(cmark_node* document, const MarkdownOptions& options) {
  IterPtr iter(cmark_iter_new(document));
  int count = 0;
  int first_over = 0;
  for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    if (event != CMARK_EVENT_ENTER || cmark_node_get_type(cmark_iter_get_node(iter.get())) != CMARK_NODE_IMAGE) {
      continue;
    }
    if (++count == options.max_images + 1) first_over = cmark_node_get_start_line(cmark_iter_get_node(iter.get()));
  }
  if (count > options.max_images) {
    throw Error(ErrorKind::data, options.file, first_over,
                fmt::format("{} images are over the limit of {} an article", count, options.max_images));
  }
}

class Converter {
 public:
  Converter(std::string_view source, const MarkdownOptions& options, Diagnostics& diagnostics)
      : source_(source), options_(options), diagnostics_(diagnostics) {}

  ParsedMarkdown convert(cmark_node* document) {
    ParsedMarkdown result;
    for (cmark_node* child = cmark_node_first_child(document); child;
         child = cmark_node_next(child)) {
      if (cmark_node_get_type(child) == CMARK_NODE_FOOTNOTE_DEFINITION) {
        result.notes.push_back(note(child));
        continue;
      }
      Blocks converted;
      block(child, 1, converted);
      for (auto& b : converted) {
        SourcedBlock sourced{std::move(b), cmark_node_get_start_line(child), {}};
        if (std::holds_alternative<model::Para>(sourced.block.node)) {
          sourced.lines = lines_of(child);
        } else if (std::holds_alternative<model::OrderedList>(sourced.block.node)) {
          sourced.lines = one_item_lines(child);
        }
        result.blocks.push_back(std::move(sourced));
      }
    }
    if (static_cast<int>(result.notes.size()) > options_.max_notes) {
      throw Error(ErrorKind::data, options_.file, 0,
                  fmt::format("{} footnotes are over the limit of {}", result.notes.size(),
                              options_.max_notes));
    }
    report_once(raw_html_, "raw HTML is not rendered: tags dropped, their text kept (but not "
                           "the code inside script and style)");
    report_once(flattened_, fmt::format("nesting deeper than {} levels flattened",
                                        options_.max_nesting));
    return result;
  }

 private:
  struct FirstLine {
    int line = 0;
    void note(int at) {
      if (line == 0) line = at > 0 ? at : 1;
    }
  };

  void report_once(const FirstLine& first, std::string message) {
    if (first.line > 0) diagnostics_.warn(options_.file, first.line, std::move(message));
  }

  model::Note note(cmark_node* definition) {
    model::Note note;
    // The label is not in cmark-gfm's public API; it is on the definition's first line.
    auto line = source_line(source_, cmark_node_get_start_line(definition));
    if (auto open = line.find("[^"); open != std::string_view::npos) {
      auto close = line.find("]:", open);
      if (close != std::string_view::npos) note.label = line.substr(open + 2, close - open - 2);
    }
    children(definition, 1, note.content);
    return note;
  }

  void children(cmark_node* parent, int depth, Blocks& out) {
    for (cmark_node* child = cmark_node_first_child(parent); child; child = cmark_node_next(child)) {
      block(child, depth, out);
    }
  }

  void block(cmark_node* node, int depth, Blocks& out) {
    if (depth > options_.max_nesting && is_container(node)) {
      flatten_blocks(node, out);
      return;
    }
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_PARAGRAPH: paragraph(node, depth, out); return;
      case CMARK_NODE_HEADING: {
        model::Header header;
        header.level = cmark_node_get_heading_level(node);
        header.content = inlines(node, depth);
        out.emplace_back(std::move(header));
        return;
      }
      case CMARK_NODE_BLOCK_QUOTE: {
        model::BlockQuote quote;
        children(node, depth + 1, quote.content);
        out.emplace_back(std::move(quote));
        return;
      }
      case CMARK_NODE_LIST: list(node, depth, out); return;
      case CMARK_NODE_CODE_BLOCK: {
        model::CodeBlock code;
        const char* info = cmark_node_get_fence_info(node);
        std::string_view language = info ? trim(info) : std::string_view();
        code.language = language.substr(0, language.find_first_of(" \t"));
        code.text = literal(node);
        if (code.text.ends_with('\n')) code.text.pop_back();
        out.emplace_back(std::move(code));
        return;
      }
      case CMARK_NODE_HTML_BLOCK: html_block(node, out); return;
      case CMARK_NODE_THEMATIC_BREAK: out.emplace_back(model::HorizontalRule{}); return;
      case CMARK_NODE_FOOTNOTE_DEFINITION: return;  // collected at the top level
      default: break;
    }
    if (type_name(node) == "table") {
      table(node, depth, out);
    } else {
      children(node, depth + 1, out);  // an unknown container: keep what it holds
    }
  }

  static bool is_container(cmark_node* node) {
    auto type = cmark_node_get_type(node);
    return type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_LIST || type == CMARK_NODE_ITEM;
  }

  // Beyond the nesting limit, containers disappear and their leaf blocks join the parent.
  // Walks with cmark's iterator, not recursion, so 50,000 nested quotes cannot overflow.
  void flatten_blocks(cmark_node* root, Blocks& out) {
    flattened_.note(cmark_node_get_start_line(root));
    IterPtr iter(cmark_iter_new(root));
    cmark_event_type event;
    while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(iter.get());
      if (event != CMARK_EVENT_ENTER || is_container(node) || node == root) continue;
      if ((cmark_node_get_type(node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE) continue;
      block(node, options_.max_nesting, out);
      cmark_iter_reset(iter.get(), node, CMARK_EVENT_EXIT);  // its content is converted
    }
  }

  void paragraph(cmark_node* node, int depth, Blocks& out) {
    Inlines content = inlines(node, depth);
    // A paragraph holding nothing but one image is a figure, as in pandoc.
    if (content.size() == 1) {
      if (auto* image = std::get_if<model::Image>(&content.front().node)) {
        out.emplace_back(model::Figure{image->source, image->alt, image->title, {}, image->line});
        return;
      }
    }
    if (!content.empty()) out.emplace_back(model::Para{std::move(content)});
  }

  void list(cmark_node* node, int depth, Blocks& out) {
    std::vector<model::ListItem> items;
    for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item)) {
      model::ListItem list_item;
      if (type_name(item) == "tasklist") {
        list_item.task = cmark_gfm_extensions_get_tasklist_item_checked(item) ? model::Task::done
                                                                               : model::Task::open;
      }
      children(item, depth + 2, list_item.content);
      items.push_back(std::move(list_item));
    }
    bool tight = cmark_node_get_list_tight(node) != 0;
    if (cmark_node_get_list_type(node) == CMARK_ORDERED_LIST) {
      out.emplace_back(model::OrderedList{std::move(items), cmark_node_get_list_start(node), tight});
    } else {
      out.emplace_back(model::BulletList{std::move(items), tight});
    }
  }

  void table(cmark_node* node, int depth, Blocks& out) {
    model::Table table;
    auto columns = cmark_gfm_extensions_get_table_columns(node);
    const uint8_t* alignments = cmark_gfm_extensions_get_table_alignments(node);
    for (uint16_t i = 0; i < columns; ++i) {
      switch (alignments ? alignments[i] : 0) {
        case 'l': table.alignments.push_back(model::Alignment::left); break;
        case 'c': table.alignments.push_back(model::Alignment::center); break;
        case 'r': table.alignments.push_back(model::Alignment::right); break;
        default: table.alignments.push_back(model::Alignment::default_); break;
      }
    }
    for (cmark_node* row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
      model::Table::Row cells;
      for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
        cells.push_back(inlines(cell, depth + 1));
      }
      cells.resize(columns);  // GFM pads short rows and drops extra cells
      bool header = type_name(row) == "table_header" ||
                    cmark_gfm_extensions_get_table_row_is_header(row) != 0;
      (header ? table.head : table.body).push_back(std::move(cells));
    }
    out.emplace_back(std::move(table));
  }

  // CommonMark reads a line such as "7. März 2024" as an ordered list starting at 7. For a
  // list of one item holding one paragraph: its lines, the first led by the list marker as
  // written ("7." or "07)"), so that the conventions can still see the date it may be.
  std::vector<std::string> one_item_lines(cmark_node* list) const {
    cmark_node* item = cmark_node_first_child(list);
    if (!item || cmark_node_next(item)) return {};
    cmark_node* paragraph = cmark_node_first_child(item);
    if (!paragraph || cmark_node_next(paragraph) ||
        cmark_node_get_type(paragraph) != CMARK_NODE_PARAGRAPH) {
      return {};
    }
    auto line = source_line(source_, cmark_node_get_start_line(list));
    line.remove_prefix(std::min(line.find_first_not_of(" \t"), line.size()));
    auto delimiter = line.find_first_not_of("0123456789");
    if (delimiter == 0 || delimiter == std::string_view::npos ||
        (line[delimiter] != '.' && line[delimiter] != ')')) {
      return {};
    }
    auto lines = lines_of(paragraph);
    std::string first(line.substr(0, delimiter + 1));
    first.append(" ").append(lines.front());
    lines.front() = std::move(first);
    return lines;
  }

  // Raw HTML is never passed on: the tags go, the text between them stays.
  void html_block(cmark_node* node, Blocks& out) {
    raw_html_.note(cmark_node_get_start_line(node));
    std::string text = strip_tags(literal(node));
    auto kept = trim(text);
    if (!kept.empty()) out.emplace_back(model::Para{{model::Text{std::string(kept)}}});
  }

  static std::string strip_tags(std::string_view html) {
    std::string text;
    bool in_tag = false;
    for (std::size_t i = 0; i < html.size(); ++i) {
      if (html.substr(i, 4) == "<!--") {
        auto end = html.find("-->", i + 4);
        i = end == std::string_view::npos ? html.size() : end + 2;
      } else if (auto hidden = hidden_element(html.substr(i)); !hidden.empty()) {
        i = end_of_element(html, i, hidden) - 1;
      } else if (html[i] == '<') {
        in_tag = true;
      } else if (html[i] == '>' && in_tag) {
        in_tag = false;
      } else if (!in_tag) {
        text += html[i] == '\n' ? ' ' : html[i];
      }
    }
    return text;
  }

  // ASCII lower case: HTML names are ASCII, and byte offsets must stay where they are.
  static std::string ascii_lower(std::string_view text) {
    std::string lower(text);
    for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return lower;
  }

  // True when `html` starts with the tag `<name` followed by the end of the name.
  static bool starts_with_tag(std::string_view html, std::string_view open) {
    if (html.size() <= open.size() || ascii_lower(html.substr(0, open.size())) != open) {
      return false;
    }
    char after = html[open.size()];
    return after == '>' || after == '/' || after == ' ' || after == '\t' || after == '\n' ||
           after == '\r';
  }

  // The elements whose content is program code or styling, never article text: when `html`
  // starts with the opening tag of one, its name.
  static std::string_view hidden_element(std::string_view html) {
    for (std::string_view open : {"<script", "<style"}) {
      if (starts_with_tag(html, open)) return open.substr(1);
    }
    return {};
  }

  // Where the element `name` opened at `html[start]` ends: after its closing tag, or at the
  // end of the text when it is never closed (a browser would hide all the rest too).
  static std::size_t end_of_element(std::string_view html, std::size_t start,
                                    std::string_view name) {
    std::string lower = ascii_lower(html);
    std::string closing = "</";
    closing.append(name);
    for (auto at = lower.find(closing, start); at != std::string::npos;
         at = lower.find(closing, at + 1)) {
      auto rest = std::string_view(lower).substr(at + closing.size());
      auto gt = rest.find_first_not_of(" \t\r\n");
      if (gt != std::string_view::npos && rest[gt] == '>') return at + closing.size() + gt + 1;
    }
    return html.size();
  }

  // <br>, <br/>, <br />, <BR>, <br class="x">: the name, then the tag's end or attributes.
  static bool is_line_break_tag(std::string_view tag) {
    return starts_with_tag(tag, "<br") && tag.ends_with('>');
  }

  // `</name>`, white space allowed before the `>`.
  static bool is_closing_tag(std::string_view tag, std::string_view name) {
    std::string lower = ascii_lower(tag);
    std::string closing = "</";
    closing.append(name);
    if (!lower.starts_with(closing) || !lower.ends_with('>')) return false;
    auto between =
        std::string_view(lower).substr(closing.size(), lower.size() - closing.size() - 1);
    return between.find_first_not_of(" \t\r\n") == std::string_view::npos;
  }

  Inlines inlines(cmark_node* parent, int depth) {
    Inlines out;
    for (cmark_node* child = cmark_node_first_child(parent); child; child = cmark_node_next(child)) {
      if (cmark_node_get_type(child) == CMARK_NODE_HTML_INLINE) {
        // `<script>…</script>` inside a paragraph: the code between the tags goes too.
        if (auto hidden = hidden_element(literal(child)); !hidden.empty()) {
          raw_html_.note(cmark_node_get_start_line(child));
          while (cmark_node_next(child) &&
                 !(cmark_node_get_type(child) == CMARK_NODE_HTML_INLINE &&
                   is_closing_tag(literal(child), hidden))) {
            child = cmark_node_next(child);
          }
          continue;
        }
      }
      inline_node(child, depth + 1, out);
    }
    return out;
  }

  void inline_node(cmark_node* node, int depth, Inlines& out) {
    auto type = cmark_node_get_type(node);
    if (depth > options_.max_nesting && cmark_node_first_child(node)) {
      flattened_.note(cmark_node_get_start_line(node));
      append_text(out, plain_text(node));
      return;
    }
    switch (type) {
      case CMARK_NODE_TEXT: append_text(out, literal(node)); return;
      case CMARK_NODE_SOFTBREAK: append_text(out, " "); return;
      case CMARK_NODE_LINEBREAK: out.emplace_back(model::LineBreak{}); return;
      case CMARK_NODE_CODE: out.emplace_back(model::Code{std::string(literal(node))}); return;
      case CMARK_NODE_HTML_INLINE:
        if (is_line_break_tag(literal(node))) {
          out.emplace_back(model::LineBreak{});
        } else {
          raw_html_.note(cmark_node_get_start_line(node));
        }
        return;
      case CMARK_NODE_EMPH: out.emplace_back(model::Emph{inlines(node, depth)}); return;
      case CMARK_NODE_STRONG: out.emplace_back(model::Strong{inlines(node, depth)}); return;
      case CMARK_NODE_LINK: {
        const char* title = cmark_node_get_title(node);
        out.emplace_back(model::Link{inlines(node, depth), cmark_node_get_url(node),
                                     title ? title : ""});
        return;
      }
      case CMARK_NODE_IMAGE: {
        const char* title = cmark_node_get_title(node);
        out.emplace_back(
            model::Image{cmark_node_get_url(node), plain_text(node), title ? title : "", cmark_node_get_start_line(node)});
        return;
      }
      case CMARK_NODE_FOOTNOTE_REFERENCE: {
        int number = 0;
        auto text = literal(node);
        std::from_chars(text.data(), text.data() + text.size(), number);
        out.emplace_back(model::NoteRef{number});
        return;
      }
      default: break;
    }
    if (type_name(node) == "strikethrough") {
      out.emplace_back(model::Strikeout{inlines(node, depth)});
    } else {
      for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
        inline_node(child, depth, out);
      }
    }
  }

  // A paragraph's plain text, one string per source line.
  static std::vector<std::string> lines_of(cmark_node* paragraph) {
    std::vector<std::string> lines(1);
    IterPtr iter(cmark_iter_new(paragraph));
    cmark_event_type event;
    while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
      if (event != CMARK_EVENT_ENTER) continue;
      cmark_node* node = cmark_iter_get_node(iter.get());
      auto type = cmark_node_get_type(node);
      if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) lines.back() += literal(node);
      if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) lines.emplace_back();
    }
    return lines;
  }

  // The text a node's descendants hold, found without recursion.
  static std::string plain_text(cmark_node* root) {
    std::string text;
    IterPtr iter(cmark_iter_new(root));
    cmark_event_type event;
    while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
      if (event != CMARK_EVENT_ENTER) continue;
      cmark_node* node = cmark_iter_get_node(iter.get());
      auto type = cmark_node_get_type(node);
      if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) text += literal(node);
      if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) text += ' ';
    }
    return text;
  }

  std::string_view source_;
  const MarkdownOptions& options_;
  Diagnostics& diagnostics_;
  FirstLine raw_html_;
  FirstLine flattened_;
};

}  // namespace

ParsedMarkdown parse_markdown(std::string_view markdown, const MarkdownOptions& options,
                              Diagnostics& diagnostics) {
  guard_table_width(markdown, options);
  guard_image_openers(markdown, options);
  // Registration fills cmark-gfm's process-wide extension list; it must happen once, even
  // when several threads read articles at the same time.
  static std::once_flag registered;
  std::call_once(registered, cmark_gfm_core_extensions_ensure_registered);
  int flags = CMARK_OPT_FOOTNOTES | CMARK_OPT_SOURCEPOS | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;
  if (options.smart) flags |= CMARK_OPT_SMART;
  NodePtr document;
  {
    // cmark-gfm 0.29 keeps the inline parser's table of special characters in one static
    // array: parsing a document's inlines with extensions adds '~' and ':' to it and takes
    // them out again when done, for every parser in the process (cmark-gfm pull request
    // 176). Two threads parsing at once lost strikethrough and autolinks at random, so that
    // is serialised: cmark_parser_finish, which parses the inlines, and the feeding of a
    // text with a '|' in it, whose table rows the table extension parses the same way. The
    // rest of the block structure, the conversion and the conventions after it run in
    // parallel. (Leaving the characters special for good and off the extensions' lists
    // would let everything run at once, but cmark-gfm finds the extension that closes an
    // inline delimiter in those lists: without them it loops.)
    static std::mutex cmark_special_characters;
    ParserPtr parser(cmark_parser_new(flags));
    for (const char* name : {"table", "strikethrough", "autolink", "tasklist"}) {
      if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name)) {
        cmark_parser_attach_syntax_extension(parser.get(), extension);
      }
    }
    {
      std::unique_lock lock(cmark_special_characters, std::defer_lock);
      if (markdown.find('|') != std::string_view::npos) lock.lock();
      cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    }
    const std::lock_guard lock(cmark_special_characters);
    document.reset(cmark_parser_finish(parser.get()));
  }
  if (!document) throw Error(ErrorKind::internal, options.file, 0, "cmark-gfm returned no document");
  guard_image_count(document.get(), options);
  return Converter(markdown, options, diagnostics).convert(document.get());
}

}  // namespace galley::read
