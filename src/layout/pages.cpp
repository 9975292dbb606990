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
  std::visit(
      [&](auto& node) {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, Rule>) {
          node.y1 += dy;
          node.y2 += dy;
        } else {
          node.y += dy;
        }
      },
      item);
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
        for (Slice& part : cut_tall_slice(slice, bottom_ - top_)) {
          if (!fits(part.height, part.space_before)) new_page(part.article, false);
          place(part);
        }
        continue;
      }
      if (slice.page_break_before || tree_.pages.empty()) {
        new_page(slice.article, true);
      } else if (!fits(chain_height(i), slice.space_before)) {
        new_page(slice.article, false);
        repeat_table_header(slice);
      }
      place(slice);
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
    tree_.pages.push_back(std::move(page));
    page_article.push_back(article);
    page_opens_article.push_back(opens_article);
    y_ = top_;
  }

  void repeat_table_header(const Slice& slice) {
    if (slice.table < 0 || slice.table_header) return;
    for (Slice header : flow_.table_headers[static_cast<std::size_t>(slice.table)]) {
      header.space_before = 0;
      place(header);
    }
  }

  void place(const Slice& slice) {
    if (y_ > top_) y_ += slice.space_before;
    Page& page = tree_.pages.back();
    const int index = static_cast<int>(tree_.pages.size() - 1);
    for (const Item& item : slice.items) page.items.push_back(moved(item, y_));
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

void add_line(Context& context, Page& page, const TextStyle& style, const std::string& text, double x, double baseline,
              double width, Align align) {
  if (text.empty() || width <= 0) return;
  const text::FaceId face = context.face(style);
  const std::string shown = fitted(context, face, style.size, context.drawable(text), width);
  std::vector<Fragment> fragments;
  const double total = context.shape(face, style.size, shown, fragments);
  if (align == Align::right) x += width - total;
  if (align == Align::center) x += (width - total) / 2;
  for (const Fragment& f : fragments) {
    add_item(page.items, TextRun{f.font, f.size, x, baseline, f.width, f.text, style.colour});
    x += f.width;
  }
}

void add_running_heads(Context& context, const std::vector<RunningHead>& heads, const std::vector<int>& page_article,
                       const std::vector<bool>& page_opens_article, PageTree& tree) {
  const LayoutStyle& style = context.style();
  const double left = style.margin_left;
  const double width = style.page_width - style.margin_left - style.margin_right;
  const std::size_t count = tree.pages.size();
  for (std::size_t p = 0; p < count; ++p) {
    Page& page = tree.pages[p];
    add_line(context, page, style.running_head, fmt::format("{} / {}", p + 1, count), left,
             style.page_height - style.folio_baseline, width, Align::center);
    const auto article = static_cast<std::size_t>(page_article[p]);
    if (page_opens_article[p] || article >= heads.size()) continue;
    const RunningHead& head = heads[article];
    const double half = head.right.empty() ? width : width / 2 - 12;
    add_line(context, page, style.running_head, head.left, left, style.running_head_baseline, half, Align::left);
    add_line(context, page, style.running_head, head.right, left + width - half, style.running_head_baseline, half,
             Align::right);
    add_item(page.items,
        Rule{left, style.running_head_rule, left + width, style.running_head_rule, 0.3, style.running_head.colour});
  }
}

}  // namespace

std::vector<Slice> cut_tall_slice(Slice slice, double height) {
  std::vector<Slice> parts;
  double offset = 0;  // where the current part starts in the original slice
  while (slice.height - offset > height) {
    // The lowest cut at or above offset + height that crosses no line of text.
    double cut = offset + height;
    for (bool moved_cut = true; moved_cut;) {
      moved_cut = false;
      for (const Item& item : slice.items) {
        if (!std::holds_alternative<TextRun>(item)) continue;
        auto [top, bottom] = extent(item);
        if (top < cut && bottom > cut && top > offset) {
          cut = top;
          moved_cut = true;
        }
      }
    }
    if (cut <= offset + 1) cut = offset + height;
    Slice part;
    part.height = cut - offset;
    part.article = slice.article;
    part.space_before = parts.empty() ? slice.space_before : 0;
    for (const Item& item : slice.items) {
      auto [top, bottom] = extent(item);
      const bool text = std::holds_alternative<TextRun>(item) || std::holds_alternative<LinkArea>(item);
      if (text ? (top >= offset && top < cut) : (bottom > offset && top < cut)) {
        Item piece = moved(item, -offset);
        // Rules and boxes crossing the cut are drawn in each part they cross.
        if (auto* rule = std::get_if<Rule>(&piece)) {
          rule->y1 = std::clamp(rule->y1, 0.0, part.height);
          rule->y2 = std::clamp(rule->y2, 0.0, part.height);
        } else if (auto* box = std::get_if<Box>(&piece)) {
          const double box_top = std::max(box->y, 0.0);
          box->height = std::min(box->y + box->height, part.height) - box_top;
          box->y = box_top;
        }
        part.items.push_back(std::move(piece));
      }
    }
    for (const Mark& mark : slice.marks) {
      if (mark.y >= offset && mark.y < cut) part.marks.push_back(Mark{mark.kind, mark.name, mark.level, mark.y - offset});
    }
    parts.push_back(std::move(part));
    offset = cut;
  }
  Slice rest;
  rest.height = slice.height - offset;
  rest.article = slice.article;
  rest.keep_with_next = slice.keep_with_next;
  for (const Item& item : slice.items) {
    auto [top, bottom] = extent(item);
    const bool text = std::holds_alternative<TextRun>(item) || std::holds_alternative<LinkArea>(item);
    if (text ? top >= offset : bottom > offset) {
      Item piece = moved(item, -offset);
      if (auto* rule = std::get_if<Rule>(&piece)) {
        rule->y1 = std::max(rule->y1, 0.0);
        rule->y2 = std::max(rule->y2, 0.0);
      } else if (auto* box = std::get_if<Box>(&piece)) {
        box->height += std::min(box->y, 0.0);
        box->y = std::max(box->y, 0.0);
      }
      rest.items.push_back(std::move(piece));
    }
  }
  for (const Mark& mark : slice.marks) {
    if (mark.y >= offset) rest.marks.push_back(Mark{mark.kind, mark.name, mark.level, mark.y - offset});
  }
  parts.push_back(std::move(rest));
  return parts;
}

void paginate(Context& context, Flow& flow, const std::vector<RunningHead>& heads, PageTree& tree) {
  Paginator paginator(context, flow, tree);
  paginator.run();
  add_running_heads(context, heads, paginator.page_article, paginator.page_opens_article, tree);
}

}  // namespace galley::layout
