// Articles are independent until an exporter binds them, and reading is most of a
// collection's cost, so they are read in parallel. Each thread takes the next unread index;
// each article has its own Diagnostics, merged afterwards in input order.
#include "export/read_articles.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <optional>
#include <thread>

namespace galley {
namespace {

struct Slot {
  std::optional<model::Document> document;
  Diagnostics diagnostics;
  std::exception_ptr error;
};

unsigned thread_count(unsigned wanted, std::size_t articles) {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const unsigned threads = wanted == 0 ? cores : wanted;
  return static_cast<unsigned>(std::min<std::size_t>(threads, articles));
}

}  // namespace

std::vector<model::Document> read_articles(const std::vector<std::string>& paths, const ReadOptions& options,
                                           unsigned threads, Diagnostics& diagnostics) {
  std::vector<Slot> slots(paths.size());
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  auto work = [&] {
    for (std::size_t i = next++; i < paths.size() && !failed; i = next++) {
      try {
        slots[i].document = read_markdown_file(paths[i], options, slots[i].diagnostics);
      } catch (...) {
        // Articles after this one may still be read by other threads; only the first failure
        // in input order is reported, as a sequential run would.
        slots[i].error = std::current_exception();
        failed = true;
      }
    }
  };
  const unsigned count = thread_count(threads, paths.size());
  if (count <= 1) {
    work();
  } else {
    std::vector<std::jthread> pool;
    for (unsigned t = 0; t < count; ++t) pool.emplace_back(work);
  }

  std::vector<model::Document> documents;
  documents.reserve(paths.size());
  for (auto& slot : slots) {
    for (const auto& item : slot.diagnostics.items()) diagnostics.report(item);
    if (slot.error) std::rethrow_exception(slot.error);
    if (!slot.document) break;  // not reached: an earlier article failed
    documents.push_back(std::move(*slot.document));
  }
  return documents;
}

}  // namespace galley
