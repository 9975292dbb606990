// galley-pdf-bench: times the PDF path over a corpus held in memory (a folder of *.md files):
// one article end to end, all of them as one PDF, and each as its own PDF; prints pages per
// second, bytes per page and peak memory, with layout and drawing timed apart.
#include <sys/resource.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "backends/pdf/pdf_exporter.hpp"
#include "galley/diagnostics.hpp"
#include "galley/read.hpp"
#include "layout/layout.hpp"
#include "text/font_set.hpp"

namespace {

constexpr int exit_usage = 64;     // sysexits.h EX_USAGE
constexpr int exit_data = 65;      // sysexits.h EX_DATAERR
constexpr int exit_no_input = 66;  // sysexits.h EX_NOINPUT
constexpr std::string_view usage =
    "usage: galley-pdf-bench DIR [--repeat R]\n"
    "  reads every *.md in DIR into memory, then times R times (default 5): the first article\n"
    "  read, laid out and drawn; all articles as one PDF; every article as its own PDF\n";

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

double peak_rss_mb() {
  rusage usage_now{};
  getrusage(RUSAGE_SELF, &usage_now);
  return static_cast<double>(usage_now.ru_maxrss) * 1024 / 1e6;
}

// What one run produced.
struct Output {
  std::size_t pages = 0;
  std::size_t bytes = 0;
  double layout = 0;  ///< seconds laying out (fonts included)
  double draw = 0;    ///< seconds drawing with libharu and compressing
  galley::layout::LayoutTimings split;  ///< inside layout: paragraph items, hyphenation, line breaking
};

Output one_pdf(const std::vector<const galley::model::Document*>& articles, bool collection) {
  galley::Diagnostics diagnostics;
  const auto style = galley::layout::layout_style(galley::style::StyleSheet{}, diagnostics);
  Output out;
  const auto start = Clock::now();
  galley::text::FontSet fonts;
  const auto tree =
      collection ? galley::layout::lay_out(galley::model::Collection{}, articles, style, fonts, diagnostics, &out.split)
                 : galley::layout::lay_out(*articles.front(), style, fonts, diagnostics, &out.split);
  const auto laid_out = Clock::now();
  const std::string pdf = galley::backends::pdf::render(tree, nullptr, diagnostics);
  out.pages = tree.pages.size();
  out.bytes = pdf.size();
  out.layout = std::chrono::duration<double>(laid_out - start).count();
  out.draw = seconds_since(laid_out);
  return out;
}

void report(std::string_view what, const std::vector<double>& walls, const Output& output, double layout, double draw) {
  const double wall = median(walls);
  fmt::print("{:<22} {:8.4f} s  {:6} pages  {:8.0f} pages/s  {:8.0f} bytes/page  (layout {:.4f} s, draw {:.4f} s)\n",
             what, wall, output.pages, static_cast<double>(output.pages) / wall,
             static_cast<double>(output.bytes) / static_cast<double>(std::max<std::size_t>(1, output.pages)), layout,
             draw);
}

// Inside layout, from the run whose wall time was the median: what issue 6 asks to keep under
// a third of the whole (line breaking and hyphenation), and the paragraph items around them.
void report_split(const Output& output, double wall) {
  const auto& split = output.split;
  const double items = split.items - split.hyphenating;
  fmt::print("{:<22} breaking {:.4f} s ({:.1f}%), hyphenating {:.4f} s ({:.1f}%), other paragraph items {:.4f} s "
             "({:.1f}%), rest {:.4f} s\n",
             "  of which", split.breaking, 100 * split.breaking / wall, split.hyphenating,
             100 * split.hyphenating / wall, items, 100 * items / wall,
             wall - split.breaking - split.hyphenating - items);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  int repeat = 5;
  std::string folder;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--repeat" && i + 1 < args.size()) {
      const std::string_view value = args[++i];
      if (std::from_chars(value.data(), value.data() + value.size(), repeat).ec != std::errc{} || repeat < 1) {
        fmt::print(stderr, "galley-pdf-bench: bad --repeat\n{}", usage);
        return exit_usage;
      }
    } else if (folder.empty() && !args[i].starts_with("--")) {
      folder = args[i];
    } else {
      fmt::print(stderr, "{}", usage);
      return exit_usage;
    }
  }
  if (folder.empty()) {
    fmt::print(stderr, "{}", usage);
    return exit_usage;
  }
  std::vector<std::filesystem::path> paths;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    if (entry.is_regular_file() && entry.path().extension() == ".md") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  if (error || paths.empty()) {
    fmt::print(stderr, "galley-pdf-bench: no *.md in {}\n", folder);
    return exit_no_input;
  }
  std::vector<std::string> texts;
  for (const auto& path : paths) {
    std::ifstream file(path, std::ios::binary);
    texts.emplace_back(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
  }

  try {
    galley::Diagnostics diagnostics;
    std::vector<galley::model::Document> documents;
    const auto read_start = Clock::now();
    for (std::size_t i = 0; i < texts.size(); ++i) {
      galley::ReadOptions options;
      options.file_name = paths[i].string();
      documents.push_back(galley::read_markdown(texts[i], options, diagnostics));
    }
    const double read_seconds = seconds_since(read_start);
    std::vector<const galley::model::Document*> all;
    for (const auto& document : documents) all.push_back(&document);

    fmt::print("articles     {} ({} read in {:.4f} s)\n", documents.size(), documents.size(), read_seconds);
    // One article end to end: read, lay out, draw.
    {
      std::vector<double> walls;
      Output output;
      double layout = 0, draw = 0;
      for (int r = 0; r < repeat; ++r) {
        const auto start = Clock::now();
        galley::ReadOptions options;
        options.file_name = paths.front().string();
        const auto document = galley::read_markdown(texts.front(), options, diagnostics);
        output = one_pdf({&document}, false);
        walls.push_back(seconds_since(start));
        layout = output.layout;
        draw = output.draw;
      }
      report("one article", walls, output, layout, draw);
    }
    // All articles as one PDF (already read).
    {
      std::vector<double> walls, layouts, draws;
      std::vector<Output> outputs;
      for (int r = 0; r < repeat; ++r) {
        const auto start = Clock::now();
        outputs.push_back(one_pdf(all, true));
        walls.push_back(seconds_since(start));
        layouts.push_back(outputs.back().layout);
        draws.push_back(outputs.back().draw);
      }
      report(fmt::format("{} as one PDF", all.size()), walls, outputs.back(), median(layouts), median(draws));
      const auto middle = static_cast<std::size_t>(
          std::find(walls.begin(), walls.end(), median(walls)) - walls.begin());
      report_split(outputs[middle], walls[middle]);
    }
    // Every article as its own PDF.
    {
      std::vector<double> walls;
      std::vector<Output> totals;
      for (int r = 0; r < std::min(repeat, 3); ++r) {
        Output total;
        const auto start = Clock::now();
        for (const auto* document : all) {
          const Output output = one_pdf({document}, false);
          total.pages += output.pages;
          total.bytes += output.bytes;
          total.layout += output.layout;
          total.draw += output.draw;
          total.split.items += output.split.items;
          total.split.hyphenating += output.split.hyphenating;
          total.split.breaking += output.split.breaking;
        }
        walls.push_back(seconds_since(start));
        totals.push_back(total);
      }
      const auto middle = static_cast<std::size_t>(
          std::find(walls.begin(), walls.end(), median(walls)) - walls.begin());
      report(fmt::format("{} PDFs, one each", all.size()), walls, totals[middle], totals[middle].layout,
             totals[middle].draw);
      report_split(totals[middle], walls[middle]);
    }
    fmt::print("peak RSS     {:.1f} MB\n", peak_rss_mb());
  } catch (const galley::Error& failure) {
    fmt::print(stderr, "galley-pdf-bench: {}\n", galley::render(failure.diagnostic()));
    return exit_data;
  }
  return 0;
}
