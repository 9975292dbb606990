// libFuzzer target: any bytes as an article. Must end in a Document or a galley::Error,
// never a crash, a hang or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "galley/diagnostics.hpp"
#include "galley/read.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  galley::ReadOptions options;
  options.file_name = "fuzz.md";
  galley::Diagnostics diagnostics;
  try {
    (void)galley::read_markdown(std::string_view(reinterpret_cast<const char*>(data), size), options, diagnostics);
  } catch (const galley::Error&) {
  }
  return 0;
}
