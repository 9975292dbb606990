// Pages' content streams finished and deflated on a thread of their own while later pages
// are drawn. libharu deflates every stream on the one thread that saves, after everything is
// drawn: for 100 articles into one PDF that was a sixth of all the work, done last and
// alone; writing the text's operators was another.
#pragma once

#include <hpdf.h>

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace galley::backends::pdf {

class PageCompression {
 public:
  /// `threads` threads share the pages: threads - 1 of the pool's own while pages are drawn,
  /// and the caller's in finish(). With one (or 0), add() finishes each page itself.
  explicit PageCompression(unsigned threads);
  ~PageCompression();
  PageCompression(const PageCompression&) = delete;
  PageCompression& operator=(const PageCompression&) = delete;

  /// Takes a page whose drawing through libharu is finished: `rest` (the operators that end
  /// its content) is called on one of the threads, and the content deflated there. A page
  /// libharu would still write to when saving (text or a saved state left open) gets `rest`
  /// at once and is left for libharu to deflate.
  void add(HPDF_Page page, std::function<std::string()> rest);
  /// Finishes the pages no thread has taken, waits for the others, and gives each its
  /// deflated content, marked /FlateDecode, as libharu would have written it. Rethrows what
  /// `rest` threw; throws Error when deflating fails.
  void finish();

 private:
  struct Job {
    HPDF_Page page = nullptr;
    std::string content;  ///< as drawn, then deflated
    std::function<std::string()> rest;
    bool done = false;
    bool failed = false;
    std::exception_ptr error;
  };
  /// Writes the rest of a job's page and deflates it; what fails is kept in the job.
  static void complete(Job& job);
  /// Takes the next job no thread has, and completes it with `lock` (on mutex_) let go.
  void complete_next(std::unique_lock<std::mutex>& lock);
  void work();

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Job> jobs_;   ///< in order of pages; a deque keeps references stable
  std::size_t next_ = 0;   ///< the first job no thread has taken
  std::size_t done_ = 0;   ///< jobs finished
  bool stopping_ = false;
  unsigned threads_;
  std::vector<std::thread> workers_;
};

}  // namespace galley::backends::pdf
