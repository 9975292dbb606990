// Pagination: the flow's slices onto pages (keeping what must stay together, repeating table
// headers, cutting a slice taller than a page), then the running heads and folios.
#pragma once

#include <string>
#include <vector>

#include "layout/context.hpp"
#include "layout/flow.hpp"
#include "layout/page_tree.hpp"

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

/// Cuts a slice taller than `height` into slices no taller, between lines of text.
std::vector<Slice> cut_tall_slice(Slice slice, double height);

}  // namespace galley::layout
