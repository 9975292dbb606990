// Tables: each column as wide as its content asks (the widest word at least, its longest line
// at most, scaled into the frame), each row one slice, the header rows repeated on every page
// the table continues on.
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

std::vector<double> column_widths(const std::vector<Extent>& extents, double available, double padding) {
  std::vector<double> min, max;
  for (const Extent& e : extents) {
    min.push_back(e.min + padding);
    max.push_back(std::max(e.max, e.min) + padding);
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
      // Not even the widest words fit: shrink all; words then break between characters.
      widths[c] = min[c] * available / total_min;
    }
  }
  return widths;
}

}  // namespace

void lay_out_table(BlockWriter& writer, const model::Table& table, Frame frame, const BlockEnv& env) {
  Context& context = writer.context();
  const LayoutStyle& style = context.style();
  const std::size_t columns = table.alignments.size();
  if (columns == 0 || (table.head.empty() && table.body.empty())) return;
  const TextStyle& text = style.table;
  const double pad_x = style.cell_padding_x;
  const double pad_y = style.cell_padding_y;

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
  const std::vector<double> widths = column_widths(extents, frame.width, 2 * pad_x);

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
