// The one table of the exporters galley ships. Adding an exporter: a folder under
// src/backends/, one line here, one golden test.
#include "backends/check/check_exporter.hpp"
#include "backends/epub/epub_exporter.hpp"
#include "backends/json/json_exporter.hpp"
#include "backends/pdf/pdf_exporter.hpp"
#include "backends/trace/trace_exporter.hpp"
#include "galley/export.hpp"

namespace galley {

Registry Registry::with_builtins() {
  Registry registry;
  registry.add("json", backends::make_json_exporter);
  registry.add("epub", backends::make_epub_exporter);
  registry.add("pdf", backends::make_pdf_exporter);
  registry.add("trace", backends::make_trace_exporter);
  registry.add("check", backends::make_check_exporter);
  registry.add("check-json", backends::make_check_json_exporter);
  return registry;
}

void Registry::add(std::string name, Factory make) {
  for (auto& [existing, factory] : entries_) {
    if (existing == name) {
      factory = std::move(make);
      return;
    }
  }
  entries_.emplace_back(std::move(name), std::move(make));
}

std::unique_ptr<Exporter> Registry::make(std::string_view name) const {
  for (const auto& [existing, factory] : entries_) {
    if (existing == name) return factory();
  }
  return nullptr;
}

std::vector<std::string> Registry::names() const {
  std::vector<std::string> names;
  for (const auto& entry : entries_) names.push_back(entry.first);
  return names;
}

}  // namespace galley
