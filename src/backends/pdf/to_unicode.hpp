// A correct ToUnicode CMap for libharu's UTF-8 TrueType fonts. libharu 2.3.0 gives them a
// copy of its encoding CMap (begincidrange, Identity-H) as /ToUnicode, which is not a ToUnicode
// CMap at all: poppler warns "Invalid 'begincidrange' operator" and extracts text only because
// it then guesses; other readers may copy garbage. With the UTF-8 encoder a character code is
// the character's UTF-16 value, so the right map is the identity over the BMP.
#pragma once

#include <hpdf.h>

#include <vector>

namespace galley::backends::pdf {

/// Replaces the /ToUnicode stream of `font` (a font from HPDF_GetFont(.., "UTF-8")) with an
/// identity ToUnicode CMap over the 256-character blocks `characters` fall in (the whole BMP
/// when it is empty). Uses libharu's installed internal headers (hpdf_objects.h), as for
/// TrimBox; does nothing when the font is not shaped as in libharu 2.3.0. Returns false
/// when libharu failed (its error handler has the detail).
bool repair_to_unicode(HPDF_Font font, const std::vector<char32_t>& characters);

}  // namespace galley::backends::pdf
