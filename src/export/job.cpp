// Running a Job: the inputs (a shard of them) read, exported and written, one output or one
// per article, article by article where the exporter allows, a failed article reported while
// the others go on.
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <numeric>
#include <optional>
#include <set>

#include "export/atomic_file.hpp"
#include "export/parallel.hpp"
#include "galley/job.hpp"
#include "model/pictures.hpp"

namespace galley {
namespace {

// The file a path names, as its device and inode, or nullopt when there is none: two names
// of one file are told apart with a stat each (resolving both paths, component by component,
// was ten system calls an input, and a 100-article run's first millisecond).
using FileIdentity = std::pair<dev_t, ino_t>;
std::optional<FileIdentity> file_identity(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return std::nullopt;
  return FileIdentity{info.st_dev, info.st_ino};
}

void refuse_overwriting_inputs(const Job& job) {
  if (job.output == "-") return;
  const std::optional<FileIdentity> output = file_identity(job.output);
  // An output not made yet is an input only by name: the same place once resolved. Only a
  // name ending the same way can resolve to it, so the others are not resolved at all.
  const std::filesystem::path output_name = std::filesystem::path(job.output).lexically_normal().filename();
  std::optional<std::filesystem::path> output_place;
  for (const auto& input : job.inputs) {
    if (input == "-") continue;
    bool same = false;
    if (output) {
      same = file_identity(input) == output;
    } else if (std::filesystem::path(input).lexically_normal().filename() == output_name) {
      std::error_code error;
      if (!output_place) output_place = std::filesystem::weakly_canonical(job.output, error);
      same = std::filesystem::weakly_canonical(input, error) == *output_place;
    }
    if (same) throw Error(ErrorKind::usage, job.output, 0, "the output would overwrite an input");
  }
}

// A folder named as a resource path that is not there is a mistake worth stopping for: every
// picture from it would silently go missing.
void check_resource_path(const ReadOptions& read) {
  for (const auto& folder : read.resource_path) {
    std::error_code error;
    const auto status = std::filesystem::status(folder, error);
    if (status.type() == std::filesystem::file_type::not_found) {
      throw Error(ErrorKind::no_input, folder, 0, "resource path: no such folder");
    }
    if (error || status.type() != std::filesystem::file_type::directory) {
      throw Error(ErrorKind::no_input, folder, 0, "resource path: not a folder");
    }
  }
}

void apply(const CollectionOverrides& overrides, model::Collection& collection) {
  if (!overrides.title.empty()) collection.title = overrides.title;
  if (!overrides.editor.empty()) collection.editor = overrides.editor;
  if (!overrides.lang.empty()) collection.lang = overrides.lang;
  if (!overrides.cover.empty()) collection.cover = overrides.cover;
}

void refuse_if_strict(const Job& job, const Diagnostics& diagnostics) {
  const std::size_t warnings = diagnostics.count(Severity::warning);
  if (job.strict && warnings > 0) {
    throw Error(ErrorKind::data, "", 0,
                fmt::format("{} warning{} and --strict: nothing written", warnings, warnings == 1 ? "" : "s"));
  }
}

// Counts articles done and tells job.on_progress, one call at a time.
class Progress {
 public:
  Progress(const Job& job, std::size_t total) : callback_(job.on_progress), total_(total) {}
  void tick() {
    if (!callback_) return;
    std::lock_guard lock(mutex_);
    callback_(++done_, total_);
  }

 private:
  const std::function<void(std::size_t, std::size_t)>& callback_;
  std::size_t total_;
  std::size_t done_ = 0;
  std::mutex mutex_;
};

// The failures of a batch: how many, and the kind of the first in input order (the exit code).
class Failures {
 public:
  void add(std::size_t index, ErrorKind kind) {
    std::lock_guard lock(mutex_);
    ++count_;
    if (!first_ || index < first_->first) first_ = {index, kind};
  }
  std::size_t count() const { return count_; }
  ErrorKind first_kind() const { return first_ ? first_->second : ErrorKind::internal; }

 private:
  std::mutex mutex_;
  std::atomic<std::size_t> count_{0};
  std::optional<std::pair<std::size_t, ErrorKind>> first_;
};

// The positions shard_of keeps, in increasing order.
std::vector<std::size_t> shard_positions(const std::vector<std::string>& inputs, Shard shard) {
  if (shard.count == 0 || shard.index == 0 || shard.index > shard.count) {
    throw Error(ErrorKind::usage, "", 0,
                fmt::format("--shard {}/{}: K must be between 1 and N", shard.index, shard.count));
  }
  std::vector<std::size_t> order(inputs.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  if (shard.count == 1) return order;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return inputs[a] < inputs[b]; });
  std::vector<std::size_t> kept;
  for (std::size_t rank = shard.index - 1; rank < order.size(); rank += shard.count) kept.push_back(order[rank]);
  std::sort(kept.begin(), kept.end());
  return kept;
}

std::string plural(std::size_t n, std::string_view what) {
  return fmt::format("{} {}{}", n, what, n == 1 ? "" : "s");
}

// The articles of a collection read on demand: a failure is reported and counted, and with
// fail_fast stops the export instead.
class JobStream final : public ArticleStream {
 public:
  JobStream(const std::vector<std::string>& paths, const Job& job, Progress& progress)
      : paths_(paths), job_(job), progress_(progress) {}
  std::size_t size() const override { return paths_.size(); }
  std::optional<model::Document> read(std::size_t index, Diagnostics& diagnostics) const override {
    ++started_;
    std::optional<model::Document> article;
    try {
      article = read_markdown_file(paths_[index], job_.read, diagnostics);
    } catch (const Error& error) {
      failures_.add(index, error.kind());
      if (job_.fail_fast) throw;
      diagnostics.report(error.diagnostic());
      progress_.tick();
      return std::nullopt;
    }
    count_pictures(paths_[index], *article);
    return article;
  }
  void finished(std::size_t) const override { progress_.tick(); }

  Failures& failures() const { return failures_; }
  std::size_t started() const { return started_; }
  /// Whether the collection named more pictures than Job::max_collection_images: the whole
  /// export stops, it is no article's failure.
  bool over_picture_limit() const { return over_picture_limit_; }

 private:
  // Counted as the articles arrive, each reference once: one PDF or EPUB of many articles
  // must not grow without bound because each article stayed under its own limit.
  void count_pictures(const std::string& path, const model::Document& article) const {
    const std::size_t total = pictures_ += model::pictures(article).size();
    if (total <= job_.max_collection_images) return;
    over_picture_limit_ = true;
    throw Error(ErrorKind::data, path, 0,
                fmt::format("the articles so far name {} images in all, over the limit of {} a collection", total,
                            job_.max_collection_images));
  }

  const std::vector<std::string>& paths_;
  const Job& job_;
  Progress& progress_;
  mutable Failures failures_;
  mutable std::atomic<std::size_t> started_{0};
  mutable std::atomic<std::size_t> pictures_{0};
  mutable std::atomic<bool> over_picture_limit_{false};
};

// Manifests replaced by their articles.
std::vector<std::string> expand_manifests(const std::vector<std::string>& inputs, Diagnostics& diagnostics) {
  std::vector<std::string> paths;
  for (const auto& input : inputs) {
    if (input == "-") throw Error(ErrorKind::usage, "", 0, "standard input cannot be written to a folder of outputs");
    if (is_manifest_path(input)) {
      for (auto& article : read_manifest_file(input, diagnostics).articles) paths.push_back(std::move(article));
    } else {
      paths.push_back(input);
    }
  }
  return paths;
}

// Each input on its own into job.output_dir: read, exported and handed to a writer, several at
// a time, so only the outputs waiting for the disk are held in memory.
void run_each(const Job& job, const Exporter& exporter, const ExportOptions& options, Diagnostics& diagnostics,
              JobReport& report) {
  const std::vector<std::string> all = expand_manifests(job.inputs, diagnostics);
  // Made when missing, with the folders above it (as `mkdir -p`): the examples in docs/batch.md
  // name a folder and expect it filled. Shards starting at once may all make it; that is fine.
  std::error_code error;
  std::filesystem::create_directories(job.output_dir, error);
  if (std::error_code probe; !std::filesystem::is_directory(job.output_dir, probe)) {
    throw Error(ErrorKind::cant_create, job.output_dir, 0,
                error ? fmt::format("cannot make the folder: {}", error.message()) : "not a folder");
  }
  // Named from the whole list, so that every shard names an article as a run of all would.
  const auto names = output_names(all, exporter.extension());
  const std::vector<std::size_t> selected = shard_positions(all, job.shard);  // indices into `all`
  // The inputs that exist, by identity: an output not there yet overwrites nothing.
  std::set<FileIdentity> inputs;
  for (const auto& input : all) {
    if (const auto identity = file_identity(input)) inputs.insert(*identity);
  }
  std::vector<std::string> outputs;
  for (const std::size_t i : selected) {
    outputs.push_back((std::filesystem::path(job.output_dir) / names[i]).string());
    if (const auto identity = file_identity(outputs.back()); identity && inputs.count(*identity)) {
      throw Error(ErrorKind::usage, outputs.back(), 0, "the output would overwrite an input");
    }
  }
  report.articles = selected.size();

  Progress progress(job, selected.size());
  Failures failures;
  std::vector<Diagnostics> own(selected.size());
  std::vector<char> ok(selected.size(), 0);
  std::atomic<bool> stop{false};
  std::atomic<std::size_t> started{0};
  std::optional<Error> first_error;  // with fail_fast: the error that stopped the run
  std::mutex first_error_mutex;
  auto failed = [&](std::size_t k, const Error& e) {
    failures.add(k, e.kind());
    progress.tick();
    if (job.fail_fast) {
      // The error that stops the run is thrown at the end, not listed with the others.
      std::lock_guard lock(first_error_mutex);
      if (!stop.exchange(true)) {
        first_error.emplace(e);
        return;
      }
    }
    own[k].report(e.diagnostic());
  };
  {
    // Each file is flushed to disk before it is renamed into place: those waits overlap on
    // threads of their own (they wait for the disk, not the processor).
    const unsigned busy = thread_count(job.threads);
    WaitingPool writers(4 * busy, 8 * busy);
    // With an article on every core, an article's own threads (its pictures, fonts and
    // pages done side by side) would only queue behind the others, and starting them cost
    // six thread starts an article.
    ExportOptions each = options;
    if (selected.size() > 1 && busy > 1) each.threads = 1;
    Diagnostics unused;
    run_in_parallel(
        selected.size(), job.threads,
        [&](std::size_t k, Diagnostics&) {
          if (stop) return;
          ++started;
          StringSink sink;
          try {
            exporter.write_model(read_markdown_file(all[selected[k]], job.read, own[k]), each, sink, own[k]);
          } catch (const Error& e) {
            failed(k, e);
            return;
          }
          if (job.strict && own[k].count(Severity::warning) > 0) {
            failed(k, Error(ErrorKind::data, all[selected[k]], 0, "warnings and --strict: not written"));
            return;
          }
          writers.submit([&, k, bytes = sink.take()] {
            try {
              write_file_atomically(outputs[k], bytes);
              ok[k] = 1;
              progress.tick();
            } catch (const Error& e) {
              failed(k, e);
            }
          });
        },
        unused);
  }
  for (const auto& article : own) {
    for (const auto& item : article.items()) diagnostics.report(item);
  }
  report.done = static_cast<std::size_t>(std::count(ok.begin(), ok.end(), 1));
  report.failed = failures.count();
  report.not_started = selected.size() - started;
  if (first_error) throw *first_error;
  if (failures.count() > 0) {
    throw Error(failures.first_kind(), "", 0,
                fmt::format("{} of {} failed; {} written", failures.count(), plural(selected.size(), "article"),
                            plural(report.done, "output")));
  }
}

// Every article into one output, article by article where the exporter can.
void run_collection(const Job& job, const Exporter& exporter, ExportOptions& options, Diagnostics& diagnostics,
                    JobReport& report) {
  model::Collection collection;
  if (job.inputs.size() == 1 && is_manifest_path(job.inputs.front())) {
    collection = read_manifest_file(job.inputs.front(), diagnostics);
  } else {
    collection.articles = job.inputs;
  }
  apply(job.collection, collection);
  if (job.style.empty() && collection.style) options.style = style::load(*collection.style);
  const std::size_t given = collection.articles.size();
  collection.articles = shard_of(collection.articles, job.shard);
  report.articles = collection.articles.size();
  if (collection.articles.empty()) {
    throw Error(ErrorKind::usage, "", 0,
                fmt::format("shard {}/{} holds none of the {}", job.shard.index, job.shard.count,
                            plural(given, "article")));
  }

  Progress progress(job, collection.articles.size());
  const JobStream stream(collection.articles, job, progress);
  StringSink memory;  // standard output gets the whole output or nothing
  std::optional<AtomicFile> file;
  if (job.output != "-") file.emplace(job.output);
  ByteSink& sink = file ? static_cast<ByteSink&>(*file) : memory;
  auto count = [&] {
    report.failed = stream.failures().count();
    report.not_started = report.articles - stream.started();
    report.done = report.articles - report.failed - report.not_started;
  };
  try {
    exporter.write_stream(collection, stream, options, sink, diagnostics);
  } catch (const Error&) {
    count();
    // An export left with no article, because they all failed, is told as their failure.
    if (job.fail_fast || stream.failures().count() == 0 || stream.over_picture_limit()) throw;
  }
  count();
  if (stream.failures().count() > 0) {
    throw Error(stream.failures().first_kind(), "", 0,
                fmt::format("{} of {} failed: nothing written", stream.failures().count(),
                            plural(report.articles, "article")));
  }
  refuse_if_strict(job, diagnostics);
  if (file) {
    file->commit();
    return;
  }
  std::cout.write(memory.str().data(), static_cast<std::streamsize>(memory.str().size()));
  std::cout.flush();
  if (!std::cout) throw Error(ErrorKind::io, "<stdout>", 0, "cannot write to standard output");
}

void run_one(const Job& job, const Exporter& exporter, const ExportOptions& options, Diagnostics& diagnostics,
             JobReport& report) {
  report.articles = 1;
  report.failed = 1;  // until it is written
  StringSink memory;
  std::optional<AtomicFile> file;
  if (job.output != "-") file.emplace(job.output);
  ByteSink& sink = file ? static_cast<ByteSink&>(*file) : memory;
  exporter.write_model(read_markdown_file(job.inputs.front(), job.read, diagnostics), options, sink, diagnostics);
  refuse_if_strict(job, diagnostics);
  if (file) {
    file->commit();
  } else {
    std::cout.write(memory.str().data(), static_cast<std::streamsize>(memory.str().size()));
    std::cout.flush();
    if (!std::cout) throw Error(ErrorKind::io, "<stdout>", 0, "cannot write to standard output");
  }
  report.failed = 0;
  report.done = 1;
  if (job.on_progress) job.on_progress(1, 1);
}

}  // namespace

std::vector<std::string> shard_of(const std::vector<std::string>& inputs, Shard shard) {
  std::vector<std::string> kept;
  for (const std::size_t i : shard_positions(inputs, shard)) kept.push_back(inputs[i]);
  return kept;
}

std::vector<std::string> output_names(const std::vector<std::string>& inputs, std::string_view extension) {
  namespace fs = std::filesystem;
  std::map<std::string, int> stems;
  for (const auto& input : inputs) ++stems[fs::path(input).stem().string()];
  std::vector<std::string> names;
  std::set<std::string> taken;
  for (const auto& input : inputs) {
    const fs::path path(input);
    std::string stem = path.stem().string();
    if (stems[stem] > 1) {
      const std::string folder = fs::absolute(path).parent_path().filename().string();
      if (!folder.empty()) stem = folder + "-" + stem;
    }
    std::string name = stem + std::string(extension);
    for (int n = 2; taken.count(name); ++n) name = stem + "-" + std::to_string(n) + std::string(extension);
    taken.insert(name);
    names.push_back(std::move(name));
  }
  return names;
}

void run(const Job& job, const Registry& registry, Diagnostics& diagnostics, JobReport* report) {
  JobReport ignored;
  JobReport& out = report ? *report : ignored;
  out = {};
  auto exporter = registry.make(job.format);
  if (!exporter) {
    throw Error(ErrorKind::usage, "", 0,
                fmt::format("unknown format '{}' (`galley formats` lists them)", job.format));
  }
  if (job.inputs.empty()) throw Error(ErrorKind::usage, "", 0, "no input given");
  check_resource_path(job.read);
  (void)shard_positions({}, job.shard);  // refuses a bad shard before anything is read
  ExportOptions options = job.export_options;
  options.threads = job.threads;
  options.free_memory = job.free_memory;
  if (!job.style.empty()) options.style = style::load(job.style);
  if (!job.output_dir.empty()) {
    run_each(job, *exporter, options, diagnostics, out);
    return;
  }
  refuse_overwriting_inputs(job);
  const bool single = job.inputs.size() == 1 && !is_manifest_path(job.inputs.front()) && !job.collection.any();
  if (single) {
    if (shard_of(job.inputs, job.shard).empty()) {
      throw Error(ErrorKind::usage, "", 0, fmt::format("shard {}/{} holds no article", job.shard.index, job.shard.count));
    }
    run_one(job, *exporter, options, diagnostics, out);
  } else {
    run_collection(job, *exporter, options, diagnostics, out);
  }
}

}  // namespace galley
