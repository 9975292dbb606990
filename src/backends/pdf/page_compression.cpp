#include "backends/pdf/page_compression.hpp"

#include <hpdf_error.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <optional>

#include "backends/pdf/stream_deflate.hpp"
#include "galley/diagnostics.hpp"

namespace galley::backends::pdf {
namespace {

// The page's content as drawn so far, taken out of libharu's stream, or nullopt when the
// page is not one to finish elsewhere: libharu would still write to it when saving (text or
// a saved graphics state left open), or its stream is not the memory stream expected.
std::optional<std::string> take_content(HPDF_PageAttr attr) {
  if (attr->gmode != HPDF_GMODE_PAGE_DESCRIPTION || attr->gstate->prev || !attr->contents ||
      attr->contents->filter != HPDF_STREAM_FILTER_FLATE_DECODE || attr->contents->write_fn ||
      attr->stream->type != HPDF_STREAM_MEMORY) {
    return std::nullopt;
  }
  HPDF_Stream stream = attr->stream;
  std::string content = memory_stream_bytes(stream);
  if (content.size() != stream->size) return std::nullopt;
  HPDF_MemStream_FreeData(stream);
  return content;
}

}  // namespace

PageCompression::PageCompression(unsigned threads) : threads_(std::max(1u, threads)) {}

PageCompression::~PageCompression() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  for (std::thread& worker : workers_) worker.join();
}

void PageCompression::add(HPDF_Page page, std::function<std::string()> rest) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  std::optional<std::string> content = take_content(attr);
  if (!content) {
    const std::string more = rest();
    if (HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(more.data()),
                          static_cast<HPDF_UINT>(more.size())) != HPDF_OK) {
      throw Error(ErrorKind::internal, "", 0, "libharu could not take a page's text");
    }
    return;
  }
  Job job;
  job.owner = this;
  job.contents = attr->contents;
  job.content = std::move(*content);
  job.rest = std::move(rest);
  if (threads_ == 1) {
    // One thread: the page is finished here, and no thread is started for it.
    complete(job);
    job.done = true;
    if (job.error) std::rethrow_exception(job.error);
    if (!install(job)) throw Error(ErrorKind::internal, "", 0, "libdeflate failed to deflate a page");
    return;
  }
  {
    std::lock_guard lock(mutex_);
    Job& kept = jobs_.emplace_back(std::move(job));  // a deque: the hook's pointer stays good
    kept.contents->attr = &kept;  // unused by a content stream, and freed by no one
    kept.contents->before_write_fn = before_write;
    // One per page at first, one fewer than the threads: the caller helps in the save.
    if (workers_.size() + 1 < threads_) workers_.emplace_back([this] { work(); });
  }
  changed_.notify_all();
}

bool PageCompression::install(Job& job) {
  HPDF_Dict contents = job.contents;
  contents->attr = nullptr;
  contents->before_write_fn = nullptr;
  if (job.error || job.failed) return false;
  if (HPDF_Stream_Write(contents->stream, reinterpret_cast<const HPDF_BYTE*>(job.content.data()),
                        static_cast<HPDF_UINT>(job.content.size())) != HPDF_OK) {
    return false;
  }
  mark_deflated(contents);
  std::string().swap(job.content);  // written: its memory back now, not after the save
  return true;
}

HPDF_STATUS PageCompression::before_write(HPDF_Dict contents) {
  Job& job = *static_cast<Job*>(contents->attr);
  PageCompression& self = *job.owner;
  {
    std::unique_lock lock(self.mutex_);
    // Rather than wait for a page another thread is finishing, this one finishes the next
    // page no thread has taken (perhaps a later one than this), then looks again.
    while (!job.done) {
      if (self.next_ < self.jobs_.size()) {
        self.complete_next(lock);
      } else {
        self.changed_.wait(lock);
      }
    }
  }
  // Called from C: a failure is told by the document's error (the save returns only that,
  // not the status); finish() throws what it was.
  if (install(job)) return HPDF_OK;
  return HPDF_SetError(contents->error, HPDF_INVALID_OBJECT, 0);
}

void PageCompression::complete(Job& job) {
  try {
    job.content += job.rest();
    job.rest = nullptr;
    job.failed = !zlib_deflate(job.content, page_deflate_level);
  } catch (...) {
    job.error = std::current_exception();
  }
}

void PageCompression::complete_next(std::unique_lock<std::mutex>& lock) {
  Job& job = jobs_[next_++];
  lock.unlock();
  complete(job);
  lock.lock();
  job.done = true;
  ++done_;
  changed_.notify_all();
}

void PageCompression::work() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [this] { return stopping_ || next_ < jobs_.size(); });
    if (next_ >= jobs_.size()) return;  // stopping, nothing left
    complete_next(lock);
  }
}

void PageCompression::finish() {
  std::unique_lock lock(mutex_);
  while (next_ < jobs_.size()) complete_next(lock);  // the pages no worker has taken yet, here
  changed_.wait(lock, [this] { return done_ == jobs_.size(); });
  for (Job& job : jobs_) {
    if (job.error) std::rethrow_exception(job.error);
    if (job.failed) throw Error(ErrorKind::internal, "", 0, "libdeflate failed to deflate a page");
    // A page the save did not come to (it failed before) keeps no hook to this object.
    if (job.contents->attr == &job) {
      job.contents->attr = nullptr;
      job.contents->before_write_fn = nullptr;
    }
  }
}

}  // namespace galley::backends::pdf
