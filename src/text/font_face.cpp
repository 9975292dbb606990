// FreeType behind FontFace: the checks libharu needs before it sees a font, and widths read
// from hmtx exactly as libharu reads them.
#include "text/font_face.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include FT_TRUETYPE_TAGS_H
#include FT_ADVANCES_H

#include <fmt/format.h>

#include "galley/diagnostics.hpp"

namespace galley::text {
namespace {

FT_Face as_face(void* face) { return static_cast<FT_Face>(face); }

[[noreturn]] void refuse(const std::string& path, const std::string& why) {
  throw Error(ErrorKind::data, path, 0, fmt::format("cannot use this font: {}", why));
}

}  // namespace

FreeType::FreeType() {
  FT_Library library = nullptr;
  if (FT_Init_FreeType(&library) != 0) throw Error(ErrorKind::internal, "", 0, "FreeType failed to start");
  library_ = library;
}

FreeType::~FreeType() { FT_Done_FreeType(static_cast<FT_Library>(library_)); }

FontFace::FontFace(const FreeType& freetype, const std::string& path) {
  FT_Face face = nullptr;
  if (FT_New_Face(static_cast<FT_Library>(freetype.handle()), path.c_str(), 0, &face) != 0) {
    refuse(path, "FreeType cannot read it");
  }
  face_ = face;
  auto fail = [&](const std::string& why) {
    FT_Done_Face(face);
    face_ = nullptr;
    refuse(path, why);
  };
  if (!FT_IS_SFNT(face) || !FT_IS_SCALABLE(face)) fail("not a TrueType font");
  // libharu divides by unitsPerEm unchecked (SIGFPE on 0).
  if (face->units_per_EM == 0) fail("its unitsPerEm is 0");
  // libharu needs these tables to embed a TrueType font (TrueType outlines: glyf and loca).
  for (const FT_ULong tag : {TTAG_head, TTAG_hhea, TTAG_hmtx, TTAG_maxp, TTAG_loca, TTAG_glyf, TTAG_cmap,
                             TTAG_OS2, TTAG_post, TTAG_name}) {
    FT_ULong length = 0;
    if (FT_Load_Sfnt_Table(face, tag, 0, nullptr, &length) != 0 || length == 0) {
      fail(fmt::format("it has no '{}{}{}{}' table", static_cast<char>(tag >> 24),
                       static_cast<char>(tag >> 16 & 0xFF), static_cast<char>(tag >> 8 & 0xFF),
                       static_cast<char>(tag & 0xFF)));
    }
  }
  // libharu maps characters through the Windows Unicode BMP subtable (3,1) in format 4 only.
  FT_CharMap unicode = nullptr;
  for (FT_Int i = 0; i < face->num_charmaps; ++i) {
    FT_CharMap map = face->charmaps[i];
    if (map->platform_id == 3 && map->encoding_id == 1 && FT_Get_CMap_Format(map) == 4) unicode = map;
  }
  if (!unicode) fail("it has no Unicode BMP character map (platform 3, encoding 1, format 4)");
  FT_Set_Charmap(face, unicode);
  units_per_em_ = face->units_per_EM;
  ascender_ = static_cast<int>(static_cast<long>(face->ascender) * 1000 / static_cast<long>(units_per_em_));
  descender_ = static_cast<int>(static_cast<long>(face->descender) * 1000 / static_cast<long>(units_per_em_));
}

FontFace::~FontFace() {
  if (face_) FT_Done_Face(as_face(face_));
}

int FontFace::entry(char32_t c) {
  if (c > 0xFFFF) return 0;  // never drawn: text is limited to the BMP before measuring
  auto& block = entries_[c >> 8];
  if (!block) {
    block = std::make_unique<std::array<std::int32_t, 256>>();
    block->fill(-1);
  }
  std::int32_t& value = (*block)[c & 0xFF];
  if (value < 0) {
    FT_Face face = as_face(face_);
    const FT_UInt glyph = FT_Get_Char_Index(face, static_cast<FT_ULong>(c));
    FT_Fixed units = 0;
    if (FT_Get_Advance(face, glyph, FT_LOAD_NO_SCALE, &units) != 0) units = 0;
    // As libharu: (HPDF_UINT)advance_width * 1000 / units_per_em, truncated.
    const auto thousandths = static_cast<std::int32_t>(static_cast<unsigned long>(units) * 1000u / units_per_em_);
    value = thousandths * 2 + (glyph != 0 ? 1 : 0);
  }
  return value;
}

bool FontFace::has_glyph(char32_t c) { return (entry(c) & 1) != 0; }

int FontFace::advance(char32_t c) { return entry(c) >> 1; }

}  // namespace galley::text
