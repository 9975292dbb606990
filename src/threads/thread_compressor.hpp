// A libdeflate compressor for each level, and a decompressor, kept for the life of the thread
// that asked for them.
// Allocating one per stream, as every deflated page, font file and EPUB entry did, cost the
// allocation and the first touch of its hash tables (some hundreds of kilobytes, a page
// fault per 4 KB) each time: for a batch of one-article PDFs that was some 16 compressors an
// article. A compressor keeps nothing of one stream for the next (libdeflate sets it up at
// the start of every call), so reusing it changes no byte; one thread uses it at a time.
// Header-only; it needs the standard library and libdeflate.
#pragma once

#include <libdeflate.h>

#include <array>
#include <memory>

namespace galley {

/// This thread's compressor for `level` (1 to 12); null when libdeflate has no memory for one.
inline libdeflate_compressor* thread_compressor(int level) {
  struct Free {
    void operator()(libdeflate_compressor* compressor) const { libdeflate_free_compressor(compressor); }
  };
  thread_local std::array<std::unique_ptr<libdeflate_compressor, Free>, 13> compressors;
  if (level < 1 || level > 12) return nullptr;
  auto& compressor = compressors[static_cast<std::size_t>(level)];
  if (!compressor) compressor.reset(libdeflate_alloc_compressor(level));
  return compressor.get();
}

/// This thread's decompressor, kept as the compressors are; null when libdeflate has no memory
/// for one.
inline libdeflate_decompressor* thread_decompressor() {
  struct Free {
    void operator()(libdeflate_decompressor* decompressor) const { libdeflate_free_decompressor(decompressor); }
  };
  thread_local std::unique_ptr<libdeflate_decompressor, Free> decompressor;
  if (!decompressor) decompressor.reset(libdeflate_alloc_decompressor());
  return decompressor.get();
}

}  // namespace galley
