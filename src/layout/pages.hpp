// Pagination: the flow's slices onto pages (paginator.hpp: columns, notes at their foot,
// keeping what must stay together, repeating table headers, cutting a slice taller than a
// column), then the running heads and folios, mirrored on left-hand pages when asked.
#pragma once

#include <string>
#include <vector>

#include "layout/context.hpp"
#include "layout/flow.hpp"
#include "layout/page_tree.hpp"
#include "layout/paginator.hpp"

namespace galley::layout {

/// What an article's running heads and feet say (the style's templates pick from it).
struct RunningHead {
  std::string title;    ///< {title}: the article's, or the collection's
  std::string author;   ///< {author}
  std::string date;     ///< {date}, as written
  /// {section} when it does not follow the headings: the article's title in a collection.
  std::string section;
  bool follow_headings = true;  ///< {section} is the heading in force at the page top
};

/// Fills `tree.pages`, `tree.destinations` and `tree.outline` from `flow` (whose slices give up
/// their items), then draws the
/// running heads (on every page but an article's first) and feet. `heads` is indexed by
/// Slice::article.
void paginate(Context& context, Flow& flow, const std::vector<RunningHead>& heads, PageTree& tree);

/// paginate's second step, for pages filled by fill_pages or a PageFiller (paginator.hpp):
/// the running heads and feet, from one record a page.
void add_running_heads(Context& context, const std::vector<RunningHead>& heads, const std::vector<PageRecord>& records,
                       PageTree& tree);

/// A slice cut in two: `first` no taller than asked, `rest` what remains below it.
struct Split {
  Slice first;
  Slice rest;
  bool clean = false;  ///< cut between two lines of text (else straight through at the height)
};

/// Cuts `slice` at the lowest place between two lines of text no deeper than `height`
/// (straight at `height` when there is none). Text and link areas go with their baseline or
/// middle; rules and boxes crossing the cut are clipped into both parts.
Split split_slice(const Slice& slice, double height);

/// Cuts a slice taller than `height` into slices no taller, between lines of text.
std::vector<Slice> cut_tall_slice(Slice slice, double height);

}  // namespace galley::layout
