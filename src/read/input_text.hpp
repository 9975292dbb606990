// Turns the bytes of an input file into clean UTF-8 text with LF line ends, repairing what
// scraped files carry (UTF-16, byte-order marks, CR line ends, invalid UTF-8, NUL and other
// control characters) and saying so in a warning, before any parser sees the text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "galley/diagnostics.hpp"

namespace galley::read {

/// Returns the cleaned text. Throws galley::Error (data) when `raw` exceeds `max_bytes`.
std::string clean_input(std::string_view raw, const std::string& file, std::size_t max_bytes,
                        Diagnostics& diagnostics);

}  // namespace galley::read
