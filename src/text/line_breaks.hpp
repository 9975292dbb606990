// Where a line may break in a run of text, by the Unicode line breaking algorithm (UAX #14,
// through libunibreak): after spaces, hyphens and dashes, after the slashes of a URL, never
// before closing punctuation or between a no-break space and its neighbours. Layout splits
// words into boxes at these opportunities; hyphenation inside words is the Hyphenator's.
#pragma once

#include <string_view>
#include <vector>

namespace galley::text {

/// What may happen after a character.
enum class LineBreak : unsigned char {
  none,       ///< no break here (or: not the last byte of a character)
  allowed,    ///< a line may end after this character
  mandatory,  ///< a line must end after it (a line feed, a paragraph separator)
};

/// For each byte of the UTF-8 `text`, what may happen after the character ending at that byte
/// (bytes inside a character get `none`). `language` is the text's BCP 47 tag; libunibreak
/// tailors a few of them (quotation marks in German, Spanish, French, Russian, Chinese). The
/// end of the text is not reported as a break: what follows it is the caller's business.
/// Thread-safe.
std::vector<LineBreak> line_breaks(std::string_view text, std::string_view language);

}  // namespace galley::text
