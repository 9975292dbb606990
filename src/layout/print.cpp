// Print sheets and process colours: bleed, slug, marks, CMYK conversion.
#include "layout/print.hpp"

#include <algorithm>
#include <cmath>

#include "layout/flow.hpp"

namespace galley::layout {
namespace {

constexpr double mm = 72.0 / 25.4;

// A colour for marks: its inks in a CMYK job, only its RGB form otherwise.
Colour ink(const LayoutStyle& style, std::uint8_t r, std::uint8_t g, std::uint8_t b, Cmyk inks) {
  Colour out{r, g, b, std::nullopt};
  if (style.cmyk) out.cmyk = inks;
  return out;
}

// Crop marks: at each trim corner, the two trim edges continued outwards, starting beyond
// the bleed so a mark never shows on a page trimmed slightly off.
void add_crop_marks(const LayoutStyle& style, const TrimArea& trim, Colour colour, std::vector<Item>& out) {
  const double start = trim.bleed + 2;             // from the trim edge
  const double end = trim.bleed + style.slug - 1;  // just inside the sheet's edge
  if (end <= start) return;
  const double left = trim.x, right = trim.x + trim.width;
  const double top = trim.y, bottom = trim.y + trim.height;
  for (const double x : {left, right}) {
    const double out_x = x == left ? -1 : 1;
    for (const double y : {top, bottom}) {
      const double out_y = y == top ? -1 : 1;
      add_item(out, Rule{x + out_x * start, y, x + out_x * end, y, style.mark_thickness, colour});
      add_item(out, Rule{x, y + out_y * start, x, y + out_y * end, style.mark_thickness, colour});
    }
  }
}

// A registration target: two circles and cross hairs through them.
void add_target(const LayoutStyle& style, double x, double y, double radius, Colour colour, std::vector<Item>& out) {
  add_item(out, Circle{x, y, radius, style.mark_thickness, colour});
  add_item(out, Circle{x, y, radius / 2, style.mark_thickness, colour});
  const double arm = radius * 1.45;
  add_item(out, Rule{x - arm, y, x + arm, y, style.mark_thickness, colour});
  add_item(out, Rule{x, y - arm, x, y + arm, style.mark_thickness, colour});
}

}  // namespace

Colour to_cmyk(Colour colour) {
  if (colour.cmyk) return colour;
  const double r = colour.r / 255.0, g = colour.g / 255.0, b = colour.b / 255.0;
  const double k = 1 - std::max({r, g, b});
  // Four decimals: enough for any press, and the same text in every trace and PDF.
  auto rounded = [](double value) { return std::round(std::clamp(value, 0.0, 1.0) * 10000) / 10000; };
  if (k >= 1) {
    colour.cmyk = Cmyk{0, 0, 0, 1};
  } else {
    colour.cmyk = Cmyk{rounded((1 - r - k) / (1 - k)), rounded((1 - g - k) / (1 - k)), rounded((1 - b - k) / (1 - k)),
                       rounded(k)};
  }
  return colour;
}

Colour registration_colour() { return Colour{0, 0, 0, Cmyk{1, 1, 1, 1}}; }

std::vector<Item> printer_marks(const LayoutStyle& style, const TrimArea& trim, double width, double height) {
  std::vector<Item> out;
  if (style.slug <= 0) return out;
  Colour registration = registration_colour();
  if (!style.cmyk) registration.cmyk.reset();
  if (style.crop_marks) add_crop_marks(style, trim, registration, out);
  // Targets in the middle of the slug on each side, small enough to leave it a margin.
  const double radius = std::min(style.slug * 0.3, 4 * mm);
  if (style.registration_marks) {
    const double middle_x = trim.x + trim.width / 2, middle_y = trim.y + trim.height / 2;
    add_target(style, middle_x, style.slug / 2, radius, registration, out);
    add_target(style, middle_x, height - style.slug / 2, radius, registration, out);
    add_target(style, style.slug / 2, middle_y, radius, registration, out);
    add_target(style, width - style.slug / 2, middle_y, radius, registration, out);
  }
  if (style.colour_bar) {
    // The solid inks, their overprints and three tints of black, from the left end of the
    // top slug to before its registration target.
    const Colour patches[] = {
        ink(style, 0x00, 0xff, 0xff, {1, 0, 0, 0}),    ink(style, 0xff, 0x00, 0xff, {0, 1, 0, 0}),
        ink(style, 0xff, 0xff, 0x00, {0, 0, 1, 0}),    ink(style, 0x00, 0x00, 0x00, {0, 0, 0, 1}),
        ink(style, 0x00, 0x00, 0xff, {1, 1, 0, 0}),    ink(style, 0x00, 0xff, 0x00, {1, 0, 1, 0}),
        ink(style, 0xff, 0x00, 0x00, {0, 1, 1, 0}),    ink(style, 0x40, 0x40, 0x40, {0, 0, 0, 0.75}),
        ink(style, 0x80, 0x80, 0x80, {0, 0, 0, 0.5}), ink(style, 0xbf, 0xbf, 0xbf, {0, 0, 0, 0.25}),
    };
    const double count = std::size(patches);
    const double begin = trim.x + 4 * mm;
    const double room = trim.width / 2 - (style.registration_marks ? radius * 1.45 + 3 * mm : 0) - 4 * mm;
    const double side = std::min(style.slug * 0.5, room / count);
    if (side >= 2) {
      const double y = (style.slug - side) / 2;
      for (std::size_t i = 0; i < std::size(patches); ++i) {
        add_item(out, Box{begin + static_cast<double>(i) * side, y, side, side, patches[i], std::nullopt, 0});
      }
    }
  }
  return out;
}

void make_print_sheets(const LayoutStyle& style, PageTree& tree) {
  tree.cmyk = style.cmyk;
  const double offset = style.bleed + style.slug;
  if (offset <= 0 && !style.background) return;
  for (std::size_t p = 0; p < tree.pages.size(); ++p) {
    Page& page = tree.pages[p];
    const TrimArea trim{offset, offset, page.width, page.height, style.bleed};
    for (Item& item : page.items) translate(item, offset, offset);
    page.width += 2 * offset;
    page.height += 2 * offset;
    if (offset > 0) page.trim = trim;
    std::vector<Item> items;
    items.reserve(page.items.size() + 64);
    if (style.background) {
      add_item(items, Box{trim.x - trim.bleed, trim.y - trim.bleed, trim.width + 2 * trim.bleed,
                          trim.height + 2 * trim.bleed, *style.background, std::nullopt, 0});
    }
    for (Item& item : page.items) items.push_back(std::move(item));
    for (Item& mark : printer_marks(style, trim, page.width, page.height)) items.push_back(std::move(mark));
    page.items = std::move(items);
  }
  for (Destination& destination : tree.destinations) destination.y += offset;
  for (OutlineEntry& entry : tree.outline) entry.y += offset;
}

}  // namespace galley::layout
