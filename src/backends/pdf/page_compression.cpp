#include "backends/pdf/page_compression.hpp"

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
  job.page = page;
  job.content = std::move(*content);
  job.rest = std::move(rest);
  if (threads_ == 1) {
    // One thread: the page is finished here, and no thread is started for it.
    complete(job);
    job.done = true;
    jobs_.push_back(std::move(job));
    ++next_;
    ++done_;
    return;
  }
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(job));
    // One per page at first, one fewer than the threads: finish() has the caller help.
    if (workers_.size() + 1 < threads_) workers_.emplace_back([this] { work(); });
  }
  changed_.notify_all();
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
}

void PageCompression::work() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [this] { return stopping_ || next_ < jobs_.size(); });
    if (next_ >= jobs_.size()) return;  // stopping, nothing left
    complete_next(lock);
    changed_.notify_all();
  }
}

void PageCompression::finish() {
  std::unique_lock lock(mutex_);
  while (next_ < jobs_.size()) complete_next(lock);  // the pages no worker has taken yet, here
  changed_.wait(lock, [this] { return done_ == jobs_.size(); });
  for (Job& job : jobs_) {
    if (job.error) std::rethrow_exception(job.error);
    if (job.failed) throw Error(ErrorKind::internal, "", 0, "libdeflate failed to deflate a page");
    auto* attr = static_cast<HPDF_PageAttr>(job.page->attr);
    if (HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(job.content.data()),
                          static_cast<HPDF_UINT>(job.content.size())) != HPDF_OK) {
      throw Error(ErrorKind::internal, "", 0, "libharu could not take a deflated page");
    }
    mark_deflated(attr->contents);
  }
  jobs_.clear();
  next_ = done_ = 0;
}

}  // namespace galley::backends::pdf
