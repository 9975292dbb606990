// libFuzzer target, built once per format (GALLEY_FUZZ_KIND = png, jpeg, gif or webp): any
// bytes with that format's signature through image::probe and image::decode. Both must end in
// a result or a galley::Error; a result must be consistent with itself and with the probe.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "image/image.hpp"

namespace {

using galley::image::Kind;

constexpr Kind wanted = Kind::GALLEY_FUZZ_KIND;

// The signature each format needs, so the fuzzer never wastes runs on sniffing: its bytes
// are put in front of any input that lacks them.
std::string_view signature() {
  switch (wanted) {
    case Kind::png: return {"\x89PNG\r\n\x1a\n", 8};
    case Kind::jpeg: return {"\xff\xd8\xff", 3};
    case Kind::gif: return "GIF89a";
    default: return "RIFF";  // WebP: "RIFF" size "WEBP"; the fuzzer learns the rest from the seeds
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (!std::string_view(bytes).starts_with(signature())) bytes.insert(0, signature());
  if (galley::image::sniff(bytes) != wanted) return -1;  // not worth keeping in the corpus
  // Small limits keep each run fast and find the same bugs: the checks scale, not the pixels.
  galley::image::Limits limits;
  limits.max_pixels = 1u << 20;
  limits.max_file_bytes = 1u << 20;
  galley::image::Info info;
  try {
    info = galley::image::probe(bytes, "fuzz", limits);
  } catch (const galley::Error&) {
    return 0;
  }
  if (info.kind != wanted || info.width == 0 || info.height == 0 ||
      std::uint64_t{info.width} * info.height > limits.max_pixels) {
    std::abort();
  }
  try {
    galley::Diagnostics diagnostics;
    const galley::image::Raster raster = galley::image::decode(bytes, "fuzz", limits, diagnostics);
    const std::size_t count = std::size_t{raster.width} * raster.height;
    if (raster.width != info.width || raster.height != info.height) std::abort();
    if (raster.pixels.size() != count * (raster.gray ? 1 : 3)) std::abort();
    if (!raster.alpha.empty() && raster.alpha.size() != count) std::abort();
    if (!raster.jpeg.empty() && raster.jpeg != bytes) std::abort();
  } catch (const galley::Error&) {
  }
  return 0;
}
