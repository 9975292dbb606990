// FreeType behind FontFace: the checks libharu needs before it sees a font, and widths read
// from hmtx exactly as libharu reads them.
#include "text/font_face.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include FT_TRUETYPE_TAGS_H
#include FT_ADVANCES_H

#include <hb.h>

#include <fmt/format.h>

#include <mutex>
#include <optional>
#include <unordered_map>

#include "galley/diagnostics.hpp"
#include "text/kerning_pairs.hpp"

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

// HarfBuzz makes its default language (from the locale) when it is first asked for and
// publishes it with atomics inside libharfbuzz, where ThreadSanitizer cannot see them: two
// FontSets shaping their first pairs on two threads looked like a race. Made once, under a
// once_flag, before any shaping, every thread reads it after it was made.
namespace {
void make_default_language() {
  static std::once_flag once;
  std::call_once(once, [] { hb_language_get_default(); });
}
}  // namespace

// HarfBuzz over the same file, for kerning only: pairs shaped with ligatures and contextual
// alternates off (libharu draws one glyph per character, so only the positions may change).
struct FontFace::Shaper {
  hb_blob_t* blob = nullptr;
  hb_face_t* face = nullptr;
  hb_font_t* font = nullptr;
  hb_buffer_t* buffer = nullptr;
  unsigned units_per_em = 1000;
  std::array<hb_feature_t, 5> features{};
  // The shaping plan of each script met (and direction: the language is the process's
  // default), as hb_shape would find it in the face's cache: looking it up there for every
  // pair (its key's feature variations found again each time) was 8% of kerning's cost.
  struct Plan {
    hb_segment_properties_t properties;
    hb_shape_plan_t* plan;
  };
  std::vector<Plan> plans;

  hb_shape_plan_t* plan_for(hb_buffer_t* shaped) {
    hb_segment_properties_t properties;
    hb_buffer_get_segment_properties(shaped, &properties);
    for (const Plan& plan : plans) {
      if (hb_segment_properties_equal(&plan.properties, &properties)) return plan.plan;
    }
    hb_shape_plan_t* plan = hb_shape_plan_create_cached2(face, &properties, features.data(),
                                                         static_cast<unsigned>(features.size()), nullptr, 0, nullptr);
    plans.push_back(Plan{properties, plan});
    return plan;
  }

  explicit Shaper(const std::string& path) {
    make_default_language();
    blob = hb_blob_create_from_file(path.c_str());
    face = hb_face_create(blob, 0);
    font = hb_font_create(face);
    units_per_em = hb_face_get_upem(face);
    if (units_per_em == 0) units_per_em = 1000;
    const int scale = static_cast<int>(units_per_em);
    hb_font_set_scale(font, scale, scale);  // positions in font units
    buffer = hb_buffer_create();
    const char* settings[] = {"-liga", "-clig", "-calt", "-dlig", "kern"};
    for (std::size_t i = 0; i < features.size(); ++i) hb_feature_from_string(settings[i], -1, &features[i]);
  }
  ~Shaper() {
    for (const Plan& plan : plans) hb_shape_plan_destroy(plan.plan);
    hb_buffer_destroy(buffer);
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
  }
  Shaper(const Shaper&) = delete;
  Shaper& operator=(const Shaper&) = delete;

  int shape_pair(char32_t left, char32_t right) {
    hb_buffer_clear_contents(buffer);
    const std::uint32_t text[2] = {static_cast<std::uint32_t>(left), static_cast<std::uint32_t>(right)};
    hb_buffer_add_utf32(buffer, text, 2, 0, 2);
    hb_buffer_guess_segment_properties(buffer);
    hb_shape_plan_execute(plan_for(buffer), font, buffer, features.data(), static_cast<unsigned>(features.size()));
    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t* position = hb_buffer_get_glyph_positions(buffer, &count);
    // One glyph per character, in order, or the pair is not one we can draw kerned.
    if (count != 2 || info[0].cluster != 0 || info[1].cluster != 1) return 0;
    const hb_position_t nominal = hb_font_get_glyph_h_advance(font, info[0].codepoint) +
                                  hb_font_get_glyph_h_advance(font, info[1].codepoint);
    const long delta = static_cast<long>(position[0].x_advance) + position[1].x_advance - nominal;
    const double thousandths = static_cast<double>(delta) * 1000.0 / units_per_em;
    return static_cast<int>(thousandths < 0 ? thousandths - 0.5 : thousandths + 0.5);
  }
};

FontFace::FontFace(const FreeType& freetype, const std::string& path) : path_(path) {
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
  if (shaper_) detail::KnownPairs::instance().save(path_);  // it shaped pairs: keep them
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

int FontFace::kerning(char32_t left, char32_t right) {
  if (left > 0xFFFF || right > 0xFFFF) return 0;
  const std::uint32_t key = static_cast<std::uint32_t>(left) << 16 | static_cast<std::uint32_t>(right);
  // Layout asks for every pair of neighbouring characters it measures: a direct-mapped cache
  // in front of the map (an entry is the key, its value and a set bit).
  std::uint64_t& recent = recent_pairs_[(key * 2654435761u) >> (32 - recent_bits)];
  if ((recent >> 48) == 1 && static_cast<std::uint32_t>(recent >> 16) == key) {
    return static_cast<std::int16_t>(recent & 0xFFFF);
  }
  const auto remember = [&](std::int16_t value) {
    recent = std::uint64_t{1} << 48 | std::uint64_t{key} << 16 | static_cast<std::uint16_t>(value);
    return value;
  };
  detail::KnownPairs& known = detail::KnownPairs::instance();
  std::int16_t value = 0;
  if (const auto found = known.find(path_, key)) {
    value = *found;
  } else {
    if (!shaper_) shaper_ = std::make_unique<Shaper>(path_);
    value = static_cast<std::int16_t>(has_glyph(left) && has_glyph(right) ? shaper_->shape_pair(left, right) : 0);
    known.add(path_, key, value);
  }
  return remember(value);
}

int FontFace::advance(char32_t c) { return entry(c) >> 1; }

}  // namespace galley::text
