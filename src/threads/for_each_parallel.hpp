// Threads for every part, from layout up (export/parallel.hpp is above the backends): how many
// a job's `threads` means, and independent tasks on them, task(0) .. task(count - 1), the
// first failure in task order rethrown once all have stopped. Header-only; it needs nothing
// but the standard library.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace galley {

/// The threads `threads` asks for: itself, or one per core for 0.
inline unsigned thread_count(unsigned threads) {
  return threads != 0 ? threads : std::max(1u, std::thread::hardware_concurrency());
}

/// Runs task(0) .. task(count - 1) on up to thread_count(threads) threads, the caller's one
/// of them (it would only wait otherwise, and a thread started and ended costs more than
/// some of the tasks: a one-article PDF started nine).
template <typename Task>
void for_each_parallel(std::size_t count, unsigned threads, const Task& task) {
  std::vector<std::exception_ptr> errors(count);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  auto work = [&] {
    for (std::size_t i = next++; i < count && !failed; i = next++) {
      try {
        task(i);
      } catch (...) {
        errors[i] = std::current_exception();
        failed = true;
      }
    }
  };
  const unsigned pool = static_cast<unsigned>(std::min<std::size_t>(thread_count(threads), count));
  if (pool <= 1) {
    work();
  } else {
    std::vector<std::jthread> workers;
    for (unsigned t = 1; t < pool; ++t) workers.emplace_back(work);
    work();
  }
  for (auto& error : errors) {
    if (error) std::rethrow_exception(error);
  }
}

}  // namespace galley
