// The two-call facade of <galley/galley.hpp>, over the Registry and the exporters.
#include <fmt/format.h>

#include "galley/galley.hpp"

namespace galley {
namespace {

std::unique_ptr<Exporter> exporter_for(std::string_view format, const RenderOptions& options) {
  const Registry builtins = options.registry ? Registry{} : Registry::with_builtins();
  const Registry& registry = options.registry ? *options.registry : builtins;
  auto exporter = registry.make(format);
  if (!exporter) {
    std::string names;
    for (const auto& name : registry.names()) names += fmt::format("{}{}", names.empty() ? "" : ", ", name);
    throw Error(ErrorKind::usage, "", 0, fmt::format("unknown format '{}' (known: {})", format, names));
  }
  return exporter;
}

ExportOptions export_options(const RenderOptions& options) {
  ExportOptions exported;
  exported.pretty = options.pretty;
  if (!options.style.empty()) exported.style = style::load(options.style);
  return exported;
}

}  // namespace

Document read_markdown(std::string_view markdown, const ReadOptions& options) {
  Diagnostics ignored;
  return read_markdown(markdown, options, ignored);
}

std::string render(const Document& document, std::string_view format, const RenderOptions& options) {
  const auto exporter = exporter_for(format, options);
  Diagnostics ignored;
  StringSink sink;
  exporter->write_model(document, export_options(options), sink,
                        options.diagnostics ? *options.diagnostics : ignored);
  return sink.take();
}

std::string render(const model::Collection& collection, const std::vector<Document>& articles,
                   std::string_view format, const RenderOptions& options) {
  const auto exporter = exporter_for(format, options);
  Diagnostics ignored;
  StringSink sink;
  exporter->write_collection(collection, articles, export_options(options), sink,
                             options.diagnostics ? *options.diagnostics : ignored);
  return sink.take();
}

}  // namespace galley
