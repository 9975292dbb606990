// The progress bar and the summary line of a batch. The bar is drawn at most every 50 ms and
// only when what it shows changes: a thousand small articles must not cost a thousand writes.
#include "cli/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

namespace galley::cli {

ProgressBar::ProgressBar(bool enabled) : enabled_(enabled && ::isatty(STDERR_FILENO) == 1) {}

ProgressBar::~ProgressBar() { clear(); }

void ProgressBar::update(std::size_t done, std::size_t total) {
  if (!enabled_ || total < 2) return;
  const std::size_t permille = done * 1000 / total;
  const auto now = std::chrono::steady_clock::now();
  if (permille == last_permille_ || (done < total && now - last_draw_ < std::chrono::milliseconds(50))) return;
  last_permille_ = permille;
  last_draw_ = now;
  constexpr std::size_t width = 30;
  const std::size_t filled = done * width / total;
  const std::string bar = std::string(filled, '#') + std::string(width - filled, '-');
  // \r and "erase to end of line": redrawn in place, whatever was there before.
  std::fputs(fmt::format("\r\033[K[{}] {}/{} articles {:3}%", bar, done, total, permille / 10).c_str(), stderr);
  std::fflush(stderr);
  shown_ = true;
}

void ProgressBar::clear() {
  if (!shown_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  shown_ = false;
}

std::string summary_line(const JobReport& report, std::size_t warnings, double seconds) {
  std::string line = fmt::format("galley: {} article{}: {} done", report.articles, report.articles == 1 ? "" : "s",
                                 report.done);
  if (report.failed > 0) line += fmt::format(", {} failed", report.failed);
  if (report.not_started > 0) line += fmt::format(", {} not started", report.not_started);
  if (warnings > 0) line += fmt::format(", {} warning{}", warnings, warnings == 1 ? "" : "s");
  line += fmt::format(", {:.2f} s", seconds);
  return line;
}

}  // namespace galley::cli
