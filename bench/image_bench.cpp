// galley-image-bench: times image::probe, image::decode and image::verify on image files held
// in memory, so that the cost of decoding a photograph (and of only checking it) is a number.
#include <algorithm>
#include <charconv>
#include <chrono>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>

#include "galley/diagnostics.hpp"
#include "image/image.hpp"

namespace {

constexpr int exit_usage = 64;     // sysexits.h EX_USAGE
constexpr int exit_data = 65;      // sysexits.h EX_DATAERR: an image failed to decode
constexpr int exit_no_input = 66;  // sysexits.h EX_NOINPUT
constexpr std::string_view usage =
    "usage: galley-image-bench FILE... [--repeat R]\n"
    "  decodes each FILE R times (default 5) and prints its size, kind, the median and\n"
    "  fastest decode in ms, megapixels per second, the median verify (check only) in ms\n"
    "  and the probe time in microseconds\n";

using Clock = std::chrono::steady_clock;

double milliseconds_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> files;
  int repeat = 5;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--repeat" && i + 1 < argc) {
      const std::string_view value = argv[++i];
      auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), repeat);
      if (error != std::errc{} || end != value.data() + value.size() || repeat < 1) {
        fmt::print(stderr, "galley-image-bench: --repeat needs a positive number\n{}", usage);
        return exit_usage;
      }
    } else if (arg.starts_with("-")) {
      fmt::print(stderr, "galley-image-bench: unknown option {}\n{}", arg, usage);
      return exit_usage;
    } else {
      files.emplace_back(arg);
    }
  }
  if (files.empty()) {
    fmt::print(stderr, "{}", usage);
    return exit_usage;
  }

  fmt::print("{:<32} {:>10} {:>6} {:>10} {:>10} {:>9} {:>10} {:>9}\n", "file", "pixels", "kind", "median ms",
             "min ms", "MP/s", "verify ms", "probe us");
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      fmt::print(stderr, "galley-image-bench: cannot read {}\n", file);
      return exit_no_input;
    }
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    try {
      auto start = Clock::now();
      const galley::image::Info info = galley::image::probe(bytes, file);
      const double probe_us = milliseconds_since(start) * 1000;
      std::vector<double> times;
      for (int r = 0; r < repeat; ++r) {
        start = Clock::now();
        const galley::image::Raster raster = galley::image::decode(bytes, file);
        times.push_back(milliseconds_since(start));
      }
      std::vector<double> verify_times;
      for (int r = 0; r < repeat; ++r) {
        start = Clock::now();
        (void)galley::image::verify(bytes, file);
        verify_times.push_back(milliseconds_since(start));
      }
      std::sort(times.begin(), times.end());
      std::sort(verify_times.begin(), verify_times.end());
      const double median = times[times.size() / 2];
      const double megapixels = static_cast<double>(info.width) * info.height / 1e6;
      fmt::print("{:<32} {:>10} {:>6} {:>10.2f} {:>10.2f} {:>9.1f} {:>10.2f} {:>9.1f}\n",
                 std::filesystem::path(file).filename().string(), fmt::format("{}x{}", info.width, info.height),
                 galley::image::media_type(info.kind).substr(6), median, times.front(), megapixels / median * 1000,
                 verify_times[verify_times.size() / 2], probe_us);
    } catch (const galley::Error& error) {
      fmt::print(stderr, "{}\n", error.what());
      return exit_data;
    }
  }
  return 0;
}
