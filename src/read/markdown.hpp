// CommonMark + GFM through cmark-gfm, turned into model blocks that still carry their source
// line, so the news conventions and diagnostics can point at the line a block came from.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "galley/diagnostics.hpp"
#include "galley/model/document.hpp"

namespace galley::read {

struct MarkdownOptions {
  std::string file;            ///< for diagnostics
  bool smart = true;           ///< straight quotes, `--`, `---`, `...` made typographic
  int max_nesting = 32;        ///< deeper blocks and inlines are flattened into their parent
  int max_table_columns = 1000;
  int max_notes = 10000;
  int max_images = 1000;       ///< pictures an article may name (each reference counted)
};

struct SourcedBlock {
  model::Block block;
  int line = 0;  ///< first source line of the block
  /// For a paragraph: its plain text split where the source broke lines, so that a date
  /// and a byline written on consecutive lines can be told apart. For an ordered list of
  /// one item holding one paragraph (CommonMark's reading of "7. März 2024"): that
  /// paragraph's lines, the first led by the list marker as written ("7. März 2024").
  std::vector<std::string> lines;
};

struct ParsedMarkdown {
  std::vector<SourcedBlock> blocks;
  std::vector<model::Note> notes;  ///< in the order of their first reference
};

/// Parses Markdown. Throws galley::Error (data) for a table wider than the limit (checked
/// before parsing: cmark-gfm's tables take quadratic time in their width), too many notes or
/// too many images.
ParsedMarkdown parse_markdown(std::string_view markdown, const MarkdownOptions& options,
                              Diagnostics& diagnostics);

/// Appends text to inlines, merging it into a trailing Text node.
void append_text(model::Inlines& inlines, std::string_view text);

}  // namespace galley::read
