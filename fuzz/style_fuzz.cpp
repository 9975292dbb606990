// libFuzzer target: the bytes as a style file. Loading ends in a StyleSheet or a
// galley::Error; a loaded style also prints back to TOML that loads to the same values.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "galley/style.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  galley::style::StyleSheet style;
  try {
    // A file in a folder of its own, so `extends = "x.toml"` finds nothing to read.
    style = galley::style::load_text(std::string_view(reinterpret_cast<const char*>(data), size),
                                     "/nonexistent/fuzz.toml");
  } catch (const galley::Error&) {
    return 0;
  }
  // The same name: the printed style's first line names the file it came from.
  const galley::style::StyleSheet again =
      galley::style::load_text(galley::style::to_toml(style), "/nonexistent/fuzz.toml");
  if (galley::style::to_toml(again) != galley::style::to_toml(style)) std::abort();
  return 0;
}
