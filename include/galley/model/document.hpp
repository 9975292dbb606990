// The article model: plain values that every reader produces and every exporter consumes.
//
// Names follow pandoc's document model (Para, Header, Emph, Link, ...) plus the parts a
// news article has (Meta with headline, dek, byline, dateline and source; a lead figure;
// Aside for related-article boxes). The model does no I/O and knows no output format;
// every node compares with `==` so tests can build expected trees in code.
#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace galley::model {

struct Inline;
struct Block;
using Inlines = std::vector<Inline>;
using Blocks = std::vector<Block>;

// ---------------------------------------------------------------------------------------
// Inlines
// ---------------------------------------------------------------------------------------

/// A run of text. Soft line breaks from the source are already folded into spaces.
struct Text {
  std::string text;
  bool operator==(const Text&) const = default;
};

struct Emph {
  Inlines content;
  bool operator==(const Emph&) const = default;
};

struct Strong {
  Inlines content;
  bool operator==(const Strong&) const = default;
};

struct Strikeout {
  Inlines content;
  bool operator==(const Strikeout&) const = default;
};

/// Inline code, shown in a monospace font.
struct Code {
  std::string text;
  bool operator==(const Code&) const = default;
};

/// A hyperlink. `target` is never empty or "#": such links are read as plain text.
struct Link {
  Inlines content;
  std::string target;
  std::string title;  ///< the optional link title from `[a](url "title")`
  bool operator==(const Link&) const = default;
};

/// An image inside running text (a paragraph holding only an image becomes a Figure).
struct Image {
  std::string source;  ///< path or URL exactly as written in the article
  std::string alt;     ///< alternative text, flattened to plain text
  std::string title;
  /// The source line it is written on (1-based), for messages about the picture; 0 when
  /// unknown (built in code). Not compared: where a picture stands is not what it shows.
  int line = 0;
  bool operator==(const Image& other) const {
    return source == other.source && alt == other.alt && title == other.title;
  }
};

/// A hard line break (two trailing spaces or a backslash at the end of a line).
struct LineBreak {
  bool operator==(const LineBreak&) const = default;
};

/// A footnote mark; `number` is 1-based and indexes Document::notes in order.
struct NoteRef {
  int number = 0;
  bool operator==(const NoteRef&) const = default;
};

struct Inline {
  using Node = std::variant<Text, Emph, Strong, Strikeout, Code, Link, Image, LineBreak, NoteRef>;
  Node node;

  Inline() = default;
  template <typename T>
    requires std::is_constructible_v<Node, T&&> && (!std::is_same_v<std::remove_cvref_t<T>, Inline>)
  Inline(T&& value) : node(std::forward<T>(value)) {}  // NOLINT: implicit by design
  bool operator==(const Inline&) const = default;
};

// ---------------------------------------------------------------------------------------
// Blocks
// ---------------------------------------------------------------------------------------

struct Para {
  Inlines content;
  bool operator==(const Para&) const = default;
};

/// A section heading inside the body; the headline itself lives in Meta::title.
struct Header {
  int level = 1;  ///< 1..6
  Inlines content;
  bool operator==(const Header&) const = default;
};

struct BlockQuote {
  Blocks content;
  bool operator==(const BlockQuote&) const = default;
};

/// State of a GFM task-list item (`- [ ]` / `- [x]`).
enum class Task : std::uint8_t { none, open, done };

struct ListItem {
  Blocks content;
  Task task = Task::none;
  bool operator==(const ListItem&) const = default;
};

struct BulletList {
  std::vector<ListItem> items;
  bool tight = true;  ///< items without blank lines between them
  bool operator==(const BulletList&) const = default;
};

struct OrderedList {
  std::vector<ListItem> items;
  int start = 1;
  bool tight = true;
  bool operator==(const OrderedList&) const = default;
};

struct CodeBlock {
  std::string language;  ///< first word of the fence's info string, may be empty
  std::string text;      ///< verbatim, ends without a trailing newline
  bool operator==(const CodeBlock&) const = default;
};

enum class Alignment : std::uint8_t { default_, left, center, right };

/// A GFM pipe table. Every row has exactly `alignments.size()` cells.
struct Table {
  using Cell = Inlines;
  using Row = std::vector<Cell>;
  std::vector<Alignment> alignments;
  std::vector<Row> head;  ///< header rows (GFM tables have exactly one)
  std::vector<Row> body;
  bool operator==(const Table&) const = default;
};

/// A picture standing on its own, with its caption and credit.
struct Figure {
  std::string image;    ///< path or URL as written
  std::string alt;      ///< alternative text
  std::string caption;  ///< plain text, may be empty
  std::string credit;   ///< photographer or agency, may be empty
  int line = 0;         ///< the picture's source line, as Image::line (not compared)
  bool operator==(const Figure& other) const {
    return image == other.image && alt == other.alt && caption == other.caption && credit == other.credit;
  }
};

struct HorizontalRule {
  bool operator==(const HorizontalRule&) const = default;
};

/// A boxed note beside the body, such as "Related article: <link>".
struct Aside {
  std::string label;  ///< the label as written, without its colon ("Related article")
  Inlines content;    ///< what follows the label, usually one link
  bool operator==(const Aside&) const = default;
};

struct Block {
  using Node = std::variant<Para, Header, BlockQuote, BulletList, OrderedList, CodeBlock, Table,
                            Figure, HorizontalRule, Aside>;
  Node node;

  Block() = default;
  template <typename T>
    requires std::is_constructible_v<Node, T&&> && (!std::is_same_v<std::remove_cvref_t<T>, Block>)
  Block(T&& value) : node(std::forward<T>(value)) {}  // NOLINT: implicit by design
  bool operator==(const Block&) const = default;
};

// ---------------------------------------------------------------------------------------
// The article
// ---------------------------------------------------------------------------------------

/// A calendar date; `valid()` checks it against the Gregorian calendar.
struct Date {
  int year = 0;
  int month = 0;  ///< 1..12
  int day = 0;    ///< 1..31
  bool valid() const;
  std::string iso() const;  ///< "YYYY-MM-DD"
  auto operator<=>(const Date&) const = default;
};

struct Meta {
  std::string title;                ///< headline; empty when none was found (a warning says so)
  std::string subtitle;             ///< dek
  std::vector<std::string> authors;
  std::optional<Date> date;         ///< the dateline parsed, when it could be
  std::string date_text;            ///< the dateline exactly as written, for display
  std::string lang = "en";          ///< BCP 47 tag
  std::optional<std::string> source;  ///< canonical URL of the original publication
  std::vector<std::string> tags;
  std::string summary;
  /// Front-matter keys galley does not know, values as YAML scalars or flow text.
  std::map<std::string, std::string> extra;
  bool operator==(const Meta&) const = default;
};

/// The picture heading the article.
struct LeadFigure {
  std::optional<std::string> image;  ///< none when only a caption line was found
  std::string alt;
  std::string caption;
  std::string credit;
  int line = 0;  ///< the picture's source line, as Image::line (not compared)
  bool operator==(const LeadFigure& other) const {
    return image == other.image && alt == other.alt && caption == other.caption && credit == other.credit;
  }
};

/// A footnote's text; NoteRef::number n refers to notes[n - 1].
struct Note {
  std::string label;  ///< the label as written in the source (`[^label]`)
  Blocks content;
  bool operator==(const Note&) const = default;
};

struct Document {
  Meta meta;
  std::optional<LeadFigure> lead;
  Blocks blocks;
  std::vector<Note> notes;
  /// The file the article was read from ("" for standard input or memory). Relative image
  /// paths resolve against its folder, and only files inside that folder are read.
  std::string origin;
  bool operator==(const Document&) const = default;
};

/// Plain text of inlines: what a reader would read aloud (images give their alt text).
std::string plain_text(const Inlines& inlines);

}  // namespace galley::model
