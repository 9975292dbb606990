// The news conventions of ARTICLE-FORMAT.md applied to parsed blocks: headline, dek,
// dateline, byline and lead figure at the top; related-article asides and dead links
// anywhere; the source line at the end; paragraphs a scraper split, joined again.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "galley/diagnostics.hpp"
#include "galley/model/document.hpp"
#include "galley/read.hpp"
#include "read/markdown.hpp"

namespace galley::read {

struct ConventionResult {
  /// Only what the conventions found: title, subtitle, authors, date, date_text, source.
  model::Meta meta;
  std::optional<model::LeadFigure> lead;
  model::Blocks blocks;  ///< the body that remains
};

/// Applies the switched-on conventions. Warnings (a footnote mark lost in title matter,
/// which is plain text) name `file` and the block's line.
ConventionResult apply_conventions(std::vector<SourcedBlock> blocks, const Conventions& conventions,
                                   const std::string& file, Diagnostics& diagnostics);

/// Replaces links whose target is empty, "#" or "javascript:" by their text, everywhere.
void remove_dead_links(model::Blocks& blocks);

/// Joins a paragraph that stops mid-sentence with the next when that one starts in lower
/// case (a scraper split them), at every level: also inside block quotes and list items.
void join_split_paragraphs(model::Blocks& blocks);

/// Guesses the BCP 47 language of body text from its letters and common words: "ru" and
/// "uk" for Cyrillic, "de", "fr", "es", "it", "pt", "pl" or "en" for Latin script.
std::string guess_language(const std::vector<SourcedBlock>& blocks);

}  // namespace galley::read
