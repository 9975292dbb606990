// A font's /ToUnicode CMap, written by us: libharu 2.3.0 gives its UTF-8 TrueType fonts a copy
// of their encoding CMap (begincidrange) as /ToUnicode, which is no ToUnicode CMap at all
// (poppler warns "Invalid 'begincidrange' operator" and then guesses), and gives fonts with an
// encoder of our own none.
#pragma once

#include <hpdf.h>

#include <string_view>

namespace galley::backends::pdf {

/// Makes `cmap` (a ToUnicode CMap program) the /ToUnicode stream of `font`, replacing the one
/// libharu wrote, if any. Uses libharu's installed internal headers (hpdf_objects.h), as for
/// TrimBox. Returns false when libharu failed (its error handler has the detail).
bool set_to_unicode(HPDF_Doc doc, HPDF_Font font, std::string_view cmap);

}  // namespace galley::backends::pdf
