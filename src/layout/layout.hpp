// Layout: articles -> PageTree. The one door of the layout part for backends (pdf, trace);
// it needs fonts only through text::FontMetrics and reads no file but image headers.
#pragma once

#include <functional>
#include <vector>

#include "galley/diagnostics.hpp"
#include "galley/model/collection.hpp"
#include "galley/model/document.hpp"
#include "layout/page_tree.hpp"
#include "layout/style.hpp"
#include "text/font_metrics.hpp"
#include "text/font_set.hpp"

namespace galley::layout {

class WordMemo;

/// Where layout's time goes, for benchmarks (bench/pdf_bench.cpp): seconds, summed over
/// every paragraph. Measured only when asked for (a clock read around each step).
struct LayoutTimings {
  double items = 0;        ///< text -> boxes, glue, penalties (UAX #14, shaping, kerning), hyphenation included
  double hyphenating = 0;  ///< of which: looking words up in the hyphenation dictionary
  double breaking = 0;     ///< Knuth-Plass
};

/// Lays out one article: title block, body, notes, source line; running heads and folios.
/// `words`: the words already set with `fonts` (a batch of articles), kept for the next.
PageTree lay_out(const model::Document& document, const LayoutStyle& style, text::FontMetrics& fonts,
                 Diagnostics& diagnostics, LayoutTimings* timings = nullptr, WordMemo* words = nullptr);

/// Threads for a collection's articles: runs of them are laid out at once, each taken by
/// whichever thread is free, and joined in order. The PageTree and the diagnostics are the
/// same for any number of threads.
struct Workers {
  unsigned threads = 1;
  /// The FontMetrics thread `worker` (1 .. threads - 1) alone uses while the layout runs;
  /// thread 0 uses the one lay_out is given. Without it, one thread does everything.
  std::function<text::FontMetrics&(unsigned worker)> fonts;
};

/// Workers on `threads` threads (0: one per core), each with a FontSet of `pool` lent for as
/// long as this object lives.
class PooledWorkers {
 public:
  PooledWorkers(text::FontSetPool& pool, unsigned threads);
  PooledWorkers(const PooledWorkers&) = delete;  // workers() refers to this object
  PooledWorkers& operator=(const PooledWorkers&) = delete;
  const Workers& workers() const { return workers_; }

 private:
  std::vector<text::FontSetPool::Lease> fonts_;
  Workers workers_;
};

/// Lays out a collection: each article from a new page, with its own title block and
/// outline entry; page numbers run through the whole document. With `timings`, on one
/// thread whatever `workers` says. `words`, when given, keeps the words the calling thread
/// sets with `fonts` (so that the caller decides when and where they are freed); else
/// lay_out keeps them until it returns.
PageTree lay_out(const model::Collection& collection, const std::vector<const model::Document*>& articles,
                 const LayoutStyle& style, text::FontMetrics& fonts, Diagnostics& diagnostics,
                 LayoutTimings* timings = nullptr, const Workers& workers = {}, WordMemo* words = nullptr);

}  // namespace galley::layout
