// Running a Job: read the inputs, export them to memory, then write the output in one go.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "export/read_articles.hpp"
#include "galley/job.hpp"

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

void apply(const CollectionOverrides& overrides, model::Collection& collection) {
  if (!overrides.title.empty()) collection.title = overrides.title;
  if (!overrides.editor.empty()) collection.editor = overrides.editor;
  if (!overrides.lang.empty()) collection.lang = overrides.lang;
  if (!overrides.cover.empty()) collection.cover = overrides.cover;
}

}  // namespace

void run(const Job& job, const Registry& registry, Diagnostics& diagnostics) {
  auto exporter = registry.make(job.format);
  if (!exporter) {
    throw Error(ErrorKind::usage, "", 0,
                fmt::format("unknown format '{}' (`galley formats` lists them)", job.format));
  }
  if (job.inputs.empty()) throw Error(ErrorKind::usage, "", 0, "no input given");
  refuse_overwriting_inputs(job);
  ExportOptions options = job.export_options;
  if (!job.style.empty()) options.style = style::load(job.style);

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
    exporter->write_collection(collection, articles, options, sink, diagnostics);
  }

  if (job.output == "-") {
    std::cout.write(sink.str().data(), static_cast<std::streamsize>(sink.str().size()));
    std::cout.flush();
    if (!std::cout) throw Error(ErrorKind::io, "<stdout>", 0, "cannot write to standard output");
  } else {
    write_file_atomically(job.output, sink.str());
  }
}

}  // namespace galley
