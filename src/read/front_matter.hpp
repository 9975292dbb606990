// YAML front matter: finds the block between `---` lines at the top of an article, parses
// it with yaml-cpp and checks each known key's type, reporting the key's own line.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "galley/diagnostics.hpp"
#include "galley/model/document.hpp"

namespace galley::read {

/// What the front matter said; unset fields were absent (or null).
struct FrontMatter {
  std::optional<std::string> title, subtitle, date_text, lang, source, summary;
  std::optional<std::vector<std::string>> authors, tags;
  std::optional<std::string> image, image_caption, image_credit;
  std::map<std::string, std::string> extra;
  int lang_line = 0;  ///< where `lang` was written, for diagnostics about its value
  int date_line = 0;
  int image_line = 0;  ///< where `image` is given, for messages about the picture
};

struct SplitArticle {
  std::optional<FrontMatter> front_matter;
  /// The Markdown after the front matter, with the front matter's lines left blank so that
  /// line numbers still count from the top of the file.
  std::string body;
};

/// Splits and parses. Throws galley::Error (data) for unclosed front matter, invalid YAML
/// or a known key whose value has the wrong type.
SplitArticle split_front_matter(std::string text, const std::string& file,
                                Diagnostics& diagnostics);

}  // namespace galley::read
