// Pagination and running heads.
#include "layout/pages.hpp"

#include <fmt/format.h>

#include <algorithm>

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

class Paginator {
 public:
  Paginator(Context& context, Flow& flow, PageTree& tree)
      : context_(context), style_(context.style()), flow_(flow), tree_(tree) {
    top_ = style_.margin_top;
    bottom_ = style_.page_height - style_.margin_bottom;
  }

  void run() {
    std::vector<Slice>& slices = flow_.slices;
    for (std::size_t i = 0; i < slices.size(); ++i) {
      Slice& slice = slices[i];
      if (slice.height > bottom_ - top_) {
        if (slice.page_break_before || tree_.pages.empty()) new_page(slice.article, true);
        place_tall(std::move(slice));
        continue;
      }
      if (slice.page_break_before || tree_.pages.empty()) {
        new_page(slice.article, true);
      } else if (!fits(chain_height(i), slice.space_before)) {
        new_page(slice.article, false);
        repeat_table_header(slice);
      }
      place(std::move(slice));
    }
  }

  // Page index -> the article its first slice belongs to, and whether the article starts there.
  std::vector<int> page_article;
  std::vector<bool> page_opens_article;

 private:
  bool fits(double height, double space_before) const {
    const double gap = y_ > top_ ? space_before : 0;
    return y_ + gap + height <= bottom_ + 0.01;
  }

  // The height of slice i and the slices it keeps with, or just its own when they would not
  // fit on any page.
  double chain_height(std::size_t i) const {
    const std::vector<Slice>& slices = flow_.slices;
    double height = slices[i].height;
    std::size_t j = i;
    while (slices[j].keep_with_next && j + 1 < slices.size() && !slices[j + 1].page_break_before) {
      ++j;
      height += slices[j].space_before + slices[j].height;
      if (height > bottom_ - top_) return slices[i].height;
    }
    return height;
  }

  void new_page(int article, bool opens_article) {
    Page page;
    page.width = style_.page_width;
    page.height = style_.page_height;
    page.items.reserve(tree_.pages.empty() ? 512 : tree_.pages.back().items.size() + 64);
    tree_.pages.push_back(std::move(page));
    page_article.push_back(article);
    page_opens_article.push_back(opens_article);
    y_ = top_;
  }

  void repeat_table_header(const Slice& slice) {
    if (slice.table < 0 || slice.table_header) return;
    for (Slice header : flow_.table_headers[static_cast<std::size_t>(slice.table)]) {
      header.space_before = 0;
      place(std::move(header));
    }
  }

  // A slice taller than a page: as much of it as fits here, cut between lines, then the rest
  // on the following pages (under the table's header again when it is a table row).
  void place_tall(Slice&& slice) {
    const double least = 3 * style_.body.leading;  // not worth starting it in less room
    while (true) {
      const double room = bottom_ - y_ - (y_ > top_ ? slice.space_before : 0);
      if (slice.height <= room) break;
      if (room >= least || y_ <= top_) {
        Split split = split_slice(slice, room);
        if (split.clean || y_ <= top_) {
          place(std::move(split.first));
          slice = std::move(split.rest);
        }
      }
      new_page(slice.article, false);
      repeat_table_header(slice);
    }
    place(std::move(slice));
  }

  // Puts the slice on the current page; its items are moved out.
  void place(Slice&& slice) {
    if (y_ > top_) y_ += slice.space_before;
    Page& page = tree_.pages.back();
    const int index = static_cast<int>(tree_.pages.size() - 1);
    for (Item& item : slice.items) {
      shift(item, y_);
      page.items.push_back(std::move(item));
    }
    for (const Mark& mark : slice.marks) {
      if (mark.kind == Mark::Kind::destination) {
        tree_.destinations.push_back(Destination{mark.name, index, y_ + mark.y});
      } else {
        tree_.outline.push_back(OutlineEntry{mark.level, mark.name, index, y_ + mark.y});
      }
    }
    y_ += slice.height;
  }

  Context& context_;
  const LayoutStyle& style_;
  Flow& flow_;
  PageTree& tree_;
  double top_ = 0;
  double bottom_ = 0;
  double y_ = 0;
};

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
bool add_running_line(Context& context, Page& page, const RunningTemplates& templates, const RunningHead& head,
                      const std::string& section, std::size_t number, std::size_t pages, double baseline) {
  const LayoutStyle& style = context.style();
  const TextStyle& text = style.running;
  const double left = style.margin_left;
  const double width = style.page_width - style.margin_left - style.margin_right;
  const std::string l = expand(templates.left, head, section, number, pages);
  const std::string c = expand(templates.center, head, section, number, pages);
  const std::string r = expand(templates.right, head, section, number, pages);
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

void add_running_heads(Context& context, const std::vector<RunningHead>& heads, const std::vector<int>& page_article,
                       const std::vector<bool>& page_opens_article, PageTree& tree) {
  const LayoutStyle& style = context.style();
  const std::size_t count = tree.pages.size();
  const RunningHead none;
  for (std::size_t p = 0; p < count; ++p) {
    Page& page = tree.pages[p];
    const auto article = static_cast<std::size_t>(page_article[p]);
    const RunningHead& head = article < heads.size() ? heads[article] : none;
    const std::string section =
        head.follow_headings ? section_at(tree, static_cast<int>(p), style.margin_top) : head.section;
    add_running_line(context, page, style.footer, head, section, p + 1, count,
                     style.page_height - style.footer_baseline);
    if (page_opens_article[p]) continue;
    if (add_running_line(context, page, style.header, head, section, p + 1, count, style.header_baseline)) {
      const double right = style.page_width - style.margin_right;
      add_item(page.items, Rule{style.margin_left, style.header_rule, right, style.header_rule, 0.3, style.running.colour});
    }
  }
}

}  // namespace

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
  Paginator paginator(context, flow, tree);
  paginator.run();
  add_running_heads(context, heads, paginator.page_article, paginator.page_opens_article, tree);
}

}  // namespace galley::layout
