// The thread pool behind run_in_parallel (each thread takes the next index until none is left
// or a task failed) and the WaitingPool.
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
  const auto pool_size = static_cast<unsigned>(std::min<std::size_t>(thread_count(threads), count));
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

WaitingPool::WaitingPool(unsigned threads, std::size_t capacity) : capacity_(std::max<std::size_t>(1, capacity)) {
  for (unsigned t = 0; t < std::max(1u, threads); ++t) threads_.emplace_back([this] { work(); });
}

WaitingPool::~WaitingPool() { finish(); }

void WaitingPool::submit(std::function<void()> task) {
  std::unique_lock lock(mutex_);
  taken_.wait(lock, [&] { return tasks_.size() < capacity_; });
  tasks_.push_back(std::move(task));
  queued_.notify_one();
}

void WaitingPool::finish() {
  {
    std::lock_guard lock(mutex_);
    finishing_ = true;
  }
  queued_.notify_all();
  threads_.clear();  // joins
}

void WaitingPool::work() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock lock(mutex_);
      queued_.wait(lock, [&] { return !tasks_.empty() || finishing_; });
      if (tasks_.empty()) return;
      task = std::move(tasks_.front());
      tasks_.pop_front();
    }
    taken_.notify_one();
    task();
  }
}

}  // namespace galley
