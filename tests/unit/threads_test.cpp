// Several conversions at once (issue 7): PDFs, EPUBs and JSON of different articles rendered on
// several threads give the bytes each gives alone, and a Job reading and writing on several
// threads gives the files a one-thread Job gives. Its own program, so that the ThreadSanitizer
// build of CI (scripts/test) builds and runs just this.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "backends/pdf/images.hpp"
#include "galley/galley.hpp"
#include "threads/task_pool.hpp"

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
    // One PDF of 24 articles: laid out in six runs, each taken by whichever thread is free
    // and joined in order, its pages finished on several threads.
    Job pdf_book = book;
    pdf_book.format = "pdf";
    pdf_book.output = (out / "book.pdf").string();
    pdf_book.inputs.clear();
    for (int copy = 0; copy < 8; ++copy) {
      for (const auto& article : articles()) pdf_book.inputs.push_back(article.string());
    }
    run(pdf_book, Registry::with_builtins(), diagnostics);
    for (const auto& entry : fs::directory_iterator(out)) {
      written[threads][entry.path().filename().string()] = slurp(entry.path());
    }
  }
  fs::remove_all(root);
  EXPECT_EQ(written[1].size(), 5u);  // three PDFs, the book and the PDF of 24
  EXPECT_TRUE(written[1] == written[4]);
}

// The book's pipeline: threads run ahead of the in-order steps, and the first article to
// name a picture checks it on its thread. Pictures shared across the window, a damaged one
// (warned about for every article naming it), an article that cannot be read and articles
// waiting for the book's language give what one thread gives. So do the same articles as
// one PDF.
TEST(Threads, ABookOfSharedPicturesIsWhatOneThreadMakes) {
  const fs::path folder = fs::temp_directory_path() / ("galley-shared-" + std::to_string(::getpid()));
  fs::remove_all(folder);
  fs::create_directories(folder);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(folder / name, std::ios::binary) << text;
    return (folder / name).string();
  };
  const fs::path images = fs::path(GALLEY_SOURCE_DIR) / "tests/unit/fixtures/images";
  fs::copy_file(images / "photo.jpg", folder / "photo.jpg");
  fs::copy_file(images / "rgb8.png", folder / "rgb8.png");
  write("torn.png", slurp(images / "rgb8.png").substr(0, 60));
  const char* pictures[] = {"photo.jpg", "rgb8.png", "torn.png"};
  Job job;
  for (int i = 0; i < 70; ++i) {
    std::string text = i < 2 ? "---\nlang: \"not a tag\"\n---\n" : "";
    text += "# Title " + std::to_string(i) + "\n\n![Picture " + std::to_string(i) + "](" + pictures[i % 3] +
            ")\n\nText of article " + std::to_string(i) + ".\n";
    job.inputs.push_back(write("p" + std::to_string(i) + ".md", text));
  }
  job.format = "epub";
  Job torn = job;  // and one article that cannot be read: nothing is written
  torn.inputs[40] = (folder / "missing.md").string();
  // As one PDF: its pictures are checked while the articles are laid out (EarlyChecks),
  // one of them under two names.
  Job pdf = job;
  pdf.format = "pdf";
  pdf.inputs[0] = write("p0.md", "# Title 0\n\n![Picture 0](./photo.jpg)\n\nText of article 0.\n");
  std::string one_thread_pdf;
  std::vector<Diagnostic> one_thread_pdf_diagnostics;
  std::string one_thread_book;
  std::vector<Diagnostic> one_thread, one_thread_torn;
  for (unsigned threads : {1u, 2u, 4u, 7u}) {
    job.threads = torn.threads = threads;
    job.output = torn.output = (folder / ("book-" + std::to_string(threads) + ".epub")).string();
    Diagnostics diagnostics, torn_diagnostics;
    EXPECT_THROW(run(torn, Registry::with_builtins(), torn_diagnostics), Error);
    run(job, Registry::with_builtins(), diagnostics);
    const std::string book = slurp(job.output);
    pdf.threads = threads;
    pdf.output = (folder / ("pages-" + std::to_string(threads) + ".pdf")).string();
    Diagnostics pdf_diagnostics;
    run(pdf, Registry::with_builtins(), pdf_diagnostics);
    if (threads == 1) {
      one_thread_pdf = slurp(pdf.output);
      one_thread_pdf_diagnostics = pdf_diagnostics.items();
      EXPECT_TRUE(std::any_of(one_thread_pdf_diagnostics.begin(), one_thread_pdf_diagnostics.end(),
                              [](const Diagnostic& d) { return d.message.find("torn.png") != std::string::npos; }));
    } else {
      EXPECT_TRUE(slurp(pdf.output) == one_thread_pdf) << threads << " threads";
      EXPECT_EQ(pdf_diagnostics.items(), one_thread_pdf_diagnostics) << threads << " threads";
    }
    if (threads == 1) {
      one_thread_book = book;
      one_thread = diagnostics.items();
      one_thread_torn = torn_diagnostics.items();
      EXPECT_EQ(std::count_if(one_thread.begin(), one_thread.end(),
                              [](const Diagnostic& d) { return d.message.find("torn.png") != std::string::npos; }),
                23);
      EXPECT_EQ(one_thread_torn.size(), one_thread.size() + 1);
      continue;
    }
    EXPECT_TRUE(book == one_thread_book) << threads << " threads";
    EXPECT_EQ(diagnostics.items(), one_thread) << threads << " threads";
    EXPECT_EQ(torn_diagnostics.items(), one_thread_torn) << threads << " threads";
  }
  fs::remove_all(folder);
}

// A collection PDF's early picture checks (backends/pdf/images.hpp): their thread runs at
// nice 19, so what it has not started when the render asks is checked by the caller. Asked
// at once or later, every file is checked once, by one thread.
TEST(Threads, EarlyPictureChecksAreAllMadeWhenAskedForAtOnce) {
  const fs::path folder = fs::temp_directory_path() / ("galley-early-" + std::to_string(::getpid()));
  fs::remove_all(folder);
  fs::create_directories(folder);
  const fs::path images = fs::path(GALLEY_SOURCE_DIR) / "tests/unit/fixtures/images";
  std::vector<model::Document> articles;
  for (int i = 0; i < 12; ++i) {
    const std::string name = "picture-" + std::to_string(i % 6) + (i % 2 ? ".png" : ".jpg");
    if (i < 6) fs::copy_file(images / (i % 2 ? "rgb8.png" : "photo.jpg"), folder / name);
    ReadOptions options;
    options.file_name = (folder / ("a" + std::to_string(i) + ".md")).string();
    Document article = read_markdown("# Title\n\n![A picture](" + name + ")\n\nText.\n", options);
    article.origin = options.file_name;
    articles.push_back(std::move(article));
  }
  for (const bool at_once : {true, false}) {
    backends::pdf::EarlyChecks checks(articles, false);
    if (!at_once) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const auto checked = checks.take();
    ASSERT_EQ(checked.size(), 6u);
    for (const auto& [path, picture] : checked) {
      EXPECT_FALSE(picture.bytes.empty()) << path;
      EXPECT_TRUE(picture.as_is.has_value()) << path;
      EXPECT_FALSE(picture.error) << path;
    }
  }
  fs::remove_all(folder);
}

// The pool behind the book's pipeline: every task runs once, on the pool's threads (or, with
// one thread, at once on the owner's), and the owner can wait for the next to finish.
TEST(Threads, APoolRunsEveryTaskAndTellsTheOwnerOfEachFinish) {
  std::vector<std::atomic<int>> runs(200);
  {
    TaskPool pool(3);
    for (auto& count : runs) pool.submit([&count] { ++count; });
    for (std::uint64_t seen = pool.finished(); seen < runs.size(); seen = pool.finished()) pool.wait_past(seen);
  }
  for (const auto& count : runs) EXPECT_EQ(count, 1);

  TaskPool inline_pool(1);
  std::thread::id ran_on;
  inline_pool.submit([&] { ran_on = std::this_thread::get_id(); });
  EXPECT_EQ(ran_on, std::this_thread::get_id());
  EXPECT_EQ(inline_pool.finished(), 1u);
  inline_pool.wait_past(1);  // nothing queued or running: returns at once
}

// Destroyed with tasks queued, the pool drops them and waits for the one running, so that
// what the tasks use may be destroyed right after it.
TEST(Threads, APoolStopsWithoutRunningWhatIsQueued) {
  std::atomic<int> started{0}, ran{0};
  std::atomic<bool> release{false};
  std::jthread releaser;
  {
    TaskPool pool(2);
    for (int i = 0; i < 50; ++i) {
      pool.submit([&] {
        ++started;
        while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        ++ran;
      });
    }
    while (started < 2) std::this_thread::yield();
    // The two running tasks end only once the pool is being destroyed.
    releaser = std::jthread([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      release = true;
    });
  }
  EXPECT_EQ(ran, 2);
}

}  // namespace
}  // namespace galley
