// Quotation marks in the article's language. cmark-gfm's smart punctuation produces English
// curly quotes (“ ” ‘ ’); this maps them to the marks of the language: « » „ “ in Russian,
// „ “ ‚ ‘ in German, « » with no-break spaces in French, and so on.
#pragma once

#include <string_view>

#include "galley/model/document.hpp"

namespace galley::read {

/// Rewrites the quotes in every text of `blocks` for `lang` (a BCP 47 tag). Apostrophes
/// (’ inside or at the end of a word, with no open single quote) are left alone.
void localize_quotes(model::Blocks& blocks, std::string_view lang);

}  // namespace galley::read
