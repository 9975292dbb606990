// Several conversions at once (issue 7): PDFs, EPUBs and JSON of different articles rendered on
// several threads give the bytes each gives alone, and a Job reading and writing on several
// threads gives the files a one-thread Job gives. Its own program, so that the ThreadSanitizer
// build of CI (scripts/test) builds and runs just this.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "galley/galley.hpp"

namespace galley {
namespace {

namespace fs = std::filesystem;

const fs::path samples = fs::path(GALLEY_SOURCE_DIR) / "samples";

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Two articles with pictures and one in Cyrillic, each with its folder (so pictures load).
std::vector<fs::path> articles() {
  return {samples / "river-ferry" / "article.md", samples / "metro-budget" / "article.md",
          samples / "zavod-reopens" / "article.md"};
}

std::string render_file(const fs::path& article, std::string_view format) {
  ReadOptions options;
  options.file_name = article.string();
  Document document = read_markdown(slurp(article), options);
  document.origin = article.string();
  return render(document, format);
}

TEST(Threads, PdfEpubAndJsonAtOnceGiveTheBytesOfOneAtATime) {
  const std::vector<std::string> formats{"pdf", "epub", "json"};
  std::map<std::pair<std::size_t, std::string>, std::string> expected;
  const auto paths = articles();
  for (std::size_t a = 0; a < paths.size(); ++a) {
    for (const auto& format : formats) expected[{a, format}] = render_file(paths[a], format);
  }
  // Every thread renders every article in every format, each starting elsewhere, so that
  // different exporters and the same exporter run side by side.
  constexpr int thread_count = 4;
  std::vector<std::map<std::pair<std::size_t, std::string>, std::string>> results(thread_count);
  {
    std::vector<std::jthread> threads;
    for (int t = 0; t < thread_count; ++t) {
      threads.emplace_back([&, t] {
        for (std::size_t k = 0; k < paths.size() * formats.size(); ++k) {
          const std::size_t i = (k + static_cast<std::size_t>(t)) % (paths.size() * formats.size());
          const std::size_t a = i / formats.size();
          const std::string& format = formats[i % formats.size()];
          results[static_cast<std::size_t>(t)][{a, format}] = render_file(paths[a], format);
        }
      });
    }
  }
  for (const auto& result : results) {
    ASSERT_EQ(result.size(), expected.size());
    for (const auto& [key, bytes] : expected) {
      EXPECT_TRUE(result.at(key) == bytes) << paths[key.first] << " as " << key.second << " differs";
    }
  }
  EXPECT_TRUE(expected.at({0, "pdf"}).starts_with("%PDF-1."));
}

// A Job on several threads (articles read in parallel, one output per article written in
// parallel, a collection's articles laid out in parallel) writes what a one-thread Job writes.
TEST(Threads, AJobOnSeveralThreadsWritesWhatOneThreadWrites) {
  const fs::path root = fs::temp_directory_path() / ("galley-threads-" + std::to_string(::getpid()));
  fs::remove_all(root);
  std::map<unsigned, std::map<std::string, std::string>> written;
  for (const unsigned threads : {1u, 4u}) {
    const fs::path out = root / std::to_string(threads);
    fs::create_directories(out);
    Job job;
    for (const auto& article : articles()) job.inputs.push_back(article.string());
    job.format = "pdf";
    job.output_dir = out.string();
    job.threads = threads;
    Diagnostics diagnostics;
    run(job, Registry::with_builtins(), diagnostics);
    Job book = job;
    book.format = "epub";
    book.output_dir.clear();
    book.output = (out / "book.epub").string();
    run(book, Registry::with_builtins(), diagnostics);
    // One PDF of nine articles: laid out in stretches on several threads, its pages
    // finished on several more.
    Job pdf_book = book;
    pdf_book.format = "pdf";
    pdf_book.output = (out / "book.pdf").string();
    pdf_book.inputs.clear();
    for (int copy = 0; copy < 3; ++copy) {
      for (const auto& article : articles()) pdf_book.inputs.push_back(article.string());
    }
    run(pdf_book, Registry::with_builtins(), diagnostics);
    for (const auto& entry : fs::directory_iterator(out)) {
      written[threads][entry.path().filename().string()] = slurp(entry.path());
    }
  }
  fs::remove_all(root);
  EXPECT_EQ(written[1].size(), 5u);  // three PDFs, the book and the PDF of nine
  EXPECT_TRUE(written[1] == written[4]);
}

}  // namespace
}  // namespace galley
