// libFuzzer target: the whole pipeline, any bytes as an article to an EPUB in memory.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "galley/galley.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  galley::ReadOptions options;
  options.file_name = "/nonexistent/fuzz.md";  // images resolve inside a folder that is not there
  try {
    const galley::Document document =
        galley::read_markdown(std::string_view(reinterpret_cast<const char*>(data), size), options);
    (void)galley::render(document, "epub");
  } catch (const galley::Error&) {
  }
  return 0;
}
