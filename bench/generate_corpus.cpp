// galley-corpus: writes a deterministic corpus of news-shaped Markdown articles to a folder,
// with the lead pictures they refer to (DIR/images/), for benchmarks and stress tests
// (`--count N --seed S --out DIR [--front-matter-ratio R] [--no-pictures]`).
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>

#include "corpus.hpp"

namespace {

constexpr int exit_usage = 64;        // sysexits.h EX_USAGE
constexpr int exit_cant_create = 73;  // sysexits.h EX_CANTCREAT
constexpr std::string_view usage =
    "usage: galley-corpus --count N --seed S --out DIR [--front-matter-ratio R] [--no-pictures]\n"
    "  writes DIR/article-0001.md ... DIR/article-N.md and the lead pictures they refer to\n"
    "  (DIR/images/lead-NNNN.jpg or .png); the same seed gives the same files\n"
    "  R (0..1, default 0.2) is the share of articles that open with YAML front matter\n"
    "  --no-pictures writes the articles only (their pictures are then missing)\n";

int usage_error(std::string_view message) {
  std::cerr << "galley-corpus: " << message << "\n" << usage;
  return exit_usage;
}

template <typename Number>
bool parse_number(std::string_view text, Number& value) {
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc{} && end == text.data() + text.size();
}

}  // namespace

int main(int argc, char** argv) {
  int count = -1;
  std::uint64_t seed = 0;
  bool have_seed = false;
  std::string out;
  bool pictures = true;
  galley::bench::CorpusOptions options;

  for (int i = 1; i < argc; ++i) {
    std::string_view flag = argv[i];
    if (flag == "--help" || flag == "-h") {
      std::cout << usage;
      return 0;
    }
    if (flag == "--no-pictures") {
      pictures = false;
      continue;
    }
    if (i + 1 >= argc) return usage_error("missing value after " + std::string(flag));
    std::string_view value = argv[++i];
    if (flag == "--count") {
      if (!parse_number(value, count) || count < 0) return usage_error("bad --count");
    } else if (flag == "--seed") {
      if (!parse_number(value, seed)) return usage_error("bad --seed");
      have_seed = true;
    } else if (flag == "--out") {
      out = value;
    } else if (flag == "--front-matter-ratio") {
      double ratio = -1;
      if (!parse_number(value, ratio) || !(ratio >= 0 && ratio <= 1)) {
        return usage_error("bad --front-matter-ratio (want 0..1)");
      }
      options.front_matter_ratio = ratio;
    } else {
      return usage_error("unknown option " + std::string(flag));
    }
  }
  if (count < 0 || !have_seed || out.empty()) {
    return usage_error("--count, --seed and --out are required");
  }
  options.seed = seed;

  std::error_code error;
  std::filesystem::create_directories(std::filesystem::path(out) / "images", error);
  if (error) {
    std::cerr << "galley-corpus: cannot create " << out << ": " << error.message() << "\n";
    return exit_cant_create;
  }
  auto write = [&](const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << bytes;
    file.close();
    if (!file) std::cerr << "galley-corpus: cannot write " << path.string() << "\n";
    return static_cast<bool>(file);
  };
  for (int index = 1; index <= count; ++index) {
    const galley::bench::Article article = galley::bench::generate(options, index);
    if (!write(std::filesystem::path(out) / galley::bench::article_file_name(index), article.text)) {
      return exit_cant_create;
    }
    if (pictures && article.picture &&
        !write(std::filesystem::path(out) / article.picture->file, galley::bench::write_picture(*article.picture))) {
      return exit_cant_create;
    }
  }
  return 0;
}
