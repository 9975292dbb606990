// Filling pages: the flow's slices into the columns of each page, the notes their marks call
// at the foot of the same column, the title block across all columns, the last page of an
// article balanced. Running heads are drawn afterwards (pages.cpp).
#pragma once

#include <memory>
#include <vector>

#include "layout/context.hpp"
#include "layout/flow.hpp"
#include "layout/page_tree.hpp"

namespace galley::layout {

/// What a page holds, for its running head and foot.
struct PageRecord {
  int article = 0;             ///< the article of its first slice
  bool opens_article = false;  ///< an article starts on it (no running head)
};

/// Fills `tree.pages`, `tree.destinations` and `tree.outline` from `flow`, whose slices give up
/// their items; returns one record a page.
///
/// Each page has LayoutStyle::columns columns; a slice goes in the current column when it,
/// the slices it keeps with and the notes it calls fit above the column's notes, else in the
/// next column (the next page after the last). A note is set at the foot of the column of its
/// first mark, under a short rule; when only part of it fits, the rest continues at the foot
/// of the next column, before any other note. Spanning slices (the title block) go across
/// the text width above the columns. On the last page of an article the columns are
/// balanced to the least height that holds them, when no note was split there. Left-hand
/// pages of a mirrored style have their text moved to the other margin.
/// The slices placed are taken out of the flow (its notes and table headers stay).
std::vector<PageRecord> fill_pages(Context& context, Flow& flow, PageTree& tree);

/// fill_pages in steps, for a flow that grows at its end between them (a collection laid out
/// in runs: each run's pages are filled as it joins, while later runs are still laid out).
/// The pages are the same as fill_pages makes of the whole flow. `flow` and `tree` must outlive it.
class PageFiller {
 public:
  PageFiller(Context& context, Flow& flow, PageTree& tree);
  ~PageFiller();
  PageFiller(const PageFiller&) = delete;
  PageFiller& operator=(const PageFiller&) = delete;

  /// Places the slices the flow has gained since the last call, and takes them out of it;
  /// the last page stays open.
  void place();
  /// Places the rest and ends the last page; returns one record a page.
  std::vector<PageRecord> finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace galley::layout
