// Pagination: the flow's slices onto pages (keeping what must stay together, repeating table
// headers, cutting a slice taller than a page), then the running heads and folios.
#pragma once

#include <string>
#include <vector>

#include "layout/context.hpp"
#include "layout/flow.hpp"
#include "layout/page_tree.hpp"

namespace galley::layout {

/// The running head of an article's pages after its first: text at the left and the right.
struct RunningHead {
  std::string left;
  std::string right;
};

/// Fills `tree.pages`, `tree.destinations` and `tree.outline` from `flow`. `heads` is indexed
/// by Slice::article.
void paginate(Context& context, Flow& flow, const std::vector<RunningHead>& heads, PageTree& tree);

/// Cuts a slice taller than `height` into slices no taller, between lines of text.
std::vector<Slice> cut_tall_slice(Slice slice, double height);

}  // namespace galley::layout
