// What a batch shows on standard error: a progress bar while it runs (only on a terminal) and
// one summary line at the end.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

#include "galley/job.hpp"

namespace galley::cli {

/// A one-line bar redrawn in place on stderr; silent unless `enabled` and stderr is a
/// terminal. update() is called by the job, one call at a time, from any thread.
class ProgressBar {
 public:
  explicit ProgressBar(bool enabled);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void update(std::size_t done, std::size_t total);
  /// Erases the bar, so that messages start on a clean line.
  void clear();

 private:
  bool enabled_;
  bool shown_ = false;
  std::size_t last_permille_ = static_cast<std::size_t>(-1);
  std::chrono::steady_clock::time_point last_draw_{};
};

/// "galley: 1000 articles: 998 done, 2 failed, 3 warnings, 2.41 s" (parts that are zero left
/// out, but for done).
std::string summary_line(const JobReport& report, std::size_t warnings, double seconds);

}  // namespace galley::cli
