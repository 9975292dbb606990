// libFuzzer target: the whole pipeline, any bytes as an article to a PDF in memory (reading,
// styles, fonts, layout, libharu). Must end in the bytes of a PDF or a galley::Error.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "galley/galley.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  galley::ReadOptions options;
  options.file_name = "/nonexistent/fuzz.md";  // images resolve inside a folder that is not there
  try {
    const galley::Document document =
        galley::read_markdown(std::string_view(reinterpret_cast<const char*>(data), size), options);
    const std::string pdf = galley::render(document, "pdf");
    if (!pdf.starts_with("%PDF-1.") || pdf.find("%%EOF", pdf.size() > 8 ? pdf.size() - 8 : 0) == std::string::npos) {
      std::abort();
    }
  } catch (const galley::Error&) {
  }
  return 0;
}
