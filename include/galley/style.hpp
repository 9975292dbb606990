// Style sheets: what a page and an e-book look like, read from TOML style files
// (styles/README.md documents every key). One StyleSheet drives the PDF's geometry and type
// and the EPUB's CSS. Built-in styles are compiled into the library; files may extend them.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "galley/diagnostics.hpp"

namespace galley::style {

/// Points in a millimetre, for defaults written as the style files write them.
inline constexpr double points_per_mm = 72.0 / 25.4;

/// A length as written: points plus a multiple of the body font size ("1.5em").
struct Length {
  double points = 0;
  double ems = 0;
  /// In points, with `em` the size of the font it is relative to.
  double resolve(double em) const { return points + ems * em; }
  bool operator==(const Length&) const = default;
};

/// A colour in the space it was written in: "#rrggbb" or "cmyk(c, m, y, k)".
struct Color {
  enum class Space { rgb, cmyk };
  Space space = Space::rgb;
  std::array<double, 4> values{};  ///< r, g, b (0..1) or c, m, y, k (0..1)
  bool operator==(const Color&) const = default;
};

struct Page {
  Length width{210 * points_per_mm};  ///< A4 unless a size says otherwise; already turned for landscape
  Length height{297 * points_per_mm};
  std::string size = "A4";  ///< the name it was given, or "" for an explicit size
  bool landscape = false;
  Length top{20 * points_per_mm}, bottom{22 * points_per_mm}, inner{20 * points_per_mm}, outer{20 * points_per_mm};
  bool mirror = false;  ///< inner/outer swap on left-hand pages
  /// The page's ground, run into the bleed; white is the paper (nothing is painted).
  Color background{Color::Space::rgb, {1, 1, 1, 0}};
  bool operator==(const Page&) const = default;
};

struct Columns {
  int count = 1;
  Length gap{6 * points_per_mm};
  bool rule = false;  ///< a thin line between columns
  bool operator==(const Columns&) const = default;
};

struct Fonts {
  std::string body = "Liberation Serif";
  std::string heading = "Liberation Sans";
  std::string mono = "Liberation Mono";
  /// Tried in order for characters the families above lack (Cyrillic, Greek, symbols).
  std::vector<std::string> fallback = {"DejaVu Serif", "DejaVu Sans", "Noto Sans"};
  Length size{10.5};
  Length leading{14};
  bool operator==(const Fonts&) const = default;
};

enum class Align { justify, left };

struct Paragraph {
  Align align = Align::justify;
  Length indent{0, 1};  ///< first-line indent of a paragraph that follows another
  Length space{0};      ///< extra space between paragraphs
  bool hyphenate = true;
  int widows = 2;
  int orphans = 2;
  bool operator==(const Paragraph&) const = default;
};

struct Heading {
  Length size;
  Length space_before;
  Length space_after;
  bool operator==(const Heading&) const = default;
};

/// The article's title block: headline, dek, byline, dateline.
struct TitleBlock {
  Length headline_size{24};
  Length dek_size{13};
  Length meta_size{9};  ///< byline and dateline
  Length space_after{18};
  bool operator==(const TitleBlock&) const = default;
};

struct Figures {
  Length caption_size{8.5};
  Length space{10};  ///< above and below
  bool lead_bleed = false;  ///< the lead picture runs across the page into the bleed
  bool operator==(const Figures&) const = default;
};

struct Asides {
  Length rule_width{0.75};
  Length padding{6};
  bool operator==(const Asides&) const = default;
};

struct Colors {
  Color text{Color::Space::rgb, {0.1, 0.1, 0.1, 0}};
  Color heading{Color::Space::rgb, {0.1, 0.1, 0.1, 0}};
  Color link{Color::Space::rgb, {0.1, 0.31, 0.54, 0}};
  Color accent{Color::Space::rgb, {0.7, 0, 0.106, 0}};
  Color rule{Color::Space::rgb, {0.6, 0.6, 0.6, 0}};
  Color caption{Color::Space::rgb, {0.33, 0.33, 0.33, 0}};
  bool operator==(const Colors&) const = default;
};

/// Running header or footer: three templates using {title} {section} {author} {date}
/// {page} {pages}.
struct Running {
  std::string left, center, right;
  bool operator==(const Running&) const = default;
};

enum class LinkMode { live, footnotes, endnotes };

enum class Mark { crop, registration, color_bar };

struct Print {
  Length bleed{0};
  Length slug{0};  ///< room outside the bleed for marks
  std::vector<Mark> marks;
  Color::Space color_space = Color::Space::rgb;
  bool operator==(const Print&) const = default;
};

/// What only the EPUB uses.
struct Epub {
  Length margin{0, 1};  ///< around the text block
  bool operator==(const Epub&) const = default;
};

struct StyleSheet {
  std::string name = "article";  ///< built-in name or file path it came from
  std::string description;       ///< one line, shown by `galley styles`
  Page page;
  Columns columns;
  Fonts fonts;
  Paragraph paragraph;
  std::array<Heading, 6> headings{{{{16}, {16}, {6}}, {{13.5}, {14}, {5}}, {{11.5}, {12}, {4}},
                                   {{10.5}, {10}, {3}}, {{10}, {8}, {3}}, {{10}, {8}, {3}}}};
  TitleBlock title;
  Figures figures;
  Asides asides;
  Colors colors;
  Running header{"{title}", "", "{section}"};
  Running footer{"", "{page} / {pages}", ""};
  LinkMode links = LinkMode::live;
  Print print;
  Epub epub;
  bool operator==(const StyleSheet&) const = default;
};

/// Names of the built-in styles, default first.
std::vector<std::string> builtin_names();

/// The TOML source of a built-in style, or "" when there is none by that name.
std::string_view builtin_source(std::string_view name);

/// Loads a style: a built-in name, or a path to a .toml file. `extends` chains are followed
/// (built-in names or paths relative to the file). Throws galley::Error (ErrorKind::data)
/// naming file, line and column for syntax errors, unknown keys (with the nearest valid
/// one), wrong types, bad units and colours, and `extends` cycles; ErrorKind::no_input for
/// a style that does not exist.
StyleSheet load(std::string_view name_or_path);

/// Loads a style from TOML text; `file` names it in errors and anchors relative `extends`.
StyleSheet load_text(std::string_view toml, std::string_view file);

/// The style fully resolved, as TOML a user can copy into a file.
std::string to_toml(const StyleSheet& style);

}  // namespace galley::style
