// fontconfig queries: FcFontList over exact patterns, filtered to what libharu can embed.
#include "text/font_catalog.hpp"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <mutex>
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

// The font and cache folders /etc/fonts/fonts.conf names, and nothing else. Parsing the
// system's whole configuration (fonts.conf and some 35 files of conf.d) is a fifth of a
// one-article run (24 M of its 124 M instructions), and nearly all of it is rules for
// matching (aliases, hinting, substitutes) that galley never applies: it lists fonts by
// exact family. This one reads the same caches fc-cache wrote, in 1 M instructions. The
// user's own fonts.conf may add folders, so it is read as the system's would read it.
constexpr const char* quick_configuration = R"(<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts</dir>
  <dir>/usr/local/share/fonts</dir>
  <dir prefix="xdg">fonts</dir>
  <dir>~/.fonts</dir>
  <include ignore_missing="yes" prefix="xdg">fontconfig/fonts.conf</include>
  <include ignore_missing="yes">/etc/fonts/local.conf</include>
  <cachedir>/var/cache/fontconfig</cachedir>
  <cachedir prefix="xdg">fontconfig</cachedir>
  <cachedir>~/.fontconfig</cachedir>
</fontconfig>
)";

// The configurations a lookup asks: the quick one first, then, for what it does not find,
// the system's whole one (a folder only a conf.d file names, a font conf.d renames). When
// the user steers fontconfig through its environment, only the system's whole one is
// asked, as fontconfig would. Both are made on first use and kept for the process, as
// FcInit keeps its own.
class Configurations {
 public:
  static Configurations& get() {
    static Configurations configurations;
    return configurations;
  }

  FcConfig* quick() {
    std::call_once(quick_once_, [this] {
      if (std::getenv("FONTCONFIG_FILE") || std::getenv("FONTCONFIG_PATH") || std::getenv("FONTCONFIG_SYSROOT")) {
        return;
      }
      FcConfig* config = FcConfigCreate();
      if (config && FcConfigParseAndLoadFromMemory(
                        config, reinterpret_cast<const FcChar8*>(quick_configuration), FcFalse) &&
          FcConfigBuildFonts(config)) {
        quick_ = config;
      } else if (config) {
        FcConfigDestroy(config);
      }
    });
    return quick_;
  }

  FcConfig* system() {
    std::call_once(system_once_, [this] { system_ = FcInitLoadConfigAndFonts(); });
    return system_;
  }

 private:
  Configurations() = default;
  ~Configurations() {
    if (quick_) FcConfigDestroy(quick_);
    if (system_) FcConfigDestroy(system_);
  }

  std::once_flag quick_once_, system_once_;
  FcConfig* quick_ = nullptr;
  FcConfig* system_ = nullptr;
};

// Lists fonts of `config` matching `pattern` with the properties a choice needs.
FontList list(FcConfig* config, FcPattern* pattern) {
  ObjectSet objects(FcObjectSetBuild(FC_FILE, FC_FAMILY, FC_WEIGHT, FC_SLANT, FC_WIDTH, FC_FONTFORMAT,
                                     FC_INDEX, FC_VARIABLE, nullptr));
  return FontList(FcFontList(config, pattern, objects.get()));
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

// The best font for `pattern` in the quick configuration, else in the system's.
std::optional<FontFile> best_listed(FcPattern* pattern, FontStyle style) {
  Configurations& configurations = Configurations::get();
  if (FcConfig* quick = configurations.quick()) {
    FontList fonts = list(quick, pattern);
    if (auto found = best(fonts.get(), style)) return found;
  }
  FcConfig* system = configurations.system();
  if (!system) return std::nullopt;
  FontList fonts = list(system, pattern);
  return best(fonts.get(), style);
}

}  // namespace

std::optional<FontFile> find_font_file(std::string_view family, FontStyle style) {
  Pattern pattern(FcPatternCreate());
  const std::string name(family);
  FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(name.c_str()));
  auto found = best_listed(pattern.get(), style);
  if (found) found->family = name;
  return found;
}

std::vector<std::string> closest_families(std::string_view name, std::size_t count) {
  std::set<std::string> families;
  if (FcConfig* system = Configurations::get().system()) {  // an error's hint: every family
    Pattern pattern(FcPatternCreate());
    ObjectSet objects(FcObjectSetBuild(FC_FAMILY, nullptr));
    FontList fonts(FcFontList(system, pattern.get(), objects.get()));
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
  std::unique_ptr<FcCharSet, CharSetDeleter> charset(FcCharSetCreate());
  FcCharSetAddChar(charset.get(), static_cast<FcChar32>(c));
  Pattern pattern(FcPatternCreate());
  FcPatternAddCharSet(pattern.get(), FC_CHARSET, charset.get());
  return best_listed(pattern.get(), style);
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
