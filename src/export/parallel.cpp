// The thread pool behind run_in_parallel: each thread takes the next index until none is left
// or a task failed.
#include "export/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <vector>

namespace galley {
namespace {

struct Slot {
  Diagnostics diagnostics;
  std::exception_ptr error;
  bool done = false;
};

}  // namespace

void run_in_parallel(std::size_t count, unsigned threads,
                     const std::function<void(std::size_t index, Diagnostics& diagnostics)>& task,
                     Diagnostics& diagnostics) {
  std::vector<Slot> slots(count);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  auto work = [&] {
    for (std::size_t i = next++; i < count && !failed; i = next++) {
      try {
        task(i, slots[i].diagnostics);
        slots[i].done = true;
      } catch (...) {
        // Tasks after this one may still run on other threads; only the first failure in
        // task order is reported, as a sequential run would.
        slots[i].error = std::current_exception();
        failed = true;
      }
    }
  };
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const auto pool_size = static_cast<unsigned>(std::min<std::size_t>(threads == 0 ? cores : threads, count));
  if (pool_size <= 1) {
    work();
  } else {
    std::vector<std::jthread> pool;
    for (unsigned t = 0; t < pool_size; ++t) pool.emplace_back(work);
  }
  for (auto& slot : slots) {
    for (const auto& item : slot.diagnostics.items()) diagnostics.report(item);
    if (slot.error) std::rethrow_exception(slot.error);
    if (!slot.done) break;  // not reached: an earlier task failed
  }
}

}  // namespace galley
