// Independent tasks on several threads with sequential semantics: each task reports to its
// own Diagnostics, merged afterwards in task order, and the first failure in task order is
// the one rethrown, whatever the threads did. Output stays byte-identical to a one-thread run.
// Also a pool for tasks that mostly wait (files flushed to disk) beside the busy threads.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "galley/diagnostics.hpp"
#include "threads/for_each_parallel.hpp"

namespace galley {

/// Runs task(0) .. task(count - 1) on up to `threads` threads (0: one per core). After a
/// failure no new task starts; tasks before it still complete. Diagnostics of the tasks that
/// ran are merged into `diagnostics` in task order up to the first failure, which is rethrown.
void run_in_parallel(std::size_t count, unsigned threads,
                     const std::function<void(std::size_t index, Diagnostics& diagnostics)>& task,
                     Diagnostics& diagnostics);

/// Tasks that mostly wait (for the disk) on threads of their own, so the waits overlap with
/// each other and with the work of the busy threads. submit() blocks while `capacity` tasks
/// are queued, which bounds what waits in memory. Tasks must not throw.
class WaitingPool {
 public:
  WaitingPool(unsigned threads, std::size_t capacity);
  ~WaitingPool();  ///< runs what is queued, then joins
  WaitingPool(const WaitingPool&) = delete;
  WaitingPool& operator=(const WaitingPool&) = delete;

  void submit(std::function<void()> task);
  /// Runs what is queued and joins the threads; submit() may not be called afterwards.
  void finish();

 private:
  void work();

  std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable queued_;  ///< a task arrived, or finishing
  std::condition_variable taken_;   ///< room in the queue
  std::deque<std::function<void()>> tasks_;
  bool finishing_ = false;
  std::vector<std::jthread> threads_;
};

}  // namespace galley
