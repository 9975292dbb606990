// Threads that stay for a whole job, for a pipeline whose owner takes in-order steps between
// parallel ones: the owner submits tasks, which run in the order submitted, and waits until
// another has finished. Unlike for_each_parallel there is no barrier: while the owner waits
// for the next article in order, the threads go on with the ones after it. Header-only; it
// needs nothing but the standard library.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "threads/for_each_parallel.hpp"

namespace galley {

class TaskPool {
 public:
  /// thread_count(threads) threads; for one, none: submit runs the task at once, on the
  /// owner's thread, so a one-thread job is what it always was.
  explicit TaskPool(unsigned threads) {
    const unsigned count = thread_count(threads);
    if (count > 1) {
      for (unsigned t = 0; t < count; ++t) threads_.emplace_back([this] { work(); });
    }
  }
  TaskPool(const TaskPool&) = delete;
  TaskPool& operator=(const TaskPool&) = delete;
  /// Drops the tasks not started and waits for the running ones, so that what they use may
  /// be destroyed after the pool (declare the pool after it).
  ~TaskPool() {
    {
      std::lock_guard lock(mutex_);
      tasks_.clear();
      stopping_ = true;
    }
    queued_.notify_all();
    threads_.clear();
  }

  /// Queues `task`. A task must not throw (it would end the program): it keeps its own
  /// failure for the owner to find in order.
  void submit(std::function<void()> task) {
    if (threads_.empty()) {
      task();
      std::lock_guard lock(mutex_);
      ++finished_;
      return;
    }
    {
      std::lock_guard lock(mutex_);
      tasks_.push_back(std::move(task));
    }
    queued_.notify_one();
  }

  /// How many tasks have finished: read it before looking at their results, then
  /// wait_past it when none was ready.
  std::uint64_t finished() {
    std::lock_guard lock(mutex_);
    return finished_;
  }
  /// Returns once more than `seen` tasks have finished (at once when none is queued or
  /// running, so the owner never waits for nothing).
  void wait_past(std::uint64_t seen) {
    std::unique_lock lock(mutex_);
    done_.wait(lock, [&] { return finished_ > seen || (tasks_.empty() && running_ == 0); });
  }

 private:
  void work() {
    std::unique_lock lock(mutex_);
    for (;;) {
      queued_.wait(lock, [&] { return stopping_ || !tasks_.empty(); });
      if (stopping_) return;
      std::function<void()> task = std::move(tasks_.front());
      tasks_.pop_front();
      ++running_;
      lock.unlock();
      task();
      task = nullptr;  // what it captured goes before the owner hears it is done
      lock.lock();
      --running_;
      ++finished_;
      done_.notify_all();
    }
  }

  std::mutex mutex_;
  std::condition_variable queued_;  ///< a task was queued, or the pool is stopping
  std::condition_variable done_;    ///< a task finished
  std::deque<std::function<void()>> tasks_;
  std::uint64_t finished_ = 0;
  unsigned running_ = 0;
  bool stopping_ = false;
  std::vector<std::jthread> threads_;
};

}  // namespace galley
