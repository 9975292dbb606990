// A Job is one whole conversion in one call: read the inputs, export them, write the output
// atomically. The command line only fills a Job and maps its outcome to an exit code; any
// program can do the same.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "galley/diagnostics.hpp"
#include "galley/export.hpp"
#include "galley/read.hpp"

namespace galley {

/// Book-level metadata given by the caller (the command line's --title, --author, --lang,
/// --cover). Each non-empty field replaces what a manifest says, or fills the collection when
/// articles are named one by one. Setting any of them binds even a single article as a
/// collection (with a title page), since the book is then no longer just that article.
struct CollectionOverrides {
  std::string title;   ///< the book's title
  std::string editor;  ///< who put the book together (dc:creator, role editor)
  std::string lang;    ///< BCP 47 tag of the book
  std::string cover;   ///< cover image path, relative to the working directory
  bool any() const { return !title.empty() || !editor.empty() || !lang.empty() || !cover.empty(); }
};

/// One slice of a batch split across machines or processes: `--shard K/N`.
struct Shard {
  unsigned index = 1;  ///< K, 1-based
  unsigned count = 1;  ///< N; 1 keeps every input
  bool operator==(const Shard&) const = default;
};

/// What a run did with its articles: what the summary line of a batch says.
struct JobReport {
  std::size_t articles = 0;     ///< articles to export (after the shard was taken)
  std::size_t done = 0;         ///< exported without error
  std::size_t failed = 0;       ///< failed (each reported as an error)
  std::size_t not_started = 0;  ///< never started because `fail_fast` stopped the run
};

struct Job {
  std::vector<std::string> inputs;  ///< article paths; "-" is standard input
  std::string format = "json";      ///< a name in the registry
  /// Output path; "-" (the default for text formats) writes standard output. Files are
  /// written to a temporary file beside the target and renamed over it only on success.
  std::string output = "-";
  ReadOptions read;
  ExportOptions export_options;
  /// A built-in style name or a .toml path, loaded before anything is read; empty keeps
  /// `export_options.style`.
  std::string style;
  CollectionOverrides collection;
  /// Threads that read, render and compress articles at once; 0 means one per core. The
  /// output is the same whatever the number.
  unsigned threads = 0;
  /// When set, every input (every article of a manifest) is exported on its own into this
  /// folder (made, with those above it, when missing), named after its file with the format's
  /// extension; `output` is then unused.
  std::string output_dir;
  /// Warnings count as errors: a run that reports any writes nothing and fails (ErrorKind::data).
  bool strict = false;
  /// A collection whose articles name more pictures than this in all (each reference
  /// counted) is refused (ErrorKind::data); one article's limit is ReadOptions::max_images.
  std::size_t max_collection_images = 10000;
  /// Stop at the first article that fails: no other article starts (in `output_dir`, the
  /// outputs already written stay). Without it, every other article is still exported.
  bool fail_fast = false;
  /// Only this slice of the articles (manifests expanded), see `shard_of`.
  Shard shard;
  /// False for a program that exits as soon as run() returns (the command line): what the job
  /// allocated for a collection (its articles, pages and PDF objects) is not freed but left to
  /// the operating system, as compilers leave theirs (clang's -disable-free). Freeing a
  /// 100-article PDF's took 4 ms of its 110, the last of them after the file was written.
  /// Memory left so is lost to the program for good.
  bool free_memory = true;
  /// Called each time an article is done (exported or failed), with how many of how many;
  /// from any thread, never two calls at once. For progress bars.
  std::function<void(std::size_t done, std::size_t total)> on_progress;
};

/// The articles shard `shard` keeps: every input is ranked by its path (byte order, ties by
/// position), and the input of rank r goes to shard r mod N + 1. The shards of one list are
/// disjoint, together hold every input exactly once, differ in size by one at most, and do
/// not depend on the order the inputs were given in; the inputs kept stay in their order.
/// Throws galley::Error (usage) unless 1 <= K <= N.
std::vector<std::string> shard_of(const std::vector<std::string>& inputs, Shard shard);

/// The file names `run` gives each input in `output_dir`: the input's stem and `extension`;
/// inputs whose stems collide ("a/article.md", "b/article.md") are named after their folder
/// too ("a-article.pdf"), and any remaining twins get "-2", "-3", ...
std::vector<std::string> output_names(const std::vector<std::string>& inputs, std::string_view extension);

/// Runs the job. Warnings and errors go to `diagnostics`; throws galley::Error on failure,
/// leaving any existing output untouched. With several articles, one that fails is reported
/// to `diagnostics` as an error and the others go on (unless `fail_fast`); at the end run
/// throws an Error of the first failed article's kind (in input order) that counts them. One
/// output (a book, a PDF) is then not written; in `output_dir` the others are. `report`, when
/// given, is filled in whether run returns or throws.
void run(const Job& job, const Registry& registry, Diagnostics& diagnostics, JobReport* report = nullptr);

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, flushed, then
/// renamed over `path`. Throws galley::Error (cant_create or io); never leaves the
/// temporary file behind.
void write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace galley
