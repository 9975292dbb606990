// The flow: everything an article holds, set in the column as a sequence of slices (a line,
// a table row, a figure) that pagination distributes over pages. A slice is never split
// across pages unless it is taller than a page.
#pragma once

#include <string>
#include <vector>

#include "layout/page_tree.hpp"

namespace galley::layout {

/// Something placed with a slice that is not drawn: a destination or an outline entry.
struct Mark {
  enum class Kind : unsigned char { destination, outline };
  Kind kind = Kind::destination;
  std::string name;  ///< destination name, or outline title
  int level = 0;     ///< outline level
  double y = 0;      ///< from the slice's top
};

struct Slice {
  double height = 0;        ///< from its top to its bottom
  double space_before = 0;  ///< gap above it; dropped at the top of a page
  double baseline = -1;     ///< first baseline from the top, -1 when it has no text
  bool keep_with_next = false;     ///< never the last slice on a page when more follow
  bool page_break_before = false;  ///< starts a new page (a new article)
  int table = -1;             ///< index into Flow::table_headers when it is a table's body row
  bool table_header = false;  ///< a header row (repeated from Flow::table_headers instead)
  int article = 0;            ///< which article of a collection it belongs to
  /// Spans every column (the title block), set on the full text width; else set in the first
  /// column and moved to the column it lands in.
  bool span = false;
  /// Notes whose marks it holds (indexes into Flow::notes): each is set at the foot of the
  /// column this slice lands in, unless an earlier mark placed it already.
  std::vector<int> notes;
  std::vector<Item> items;    ///< x on the page, y from the slice's top
  std::vector<Mark> marks;
};

/// Moves an item down by `dy` (up when negative).
void shift(Item& item, double dy);

/// Moves an item right by `dx` and down by `dy`.
void translate(Item& item, double dx, double dy);

/// Moves a slice's content down by `dy` and makes it that much taller (room above it).
void shift_down(Slice& slice, double dy);

struct Flow {
  std::vector<Slice> slices;
  /// Header rows of each table, repeated at the top of a page a table continues on.
  std::vector<std::vector<Slice>> table_headers;
  /// The lines of each note set at the foot of a page or column (Context::notes() order),
  /// in the first column; the first line holds the number and the note's destination.
  /// Empty for a note listed at the end of its article instead.
  std::vector<std::vector<Slice>> notes;
};

}  // namespace galley::layout
