// The look of a paged document in one struct: page, type, spacing and colours, every value
// with its default. layout_style() fills it from a style sheet (galley/style.hpp, TOML style
// files); what a style sheet does not say (paddings, list indents, code ground) keeps the
// defaults here. With no style given, galley's PDF is the built-in `article` style: A4, a
// serif body, sans headings, monospace code.
#pragma once

#include <string>
#include <vector>

#include "galley/diagnostics.hpp"
#include "galley/style.hpp"
#include "layout/page_tree.hpp"
#include "text/font_metrics.hpp"

namespace galley::layout {

/// Which family list of the style a text uses.
enum class Family : std::uint8_t { body, heading, mono };

struct TextStyle {
  Family family = Family::body;
  text::FontStyle style = text::FontStyle::regular;
  double size = 10.5;    ///< font size, points
  double leading = 14;   ///< baseline to baseline, points
  Colour colour{0x1a, 0x1a, 0x1a};
};

/// A heading level: its text and the space around it.
struct HeadingStyle {
  TextStyle text;
  double space_before = 14;  ///< above the heading
  double space_after = 4;    ///< between the heading and what follows
};

/// A running head or foot: three templates, left, centre and right. They may use {title}
/// (the article's, or the collection's), {section} (the heading in force at the page top,
/// or the article in a collection), {author}, {date}, {page} and {pages}.
struct RunningTemplates {
  std::string left, center, right;
};

/// Where link URLs go in print (links.mode).
enum class LinkNotes : unsigned char {
  none,  ///< links stay live and show no URL ("live")
  foot,  ///< each URL in a numbered note at the foot of the page, with the article's notes
  end,   ///< each URL in a numbered note at the end of the article, with the article's notes
};

struct LayoutStyle {
  // --- Page (A4; libharu's own default page is 595 x 841, not quite A4) ---------------
  double page_width = 595.276;   ///< 210 mm
  double page_height = 841.890;  ///< 297 mm
  double margin_top = 76;        ///< page top to the top of the body; the running head sits above
  double margin_bottom = 72;     ///< bottom of the body to the page bottom; the folio sits below
  double margin_left = 76;       ///< a 443 pt column: about 85 characters of body text a line
  double margin_right = 76;

  /// Left-hand (even) pages swap the left and right margins, and the left and right
  /// templates of the running head and foot, so a spread is symmetric about its spine.
  bool mirror = false;
  int columns = 1;           ///< text columns; the title block spans them all
  double column_gap = 17;    ///< between columns
  bool column_rule = false;  ///< a hairline in each gap
  Colour column_rule_colour{0x99, 0x99, 0x99};
  double column_rule_thickness = 0.4;

  // --- Print sheet: the page above is the trim ------------------------------------------
  double bleed = 0;  ///< how far backgrounds and full-bleed pictures run past the trim
  double slug = 0;   ///< room outside the bleed for printer's marks
  bool crop_marks = false;
  bool registration_marks = false;
  bool colour_bar = false;
  double mark_thickness = 0.3;  ///< crop and registration lines
  bool cmyk = false;            ///< every colour in CMYK, pictures converted to DeviceCMYK
  /// The page's ground, painted from bleed edge to bleed edge; none is the paper.
  std::optional<Colour> background;
  bool lead_bleed = false;  ///< the lead picture runs across the sheet into the bleed

  /// The style sheet this came from ("article", "my-style.toml"), for messages.
  std::string style_name;

  // --- Families: the first installed one is used, the rest are its fallbacks -----------
  std::vector<std::string> body_families = {"Liberation Serif"};
  std::vector<std::string> heading_families = {"Liberation Sans"};  ///< also bylines, captions, tables
  std::vector<std::string> mono_families = {"Liberation Mono"};
  /// Appended to every family list: symbols and scripts the text fonts lack. Characters none
  /// of these has are looked up among all installed fonts.
  std::vector<std::string> fallback = {"DejaVu Serif", "DejaVu Sans", "Noto Sans"};

  // --- Body ------------------------------------------------------------------------------
  TextStyle body{Family::body, text::FontStyle::regular, 10.5, 14};
  bool justify = true;             ///< else ragged right
  double paragraph_indent = 10.5;  ///< first line of a paragraph that follows another
  double paragraph_space = 0;      ///< extra space between paragraphs
  double block_space = 7;          ///< around lists, quotes, code, tables and asides
  int orphans = 2;                 ///< lines of a paragraph a page may end with, at least
  int widows = 2;                  ///< lines of a paragraph a page may start with, at least
  bool hyphenate = true;           ///< hyphenate running text in the article's language
  double space_stretch = 0.5;      ///< how far a justified space may grow, in natural space widths
  double space_shrink = 0.2;       ///< how far it may shrink
  Colour link_colour{0x1a, 0x4f, 0x8a};  ///< live links
  double note_mark_scale = 0.65;  ///< footnote marks: size relative to the text
  double note_mark_rise = 0.38;   ///< and how far above the baseline, in text sizes
  double code_scale = 0.9;        ///< inline code relative to the text around it

  // --- Title block -----------------------------------------------------------------------
  TextStyle headline{Family::heading, text::FontStyle::bold, 24, 28.5};
  TextStyle dek{Family::body, text::FontStyle::italic, 13, 17, {0x44, 0x44, 0x44}};
  TextStyle byline{Family::heading, text::FontStyle::bold, 9, 12};
  TextStyle dateline{Family::heading, text::FontStyle::regular, 9, 12, {0x55, 0x55, 0x55}};
  double headline_space_after = 8;  ///< headline to dek
  double dek_space_after = 10;      ///< dek to byline
  double title_rule_space = 8;      ///< dateline to the rule under the title block
  double title_block_space = 18;    ///< the rule to what follows
  Colour title_rule_colour{0xb3, 0x00, 0x1b};  ///< the style's accent
  double title_rule_thickness = 1;

  // --- Headings in the body, h1 .. h6 ------------------------------------------------------
  std::vector<HeadingStyle> headings = {
      {{Family::heading, text::FontStyle::bold, 16, 19.5}, 16, 6},
      {{Family::heading, text::FontStyle::bold, 13.5, 16.5}, 14, 5},
      {{Family::heading, text::FontStyle::bold, 11.5, 14.5}, 12, 4},
      {{Family::heading, text::FontStyle::bold, 10.5, 13.5}, 10, 3},
      {{Family::heading, text::FontStyle::bold, 10, 13}, 8, 3},
      {{Family::heading, text::FontStyle::bold, 10, 13}, 8, 3},
  };

  // --- Figures ---------------------------------------------------------------------------
  TextStyle caption{Family::heading, text::FontStyle::regular, 8.5, 11, {0x54, 0x54, 0x54}};
  Colour credit_colour{0x80, 0x80, 0x80};
  double figure_max_height = 0.45;  ///< share of the body height a picture may take
  double full_bleed_max_height = 0.6;  ///< share of the page height a full-bleed picture may take
  double caption_space = 5;         ///< picture to caption
  double figure_space = 10;         ///< above and below a figure

  // --- Lists, quotes, asides, rules ----------------------------------------------------
  double list_indent = 18;        ///< per level; the marker sits in this gap
  /// Nested quotes and lists indent no further once their text would be narrower than this.
  double narrowest_measure = 80;
  double list_item_space = 2;     ///< between the items of a tight list
  double task_box_size = 6.5;     ///< the square of a task-list item
  double quote_indent = 16;       ///< block quote text inset
  double quote_bar_width = 2;     ///< the bar left of a block quote
  Colour quote_bar_colour{0xbb, 0xbb, 0xbb};
  TextStyle aside{Family::heading, text::FontStyle::regular, 9, 12.5};
  double aside_padding = 6;       ///< inside the aside's box
  Colour aside_rule_colour{0x99, 0x99, 0x99};
  double aside_rule_thickness = 0.75;
  Colour rule_colour{0x99, 0x99, 0x99};  ///< horizontal rules (---) and the notes' rule

  // --- Code --------------------------------------------------------------------------------
  TextStyle code{Family::mono, text::FontStyle::regular, 8.5, 11.5};
  Colour code_background{0xf2, 0xf2, 0xf0};
  double code_padding = 5;  ///< around a code block's text
  int tab_width = 4;        ///< columns per tab stop

  // --- Tables ------------------------------------------------------------------------------
  TextStyle table{Family::heading, text::FontStyle::regular, 8.5, 11};
  double cell_padding_x = 4;
  double cell_padding_y = 3;
  Colour table_rule_colour{0x33, 0x33, 0x33};  ///< above and below the header
  Colour row_rule_colour{0xd0, 0xd0, 0xd0};    ///< between body rows

  // --- Notes and source line -------------------------------------------------------------
  TextStyle notes_heading{Family::heading, text::FontStyle::bold, 9, 12};
  TextStyle note{Family::body, text::FontStyle::regular, 8.5, 11.5};
  double note_number_width = 16;  ///< the hanging number of a note
  LinkNotes link_notes = LinkNotes::none;  ///< links.mode
  /// Above the notes at a column's foot: the short rule and the space around it.
  double note_separator = 10;
  double note_space = 2;         ///< between two notes at a column's foot
  /// The most of a column the notes carried over from the one before may take; what does
  /// not fit continues at the foot of the next.
  double carried_notes_share = 0.5;
  TextStyle source{Family::heading, text::FontStyle::regular, 8, 11, {0x55, 0x55, 0x55}};
  double end_space = 16;  ///< body to the notes, notes to the source line

  // --- Running head and foot ----------------------------------------------------------
  TextStyle running{Family::heading, text::FontStyle::regular, 7.5, 9, {0x66, 0x66, 0x66}};
  RunningTemplates header{"{title}", "", "{section}"};  ///< on every page but an article's first
  RunningTemplates footer{"", "{page} / {pages}", ""};  ///< on every page
  double header_baseline = 48;  ///< from the page top
  double header_rule = 54;      ///< the hairline under the running head, from the page top
  double footer_baseline = 40;  ///< from the page bottom
};

/// The width of one text column: the text width less the gaps, shared equally.
double column_width(const LayoutStyle& style);

/// The layout parameters a style sheet gives: every key of styles/README.md that concerns
/// paged output. In a CMYK job every colour gets its inks (to_cmyk for RGB ones).
LayoutStyle layout_style(const style::StyleSheet& sheet, Diagnostics& diagnostics);

}  // namespace galley::layout
