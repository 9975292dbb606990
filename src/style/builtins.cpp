// Looking up the built-in styles compiled from styles/*.toml.
#include "style/builtins.hpp"

#include "galley/style.hpp"

namespace galley::style {

std::vector<std::string> builtin_names() {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < builtins::count; ++i) names.emplace_back(builtins::table[i].name);
  return names;
}

std::string_view builtin_source(std::string_view name) {
  for (std::size_t i = 0; i < builtins::count; ++i) {
    if (builtins::table[i].name == name) return builtins::table[i].source;
  }
  return {};
}

}  // namespace galley::style
