// Fonts as a PDF embeds them: cut down through HarfBuzz to the glyphs of the characters a
// document uses, and completed with the tables libharu needs. libharu embeds a font's tables
// whole but for its glyph outlines (../shared/DEPENDENCY-NOTES.md): given the full Liberation
// Serif, a one-page article's PDF carries ~45 KB of it compressed; given a subset, a few KB.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace galley::text {

/// The bytes of `file` to embed in a PDF: a subset holding only the glyphs `characters` need
/// (and .notdef), without hinting instructions or glyph names; the whole font when
/// `characters` is empty or HarfBuzz cannot subset it. Either way completed by
/// with_required_tables(). Glyph IDs are renumbered and the character map rewritten to match, so
/// text still maps Unicode to glyphs through it; advance widths are the original's. Throws
/// galley::Error (ErrorKind::data, naming `file`) when the file cannot be read or the result
/// would not be safe for libharu to parse (text::check_for_libharu).
std::string embeddable_font(const std::string& file, const std::vector<char32_t>& characters);

/// `sfnt` with the tables libharu 2.3.0 writes out of every TrueType font it embeds added
/// where missing: `cvt `, `fpgm` and `prep` as no-op programs. Without them libharu reads a
/// table record it never found and fails at random (HPDF_INVALID_OBJECT) or worse; many
/// unhinted fonts (97 of the Noto and DejaVu files Debian installs) lack them. Returns
/// `sfnt` unchanged when nothing is missing or it is not a TrueType font.
std::string with_required_tables(std::string_view sfnt);

}  // namespace galley::text
