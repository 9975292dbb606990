// A collection: the book-level metadata of several articles bundled into one EPUB or PDF,
// as read from a manifest or gathered from the command line.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace galley::model {

struct Collection {
  std::string title;                 ///< the book's title
  std::string editor;                ///< who put the collection together
  std::string lang;                  ///< BCP 47; empty means "take it from the articles"
  std::optional<std::string> cover;  ///< cover image path, resolved against the manifest's folder
  std::optional<std::string> style;  ///< style name or file, as written
  std::vector<std::string> articles;  ///< article paths in order, globs already expanded
  bool operator==(const Collection&) const = default;
};

}  // namespace galley::model
