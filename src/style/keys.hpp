// Every key a style file may set, in one table: where it lives in the StyleSheet, what type
// of value it takes, and its documentation line. Loading, `galley styles show` and the
// "did you mean" hints all read this table, so a new key is added in one place.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "galley/style.hpp"

namespace galley::style {

/// A place in a StyleSheet that one key writes.
using Slot = std::variant<Length*, int*, bool*, std::string*, std::vector<std::string>*, Color*, Align*,
                          LinkMode*, Color::Space*, std::vector<Mark>*>;

struct Key {
  std::string path;  ///< dotted, as in the file: "page.margin.top"
  std::function<Slot(StyleSheet&)> slot;
  std::string doc;  ///< one line for styles/README.md and `galley styles show`
};

/// The table, in the order `galley styles show` prints it (a section's plain keys before its
/// sub-tables, which TOML cannot reopen). page.size and page.orientation
/// are among them; the loader gives them their effect on width and height.
const std::vector<Key>& keys();

/// The key with this dotted path, or nullptr.
const Key* find_key(std::string_view path);

/// The key path nearest to `path` (edit distance over whole paths and over the last part),
/// for "did you mean" hints; "" when nothing is close.
std::string nearest_key(std::string_view path);

}  // namespace galley::style
