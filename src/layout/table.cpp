// Tables: each column as wide as its content asks (the widest word at least, its longest line
// at most, scaled into the frame), each row one slice, the header rows repeated on every page
// the table continues on. A table too wide for its frame is set in smaller type, down to a
// floor; one too wide even then is set in parts of as many columns as fit.
#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "layout/blocks.hpp"
#include "layout/paragraph.hpp"

namespace galley::layout {
namespace {

Align align_of(model::Alignment alignment) {
  switch (alignment) {
    case model::Alignment::right: return Align::right;
    case model::Alignment::center: return Align::center;
    default: return Align::left;
  }
}

// The smallest type a table is set in to make it fit, in points.
constexpr double smallest_size = 4.5;

// The narrowest a column may be: its padding, one wide character and a hyphen.
double narrowest_column(const TextStyle& text, double pad_x) { return 2 * pad_x + 1.3 * text.size; }

// Widths that add up to `available`, none under `floor` (the caller makes sure that
// `floor` times the columns fits).
std::vector<double> column_widths(const std::vector<Extent>& extents, double available, double padding, double floor) {
  std::vector<double> min, max;
  for (const Extent& e : extents) {
    min.push_back(std::max(e.min + padding, floor));
    max.push_back(std::max(std::max(e.max, e.min) + padding, floor));
  }
  const double total_min = std::accumulate(min.begin(), min.end(), 0.0);
  const double total_max = std::accumulate(max.begin(), max.end(), 0.0);
  std::vector<double> widths(extents.size());
  for (std::size_t c = 0; c < extents.size(); ++c) {
    if (total_max <= available) {
      // Everything fits on one line: the spare width goes where the content is widest.
      widths[c] = max[c] + (available - total_max) * (total_max > 0 ? max[c] / total_max : 1.0 / extents.size());
    } else if (total_min <= available) {
      const double flexible = total_max - total_min;
      widths[c] = min[c] + (available - total_min) * (flexible > 0 ? (max[c] - min[c]) / flexible : 0);
    } else {
      // Not even the widest words fit: every column gets the floor and a share of the rest
      // by how much more it wanted; words then break between characters.
      const double spare = available - floor * static_cast<double>(extents.size());
      const double wanted = total_min - floor * static_cast<double>(extents.size());
      widths[c] = floor + (wanted > 0 ? spare * (min[c] - floor) / wanted : spare / static_cast<double>(extents.size()));
    }
  }
  return widths;
}

// The columns [first, first + count) of `table`.
model::Table columns_of(const model::Table& table, std::size_t first, std::size_t count) {
  model::Table part;
  auto slice = [&](const auto& row) {
    using Row = std::decay_t<decltype(row)>;
    const std::size_t begin = std::min(first, row.size());
    const std::size_t end = std::min(first + count, row.size());
    return Row(row.begin() + static_cast<std::ptrdiff_t>(begin), row.begin() + static_cast<std::ptrdiff_t>(end));
  };
  part.alignments = slice(table.alignments);
  for (const auto& row : table.head) part.head.push_back(slice(row));
  for (const auto& row : table.body) part.body.push_back(slice(row));
  return part;
}

}  // namespace

void lay_out_table(BlockWriter& writer, const model::Table& table, Frame frame, const BlockEnv& env) {
  Context& context = writer.context();
  const LayoutStyle& style = context.style();
  const std::size_t columns = table.alignments.size();
  if (columns == 0 || (table.head.empty() && table.body.empty())) return;
  TextStyle text = style.table;
  double pad_x = style.cell_padding_x;
  double pad_y = style.cell_padding_y;
  // Too many columns for one character each: smaller type and padding, down to a floor.
  const double per_column = frame.width / static_cast<double>(columns);
  if (narrowest_column(text, pad_x) > per_column) {
    const double scale =
        std::max(per_column / narrowest_column(text, pad_x), std::min(1.0, smallest_size / text.size));
    text.size *= scale;
    text.leading *= scale;
    pad_x *= scale;
    pad_y *= scale;
  }
  const double floor = narrowest_column(text, pad_x);
  if (floor > per_column) {
    const auto fit = std::max<std::size_t>(1, static_cast<std::size_t>(frame.width / floor));
    const std::size_t parts = (columns + fit - 1) / fit;
    context.warn(fmt::format("a table of {} columns does not fit the page even in {:.1f} pt type; it is set in {} "
                             "parts of at most {} columns",
                             columns, text.size, parts, fit));
    for (std::size_t first = 0; first < columns; first += fit) {
      lay_out_table(writer, columns_of(table, first, fit), frame, env);
    }
    return;
  }

  // Cells as spans, header cells bold.
  struct Row {
    std::vector<Spans> cells;
    bool header = false;
  };
  std::vector<Row> rows;
  for (int part = 0; part < 2; ++part) {
    for (const model::Table::Row& source : part == 0 ? table.head : table.body) {
      Row row;
      row.header = part == 0;
      SpanStyle cell_style;
      cell_style.bold = row.header;
      for (std::size_t c = 0; c < columns; ++c) {
        Spans spans;
        if (c < source.size()) append_spans(context, source[c], cell_style, spans);
        row.cells.push_back(std::move(spans));
      }
      rows.push_back(std::move(row));
    }
  }

  std::vector<Extent> extents(columns);
  for (const Row& row : rows) {
    for (std::size_t c = 0; c < columns; ++c) {
      const Extent e = measure_paragraph(context, row.cells[c], text);
      extents[c].min = std::max(extents[c].min, e.min);
      extents[c].max = std::max(extents[c].max, e.max);
    }
  }
  const std::vector<double> widths = column_widths(extents, frame.width, 2 * pad_x, floor);

  Flow& flow = writer.flow();
  const int index = static_cast<int>(flow.table_headers.size());
  flow.table_headers.emplace_back();
  const double left = frame.x, right = frame.x + frame.width;
  std::vector<Slice> slices;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const Row& row = rows[r];
    std::vector<Slice> cells;
    double x = frame.x;
    double height = 0;
    for (std::size_t c = 0; c < columns; ++c) {
      const Frame cell{x + pad_x, std::max(1.0, widths[c] - 2 * pad_x)};
      Slice merged = merge_slices(set_paragraph(context, row.cells[c], text, align_of(table.alignments[c]), cell));
      height = std::max(height, merged.height);
      cells.push_back(std::move(merged));
      x += widths[c];
    }
    Slice slice;
    slice.height = height + 2 * pad_y;
    for (Slice& cell : cells) {
      shift_down(cell, pad_y);
      if (slice.baseline < 0 && cell.baseline >= 0) slice.baseline = cell.baseline;
      for (Item& item : cell.items) slice.items.push_back(std::move(item));
      slice.notes.insert(slice.notes.end(), cell.notes.begin(), cell.notes.end());
    }
    const bool first = r == 0;
    const bool last = r + 1 == rows.size();
    const bool header_end = row.header && (last || !rows[r + 1].header);
    if (first) add_item(slice.items, Rule{left, 0, right, 0, 0.8, style.table_rule_colour});
    if (header_end || last) {
      add_item(slice.items, Rule{left, slice.height, right, slice.height, 0.8, style.table_rule_colour});
    } else {
      add_item(slice.items, Rule{left, slice.height, right, slice.height, 0.4, style.row_rule_colour});
    }
    if (row.header) {
      slice.table_header = true;
      slice.keep_with_next = true;
      flow.table_headers[static_cast<std::size_t>(index)].push_back(slice);
    } else {
      slice.table = index;
    }
    slices.push_back(std::move(slice));
  }
  writer.add(std::move(slices), writer.space_before(env));
}

}  // namespace galley::layout
