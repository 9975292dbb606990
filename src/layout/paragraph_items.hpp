// A paragraph's text as Knuth and Plass's items: boxes for the stretches between break
// opportunities, glue for word spaces, penalties for breaks inside words. The opportunities
// are Unicode's (UAX #14: after spaces, hyphens, dashes and URL slashes, never before closing
// punctuation, not at no-break spaces), the hyphenation points of the article's language,
// and the author's soft hyphens. Each item knows the measured, styled pieces it stands for,
// so that a line can be placed once it is chosen (paragraph.cpp).
#pragma once

#include <cstddef>
#include <deque>
#include <vector>

#include "layout/context.hpp"
#include "layout/line_breaking.hpp"
#include "layout/spans.hpp"
#include "layout/style.hpp"

namespace galley::layout {

/// A measured fragment with what it is drawn with. The fragment is the paragraph's own
/// (ParagraphItems::fragments) or a word's in the context's WordMemo, whichever made it: a
/// word found there is not copied (copying its text and kerning was 14 M of the 840 M
/// instructions of a 100-article PDF).
struct Piece {
  const Fragment* fragment = nullptr;
  int font = 0;     ///< this context's font index for the fragment's face (not fragment->font)
  double rise = 0;  ///< above the baseline (note marks)
  Colour colour;
  const SpanStyle* style = nullptr;
};

/// What a box, glue or penalty of the item list stands for.
struct ItemSource {
  std::size_t piece_begin = 0;  ///< box: its pieces [begin, end)
  std::size_t piece_end = 0;
  /// Penalty with a hyphen: where the hyphen is drawn, from the end of the box before it (the
  /// box's width counts the kerning to the character after the break; the hyphen has its own).
  double hyphen_shift = 0;
  std::size_t hyphen_piece = 0;  ///< penalty with a hyphen: the piece it is drawn like
  double across = 0;  ///< penalty inside a word: the kerning across it, counted in the box before
};

/// Valid while the context's WordMemo lives, whose words its pieces may point into.
struct ParagraphItems {
  std::deque<Fragment> fragments;  ///< those made for this paragraph (a deque: pieces point into it)
  std::vector<Piece> pieces;
  std::vector<BreakItem> items;
  std::vector<ItemSource> sources;  ///< parallel to items
};

/// How the items are made.
struct ItemOptions {
  /// Word spaces stretch and shrink (justified text); otherwise they are fixed and the
  /// breaker is given stretch at line ends instead (ragged text).
  bool justify = true;
  bool hyphenate = true;  ///< offer the language's hyphenation points (soft hyphens always count)
  /// Boxes wider than this are broken between characters (the emergency break: no line runs
  /// over); infinite for measuring.
  double line_width = 0;
  double first_indent = 0;  ///< an empty box before the first word
};

/// Costs of breaks, TeX's names in brackets.
inline constexpr double hyphen_penalty = 50;           ///< at a hyphenation point [\hyphenpenalty]
inline constexpr double explicit_hyphen_penalty = 50;  ///< after a hyphen, dash or slash [\exhyphenpenalty]
inline constexpr double character_break_penalty = 100;  ///< between characters of a word too wide for the line

/// The items of `spans` set in `base` (emphasis, code and marks vary it).
ParagraphItems paragraph_items(Context& context, const Spans& spans, const TextStyle& base, const ItemOptions& options);

}  // namespace galley::layout
