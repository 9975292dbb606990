// Articles are independent until an exporter binds them, and reading is most of a
// collection's cost, so they are read in parallel (export/parallel.hpp: diagnostics and the
// first failure in input order, as a sequential run would give them).
#include "export/read_articles.hpp"

#include <optional>

#include "export/parallel.hpp"

namespace galley {

std::vector<model::Document> read_articles(const std::vector<std::string>& paths, const ReadOptions& options,
                                           unsigned threads, Diagnostics& diagnostics) {
  std::vector<std::optional<model::Document>> slots(paths.size());
  run_in_parallel(
      paths.size(), threads,
      [&](std::size_t i, Diagnostics& own) { slots[i] = read_markdown_file(paths[i], options, own); }, diagnostics);
  std::vector<model::Document> documents;
  documents.reserve(paths.size());
  for (auto& slot : slots) documents.push_back(std::move(*slot));
  return documents;
}

}  // namespace galley
