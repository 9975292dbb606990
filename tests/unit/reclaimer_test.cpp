// Tests for src/threads/reclaimer.hpp: what it is given is destroyed where and when its
// Disposal says.
#include "threads/reclaimer.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <thread>

namespace galley {
namespace {

// Counts its destruction in `destroyed`, and notes on which thread it happened.
struct Counted {
  explicit Counted(std::atomic<int>& count, std::thread::id* where = nullptr) : destroyed(&count), on(where) {}
  Counted(Counted&& other) noexcept : destroyed(other.destroyed), on(other.on) { other.destroyed = nullptr; }
  Counted(const Counted&) = delete;
  Counted& operator=(const Counted&) = delete;
  Counted& operator=(Counted&&) = delete;
  ~Counted() {
    if (!destroyed) return;  // moved from
    if (on) *on = std::this_thread::get_id();
    ++*destroyed;
  }
  std::atomic<int>* destroyed;
  std::thread::id* on;
};

TEST(Reclaimer, HereDestroysAtOnceOnTheCallingThread) {
  std::atomic<int> destroyed{0};
  std::thread::id where;
  Reclaimer reclaimer;
  reclaimer.take(Counted(destroyed, &where), Disposal::here);
  EXPECT_EQ(destroyed, 1);
  EXPECT_EQ(where, std::this_thread::get_id());
}

TEST(Reclaimer, BackgroundDestroysOnItsOwnThreadByTheTimeItIsGone) {
  std::atomic<int> destroyed{0};
  std::thread::id where;
  {
    Reclaimer reclaimer;
    reclaimer.take(Counted(destroyed, &where), Disposal::background);
    reclaimer.take(std::make_unique<Counted>(destroyed), Disposal::background);
  }
  EXPECT_EQ(destroyed, 2);
  EXPECT_NE(where, std::this_thread::get_id());
}

// What is left to the operating system is never destroyed; under AddressSanitizer its leak
// check would report it, as it should.
TEST(Reclaimer, NeverLeavesItAlone) {
#if defined(GALLEY_LEAK_CHECKED)
  GTEST_SKIP() << "a deliberate leak, which LeakSanitizer would report";
#else
  std::atomic<int> destroyed{0};
  {
    Reclaimer reclaimer;
    reclaimer.take(Counted(destroyed), Disposal::never);
  }
  EXPECT_EQ(destroyed, 0);
#endif
}

}  // namespace
}  // namespace galley
