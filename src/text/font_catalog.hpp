// The installed fonts, through fontconfig: a TrueType file by exact family and style, one
// that covers a character, and the families nearest to a misspelt name. fc-match never
// fails and may answer with an .otf libharu cannot read, so nothing here uses it.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/font_metrics.hpp"

namespace galley::text {

/// A font file on disk as fontconfig lists it.
struct FontFile {
  std::string path;
  std::string family;  ///< the family name it was found under
  FontStyle style = FontStyle::regular;  ///< the style it actually has (nearest to the one asked)
};

/// The TrueType (.ttf, not a collection, not variable) file of `family` in `style`, or in
/// the nearest style the family has (normal width preferred). Family names compare as
/// fontconfig compares them (case and spaces ignored), never approximately. nullopt when the
/// family has no such file.
std::optional<FontFile> find_font_file(std::string_view family, FontStyle style);

/// The installed family names nearest to `name` (edit distance, case ignored), at most
/// `count`, nearest first.
std::vector<std::string> closest_families(std::string_view name, std::size_t count = 5);

/// A TrueType file with a glyph for `c`, in the style nearest to `style`; the choice is
/// deterministic (nearest style, then family name, then path). nullopt when none has it.
std::optional<FontFile> find_font_covering(char32_t c, FontStyle style);

/// find_font_file and find_font_covering with their answers remembered, for every FontSet of a
/// run: one that lays out a thousand articles asks fontconfig the same few questions a
/// thousand times (FcFontList walks every installed font each time). Owned by whoever runs
/// the articles, shared by their FontSets on any thread. Fonts installed meanwhile are not
/// seen until a new catalogue is made.
class FontCatalog {
 public:
  std::optional<FontFile> find(std::string_view family, FontStyle style);
  std::optional<FontFile> covering(char32_t c, FontStyle style);

 private:
  std::mutex mutex_;
  std::map<std::pair<std::string, FontStyle>, std::optional<FontFile>> files_;
  std::map<std::uint64_t, std::optional<FontFile>> covering_;
};

}  // namespace galley::text
