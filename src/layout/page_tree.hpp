// The PageTree: what layout produces and every paged backend draws. Backend-neutral plain
// values (as Typst's frames): pages of positioned text runs, rules, boxes, pictures and link
// areas, plus the destinations, outline and document information around them.
//
// Coordinates are points (1/72 inch) from the page's top-left corner, y growing downwards;
// a backend with another origin (PDF: bottom-left) converts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "galley/model/document.hpp"
#include "text/font_metrics.hpp"

namespace galley::layout {

/// Ink amounts of a process colour, each 0..1.
struct Cmyk {
  double c = 0, m = 0, y = 0, k = 0;
  bool operator==(const Cmyk&) const = default;
};

/// A colour: its RGB form for the screen and, in a CMYK job (PageTree::cmyk), the inks it
/// is printed with. Layout fills `cmyk` in every colour of a CMYK job: as the style wrote
/// it, or converted from RGB by to_cmyk().
struct Colour {
  constexpr Colour() = default;
  constexpr Colour(std::uint8_t red, std::uint8_t green, std::uint8_t blue, std::optional<Cmyk> inks = std::nullopt)
      : r(red), g(green), b(blue), cmyk(inks) {}
  std::uint8_t r = 0, g = 0, b = 0;
  std::optional<Cmyk> cmyk;
  bool operator==(const Colour&) const = default;
};

/// RGB -> CMYK without a colour profile (the common "naive" conversion, documented in
/// styles/README.md): k = 1 - max(r, g, b); c = (1 - r - k) / (1 - k), and so for m and y.
/// Greys become black ink only. A colour that has its inks already keeps them.
Colour to_cmyk(Colour colour);

/// Registration colour: all four inks at 100%, for marks that must show on every plate.
/// Black on the screen.
Colour registration_colour();

/// A font the pages use, named by its file (each file appears once).
struct Font {
  std::string file;    ///< TrueType file to embed
  std::string family;  ///< for people reading a trace
  text::FontStyle style = text::FontStyle::regular;
  bool operator==(const Font&) const = default;
};

/// A kerning adjustment inside a text run: before the character at byte `offset` of the run's
/// text, the pen moves by `amount` thousandths of an em (negative: closer; a PDF's TJ number
/// is its negation).
struct Kern {
  std::uint32_t offset = 0;
  std::int32_t amount = 0;
  bool operator==(const Kern&) const = default;
};

/// Text on one baseline in one font. `text` is drawable (text::drawable) and is drawn from `x`
/// with the font's own advances and the `kerns` between them: layout measured it so. A run
/// may hold several words of a line with the spaces between them; a space's stretch or
/// shrink under justification is a Kern after it.
struct TextRun {
  int font = 0;      ///< index into PageTree::fonts
  double size = 10;  ///< font size in points
  double x = 0;      ///< where the baseline starts
  double y = 0;      ///< the baseline
  double width = 0;  ///< the advance layout measured, in points
  std::string text;
  Colour colour;
  std::vector<Kern> kerns;  ///< pair kerning and word spacing, in offset order; counted in `width`
  bool operator==(const TextRun&) const = default;
};

/// A straight stroked line (rules, strike-outs, the bar of a block quote).
struct Rule {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double thickness = 0.5;
  Colour colour;
  bool operator==(const Rule&) const = default;
};

/// A stroked circle around (x, y) (registration marks).
struct Circle {
  double x = 0, y = 0, radius = 1;
  double thickness = 0.5;
  Colour colour;
  bool operator==(const Circle&) const = default;
};

/// A rectangle, filled, stroked or both; `y` is its top edge.
struct Box {
  double x = 0, y = 0, width = 0, height = 0;
  std::optional<Colour> fill;
  std::optional<Colour> stroke;
  double stroke_width = 0.5;
  bool operator==(const Box&) const = default;
};

/// A picture scaled into its box; `y` is the top edge. The backend decodes `path` itself.
struct Picture {
  std::string source;  ///< as written in the article, for messages
  std::string path;    ///< the file, resolved and confined to the article's folder
  std::string article;  ///< the article file, for messages
  int line = 0;         ///< where the article names the picture, for messages (0: unknown)
  double x = 0, y = 0, width = 0, height = 0;
  /// Runs into the bleed: placed on the sheet as it is, never moved with the text block
  /// (mirrored margins, columns).
  bool full_bleed = false;
  bool operator==(const Picture&) const = default;
};

/// A clickable area: a web or mail link (`uri`), or a jump inside the document (`destination`,
/// a name in PageTree::destinations). Exactly one of the two is set.
struct LinkArea {
  double x = 0, y = 0, width = 0, height = 0;  ///< `y` is the top edge
  std::string uri;
  std::string destination;
  bool operator==(const LinkArea&) const = default;
};

using Item = std::variant<TextRun, Rule, Box, Picture, LinkArea, Circle>;

/// Appends `node` to `items`, constructing the variant in place. (Moving a temporary Item
/// made from a Rule makes g++ 12 warn, wrongly, that a TextRun's string may be uninitialized.)
template <typename T>
void add_item(std::vector<Item>& items, T node) {
  items.emplace_back(std::in_place_type<T>, std::move(node));
}

/// Where the trimmed page lies on a print sheet, and how far its bleed reaches beyond it.
struct TrimArea {
  double x = 0, y = 0;  ///< top-left corner of the trim on the sheet
  double width = 0, height = 0;
  double bleed = 0;     ///< the BleedBox is the trim grown by this on every side
  bool operator==(const TrimArea&) const = default;
};

struct Page {
  double width = 595.276;   ///< the sheet (MediaBox): the trim, plus bleed and slug in print
  double height = 841.890;
  std::optional<TrimArea> trim;  ///< set in print (bleed or slug): TrimBox and BleedBox
  std::vector<Item> items;  ///< in drawing order
  bool operator==(const Page&) const = default;
};

/// A named place links can jump to.
struct Destination {
  std::string name;
  int page = 0;  ///< index into PageTree::pages
  double y = 0;  ///< top of what it names
  bool operator==(const Destination&) const = default;
};

/// One entry of the document outline (bookmarks), in document order. Level 0 is an article's
/// title, 1 its top headings, and so on; a level never exceeds the previous one by more than 1.
struct OutlineEntry {
  int level = 0;
  std::string title;
  int page = 0;
  double y = 0;
  bool operator==(const OutlineEntry&) const = default;
};

struct DocumentInfo {
  std::string title;
  std::string author;    ///< the authors joined ("A, B and C"), or a collection's editor
  std::string subject;   ///< the dek, else the summary
  std::string keywords;  ///< tags, comma-separated
  std::string lang;      ///< BCP 47 tag of the document
  std::optional<model::Date> date;  ///< the newest article date; SOURCE_DATE_EPOCH overrides it
  bool operator==(const DocumentInfo&) const = default;
};

struct PageTree {
  DocumentInfo info;
  bool cmyk = false;  ///< a CMYK job: every colour and picture is drawn in DeviceCMYK
  std::vector<Font> fonts;
  std::vector<Page> pages;
  std::vector<Destination> destinations;
  std::vector<OutlineEntry> outline;
  bool operator==(const PageTree&) const = default;
};

}  // namespace galley::layout
