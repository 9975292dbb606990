// Cutting slices, and the running heads and folios.
#include "layout/pages.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "layout/paginator.hpp"
#include "layout/paragraph.hpp"
#include "text/unicode.hpp"

namespace galley::layout {
namespace {

// The vertical extent of an item inside its slice, as [top, bottom].
std::pair<double, double> extent(const Item& item) {
  return std::visit(
      [](const auto& node) -> std::pair<double, double> {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, TextRun>) {
          return {node.y - node.size, node.y + node.size * 0.3};
        } else if constexpr (std::is_same_v<T, Rule>) {
          return {std::min(node.y1, node.y2), std::max(node.y1, node.y2)};
        } else if constexpr (std::is_same_v<T, Circle>) {
          return {node.y - node.radius, node.y + node.radius};
        } else {
          return {node.y, node.y + node.height};
        }
      },
      item);
}

// The item moved down by dy.
Item moved(Item item, double dy) {
  shift(item, dy);
  return item;
}

// The left and right margins of page `index` (0-based): a mirrored style's left-hand pages
// (even page numbers) have the outer margin on the left.
std::pair<double, double> side_margins(const LayoutStyle& style, std::size_t index) {
  if (style.mirror && index % 2 == 1) return {style.margin_right, style.margin_left};
  return {style.margin_left, style.margin_right};
}

// `text` shortened with an ellipsis until it fits `width`.
std::string fitted(Context& context, text::FaceId face, double size, std::string text, double width) {
  if (context.measure(face, size, text) <= width) return text;
  std::vector<std::size_t> starts;
  for (std::size_t pos = 0; pos < text.size();) {
    starts.push_back(pos);
    text::next_code_point(text, pos);
  }
  while (!starts.empty()) {
    text.resize(starts.back());
    starts.pop_back();
    while (!text.empty() && text.back() == ' ') text.pop_back();
    std::string shortened = text + "\u2026";
    if (context.measure(face, size, shortened) <= width) return shortened;
  }
  return "";
}

// Draws one line of running text, shortened to `width`; returns false when it is empty.
bool add_line(Context& context, Page& page, const TextStyle& style, const std::string& text, double x, double baseline,
              double width, Align align) {
  if (text.empty() || width <= 0) return false;
  const text::FaceId face = context.face(style);
  const std::string shown = fitted(context, face, style.size, context.drawable(text), width);
  std::vector<Fragment> fragments;
  const double total = context.shape(face, style.size, shown, fragments);
  if (align == Align::right) x += width - total;
  if (align == Align::center) x += (width - total) / 2;
  for (const Fragment& f : fragments) {
    add_item(page.items, TextRun{f.font, f.size, x, baseline, f.width, f.text, style.colour, f.kerns});
    x += f.width;
  }
  return !fragments.empty();
}

std::string expand(const std::string& pattern, const RunningHead& head, const std::string& section, std::size_t page,
                   std::size_t pages) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size();) {
    const std::size_t close = pattern[i] == '{' ? pattern.find('}', i) : std::string::npos;
    if (close != std::string::npos) {
      const std::string_view name = std::string_view(pattern).substr(i + 1, close - i - 1);
      if (name == "title") out += head.title;
      else if (name == "section") out += section;
      else if (name == "author") out += head.author;
      else if (name == "date") out += head.date;
      else if (name == "page") out += std::to_string(page);
      else if (name == "pages") out += std::to_string(pages);
      else out.append(pattern, i, close - i + 1);
      i = close + 1;
    } else {
      out += pattern[i++];
    }
  }
  return out;
}

// Left, centre and right texts on one line: the centre keeps what it needs (a third at most
// when the sides have text), the sides share the rest.
// On a mirrored style's left-hand pages the left and right templates change places, so what
// stands at the outer edge of a right-hand page stands at the outer edge of a left-hand one.
bool add_running_line(Context& context, Page& page, const RunningTemplates& templates, const RunningHead& head,
                      const std::string& section, std::size_t number, std::size_t pages, double baseline) {
  const LayoutStyle& style = context.style();
  const TextStyle& text = style.running;
  const auto [left, right_margin] = side_margins(style, number - 1);
  const double width = style.page_width - left - right_margin;
  const bool swapped = style.mirror && number % 2 == 0;
  const std::string l = expand(swapped ? templates.right : templates.left, head, section, number, pages);
  const std::string c = expand(templates.center, head, section, number, pages);
  const std::string r = expand(swapped ? templates.left : templates.right, head, section, number, pages);
  const bool sides = !l.empty() || !r.empty();
  double centre = 0;
  if (!c.empty()) centre = std::min(context.measure(context.face(text), text.size, c), sides ? width / 3 : width);
  const double gap = 12;
  const double side = c.empty() && (l.empty() || r.empty()) ? width : (width - centre) / 2 - gap;
  bool drawn = add_line(context, page, text, c, left + (width - centre) / 2, baseline, centre, Align::center);
  drawn = add_line(context, page, text, l, left, baseline, side, Align::left) || drawn;
  drawn = add_line(context, page, text, r, left + width - side, baseline, side, Align::right) || drawn;
  return drawn;
}

// The heading in force at the top of page `page`: the last outline entry above it.
std::string section_at(const PageTree& tree, int page, double top) {
  const OutlineEntry* current = nullptr;
  for (const OutlineEntry& entry : tree.outline) {
    if (entry.page > page || (entry.page == page && entry.y > top + 0.5)) break;
    current = &entry;
  }
  return current && current->level > 0 ? current->title : "";
}

}  // namespace

void add_running_heads(Context& context, const std::vector<RunningHead>& heads, const std::vector<PageRecord>& records,
                       PageTree& tree) {
  const LayoutStyle& style = context.style();
  const std::size_t count = tree.pages.size();
  const RunningHead none;
  for (std::size_t p = 0; p < count; ++p) {
    Page& page = tree.pages[p];
    const auto article = static_cast<std::size_t>(records[p].article);
    const RunningHead& head = article < heads.size() ? heads[article] : none;
    const std::string section =
        head.follow_headings ? section_at(tree, static_cast<int>(p), style.margin_top) : head.section;
    add_running_line(context, page, style.footer, head, section, p + 1, count,
                     style.page_height - style.footer_baseline);
    if (records[p].opens_article) continue;
    if (add_running_line(context, page, style.header, head, section, p + 1, count, style.header_baseline)) {
      const auto [left, right] = side_margins(style, p);
      add_item(page.items,
               Rule{left, style.header_rule, style.page_width - right, style.header_rule, 0.3, style.running.colour});
    }
  }
}

Split split_slice(const Slice& slice, double height) {
  // Where the slice may be cut: between two lines of text, just above the second's
  // ascenders (lines closer than 0.6 of their size are one line with a raised mark).
  std::vector<std::pair<double, double>> baselines;  // (baseline, size)
  for (const Item& item : slice.items) {
    if (const auto* run = std::get_if<TextRun>(&item)) baselines.emplace_back(run->y, run->size);
  }
  std::sort(baselines.begin(), baselines.end());
  double cut = 0;
  bool clean = false;
  for (std::size_t i = 1; i < baselines.size(); ++i) {
    const auto [above, above_size] = baselines[i - 1];
    const auto [below, below_size] = baselines[i];
    if (below - above < 0.6 * std::max(above_size, below_size)) continue;
    const double candidate = std::max(below - 0.9 * below_size, above + 0.01);
    if (candidate > height) break;
    cut = candidate;
    clean = true;
  }
  if (!clean) cut = std::min(height, slice.height);

  // Text and link areas go to the part their baseline or middle is in; rules and boxes are
  // drawn, clipped, in both parts when they cross the cut.
  auto anchor = [](const Item& item) {
    if (const auto* run = std::get_if<TextRun>(&item)) return run->y;
    const auto [top, bottom] = extent(item);
    return (top + bottom) / 2;
  };
  Split split;
  split.clean = clean;
  Slice& first = split.first;
  Slice& rest = split.rest;
  first.height = cut;
  rest.height = slice.height - cut;
  first.article = rest.article = slice.article;
  first.table = rest.table = slice.table;
  first.space_before = slice.space_before;
  first.span = rest.span = slice.span;
  first.notes = slice.notes;  // the notes go with the first part, to the page the slice starts on
  rest.keep_with_next = slice.keep_with_next;
  for (const Item& item : slice.items) {
    const auto [top, bottom] = extent(item);
    if (std::holds_alternative<Rule>(item) || std::holds_alternative<Box>(item)) {
      for (Slice* part : {&first, &rest}) {
        const double offset = part == &first ? 0 : cut;
        if (!(bottom > offset && top < offset + part->height) && !(top == bottom && top == offset)) continue;
        Item piece = moved(item, -offset);
        if (auto* rule = std::get_if<Rule>(&piece)) {
          rule->y1 = std::clamp(rule->y1, 0.0, part->height);
          rule->y2 = std::clamp(rule->y2, 0.0, part->height);
        } else if (auto* box = std::get_if<Box>(&piece)) {
          const double box_top = std::max(box->y, 0.0);
          box->height = std::min(box->y + box->height, part->height) - box_top;
          box->y = box_top;
        }
        part->items.push_back(std::move(piece));
      }
    } else if (anchor(item) < cut) {
      first.items.push_back(item);
    } else {
      rest.items.push_back(moved(item, -cut));
    }
  }
  for (const Mark& mark : slice.marks) {
    if (mark.y < cut) {
      first.marks.push_back(mark);
    } else {
      rest.marks.push_back(Mark{mark.kind, mark.name, mark.level, mark.y - cut});
    }
  }
  if (first.baseline < 0 && slice.baseline >= 0 && slice.baseline < cut) first.baseline = slice.baseline;
  return split;
}

std::vector<Slice> cut_tall_slice(Slice slice, double height) {
  std::vector<Slice> parts;
  while (slice.height > height) {
    Split split = split_slice(slice, height);
    parts.push_back(std::move(split.first));
    slice = std::move(split.rest);
  }
  parts.push_back(std::move(slice));
  return parts;
}

void paginate(Context& context, Flow& flow, const std::vector<RunningHead>& heads, PageTree& tree) {
  const std::vector<PageRecord> records = fill_pages(context, flow, tree);
  add_running_heads(context, heads, records, tree);
}

}  // namespace galley::layout
