// Page drawing: PageTree coordinates (top-left origin) to PDF's (bottom-left), each word at
// the x layout gave it (libharu's word spacing does nothing with UTF-8 fonts).
#include "backends/pdf/draw.hpp"

#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <charconv>
#include <string>

#include "text/unicode.hpp"

namespace galley::backends::pdf {
namespace {

HPDF_REAL channel(std::uint8_t value) { return static_cast<HPDF_REAL>(value / 255.0); }

// A coordinate for the content stream: at most three decimals (a thousandth of a point), no
// trailing zeros, never "-0"; to_chars is locale-independent.
void append_number(std::string& out, double value) {
  char buffer[32];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 3).ptr;
  std::string_view text(buffer, static_cast<std::size_t>(end - buffer));
  while (text.ends_with('0')) text.remove_suffix(1);
  if (text.ends_with('.')) text.remove_suffix(1);
  out += text == "-0" ? "0" : text;
}

void append_hex(std::string& out, std::string_view bytes) {
  static constexpr char digits[] = "0123456789ABCDEF";
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    out += digits[byte >> 4];
    out += digits[byte & 0xF];
  }
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

  // Each run is written as `dx dy Td <codes> Tj` straight into the page's content stream:
  // HPDF_Page_TextOut clears a 512-byte buffer byte by byte and measures the text again for
  // every word (6% of a 100-article PDF), and the position it would track is never used.
  void text() {
    bool open = false;
    double line_x = 0, line_y = 0;  // the text line matrix's origin (BT resets it to 0 0)
    std::string operators;
    int font = -1;
    double size = 0;
    std::optional<layout::Colour> colour;
    for (const layout::Item& item : page_.items) {
      const auto* run = std::get_if<layout::TextRun>(&item);
      if (!run || run->text.empty()) continue;
      if (!open) {
        HPDF_Page_BeginText(target_);
        open = true;
      }
      if (run->font != font || run->size != size || colour != run->colour) flush(operators);
      if (run->font != font || run->size != size) {
        font = run->font;
        size = run->size;
        HPDF_Page_SetFontAndSize(target_, document_.font(fonts_.at(static_cast<std::size_t>(font)).file), real(size));
      }
      if (colour != run->colour) {
        colour = run->colour;
        set_fill(*colour);
      }
      const double x = run->x, y = page_.height - run->y;
      append_number(operators, x - line_x);
      operators += ' ';
      append_number(operators, y - line_y);
      operators += " Td ";
      append_show(operators, *run);
      line_x = x;
      line_y = y;
    }
    flush(operators);
    if (open) HPDF_Page_EndText(target_);
    document_.check("draw text");
  }

 private:
  // `<codes> Tj`, or with kerning `[<codes> 74 <codes>] TJ`: a TJ number moves the next glyph
  // left by thousandths of the font size, the negated Kern::amount. Viewers and pdftotext
  // take small adjustments as kerning, not as spaces, so words stay whole when extracted.
  void append_show(std::string& operators, const layout::TextRun& run) {
    const std::string text = drawn_text(run);
    if (run.kerns.empty() || text != run.text) {
      operators += '<';
      append_hex(operators, document_.encode(text));
      operators += "> Tj\n";
      return;
    }
    operators += "[<";
    std::size_t from = 0;
    for (const layout::Kern& kern : run.kerns) {
      if (kern.offset <= from || kern.offset >= text.size()) continue;
      append_hex(operators, document_.encode(std::string_view(text).substr(from, kern.offset - from)));
      operators += "> ";
      operators += std::to_string(-kern.amount);
      operators += " <";
      from = kern.offset;
    }
    append_hex(operators, document_.encode(std::string_view(text).substr(from)));
    operators += ">] TJ\n";
  }

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

  // Appends what `operators` holds to the page's content stream (libharu's internal page
  // attributes, hpdf_pages.h, as for TrimBox) and empties it.
  void flush(std::string& operators) {
    if (operators.empty()) return;
    auto* attr = static_cast<HPDF_PageAttr>(target_->attr);
    document_.check(HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(operators.data()),
                                      static_cast<HPDF_UINT>(operators.size())),
                    "draw text");
    operators.clear();
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

std::string drawn_text(const layout::TextRun& run) {
  return text::is_drawable(run.text) ? run.text : text::drawable(run.text);
}

HPDF_Rect pdf_rect(const layout::Page& page, double x, double y, double width, double height) {
  HPDF_Rect rect;
  rect.left = real(x);
  rect.bottom = real(page.height - y - height);
  rect.right = real(x + width);
  rect.top = real(page.height - y);
  return rect;
}

void draw_page(HpdfDocument& document, PdfImages& images, HPDF_Page target, const layout::Page& page,
               const std::vector<layout::Font>& fonts, bool cmyk, Diagnostics& diagnostics) {
  PageDrawer drawer(document, target, page, fonts, cmyk);
  drawer.grounds();
  drawer.pictures(images, diagnostics);
  drawer.lines();
  drawer.text();
}

}  // namespace galley::backends::pdf
