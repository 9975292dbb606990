// Page drawing: PageTree coordinates (top-left origin) to PDF's (bottom-left), each word at
// the x layout gave it (libharu's word spacing does nothing with UTF-8 fonts).
#include "backends/pdf/draw.hpp"

#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <hpdf_utils.h>

#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/unicode.hpp"

namespace galley::backends::pdf {
namespace {

// Literals with their length: `+= "..."` measured each one again (170,000 times a
// 100-article PDF).
using namespace std::string_view_literals;

HPDF_REAL channel(std::uint8_t value) { return static_cast<HPDF_REAL>(value / 255.0); }

// A coordinate for the content stream: at most three decimals (a thousandth of a point), no
// trailing zeros, never "-0"; to_chars is locale-independent.
void append_number(std::string& out, double value) {
  // The thousandths as an integer, unless the product might round the other way than the
  // exact decimal would (within a millionth of a tie): to_chars with a precision takes the
  // long way through its printf emulation, half the cost of a page's text stream.
  const double thousandths = value * 1000.0;
  if (std::abs(thousandths) < 1e9 && std::abs(std::abs(thousandths - std::trunc(thousandths)) - 0.5) > 1e-6) {
    const auto rounded = static_cast<long long>(std::nearbyint(thousandths));
    if (rounded == 0) {
      out += '0';
      return;
    }
    const unsigned long long magnitude = static_cast<unsigned long long>(rounded < 0 ? -rounded : rounded);
    char buffer[32];
    char* end = buffer;
    if (rounded < 0) *end++ = '-';
    end = std::to_chars(end, buffer + sizeof buffer, magnitude / 1000).ptr;
    unsigned fraction = static_cast<unsigned>(magnitude % 1000);
    if (fraction != 0) {
      *end++ = '.';
      for (unsigned place = 100; fraction != 0; place /= 10) {
        *end++ = static_cast<char>('0' + fraction / place);
        fraction %= place;
      }
    }
    out.append(buffer, static_cast<std::size_t>(end - buffer));
    return;
  }
  char buffer[32];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 3).ptr;
  std::string_view text(buffer, static_cast<std::size_t>(end - buffer));
  while (text.ends_with('0')) text.remove_suffix(1);
  if (text.ends_with('.')) text.remove_suffix(1);
  out += text == "-0" ? "0" : text;
}

// libharu's own number format (HPDF_FToA: a float, at most five decimals), so that what is
// written here is what HPDF_Page_SetFontAndSize and HPDF_Page_SetRGBFill would have written.
void append_real(std::string& out, HPDF_REAL value) {
  char buffer[64] = {};
  const char* end = HPDF_FToA(buffer, value, buffer + sizeof buffer - 1);
  out.append(buffer, static_cast<std::size_t>(end - buffer));
}

// `r g b rg` or, in a CMYK job, `c m y k k`, as libharu writes them.
void append_fill(std::string& out, const layout::Colour& colour, bool cmyk) {
  std::vector<HPDF_REAL> values;
  if (cmyk) {
    const layout::Cmyk inks = *layout::to_cmyk(colour).cmyk;
    values = {real(inks.c), real(inks.m), real(inks.y), real(inks.k)};
  } else {
    values = {channel(colour.r), channel(colour.g), channel(colour.b)};
  }
  for (const HPDF_REAL value : values) {
    append_real(out, value);
    out += ' ';
  }
  out += cmyk ? "k\012" : "rg\012";
}

// `(codes) Tj`, or with kerning `[(codes) 74 (codes)] TJ`: a TJ number moves the next glyph
// left by thousandths of the font size, the negated Kern::amount. A run is often a whole
// line: its word spaces are real spaces, so text extraction finds them, and what
// justification did to each is a number after it; pair kerning inside words stays small,
// which viewers and pdftotext take as kerning, not as spaces, so words stay whole. The codes
// are a literal string's contents: two bytes a glyph where hex took four, so the page's
// stream is a third shorter to deflate.
void append_show(std::string& operators, const layout::TextRun& run, const RepairedTexts& repairs,
                 const HpdfDocument& document) {
  std::string_view text = run.text;
  if (!repairs.empty()) {
    if (const auto found = repairs.find(&run); found != repairs.end()) text = found->second;
  }
  const auto append_codes = [&](std::string_view piece) { document.append_literal(operators, piece); };
  if (run.kerns.empty() || text.data() != run.text.data()) {
    operators += '(';
    append_codes(text);
    operators += ") Tj\n"sv;
    return;
  }
  operators += "[("sv;
  std::size_t from = 0;
  for (const layout::Kern& kern : run.kerns) {
    if (kern.offset <= from || kern.offset >= text.size()) continue;
    append_codes(text.substr(from, kern.offset - from));
    operators += ") "sv;
    char number[16];
    operators.append(number, static_cast<std::size_t>(std::to_chars(number, number + sizeof number, -static_cast<long>(kern.amount)).ptr - number));
    operators += " ("sv;
    from = kern.offset;
  }
  append_codes(text.substr(from));
  operators += ")] TJ\n"sv;
}

class PageDrawer {
 public:
  PageDrawer(HpdfDocument& document, HPDF_Page target, const layout::Page& page, const std::vector<layout::Font>& fonts,
             bool cmyk)
      : document_(document), target_(target), page_(page), fonts_(fonts), cmyk_(cmyk) {}

  void grounds() {
    for (const layout::Item& item : page_.items) {
      if (const auto* box = std::get_if<layout::Box>(&item); box && box->fill) draw_box(*box, true);
    }
  }

  void pictures(PdfImages& images, Diagnostics& diagnostics) {
    for (const layout::Item& item : page_.items) {
      const auto* picture = std::get_if<layout::Picture>(&item);
      if (!picture) continue;
      const double bottom = page_.height - picture->y - picture->height;
      if (HPDF_Image image = images.image(*picture, diagnostics)) {
        HPDF_Page_DrawImage(target_, image, real(picture->x), real(bottom), real(picture->width),
                            real(picture->height));
      } else {
        // The place the picture would have had, marked, so the page does not look torn.
        draw_box(layout::Box{picture->x, picture->y, picture->width, picture->height, layout::Colour{0xee, 0xee, 0xee},
                             std::nullopt, 0},
                 true);
      }
    }
    document_.check("draw a picture");
  }

  void lines() {
    for (const layout::Item& item : page_.items) {
      if (const auto* rule = std::get_if<layout::Rule>(&item)) {
        set_stroke(rule->colour, rule->thickness);
        HPDF_Page_MoveTo(target_, real(rule->x1), real(page_.height - rule->y1));
        HPDF_Page_LineTo(target_, real(rule->x2), real(page_.height - rule->y2));
        HPDF_Page_Stroke(target_);
      } else if (const auto* circle = std::get_if<layout::Circle>(&item)) {
        set_stroke(circle->colour, circle->thickness);
        HPDF_Page_Circle(target_, real(circle->x), real(page_.height - circle->y), real(circle->radius));
        HPDF_Page_Stroke(target_);
      } else if (const auto* box = std::get_if<layout::Box>(&item); box && box->stroke) {
        draw_box(*box, false);
      }
    }
    document_.check("draw rules");
  }

  // The fonts the page's text uses, loaded and named in the page's resources in the order
  // HPDF_Page_SetFontAndSize would name them (F1, F2, ... by first use).
  PageText prepare_text() {
    PageText out;
    out.page = &page_;
    out.cmyk = cmyk_;
    int font = -1;
    double size = 0;
    for (const layout::Item& item : page_.items) {
      const auto* run = std::get_if<layout::TextRun>(&item);
      if (!run || run->text.empty() || (run->font == font && run->size == size)) continue;
      font = run->font;
      size = run->size;
      const auto index = static_cast<std::size_t>(font);
      if (index >= out.font_names.size()) out.font_names.resize(index + 1);
      if (!out.font_names[index].empty()) continue;
      const char* name = HPDF_Page_GetLocalFontName(target_, document_.font(fonts_.at(index).file));
      document_.check("name a font");
      if (!name) throw Error(ErrorKind::internal, fonts_.at(index).file, 0, "libharu gave the font no name in the page");
      out.font_names[index] = name;
    }
    return out;
  }

 private:
  // In a CMYK job every colour is set with k/K (its inks, or converted from RGB if layout
  // left one without), so no rg/RG operator reaches the file.
  void set_fill(const layout::Colour& colour) {
    if (cmyk_) {
      const layout::Cmyk inks = *layout::to_cmyk(colour).cmyk;
      HPDF_Page_SetCMYKFill(target_, real(inks.c), real(inks.m), real(inks.y), real(inks.k));
    } else {
      HPDF_Page_SetRGBFill(target_, channel(colour.r), channel(colour.g), channel(colour.b));
    }
  }

  void set_stroke(const layout::Colour& colour, double width) {
    if (cmyk_) {
      const layout::Cmyk inks = *layout::to_cmyk(colour).cmyk;
      HPDF_Page_SetCMYKStroke(target_, real(inks.c), real(inks.m), real(inks.y), real(inks.k));
    } else {
      HPDF_Page_SetRGBStroke(target_, channel(colour.r), channel(colour.g), channel(colour.b));
    }
    HPDF_Page_SetLineWidth(target_, real(width));
  }

  void draw_box(const layout::Box& box, bool fill) {
    const double bottom = page_.height - box.y - box.height;
    if (fill) {
      set_fill(*box.fill);
      HPDF_Page_Rectangle(target_, real(box.x), real(bottom), real(box.width), real(box.height));
      HPDF_Page_Fill(target_);
    } else {
      set_stroke(*box.stroke, box.stroke_width);
      HPDF_Page_Rectangle(target_, real(box.x), real(bottom), real(box.width), real(box.height));
      HPDF_Page_Stroke(target_);
    }
  }

  HpdfDocument& document_;
  HPDF_Page target_;
  const layout::Page& page_;
  const std::vector<layout::Font>& fonts_;
  bool cmyk_ = false;
};

}  // namespace

std::string_view drawn_text(const layout::TextRun& run, std::string& repaired) {
  if (text::is_drawable(run.text)) return run.text;
  repaired = text::drawable(run.text);
  return repaired;
}

HPDF_Rect pdf_rect(const layout::Page& page, double x, double y, double width, double height) {
  HPDF_Rect rect;
  rect.left = real(x);
  rect.bottom = real(page.height - y - height);
  rect.right = real(x + width);
  rect.top = real(page.height - y);
  return rect;
}

PageText draw_page(HpdfDocument& document, PdfImages& images, HPDF_Page target, const layout::Page& page,
                   const std::vector<layout::Font>& fonts, bool cmyk, const RepairedTexts& repairs,
                   Diagnostics& diagnostics) {
  PageDrawer drawer(document, target, page, fonts, cmyk);
  drawer.grounds();
  drawer.pictures(images, diagnostics);
  drawer.lines();
  PageText text = drawer.prepare_text();
  text.repaired = &repairs;
  return text;
}

std::string write_text(const PageText& text, const HpdfDocument& document) {
  // Each run (a line, or a part of one in another font) is `dx dy Td (codes) Tj` from the
  // last one: HPDF_Page_TextOut clears a 512-byte buffer byte by byte and measures the text
  // again for every call, and the position it would track is never used.
  std::string out;
  bool open = false;
  double line_x = 0, line_y = 0;  // the text line matrix's origin (BT resets it to 0 0)
  int font = -1;
  double size = 0;
  std::optional<layout::Colour> colour;
  for (const layout::Item& item : text.page->items) {
    const auto* run = std::get_if<layout::TextRun>(&item);
    if (!run || run->text.empty()) continue;
    if (!open) {
      out += "BT\012"sv;
      open = true;
    }
    if (run->font != font || run->size != size) {
      font = run->font;
      size = run->size;
      out += '/';
      out += text.font_names.at(static_cast<std::size_t>(font));
      out += ' ';
      append_real(out, real(size));
      out += " Tf\012"sv;
    }
    if (colour != run->colour) {
      colour = run->colour;
      append_fill(out, *colour, text.cmyk);
    }
    const double x = run->x, y = text.page->height - run->y;
    append_number(out, x - line_x);
    out += ' ';
    append_number(out, y - line_y);
    out += " Td "sv;
    append_show(out, *run, *text.repaired, document);
    line_x = x;
    line_y = y;
  }
  if (open) out += "ET\012"sv;
  return out;
}

}  // namespace galley::backends::pdf
