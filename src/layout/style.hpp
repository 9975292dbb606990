// The look of a paged document in one struct: page, type, spacing and colours, every value
// with its default. The style-files issue loads these from TOML; until then galley's PDF is
// this default (A4, a serif body, sans headings, monospace code).
#pragma once

#include <string>
#include <vector>

#include "layout/page_tree.hpp"
#include "text/font_metrics.hpp"

namespace galley::layout {

/// Which family list of the style a text uses.
enum class Family : std::uint8_t { serif, sans, mono };

struct TextStyle {
  Family family = Family::serif;
  text::FontStyle style = text::FontStyle::regular;
  double size = 10.5;    ///< font size, points
  double leading = 14;   ///< baseline to baseline, points
  Colour colour{0x1a, 0x1a, 0x1a};
};

struct LayoutStyle {
  // --- Page (A4; libharu's own default page is 595 x 841, not quite A4) ---------------
  double page_width = 595.276;   ///< 210 mm
  double page_height = 841.890;  ///< 297 mm
  double margin_top = 76;        ///< page top to the top of the body; the running head sits above
  double margin_bottom = 72;     ///< bottom of the body to the page bottom; the folio sits below
  double margin_left = 76;       ///< a 443 pt column: about 85 characters of body text a line
  double margin_right = 76;

  // --- Families: the first installed one is used, the rest are its fallbacks -----------
  std::vector<std::string> serif = {"Liberation Serif", "Noto Serif", "DejaVu Serif"};
  std::vector<std::string> sans = {"Liberation Sans", "Noto Sans", "DejaVu Sans"};
  std::vector<std::string> mono = {"Liberation Mono", "DejaVu Sans Mono", "Noto Mono"};
  /// Appended to every family list: symbols and scripts the text fonts lack. Characters none
  /// of these has are looked up among all installed fonts.
  std::vector<std::string> fallback = {"DejaVu Sans", "Noto Sans", "DejaVu Serif"};

  // --- Body ------------------------------------------------------------------------------
  TextStyle body{Family::serif, text::FontStyle::regular, 10.5, 14};
  double paragraph_space = 6;  ///< between paragraphs (no first-line indent)
  double space_stretch = 0.5;  ///< how far a justified space may grow, in natural space widths
  double space_shrink = 0.2;   ///< how far it may shrink
  /// A justified line whose spaces would have to grow beyond this many stretches is set
  /// ragged instead (a line before a long unbreakable word).
  double max_stretch_ratio = 3;
  Colour link_colour{0x1a, 0x4f, 0x8b};  ///< live links
  double note_mark_scale = 0.65;  ///< footnote marks: size relative to the text
  double note_mark_rise = 0.38;   ///< and how far above the baseline, in text sizes
  double code_scale = 0.9;        ///< inline code relative to the text around it

  // --- Title block -----------------------------------------------------------------------
  TextStyle headline{Family::sans, text::FontStyle::bold, 24, 28.5};
  TextStyle dek{Family::serif, text::FontStyle::italic, 13.5, 17.5, {0x44, 0x44, 0x44}};
  TextStyle byline{Family::sans, text::FontStyle::bold, 9, 12};
  TextStyle dateline{Family::sans, text::FontStyle::regular, 9, 12, {0x55, 0x55, 0x55}};
  double headline_space_after = 8;  ///< headline to dek
  double dek_space_after = 10;      ///< dek to byline
  double title_rule_space = 8;      ///< dateline to the rule under the title block
  double title_block_space = 14;    ///< the rule to what follows
  Colour title_rule_colour{0x22, 0x22, 0x22};
  double title_rule_thickness = 0.8;

  // --- Headings in the body (h1 .. h4; deeper levels look like h4) ------------------------
  std::vector<TextStyle> headings = {
      {Family::sans, text::FontStyle::bold, 16, 20},
      {Family::sans, text::FontStyle::bold, 13.5, 17},
      {Family::sans, text::FontStyle::bold, 11.5, 15},
      {Family::sans, text::FontStyle::bold, 10.5, 14},
  };
  double heading_space_before = 14;  ///< above a heading (besides paragraph_space)
  double heading_space_after = 3;    ///< between a heading and what follows

  // --- Figures ---------------------------------------------------------------------------
  TextStyle caption{Family::sans, text::FontStyle::regular, 8.5, 11, {0x33, 0x33, 0x33}};
  Colour credit_colour{0x77, 0x77, 0x77};
  double figure_max_height = 0.45;  ///< share of the body height a picture may take
  double caption_space = 5;         ///< picture to caption
  double figure_space = 10;         ///< above and below a figure

  // --- Lists, quotes, asides, rules ----------------------------------------------------
  double list_indent = 18;        ///< per level; the marker sits in this gap
  double list_item_space = 2;     ///< between the items of a tight list
  double task_box_size = 6.5;     ///< the square of a task-list item
  double quote_indent = 16;       ///< block quote text inset
  double quote_bar_width = 2;     ///< the bar left of a block quote
  Colour quote_bar_colour{0xbb, 0xbb, 0xbb};
  TextStyle aside{Family::sans, text::FontStyle::regular, 9, 12.5};
  double aside_padding = 7;       ///< inside the aside's box
  Colour aside_rule_colour{0x88, 0x88, 0x88};
  double aside_rule_thickness = 0.6;
  Colour rule_colour{0x99, 0x99, 0x99};  ///< horizontal rules (---)

  // --- Code --------------------------------------------------------------------------------
  TextStyle code{Family::mono, text::FontStyle::regular, 8.5, 11.5};
  Colour code_background{0xf2, 0xf2, 0xf0};
  double code_padding = 5;  ///< around a code block's text
  int tab_width = 4;        ///< columns per tab stop

  // --- Tables ------------------------------------------------------------------------------
  TextStyle table{Family::sans, text::FontStyle::regular, 8.5, 11};
  double cell_padding_x = 4;
  double cell_padding_y = 3;
  Colour table_rule_colour{0x33, 0x33, 0x33};  ///< above and below the header
  Colour row_rule_colour{0xd0, 0xd0, 0xd0};    ///< between body rows

  // --- Notes and source line -------------------------------------------------------------
  TextStyle notes_heading{Family::sans, text::FontStyle::bold, 9, 12};
  TextStyle note{Family::serif, text::FontStyle::regular, 8.5, 11.5};
  double note_number_width = 16;  ///< the hanging number of a note
  TextStyle source{Family::sans, text::FontStyle::regular, 8, 11, {0x55, 0x55, 0x55}};
  double end_space = 16;  ///< body to the notes, notes to the source line

  // --- Running head and folio ---------------------------------------------------------
  TextStyle running_head{Family::sans, text::FontStyle::regular, 7.5, 9, {0x66, 0x66, 0x66}};
  double running_head_baseline = 48;  ///< from the page top
  double running_head_rule = 54;      ///< the hairline under it, from the page top
  double folio_baseline = 40;         ///< from the page bottom: "3 / 8"
};

}  // namespace galley::layout
