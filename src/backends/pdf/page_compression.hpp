// Pages' content streams finished and deflated on a thread of their own while later pages
// are drawn, and while the document is saved. libharu deflates every stream on the one
// thread that saves, after everything is drawn: for 100 articles into one PDF that was a
// sixth of all the work, done last and alone; writing the text's operators was another.
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
  ///
  /// The page's content stream gets its deflated bytes, marked /FlateDecode as libharu would
  /// have written them, when libharu's save comes to write it (a before-write hook on this
  /// thread, which finishes the page itself if no thread has taken it yet): the save writes
  /// the first pages while the pool still deflates the last. This object must outlive the
  /// save. With one thread the page is finished and given its bytes here.
  void add(HPDF_Page page, std::function<std::string()> rest);
  /// After the save: rethrows what `rest` threw for a page, or throws Error when deflating
  /// one failed (the save then failed too, at that page); else waits for every page.
  void finish();

 private:
  struct Job {
    PageCompression* owner = nullptr;
    HPDF_Dict contents = nullptr;  ///< the page's content stream
    std::string content;           ///< as drawn, then deflated
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
  /// Gives a finished job's page its deflated bytes; false when the job failed.
  static bool install(Job& job);
  /// libharu's before-write hook of a page's content stream (its `attr` is the Job): waits
  /// for the job, finishing pages no thread has taken meanwhile, and installs it.
  static HPDF_STATUS before_write(HPDF_Dict contents);

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
