// fontconfig queries: FcFontList over exact patterns, filtered to what libharu can embed.
#include "text/font_catalog.hpp"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>
#include <tuple>

#include "diagnostics/edit_distance.hpp"

namespace galley::text {
namespace {

struct PatternDeleter {
  void operator()(FcPattern* pattern) const { FcPatternDestroy(pattern); }
};
struct ObjectSetDeleter {
  void operator()(FcObjectSet* set) const { FcObjectSetDestroy(set); }
};
struct FontSetDeleter {
  void operator()(FcFontSet* set) const { FcFontSetDestroy(set); }
};
struct CharSetDeleter {
  void operator()(FcCharSet* set) const { FcCharSetDestroy(set); }
};
using Pattern = std::unique_ptr<FcPattern, PatternDeleter>;
using ObjectSet = std::unique_ptr<FcObjectSet, ObjectSetDeleter>;
using FontList = std::unique_ptr<FcFontSet, FontSetDeleter>;

bool wants_bold(FontStyle style) { return style == FontStyle::bold || style == FontStyle::bold_italic; }
bool wants_italic(FontStyle style) { return style == FontStyle::italic || style == FontStyle::bold_italic; }

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Lists fonts matching `pattern` with the properties a choice needs.
FontList list(FcPattern* pattern) {
  ObjectSet objects(FcObjectSetBuild(FC_FILE, FC_FAMILY, FC_WEIGHT, FC_SLANT, FC_WIDTH, FC_FONTFORMAT,
                                     FC_INDEX, FC_VARIABLE, nullptr));
  return FontList(FcFontList(nullptr, pattern, objects.get()));
}

struct Candidate {
  int score = 0;  ///< lower is nearer to the style asked for
  FontFile file;
};

// A listed font libharu can read, with its distance from `style`; nullopt otherwise.
std::optional<Candidate> candidate(FcPattern* font, FontStyle style) {
  FcChar8* file = nullptr;
  FcChar8* format = nullptr;
  FcChar8* family = nullptr;
  int index = 0;
  FcBool variable = FcFalse;
  if (FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch) return std::nullopt;
  if (FcPatternGetString(font, FC_FONTFORMAT, 0, &format) != FcResultMatch) return std::nullopt;
  if (FcPatternGetString(font, FC_FAMILY, 0, &family) != FcResultMatch) return std::nullopt;
  FcPatternGetInteger(font, FC_INDEX, 0, &index);
  FcPatternGetBool(font, FC_VARIABLE, 0, &variable);
  const std::string path(reinterpret_cast<const char*>(file));
  // TrueType outlines in a plain .ttf: libharu reads no CFF (.otf), no collection (.ttc)
  // through LoadTTFontFromFile, and no variation instances.
  if (std::string_view(reinterpret_cast<const char*>(format)) != "TrueType" || index != 0 || variable) {
    return std::nullopt;
  }
  if (path.size() < 4 || lower(path.substr(path.size() - 4)) != ".ttf") return std::nullopt;

  int weight = FC_WEIGHT_REGULAR;
  int slant = FC_SLANT_ROMAN;
  int width = FC_WIDTH_NORMAL;
  FcPatternGetInteger(font, FC_WEIGHT, 0, &weight);
  FcPatternGetInteger(font, FC_SLANT, 0, &slant);
  FcPatternGetInteger(font, FC_WIDTH, 0, &width);
  const int want_weight = wants_bold(style) ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR;
  const bool italic = slant != FC_SLANT_ROMAN;
  Candidate c;
  c.score = std::abs(weight - want_weight) + (italic != wants_italic(style) ? 1000 : 0) +
            (width != FC_WIDTH_NORMAL ? 2000 : 0) + (slant == FC_SLANT_OBLIQUE ? 1 : 0);
  c.file.path = path;
  c.file.family = reinterpret_cast<const char*>(family);
  const bool bold = weight >= FC_WEIGHT_DEMIBOLD;
  c.file.style = bold ? (italic ? FontStyle::bold_italic : FontStyle::bold)
                      : (italic ? FontStyle::italic : FontStyle::regular);
  return c;
}

std::optional<FontFile> best(FcFontSet* fonts, FontStyle style) {
  std::optional<Candidate> chosen;
  for (int i = 0; fonts && i < fonts->nfont; ++i) {
    auto c = candidate(fonts->fonts[i], style);
    if (!c) continue;
    if (!chosen || std::tie(c->score, c->file.family, c->file.path) <
                       std::tie(chosen->score, chosen->file.family, chosen->file.path)) {
      chosen = std::move(c);
    }
  }
  if (!chosen) return std::nullopt;
  return chosen->file;
}

}  // namespace

std::optional<FontFile> find_font_file(std::string_view family, FontStyle style) {
  if (!FcInit()) return std::nullopt;
  Pattern pattern(FcPatternCreate());
  const std::string name(family);
  FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(name.c_str()));
  FontList fonts = list(pattern.get());
  auto found = best(fonts.get(), style);
  if (found) found->family = name;
  return found;
}

std::vector<std::string> closest_families(std::string_view name, std::size_t count) {
  std::set<std::string> families;
  if (FcInit()) {
    Pattern pattern(FcPatternCreate());
    ObjectSet objects(FcObjectSetBuild(FC_FAMILY, nullptr));
    FontList fonts(FcFontList(nullptr, pattern.get(), objects.get()));
    for (int i = 0; fonts && i < fonts->nfont; ++i) {
      FcChar8* family = nullptr;
      for (int n = 0; FcPatternGetString(fonts->fonts[i], FC_FAMILY, n, &family) == FcResultMatch; ++n) {
        families.insert(reinterpret_cast<const char*>(family));
      }
    }
  }
  const std::string wanted = lower(name);
  std::vector<std::pair<std::size_t, std::string>> ranked;
  for (const auto& family : families) {
    const std::string candidate = lower(family);
    std::size_t distance = edit_distance(wanted, candidate);
    // A name that contains what was asked for ("Serif" in "Noto Serif") is near too.
    if (!wanted.empty() && candidate.find(wanted) != std::string::npos) {
      distance = std::min(distance, candidate.size() - wanted.size());
    }
    ranked.emplace_back(distance, family);
  }
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < ranked.size() && i < count; ++i) out.push_back(ranked[i].second);
  return out;
}

std::optional<FontFile> find_font_covering(char32_t c, FontStyle style) {
  if (!FcInit()) return std::nullopt;
  std::unique_ptr<FcCharSet, CharSetDeleter> charset(FcCharSetCreate());
  FcCharSetAddChar(charset.get(), static_cast<FcChar32>(c));
  Pattern pattern(FcPatternCreate());
  FcPatternAddCharSet(pattern.get(), FC_CHARSET, charset.get());
  FontList fonts = list(pattern.get());
  return best(fonts.get(), style);
}

std::optional<FontFile> FontCatalog::find(std::string_view family, FontStyle style) {
  auto key = std::make_pair(std::string(family), style);
  {
    std::lock_guard lock(mutex_);
    if (auto it = files_.find(key); it != files_.end()) return it->second;
  }
  // Asked outside the lock: two threads may ask the same at first; both get the same answer.
  auto found = find_font_file(family, style);
  std::lock_guard lock(mutex_);
  files_.emplace(std::move(key), found);
  return found;
}

std::optional<FontFile> FontCatalog::covering(char32_t c, FontStyle style) {
  const std::uint64_t key = static_cast<std::uint64_t>(style) << 32 | c;
  {
    std::lock_guard lock(mutex_);
    if (auto it = covering_.find(key); it != covering_.end()) return it->second;
  }
  auto found = find_font_covering(c, style);
  std::lock_guard lock(mutex_);
  covering_.emplace(key, found);
  return found;
}

}  // namespace galley::text
