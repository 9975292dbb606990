// galley-read-bench: times galley::read_markdown over a corpus held in memory (a folder of
// *.md files, or articles generated on the spot) and prints throughput and peak memory.
#include <sys/resource.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>

#include "corpus.hpp"
#include "galley/diagnostics.hpp"
#include "galley/read.hpp"

namespace {

constexpr int exit_usage = 64;     // sysexits.h EX_USAGE
constexpr int exit_data = 65;      // sysexits.h EX_DATAERR: an article failed to parse
constexpr int exit_no_input = 66;  // sysexits.h EX_NOINPUT
constexpr std::string_view usage =
    "usage: galley-read-bench DIR [--repeat R]\n"
    "       galley-read-bench --generate N [--seed S] [--front-matter-ratio F] [--repeat R]\n"
    "  parses every *.md in DIR (or N generated articles) R times (default 5) and prints\n"
    "  articles, total MB, median wall time, articles/s, MB/s and peak RSS\n";

struct Article {
  std::string name;
  std::string text;
};

int usage_error(std::string_view message) {
  fmt::print(stderr, "galley-read-bench: {}\n{}", message, usage);
  return exit_usage;
}

template <typename Number>
bool parse_number(std::string_view text, Number& value) {
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc{} && end == text.data() + text.size();
}

// Every *.md file directly in `folder`, sorted by name, read whole.
bool read_folder(const std::filesystem::path& folder, std::vector<Article>& articles) {
  std::error_code error;
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    if (entry.is_regular_file() && entry.path().extension() == ".md") paths.push_back(entry.path());
  }
  if (error) {
    fmt::print(stderr, "galley-read-bench: cannot list {}: {}\n", folder.string(), error.message());
    return false;
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& path : paths) {
    std::ifstream file(path, std::ios::binary);
    std::string text{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
    if (!file && !file.eof()) {
      fmt::print(stderr, "galley-read-bench: cannot read {}\n", path.string());
      return false;
    }
    articles.push_back({path.filename().string(), std::move(text)});
  }
  return true;
}

// Peak resident set size in bytes; Linux reports ru_maxrss in KiB.
std::int64_t peak_rss_bytes() {
  rusage usage_now{};
  getrusage(RUSAGE_SELF, &usage_now);
  return static_cast<std::int64_t>(usage_now.ru_maxrss) * 1024;
}

}  // namespace

int main(int argc, char** argv) {
  std::string folder;
  int generate = -1;
  int repeat = 5;
  galley::bench::CorpusOptions corpus;

  for (int i = 1; i < argc; ++i) {
    std::string_view flag = argv[i];
    if (flag == "--help" || flag == "-h") {
      fmt::print("{}", usage);
      return 0;
    }
    if (!flag.starts_with("--")) {
      if (!folder.empty()) return usage_error("more than one folder given");
      folder = flag;
      continue;
    }
    if (i + 1 >= argc) return usage_error(fmt::format("missing value after {}", flag));
    std::string_view value = argv[++i];
    if (flag == "--repeat") {
      if (!parse_number(value, repeat) || repeat < 1) return usage_error("bad --repeat");
    } else if (flag == "--generate") {
      if (!parse_number(value, generate) || generate < 1) return usage_error("bad --generate");
    } else if (flag == "--seed") {
      if (!parse_number(value, corpus.seed)) return usage_error("bad --seed");
    } else if (flag == "--front-matter-ratio") {
      if (!parse_number(value, corpus.front_matter_ratio) ||
          !(corpus.front_matter_ratio >= 0 && corpus.front_matter_ratio <= 1)) {
        return usage_error("bad --front-matter-ratio (want 0..1)");
      }
    } else {
      return usage_error(fmt::format("unknown option {}", flag));
    }
  }
  if (folder.empty() == (generate < 0)) return usage_error("give either DIR or --generate N");

  // Everything is in memory before the clock starts: only parsing is timed.
  std::vector<Article> articles;
  if (generate > 0) {
    for (int index = 1; index <= generate; ++index) {
      articles.push_back({galley::bench::article_file_name(index),
                          galley::bench::generate_article(corpus, index)});
    }
  } else if (!read_folder(folder, articles)) {
    return exit_no_input;
  }
  if (articles.empty()) {
    fmt::print(stderr, "galley-read-bench: no *.md files in {}\n", folder);
    return exit_no_input;
  }
  std::vector<galley::ReadOptions> options(articles.size());
  std::size_t total_bytes = 0;
  for (std::size_t i = 0; i < articles.size(); ++i) {
    options[i].file_name = articles[i].name;
    total_bytes += articles[i].text.size();
  }

  std::vector<double> seconds;
  std::size_t blocks = 0;  // used, so the optimizer cannot drop the parsing
  std::size_t warnings = 0;
  std::size_t failures = 0;
  for (int run = 0; run < repeat; ++run) {
    auto start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < articles.size(); ++i) {
      galley::Diagnostics diagnostics;
      try {
        blocks += galley::read_markdown(articles[i].text, options[i], diagnostics).blocks.size();
      } catch (const galley::Error& error) {
        if (run == 0) {
          ++failures;
          fmt::print(stderr, "{}\n", galley::render(error.diagnostic()));
        }
      } catch (const std::exception& error) {
        if (run == 0) {
          ++failures;
          fmt::print(stderr, "{}: internal error: {}\n", articles[i].name, error.what());
        }
      }
      if (run == 0) warnings += diagnostics.count(galley::Severity::warning);
    }
    std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    seconds.push_back(elapsed.count());
  }

  std::sort(seconds.begin(), seconds.end());
  std::size_t middle = seconds.size() / 2;
  double median =
      seconds.size() % 2 ? seconds[middle] : (seconds[middle - 1] + seconds[middle]) / 2;
  double megabytes = static_cast<double>(total_bytes) / 1e6;
  double count = static_cast<double>(articles.size());

  fmt::print("articles      {}\n", articles.size());
  fmt::print("total MB      {:.2f}\n", megabytes);
  fmt::print("repeats       {}\n", repeat);
  fmt::print("median wall   {:.3f} s (min {:.3f} s, max {:.3f} s)\n", median, seconds.front(),
             seconds.back());
  fmt::print("articles/s    {:.0f}\n", count / median);
  fmt::print("MB/s          {:.2f}\n", megabytes / median);
  fmt::print("peak RSS      {:.1f} MB\n", static_cast<double>(peak_rss_bytes()) / 1e6);
  fmt::print("blocks        {}\n", blocks / static_cast<std::size_t>(repeat));
  fmt::print("warnings      {}\n", warnings);
  fmt::print("failures      {}\n", failures);
  return failures > 0 ? exit_data : 0;
}
