// What a job has finished with, destroyed on a thread of its own while the job goes on: a
// 100-article PDF's word memo, libharu document and page tree took 4 to 5 ms to free on the
// thread that then drew, saved and committed the file, with the other core idle. Header-only;
// it needs nothing but the standard library.
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>

namespace galley {

/// How a Reclaimer disposes of what it is given.
enum class Disposal {
  here,        ///< destroyed at once, on the calling thread (a job told to use one thread)
  background,  ///< destroyed on the reclaimer's thread
  /// Never destroyed: left to the operating system, for a process that exits once its job is
  /// done (Job::free_memory). What it refers to need not outlive anything.
  never,
};

/// Leaves `thing` to the operating system: it is never destroyed (Disposal::never).
template <typename T>
void leave_to_operating_system(T thing) {
  (void)std::make_unique<T>(std::move(thing)).release();
}

class Reclaimer {
 public:
  Reclaimer() = default;
  Reclaimer(const Reclaimer&) = delete;
  Reclaimer& operator=(const Reclaimer&) = delete;
  /// Waits until everything handed over is destroyed.
  ~Reclaimer() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    queued_.notify_one();
    if (thread_.joinable()) thread_.join();
  }

  /// Disposes of `thing` as `disposal` says; on the reclaimer's thread (started when first
  /// needed) what `thing` refers to must outlive the reclaimer, and its destructor must not
  /// throw.
  template <typename T>
  void take(T thing, Disposal disposal = Disposal::background) {
    if (disposal == Disposal::here) return;  // destroyed on the way out
    if (disposal == Disposal::never) {
      leave_to_operating_system(std::move(thing));
      return;
    }
    auto held = std::make_unique<Held<T>>(std::move(thing));
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(held));
    if (!thread_.joinable()) thread_ = std::thread([this] { work(); });
    queued_.notify_one();
  }

 private:
  struct Anything {
    virtual ~Anything() = default;
  };
  template <typename T>
  struct Held final : Anything {
    explicit Held(T value) : thing(std::move(value)) {}
    T thing;
  };

  void work() {
    std::unique_lock lock(mutex_);
    for (;;) {
      queued_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left
      std::unique_ptr<Anything> next = std::move(queue_.front());
      queue_.pop_front();
      lock.unlock();
      next.reset();
      lock.lock();
    }
  }

  std::mutex mutex_;
  std::condition_variable queued_;
  std::deque<std::unique_ptr<Anything>> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace galley
