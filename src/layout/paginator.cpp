// Page filling with columns and column-foot notes (paginator.hpp). A page is built in a
// buffer and drawn into the PageTree when it is finished, so the last page of an article can
// still be rebalanced.
#include "layout/paginator.hpp"

#include <algorithm>
#include <deque>
#include <memory>

#include "layout/pages.hpp"

namespace galley::layout {
namespace {

// A line of a note at a column's foot.
struct FootLine {
  Slice line;
  bool head = false;  ///< the note's first line (space above it when another note precedes)
};

// A body slice in a column: its top from the page top, and the note lines it brought.
struct Placed {
  Slice slice;
  double y = 0;
  std::vector<FootLine> notes;  ///< the lines of the notes it calls (balancing moves them along)
};

struct Column {
  std::vector<Placed> body;
  std::vector<FootLine> foot;  ///< lines carried from the column before, then new notes
  double y = 0;                ///< where the next body slice goes
  double foot_height = 0;      ///< rule and lines
  std::size_t carried = 0;     ///< how many of the foot's first lines came from the column before
  bool empty() const { return body.empty() && foot.empty(); }
};

class Paginator {
 public:
  Paginator(Context& context, Flow& flow, PageTree& tree)
      : style_(context.style()), flow_(flow), tree_(tree), placed_note_(flow.notes.size(), false) {
    top_ = style_.margin_top;
    bottom_ = style_.page_height - style_.margin_bottom;
    count_ = std::max(1, style_.columns);
    width_ = column_width(style_);
  }

  // Places the slices the flow has gained since the last call (its notes may have grown too).
  void place_new() {
    placed_note_.resize(flow_.notes.size(), false);
    std::vector<Slice>& slices = flow_.slices;
    for (std::size_t i = next_; i < slices.size(); ++i) {
      next_ = i + 1;
      Slice& slice = slices[i];
      if (slice.page_break_before || tree_.pages.empty()) {
        flush_carried(slice.article);
        finish_page(true);
        new_page(slice.article, true);
      }
      if (slice.span && count_ > 1 && no_column_text()) {
        place_spanning(i);
        continue;
      }
      if (span_gap_) {
        // The space between the title block and the body opens every column.
        span_gap_ = false;
        columns_top_ = std::min(columns_top_ + slice.space_before, bottom_);
        for (Column& c : columns_) c.y = columns_top_;
      }
      if (slice.height > bottom_ - columns_top_) {
        place_tall(std::move(slice));
        continue;
      }
      const double chain = chain_height(i);
      if (!fits(chain, slice.space_before, notes_height(slice, false)) &&
          !fits(chain, slice.space_before, notes_height(slice, true))) {
        advance_column(slice.article);
        repeat_table_header(slice);
      }
      place(std::move(slice));
    }
    // What is placed was moved out: the emptied slices go, and the flow keeps its room for
    // the next run's. Kept, they grew it with the whole collection, copied into each larger
    // array (1,000 articles into one PDF: 3,900 page faults more).
    if (!slices.empty()) {
      last_article_ = slices.back().article;
      slices.clear();
      next_ = 0;
    }
  }

  std::vector<PageRecord> finish() {
    place_new();
    flush_carried(last_article_);
    finish_page(true);
    return std::move(records_);
  }

 private:
  // --- Geometry --------------------------------------------------------------------------
  Column& column() { return columns_[static_cast<std::size_t>(current_)]; }
  // Nothing set in the columns yet but notes (a title block's own marks put some there).
  bool no_column_text() const {
    return std::all_of(columns_.begin(), columns_.end(), [](const Column& c) { return c.body.empty(); });
  }
  double column_x(int c) const { return c * (width_ + style_.column_gap); }

  bool fits(double height, double space_before, double notes) {
    const Column& c = column();
    const double gap = c.y > columns_top_ ? space_before : 0;
    return c.y + gap + height + c.foot_height + notes <= bottom_ + 0.01;
  }

  // The slice's height and the slices it keeps with, or just its own when the chain would
  // not fit in any column.
  double chain_height(std::size_t i) const {
    const std::vector<Slice>& slices = flow_.slices;
    double height = slices[i].height;
    std::size_t j = i;
    while (slices[j].keep_with_next && j + 1 < slices.size() && !slices[j + 1].page_break_before) {
      ++j;
      height += slices[j].space_before + slices[j].height;
      if (height > bottom_ - columns_top_) return slices[i].height;
    }
    return height;
  }

  // --- Notes -------------------------------------------------------------------------------
  // The notes a slice calls that are not set yet.
  std::vector<int> new_notes(const Slice& slice) const {
    std::vector<int> out;
    for (int n : slice.notes) {
      const auto index = static_cast<std::size_t>(n);
      if (index < flow_.notes.size() && !placed_note_[index] && !flow_.notes[index].empty() &&
          std::find(out.begin(), out.end(), n) == out.end()) {
        out.push_back(n);
      }
    }
    return out;
  }

  double line_cost(const FootLine& line, bool foot_empty) const {
    return (foot_empty ? style_.note_separator : line.head ? style_.note_space : 0) + line.line.height;
  }

  // What the slice's new notes add to the column's foot: all of them, or (`first_line`) the
  // least that may stay with the mark, the first line of the first.
  double notes_height(const Slice& slice, bool first_line) {
    if (!carried_.empty()) return 0;  // they will wait behind the lines still carried
    double height = 0;
    bool empty = column().foot.empty() && carried_.empty();
    for (int n : new_notes(slice)) {
      bool head = true;
      for (const Slice& line : flow_.notes[static_cast<std::size_t>(n)]) {
        height += line_cost(FootLine{Slice{}, head}, empty) + line.height;
        empty = head = false;
        if (first_line) return height;
      }
    }
    return height;
  }

  // Moves lines from the front of `queue` to the current column's foot while they fit below
  // `body_bottom` and the foot stays within `limit`; with `force`, at least one (an empty
  // column takes a line however tall, or the notes would never end).
  void fill_foot(std::deque<FootLine>& queue, double body_bottom, double limit, bool force) {
    Column& c = column();
    while (!queue.empty()) {
      const double cost = line_cost(queue.front(), c.foot.empty());
      const bool alone = force && c.foot.empty();
      if (!alone && (body_bottom + c.foot_height + cost > bottom_ + 0.01 || c.foot_height + cost > limit)) break;
      c.foot_height += cost;
      c.foot.push_back(std::move(queue.front()));
      queue.pop_front();
    }
  }

  // --- Placing -----------------------------------------------------------------------------
  void new_page(int article, bool opens_article) {
    Page page;
    page.width = style_.page_width;
    page.height = style_.page_height;
    page.items.reserve(tree_.pages.empty() ? 512 : tree_.pages.back().items.size() + 64);
    tree_.pages.push_back(std::move(page));
    records_.push_back(PageRecord{article, opens_article});
    columns_.assign(static_cast<std::size_t>(count_), Column{});
    current_ = 0;
    columns_top_ = span_y_ = top_;
    for (Column& c : columns_) c.y = top_;
    balanceable_ = carried_.empty();
    span_gap_ = false;
    open_column();
  }

  // A new column starts with the lines carried over from the one before.
  void open_column() {
    if (carried_.empty()) return;
    const std::size_t before = column().foot.size();
    const double share = flushing_ ? 1 : style_.carried_notes_share;
    fill_foot(carried_, column().y, share * (bottom_ - columns_top_), true);
    column().carried += column().foot.size() - before;
  }

  // At an article's end: the note lines still carried fill the next columns, whole.
  void flush_carried(int article) {
    if (tree_.pages.empty()) return;
    flushing_ = true;
    while (!carried_.empty()) advance_column(article);
    flushing_ = false;
  }

  void advance_column(int article) {
    if (current_ + 1 < count_) {
      ++current_;
      open_column();
      return;
    }
    finish_page(false);
    new_page(article, false);
  }

  void repeat_table_header(const Slice& slice) {
    if (slice.table < 0 || slice.table_header) return;
    for (Slice header : flow_.table_headers[static_cast<std::size_t>(slice.table)]) {
      header.space_before = 0;
      balanceable_ = false;  // a repeated header belongs at a column's top
      place(std::move(header));
    }
  }

  // A slice taller than a column: as much of it as fits here, cut between lines, then the rest
  // in the following columns (under the table's header again when it is a table row).
  void place_tall(Slice&& slice) {
    const double least = 3 * style_.body.leading;  // not worth starting it in less room
    while (true) {
      const Column& c = column();
      const bool at_top = c.y <= columns_top_;
      double room = bottom_ - c.foot_height - c.y - (at_top ? 0 : slice.space_before);
      // Always some progress, even under carried notes that fill a column.
      if (at_top) room = std::max(room, std::min(least, bottom_ - columns_top_));
      if (slice.height <= room) break;
      if (room >= least || at_top) {
        Split split = split_slice(slice, room);
        if (split.clean || at_top) {
          place(std::move(split.first));
          slice = std::move(split.rest);
        }
      }
      advance_column(slice.article);
      repeat_table_header(slice);
    }
    place(std::move(slice));
  }

  // Puts the slice in the current column, and the notes it calls at the column's foot.
  void place(Slice&& slice) {
    Column& c = column();
    if (c.y > columns_top_) c.y += slice.space_before;
    Placed placed{std::move(slice), c.y, {}};
    c.y += placed.slice.height;
    // Carried lines make room for a body slice placed here anyway: they move on again.
    while (c.carried > 0 && c.foot.size() <= c.carried && c.y + c.foot_height > bottom_ + 0.01) {
      c.foot_height -= line_cost(c.foot.back(), c.foot.size() == 1);
      carried_.push_front(std::move(c.foot.back()));
      c.foot.pop_back();
      --c.carried;
      balanceable_ = false;
    }
    // The notes it calls, then the notes those call (a link inside a note), in order. Most
    // slices call none, and need no queue (a std::deque allocates even when empty: 13,400
    // of them for 100 articles).
    std::vector<int> calls = new_notes(placed.slice);
    if (calls.empty()) {
      c.body.push_back(std::move(placed));
      return;
    }
    std::deque<FootLine> queue;
    for (std::size_t k = 0; k < calls.size(); ++k) {
      const auto n = static_cast<std::size_t>(calls[k]);
      placed_note_[n] = true;
      bool head = true;
      for (const Slice& line : flow_.notes[n]) {
        queue.push_back(FootLine{line, head});
        head = false;
        for (int nested : new_notes(line)) {
          if (std::find(calls.begin(), calls.end(), nested) == calls.end()) calls.push_back(nested);
        }
      }
    }
    // Balancing keeps each note whole under the slice that calls it, wherever part of it
    // went in this first fill.
    placed.notes.assign(queue.begin(), queue.end());
    if (carried_.empty()) fill_foot(queue, c.y, bottom_ - columns_top_, false);
    for (FootLine& line : queue) carried_.push_back(std::move(line));
    c.body.push_back(std::move(placed));
  }

  // The title block: across the columns, above them.
  void place_spanning(std::size_t i) {
    Slice& slice = flow_.slices[i];
    const double chain = chain_height(i);
    if (span_y_ > top_ && span_y_ + slice.space_before + chain > bottom_ + 0.01) {
      finish_page(false);
      new_page(slice.article, false);
    }
    while (span_y_ + slice.height > bottom_ + 0.01) {  // taller than the page: cut it
      Split split = split_slice(slice, bottom_ - span_y_);
      emit_spanning(std::move(split.first));
      finish_page(false);
      new_page(slice.article, false);
      slice = std::move(split.rest);
    }
    emit_spanning(std::move(slice));
  }

  void emit_spanning(Slice&& slice) {
    if (span_y_ > top_) span_y_ += slice.space_before;
    const double y = span_y_;
    span_y_ += slice.height;
    columns_top_ = span_y_;
    span_gap_ = true;
    for (Column& c : columns_) c.y = columns_top_;
    Slice marks_only;
    marks_only.notes = slice.notes;
    emit(std::move(slice), 0, y);
    // Notes marked in the title block go to the first column's foot.
    if (!marks_only.notes.empty()) {
      balanceable_ = false;  // balancing moves only the notes of the columns' own slices
      place(std::move(marks_only));
      column().body.pop_back();
      column().y = columns_top_;
    }
  }

  // --- Balancing ---------------------------------------------------------------------------
  // Lays the page's body slices out again in columns `height` high, in order; false when they
  // do not fit in the page's columns.
  // `used` is then the tallest column's height, its notes included.
  bool arrange(std::vector<Placed>& units, double height, std::vector<Column>* out, double* used = nullptr) const {
    std::vector<Column> columns(static_cast<std::size_t>(count_));
    std::size_t c = 0;
    double y = 0, foot = 0;
    for (std::size_t k = 0; k < units.size(); ++k) {
      const Slice& slice = units[k].slice;
      double notes = 0;
      for (const FootLine& line : units[k].notes) notes += line_cost(line, foot == 0 && notes == 0);
      // The slices this one keeps with must go into the same column.
      double chain = slice.height;
      for (std::size_t j = k; j + 1 < units.size() && units[j].slice.keep_with_next; ++j) {
        chain += units[j + 1].slice.space_before + units[j + 1].slice.height;
      }
      if (chain > height) chain = slice.height;
      const double gap = y > 0 ? slice.space_before : 0;
      if (y > 0 && y + gap + chain + foot + notes > height + 0.01) {
        if (++c == columns.size()) return false;
        y = foot = 0;
        notes = 0;
        for (const FootLine& line : units[k].notes) notes += line_cost(line, notes == 0);
      } else {
        y += gap;
      }
      if (y + slice.height + foot + notes > height + 0.01) return false;
      if (out) {
        Column& column = columns[c];
        column.body.push_back(Placed{units[k].slice, columns_top_ + y, units[k].notes});
        for (const FootLine& line : units[k].notes) column.foot.push_back(line);
        column.foot_height = foot + notes;
      }
      y += slice.height;
      foot += notes;
      if (used) *used = std::max(*used, y + foot);
    }
    if (out) *out = std::move(columns);
    return true;
  }

  // Evens out the columns of an article's last page: the least column height that holds
  // them, by bisection.
  double balance() {
    if (count_ < 2 || !balanceable_ || !carried_.empty()) return bottom_;
    std::vector<Placed> units;
    for (Column& c : columns_) {
      for (Placed& p : c.body) units.push_back(p);
    }
    if (units.size() < 2) return bottom_;
    double high = bottom_ - columns_top_;
    if (!arrange(units, high, nullptr)) return bottom_;
    double low = 0;
    for (int step = 0; step < 30 && high - low > 0.05; ++step) {
      const double middle = (low + high) / 2;
      if (arrange(units, middle, nullptr)) high = middle; else low = middle;
    }
    std::vector<Column> arranged;
    double used = 0;
    arrange(units, high, &arranged, &used);
    for (std::size_t c = 0; c < arranged.size(); ++c) arranged[c].y = columns_top_;
    columns_ = std::move(arranged);
    return columns_top_ + used;
  }

  // --- Drawing -----------------------------------------------------------------------------
  // Left-hand pages of a mirrored style: the text block moves to the other margin.
  double page_shift() const {
    const bool left_hand = tree_.pages.size() % 2 == 0;
    return style_.mirror && left_hand ? style_.margin_right - style_.margin_left : 0;
  }

  // The slice's items onto the current page, `dx` to the right of the first column and its
  // top at `y`.
  void emit(Slice&& slice, double dx, double y) {
    Page& page = tree_.pages.back();
    const int index = static_cast<int>(tree_.pages.size() - 1);
    const double shift = page_shift();
    for (Item& item : slice.items) {
      const auto* picture = std::get_if<Picture>(&item);
      translate(item, picture && picture->full_bleed ? 0 : dx + shift, y);
      page.items.push_back(std::move(item));
    }
    for (const Mark& mark : slice.marks) {
      if (mark.kind == Mark::Kind::destination) {
        tree_.destinations.push_back(Destination{mark.name, index, y + mark.y});
      } else {
        tree_.outline.push_back(OutlineEntry{mark.level, mark.name, index, y + mark.y});
      }
    }
  }

  // Draws the buffered columns: each column's text, then its notes up from `bottom`, then the
  // rules between columns.
  void finish_page(bool article_ends) {
    if (tree_.pages.empty() || columns_.empty()) return;
    const double bottom = article_ends ? balance() : bottom_;
    for (int c = 0; c < count_; ++c) {
      Column& column = columns_[static_cast<std::size_t>(c)];
      const double dx = column_x(c);
      for (Placed& placed : column.body) {
        emit(std::move(placed.slice), dx, placed.y);
      }
      if (column.foot.empty()) continue;
      const double top = bottom - column.foot_height;
      const double x = style_.margin_left + dx + page_shift();
      const double rule = top + style_.note_separator * 0.35;
      const double length = std::min(width_, std::max(width_ / 4, 40.0));
      add_item(tree_.pages.back().items, Rule{x, rule, x + length, rule, 0.5, style_.rule_colour});
      double y = top + style_.note_separator;
      for (std::size_t i = 0; i < column.foot.size(); ++i) {
        FootLine& line = column.foot[i];
        if (i > 0 && line.head) y += style_.note_space;
        const double height = line.line.height;
        emit(std::move(line.line), dx, y);
        y += height;
      }
    }
    if (style_.column_rule && count_ > 1) {
      for (int c = 1; c < count_; ++c) {
        if (columns_[static_cast<std::size_t>(c)].empty()) continue;
        const double x = style_.margin_left + page_shift() + column_x(c) - style_.column_gap / 2;
        add_item(tree_.pages.back().items,
                 Rule{x, columns_top_, x, bottom, style_.column_rule_thickness, style_.column_rule_colour});
      }
    }
    columns_.clear();
  }

  const LayoutStyle& style_;
  Flow& flow_;
  PageTree& tree_;
  std::vector<PageRecord> records_;
  std::size_t next_ = 0;           ///< the first slice of the flow not placed yet
  int last_article_ = 0;           ///< of the last slice placed
  std::vector<bool> placed_note_;  ///< per Flow::notes: set at some column's foot already
  std::deque<FootLine> carried_;   ///< note lines waiting for the next column's foot
  std::vector<Column> columns_;    ///< the current page's
  int current_ = 0;
  int count_ = 1;
  double width_ = 0;
  double top_ = 0, bottom_ = 0;
  double columns_top_ = 0;  ///< below the spanning slices
  double span_y_ = 0;       ///< where the next spanning slice goes
  bool balanceable_ = true;
  bool span_gap_ = false;  ///< the next column slice is the first below the spanning ones
  bool flushing_ = false;  ///< no body follows: carried notes may fill whole columns
};

}  // namespace

std::vector<PageRecord> fill_pages(Context& context, Flow& flow, PageTree& tree) {
  return Paginator(context, flow, tree).finish();
}

struct PageFiller::State {
  Paginator paginator;
};

PageFiller::PageFiller(Context& context, Flow& flow, PageTree& tree)
    : state_(std::make_unique<State>(State{Paginator(context, flow, tree)})) {}

PageFiller::~PageFiller() = default;

void PageFiller::place() { state_->paginator.place_new(); }

std::vector<PageRecord> PageFiller::finish() { return state_->paginator.finish(); }

}  // namespace galley::layout
