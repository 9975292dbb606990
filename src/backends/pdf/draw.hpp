// Drawing one page of a PageTree into a libharu page: grounds and pictures first, then rules,
// then text, so text is never hidden.
#pragma once

#include <hpdf.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "backends/pdf/hpdf_document.hpp"
#include "backends/pdf/images.hpp"
#include "galley/diagnostics.hpp"
#include "layout/page_tree.hpp"

namespace galley::backends::pdf {

/// The runs whose text is not drawable (drawn_text), each with the text drawn instead. Found
/// once, while the characters are gathered before any page is drawn, so that writing the
/// pages' text need not ask every run again. Nearly always empty.
using RepairedTexts = std::unordered_map<const layout::TextRun*, std::string>;

/// A page's text, ready to be written on any thread: the page, the names its fonts have in
/// the page's resources, and the document's repairs of runs (which must outlive it).
struct PageText {
  const layout::Page* page = nullptr;
  std::vector<std::string> font_names;  ///< by PageTree font index; empty for fonts not used
  bool cmyk = false;
  const RepairedTexts* repaired = nullptr;
};

/// Draws `page`'s boxes, pictures, rules and circles (link areas are annotations, added by
/// the caller once every page exists); every colour in CMYK when `cmyk`. Its text comes
/// last, from write_text: this loads the fonts it needs and names them in the page, and the
/// text written is each run's, or its repair in `repairs`.
PageText draw_page(HpdfDocument& document, PdfImages& images, HPDF_Page target, const layout::Page& page,
                   const std::vector<layout::Font>& fonts, bool cmyk, const RepairedTexts& repairs,
                   Diagnostics& diagnostics);

/// The page's text as content stream operators, BT to ET: the bytes libharu's own calls
/// would have written. Safe on any thread while `document` is not changed.
std::string write_text(const PageText& text, const HpdfDocument& document);

/// The text of `run` as it is drawn: layout gives drawable text, and anything else would be
/// drawn wrongly by libharu (boxes, spaces), so it goes through text::drawable first. The
/// characters fonts are subset and encoded for are collected from this same text. The run's
/// own text when it is drawable (nearly always), else `repaired`, made from it.
std::string_view drawn_text(const layout::TextRun& run, std::string& repaired);

/// A length in points as libharu takes it.
inline HPDF_REAL real(double value) { return static_cast<HPDF_REAL>(value); }

/// libharu's rectangle for an area given from the top-left.
HPDF_Rect pdf_rect(const layout::Page& page, double x, double y, double width, double height);

}  // namespace galley::backends::pdf
