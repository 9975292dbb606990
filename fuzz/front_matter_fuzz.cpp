// libFuzzer target: the bytes as YAML front matter above a fixed body, so the fuzzer spends
// its time inside yaml-cpp and galley's front-matter reader, not in Markdown.
#include <cstddef>
#include <cstdint>
#include <string>

#include "galley/diagnostics.hpp"
#include "galley/read.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string article = "---\n";
  article.append(reinterpret_cast<const char*>(data), size);
  article.append("\n---\n\n# Title\n\nBody.\n");
  galley::ReadOptions options;
  options.file_name = "fuzz.md";
  galley::Diagnostics diagnostics;
  try {
    (void)galley::read_markdown(article, options, diagnostics);
  } catch (const galley::Error&) {
  }
  return 0;
}
