// The edit distance behind every "did you mean" galley prints (style keys, font families).
#pragma once

#include <cstddef>
#include <string_view>

namespace galley {

/// Levenshtein distance: the fewest single-byte insertions, deletions and substitutions that
/// turn `a` into `b`.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace galley
