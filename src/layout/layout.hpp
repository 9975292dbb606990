// Layout: articles -> PageTree. The one door of the layout part for backends (pdf, trace);
// it needs fonts only through text::FontMetrics and reads no file but image headers.
#pragma once

#include <vector>

#include "galley/diagnostics.hpp"
#include "galley/model/collection.hpp"
#include "galley/model/document.hpp"
#include "layout/page_tree.hpp"
#include "layout/style.hpp"
#include "text/font_metrics.hpp"

namespace galley::layout {

/// Where layout's time goes, for benchmarks (bench/pdf_bench.cpp): seconds, summed over
/// every paragraph. Measured only when asked for (a clock read around each step).
struct LayoutTimings {
  double items = 0;        ///< text -> boxes, glue, penalties (UAX #14, shaping, kerning), hyphenation included
  double hyphenating = 0;  ///< of which: looking words up in the hyphenation dictionary
  double breaking = 0;     ///< Knuth-Plass
};

/// Lays out one article: title block, body, notes, source line; running heads and folios.
PageTree lay_out(const model::Document& document, const LayoutStyle& style, text::FontMetrics& fonts,
                 Diagnostics& diagnostics, LayoutTimings* timings = nullptr);

/// Lays out a collection: each article from a new page, with its own title block and
/// outline entry; page numbers run through the whole document.
PageTree lay_out(const model::Collection& collection, const std::vector<const model::Document*>& articles,
                 const LayoutStyle& style, text::FontMetrics& fonts, Diagnostics& diagnostics,
                 LayoutTimings* timings = nullptr);

}  // namespace galley::layout
