#include "backends/pdf/stream_deflate.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <libdeflate.h>

#include <memory>
#include <set>
#include <utility>

#include "galley/diagnostics.hpp"
#include "threads/for_each_parallel.hpp"
#include "threads/thread_compressor.hpp"

namespace galley::backends::pdf {
namespace {

HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter [ /FlateDecode ]\012");
}

// A stream libharu would deflate as it saves, and whose bytes nothing adds to after now.
bool left_to_deflate(HPDF_Dict dict) {
  return dict->stream && dict->filter == HPDF_STREAM_FILTER_FLATE_DECODE && !dict->write_fn &&
         !dict->before_write_fn && dict->stream->type == HPDF_STREAM_MEMORY;
}

}  // namespace

bool zlib_deflate(std::string& content, int level) {
  libdeflate_compressor* compressor = thread_compressor(level);
  if (!compressor) return false;
  std::string out(libdeflate_zlib_compress_bound(compressor, content.size()), '\0');
  const std::size_t written = libdeflate_zlib_compress(compressor, content.data(), content.size(), out.data(), out.size());
  if (written == 0) return false;
  out.resize(written);
  content = std::move(out);
  return true;
}

std::string memory_stream_bytes(HPDF_Stream stream) {
  std::string bytes;
  bytes.reserve(stream->size);
  for (HPDF_UINT i = 0; i < HPDF_MemStream_GetBufCount(stream); ++i) {
    HPDF_UINT length = 0;
    const HPDF_BYTE* data = HPDF_MemStream_GetBufPtr(stream, i, &length);
    if (data) bytes.append(reinterpret_cast<const char*>(data), length);
  }
  return bytes;
}

void mark_deflated(HPDF_Dict dict) {
  dict->filter = HPDF_STREAM_FILTER_NONE;
  dict->write_fn = write_flate_filter;
}

namespace {

// A Type0 font's hook makes its descriptor and font file once, and gives its file, map and
// CMap streams the font's filter each time: with that set to none, a second call (in the
// save) leaves the deflated streams as they are.
void prepare_fonts(const std::vector<HPDF_Font>& fonts) {
  for (HPDF_Font font : fonts) {
    if (!font->before_write_fn) continue;
    if (font->before_write_fn(font) != HPDF_OK) {
      throw Error(ErrorKind::internal, "", 0, "libharu could not prepare a font for writing");
    }
    font->filter = HPDF_STREAM_FILTER_NONE;
  }
}

// Every stream libharu would deflate when saving that exists now, pages' contents aside, with
// its bytes.
std::vector<DeflateJob> streams_to_deflate(HPDF_Doc doc) {
  std::set<HPDF_Dict> page_contents;
  for (HPDF_UINT i = 0; i < doc->page_list->count; ++i) {
    auto* page = static_cast<HPDF_Page>(HPDF_List_ItemAt(doc->page_list, i));
    page_contents.insert(static_cast<HPDF_PageAttr>(page->attr)->contents);
  }
  std::vector<DeflateJob> jobs;
  for (HPDF_Xref xref = doc->xref; xref; xref = xref->prev) {
    for (HPDF_UINT i = 0; i < xref->entries->count; ++i) {
      auto* entry = static_cast<HPDF_XrefEntry>(HPDF_List_ItemAt(xref->entries, i));
      auto* header = static_cast<HPDF_Obj_Header*>(entry->obj);
      if (!header || (header->obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_DICT) continue;
      auto* dict = static_cast<HPDF_Dict>(entry->obj);
      if (left_to_deflate(dict) && !page_contents.contains(dict)) jobs.push_back(DeflateJob{dict, {}, false});
    }
  }
  for (DeflateJob& job : jobs) job.bytes = memory_stream_bytes(job.dict->stream);
  return jobs;
}

// Gives each stream its deflated bytes, marked as deflated. libharu's memory manager is not
// thread-safe: this is the document's thread's work.
void install(HPDF_Doc doc, std::vector<DeflateJob>& jobs) {
  for (DeflateJob& job : jobs) {
    if (!job.deflated) throw Error(ErrorKind::internal, "", 0, "libdeflate failed to deflate a stream");
    const auto size = static_cast<HPDF_UINT>(job.bytes.size());
    HPDF_Stream deflated = HPDF_MemStream_New(doc->mmgr, size > 0 ? size : 1);
    if (!deflated || HPDF_Stream_Write(deflated, reinterpret_cast<const HPDF_BYTE*>(job.bytes.data()), size) != HPDF_OK) {
      if (deflated) HPDF_Stream_Free(deflated);
      throw Error(ErrorKind::internal, "", 0, "libharu could not take a deflated stream");
    }
    HPDF_Stream_Free(job.dict->stream);
    job.dict->stream = deflated;
    mark_deflated(job.dict);
  }
  jobs.clear();
}

}  // namespace

void deflate_streams_ahead(HPDF_Doc doc, const std::vector<HPDF_Font>& fonts, unsigned threads) {
  prepare_fonts(fonts);
  std::vector<DeflateJob> jobs = streams_to_deflate(doc);
  for_each_parallel(jobs.size(), threads, [&](std::size_t i) { jobs[i].deflated = zlib_deflate(jobs[i].bytes); });
  install(doc, jobs);
}

FontStreamsAhead::FontStreamsAhead(HPDF_Doc doc, const std::vector<HPDF_Font>& fonts, bool threaded) {
  prepare_fonts(fonts);
  jobs_ = streams_to_deflate(doc);
  if (threaded) done_ = std::async(std::launch::async, [this] { deflate(); });
}

void FontStreamsAhead::deflate() {
  for (DeflateJob& job : jobs_) job.deflated = zlib_deflate(job.bytes);
}

FontStreamsAhead::~FontStreamsAhead() {
  if (done_.valid()) done_.wait();
}

void FontStreamsAhead::install(HPDF_Doc doc) {
  if (done_.valid()) {
    done_.get();
  } else {
    deflate();
  }
  pdf::install(doc, jobs_);
}

}  // namespace galley::backends::pdf
