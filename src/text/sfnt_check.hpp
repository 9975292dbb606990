// The checks a TrueType font must pass before libharu parses it. libharu 2.3.0 trusts every
// number in a font: it divides by unitsPerEm (SIGFPE on 0), writes numberOfHMetrics records
// into an array of numGlyphs (a heap overflow when there are more), marks glyph 0 of a font
// with no glyphs, and reads past its character map when the last segment does not end at
// U+FFFF. fontconfig, FreeType and HarfBuzz refuse or repair most such fonts, but the bytes
// libharu finally reads are checked here, whatever produced them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace galley::text {

/// Why libharu must not be given `sfnt`, as a phrase for "cannot use this font: ..."; nullopt
/// when every table libharu reads is where the directory says, large enough, and consistent
/// with the others (head, maxp, hhea, hmtx, loca, glyf, the (3,1) format 4 cmap, name, OS/2).
std::optional<std::string> libharu_problem(std::string_view sfnt);

/// Throws galley::Error (ErrorKind::data, naming `file`) when libharu_problem finds one.
void check_for_libharu(std::string_view sfnt, const std::string& file);

}  // namespace galley::text
