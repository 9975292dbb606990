// Running a Job: read the inputs, export them to memory, then write the output in one go.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <thread>

#include "export/parallel.hpp"
#include "export/read_articles.hpp"
#include "galley/job.hpp"
#include "model/pictures.hpp"

namespace galley {
namespace {

bool same_file(const std::string& a, const std::string& b) {
  std::error_code error;
  if (std::filesystem::equivalent(a, b, error)) return true;
  return std::filesystem::weakly_canonical(a, error) == std::filesystem::weakly_canonical(b, error);
}

void refuse_overwriting_inputs(const Job& job) {
  if (job.output == "-") return;
  for (const auto& input : job.inputs) {
    if (input != "-" && same_file(input, job.output)) {
      throw Error(ErrorKind::usage, job.output, 0, "the output would overwrite an input");
    }
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

void refuse_too_many_images(const Job& job, const std::vector<model::Document>& articles) {
  std::size_t total = 0;
  for (const auto& article : articles) total += model::pictures(article).size();
  if (total > job.max_collection_images) {
    throw Error(ErrorKind::data, job.inputs.size() == 1 ? job.inputs.front() : "", 0,
                fmt::format("the articles name {} images in all, over the limit of {} a collection", total,
                            job.max_collection_images));
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

// Each input on its own into job.output_dir.
void run_each(const Job& job, const Exporter& exporter, const ExportOptions& options, Diagnostics& diagnostics) {
  std::vector<std::string> paths;
  for (const auto& input : job.inputs) {
    if (input == "-") throw Error(ErrorKind::usage, "", 0, "standard input cannot be written to a folder of outputs");
    if (is_manifest_path(input)) {
      for (auto& article : read_manifest_file(input, diagnostics).articles) paths.push_back(std::move(article));
    } else {
      paths.push_back(input);
    }
  }
  std::error_code error;
  if (!std::filesystem::is_directory(job.output_dir, error)) {
    throw Error(ErrorKind::cant_create, job.output_dir, 0, "no such folder");
  }
  const auto names = output_names(paths, exporter.extension());
  std::set<std::filesystem::path> inputs;  // canonical, so the check is linear in the inputs
  for (const auto& input : paths) inputs.insert(std::filesystem::weakly_canonical(input, error));
  std::vector<std::string> outputs;
  for (const auto& name : names) {
    outputs.push_back((std::filesystem::path(job.output_dir) / name).string());
    if (inputs.count(std::filesystem::weakly_canonical(outputs.back(), error))) {
      throw Error(ErrorKind::usage, outputs.back(), 0, "the output would overwrite an input");
    }
  }
  // Each article read and exported on its own, several at a time.
  std::vector<std::string> bytes(paths.size());
  run_in_parallel(
      paths.size(), job.threads,
      [&](std::size_t i, Diagnostics& own) {
        StringSink sink;
        exporter.write_model(read_markdown_file(paths[i], job.read, own), options, sink, own);
        bytes[i] = sink.take();
      },
      diagnostics);
  refuse_if_strict(job, diagnostics);
  // Each file is flushed to disk before it is renamed into place: those waits overlap on more
  // threads than there are cores (they wait for the disk, not the processor).
  const unsigned writers = job.threads != 0 ? job.threads : 4 * std::max(1u, std::thread::hardware_concurrency());
  run_in_parallel(
      outputs.size(), writers,
      [&](std::size_t i, Diagnostics&) { write_file_atomically(outputs[i], bytes[i]); }, diagnostics);
}

}  // namespace

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

void run(const Job& job, const Registry& registry, Diagnostics& diagnostics) {
  auto exporter = registry.make(job.format);
  if (!exporter) {
    throw Error(ErrorKind::usage, "", 0,
                fmt::format("unknown format '{}' (`galley formats` lists them)", job.format));
  }
  if (job.inputs.empty()) throw Error(ErrorKind::usage, "", 0, "no input given");
  check_resource_path(job.read);
  ExportOptions options = job.export_options;
  if (!job.style.empty()) options.style = style::load(job.style);
  if (!job.output_dir.empty()) {
    run_each(job, *exporter, options, diagnostics);
    return;
  }
  refuse_overwriting_inputs(job);

  StringSink sink;
  if (job.inputs.size() == 1 && !is_manifest_path(job.inputs.front()) && !job.collection.any()) {
    auto document = read_markdown_file(job.inputs.front(), job.read, diagnostics);
    exporter->write_model(document, options, sink, diagnostics);
  } else {
    model::Collection collection;
    if (job.inputs.size() == 1 && is_manifest_path(job.inputs.front())) {
      collection = read_manifest_file(job.inputs.front(), diagnostics);
    } else {
      collection.articles = job.inputs;
    }
    apply(job.collection, collection);
    if (job.style.empty() && collection.style) options.style = style::load(*collection.style);
    auto articles = read_articles(collection.articles, job.read, job.threads, diagnostics);
    refuse_too_many_images(job, articles);
    exporter->write_collection(collection, articles, options, sink, diagnostics);
  }
  refuse_if_strict(job, diagnostics);

  if (job.output == "-") {
    std::cout.write(sink.str().data(), static_cast<std::streamsize>(sink.str().size()));
    std::cout.flush();
    if (!std::cout) throw Error(ErrorKind::io, "<stdout>", 0, "cannot write to standard output");
  } else {
    write_file_atomically(job.output, sink.str());
  }
}

}  // namespace galley
