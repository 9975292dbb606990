// Block content -> slices of the flow: paragraphs, headings, quotes, code, rules, asides and
// figures here; lists (lists.cpp) and tables (table.cpp) call back in for what they hold.
#pragma once

#include <vector>

#include "galley/model/document.hpp"
#include "layout/context.hpp"
#include "layout/flow.hpp"
#include "layout/style.hpp"

namespace galley::layout {

/// Where blocks are being set.
struct BlockEnv {
  const TextStyle* text = nullptr;  ///< running text: the body's style, or the notes'
  int list_depth = 0;               ///< how many lists deep
  bool tight = false;               ///< inside an item of a tight list
};

class BlockWriter {
 public:
  BlockWriter(Context& context, Flow& flow) : context_(context), flow_(flow) {}

  Context& context() { return context_; }
  Flow& flow() { return flow_; }

  /// Prepares the outline levels of one article's headings (its shallowest heading is level 1).
  void begin_article(const model::Blocks& blocks);

  void blocks(const model::Blocks& blocks, Frame frame, const BlockEnv& env);
  void block(const model::Block& block, Frame frame, const BlockEnv& env);

  /// The space above the next block in `env`: the heading's own space after it, the
  /// paragraph space between two paragraphs, the block space around anything else, the item
  /// space inside a tight list.
  double space_before(const BlockEnv& env, bool paragraph = false) const;
  /// Appends slices, the first `space_before` below what came before.
  void add(std::vector<Slice> slices, double space_before, bool paragraph = false);
  /// Marks the end of a block that holds others (a list, a quote): what follows is spaced
  /// from it as from any block.
  void end_block() { last_ = Last::other; }

 private:
  void para(const model::Para& para, Frame frame, const BlockEnv& env);
  void header(const model::Header& header, Frame frame);
  void quote(const model::BlockQuote& quote, Frame frame, const BlockEnv& env);
  void code(const model::CodeBlock& code, Frame frame, const BlockEnv& env);
  void rule(Frame frame, const BlockEnv& env);
  void aside(const model::Aside& aside, Frame frame, const BlockEnv& env);
  void figure(const model::Figure& figure, Frame frame);

  enum class Last : unsigned char { none, paragraph, heading, other };

  Context& context_;
  Flow& flow_;
  Last last_ = Last::none;    ///< what the previous block was
  double heading_after_ = 0;  ///< the space after the last heading
  int heading_base_ = 1;      ///< the shallowest heading level of the article
  int outline_level_ = 0;     ///< the level of the last outline entry
  int lines_after_heading_ = 0;  ///< slices still to keep with the last heading
};

/// Bullet and ordered lists, nested; task items get a box (lists.cpp).
void lay_out_list(BlockWriter& writer, const std::vector<model::ListItem>& items, bool ordered, int start,
                  bool tight, Frame frame, const BlockEnv& env);

/// Tables: column widths from the content, rows never split, the header row repeated on each
/// page the table continues on (table.cpp).
void lay_out_table(BlockWriter& writer, const model::Table& table, Frame frame, const BlockEnv& env);

/// Code: monospace, each source line wrapped to the frame, on a tinted ground (code_block.cpp).
std::vector<Slice> set_code(Context& context, const std::string& code, Frame frame);

/// A figure: the picture scaled into the frame, its caption and credit under it, all one
/// slice (figure.cpp). `image` may be empty (a caption alone); `line` is where the article
/// names it (0: unknown), for warnings about the picture. A `full_bleed` picture runs across
/// the sheet from bleed edge to bleed edge (x < 0), unless that would make it taller than
/// LayoutStyle::full_bleed_max_height allows.
Slice set_figure(Context& context, const std::string& image, int line, const std::string& caption,
                 const std::string& credit, Frame frame, bool full_bleed = false);

/// Stacks slices into one (their space_before kept between them).
Slice merge_slices(std::vector<Slice> slices);

}  // namespace galley::layout
