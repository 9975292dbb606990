// Checks of a whole style that key-by-key parsing cannot make: values each valid alone but
// together leaving no room for text, and type sizes no PDF can draw. The loader reports a
// problem at the file, line and column that set the key; layout checks a StyleSheet built in
// code the same way, so neither route can hang on a page with no text area.
#pragma once

#include <optional>
#include <string>

#include "galley/style.hpp"

namespace galley::style {

struct StyleProblem {
  std::string key;  ///< the key to blame, dotted: "page.margin.top"
  std::string message;
};

/// The first problem of `style`, or nullopt when it can be laid out.
std::optional<StyleProblem> find_problem(const StyleSheet& style);

}  // namespace galley::style
