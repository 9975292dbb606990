// The print sheet around each page: the trim placed inside bleed and slug, the page's ground
// run into the bleed, and the printer's marks (crop, registration, colour bar) in the slug.
// Runs last, on finished pages, so nothing else in layout knows the sheet exists.
#pragma once

#include "layout/page_tree.hpp"
#include "layout/style.hpp"

namespace galley::layout {

/// Turns every page of `tree` (laid out on the trim) into a print sheet as `style` asks:
/// MediaBox = trim + 2 x (bleed + slug), the TrimArea recorded, items, destinations and
/// outline moved by bleed + slug, the background painted to the bleed edge, marks drawn
/// outside the bleed. Sets tree.cmyk. A style with no bleed, slug or background leaves the
/// pages as they are.
void make_print_sheets(const LayoutStyle& style, PageTree& tree);

/// The marks of one sheet `width` x `height` whose trim is `trim` (for tests and the sheet
/// pass above): crop marks at the four trim corners, from the bleed's edge outwards, never
/// into the bleed; registration targets at the middle of each side; a colour bar in the top
/// slug. Nothing when the style has no slug.
std::vector<Item> printer_marks(const LayoutStyle& style, const TrimArea& trim, double width, double height);

}  // namespace galley::layout
