// Reading articles: Markdown with optional YAML front matter, plus the news conventions that
// recover headline, dek, dateline, byline, lead figure, asides and source from scraped text.
// See ARTICLE-FORMAT.md for the input contract and docs/inspect-json.md for what comes out.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "galley/diagnostics.hpp"
#include "galley/model/collection.hpp"
#include "galley/model/document.hpp"

namespace galley {

/// The news conventions, each a heuristic that can be switched off on its own.
struct Conventions {
  bool headline = true;        ///< a leading `# Headline` becomes the title
  bool dek = true;             ///< a `## line` right after the headline becomes the subtitle
  bool dateline = true;        ///< a line that is only a date, near the top, becomes the date
  bool byline = true;          ///< `By Name and Name` near the top becomes the authors
  bool lead_figure = true;     ///< an image and/or `**Caption / Credit**` before the body
  bool related = true;         ///< `**Related article:** [link]` paragraphs become asides
  bool source_line = true;     ///< a closing `Original url: URL` becomes the source
  bool dead_links = true;      ///< links to "" or "#" become plain text
  bool join_paragraphs = true;  ///< a paragraph split mid-sentence by a scraper is joined
  bool smart_quotes = true;    ///< straight quotes become the article language's quotes
  bool language = true;        ///< with no `lang` in front matter, guess it from the text

  /// Every convention off: the Markdown is read as it is written.
  static Conventions none();
  /// Switches one convention by its name (see `names()`); false if there is no such name.
  bool set(std::string_view name, bool on);
  /// The names `set` accepts, comma-separated, for help texts.
  static std::string_view names();
};

struct ReadOptions {
  /// Shown in diagnostics; "<stdin>" for standard input.
  std::string file_name = "<input>";
  Conventions conventions;
  /// Larger input is refused (error, exit 65) before parsing.
  std::size_t max_input_bytes = 8u << 20;
  /// Blocks and inlines nested deeper than this are flattened into their parent.
  int max_nesting = 32;
  /// A table wider than this is refused before parsing (cmark-gfm's tables are quadratic).
  int max_table_columns = 1000;
  /// Footnotes beyond this count are refused.
  int max_notes = 10000;
  /// An article with more pictures than this (lead figure, figures and inline images, each
  /// reference counted) is refused: each one is read and decoded.
  int max_images = 1000;
  /// Folders images may come from besides the article's own, in search order; copied into
  /// Document::resource_path.
  std::vector<std::string> resource_path;
};

/// Reads one article from memory. Throws galley::Error (ErrorKind::data) for input it
/// cannot read at all; reports what it repaired (bad UTF-8, NUL bytes, ...) as warnings.
model::Document read_markdown(std::string_view text, const ReadOptions& options,
                              Diagnostics& diagnostics);

/// Reads one article from a file ("-" is standard input); `options.file_name` is set from it.
/// Throws galley::Error: no_input for a missing, unreadable or non-regular file.
model::Document read_markdown_file(const std::string& path, ReadOptions options,
                                   Diagnostics& diagnostics);

/// Reads a collection manifest (TOML: title, editor, lang, cover, style, articles). Article
/// paths and globs are resolved against the manifest's folder; globs expand sorted.
model::Collection read_manifest_file(const std::string& path, Diagnostics& diagnostics);

/// True when the path names a collection manifest rather than an article (`.toml`).
bool is_manifest_path(std::string_view path);

}  // namespace galley
