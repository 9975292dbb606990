// Figures: the picture scaled to the frame, then its caption and credit, in one slice so
// they are never separated. The picture is only located and probed here (src/image): its
// size gives the box; the backend decodes it. A picture that cannot be used leaves a warning
// naming the article, and the figure keeps its caption.
#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "image/image.hpp"
#include "layout/blocks.hpp"
#include "layout/paragraph.hpp"
#include "layout/spans.hpp"

namespace galley::layout {
namespace {

// Pictures are shown at 96 pixels an inch (a screen's), smaller when the frame or the page
// asks for it, never larger: a small image blown up to the column looks broken.
constexpr double points_per_pixel = 72.0 / 96.0;

void refuse(Context& context, std::string_view problem, std::string_view source, int line) {
  context.warn(fmt::format("{}: {}; the figure shows its caption only", problem, source), line);
}

// The picture's box at the top of a slice, or nullopt (and a warning) when it cannot be used.
std::optional<Picture> place_picture(Context& context, const std::string& source, int line, Frame frame,
                                     bool full_bleed) {
  const std::string& article = context.file();
  const image::Located located = image::locate(context.image_folders(), source);
  if (!located.problem.empty()) {
    refuse(context, located.problem, source, line);
    return std::nullopt;
  }
  image::Info info;
  try {
    const std::string bytes = image::read_file(located.path, source);
    if (image::sniff(bytes) == image::Kind::svg) {
      refuse(context, "SVG images are not drawn in PDFs yet", source, line);
      return std::nullopt;
    }
    info = image::probe(bytes, source);
  } catch (const Error& error) {
    refuse(context, error.diagnostic().message, source, line);
    return std::nullopt;
  }
  if (info.width == 0 || info.height == 0) return std::nullopt;
  const LayoutStyle& style = context.style();
  const double max_height = style.figure_max_height * (style.page_height - style.margin_top - style.margin_bottom);
  double width = std::min(frame.width, info.width * points_per_pixel);
  double height = width * info.height / info.width;
  if (height > max_height) {
    height = max_height;
    width = height * info.width / info.height;
  }
  Picture picture;
  // Edge to edge of the sheet's bleed, when the picture is not too tall at that width (it is
  // never cropped: a PageTree picture shows whole); the rule of figures' height does not
  // hold here, a full-bleed picture being the page's main thing.
  const double sheet_width = style.page_width + 2 * style.bleed;
  if (full_bleed && sheet_width * info.height / info.width <= style.full_bleed_max_height * style.page_height) {
    picture.full_bleed = true;
    width = sheet_width;
    height = sheet_width * info.height / info.width;
    frame = Frame{-style.bleed, sheet_width};
  }
  picture.source = source;
  picture.path = located.path.string();
  picture.article = article;
  picture.line = line;
  picture.x = frame.x + (frame.width - width) / 2;
  picture.y = 0;
  picture.width = width;
  picture.height = height;
  return picture;
}

}  // namespace

Slice set_figure(Context& context, const std::string& image, int image_line, const std::string& caption,
                 const std::string& credit, Frame frame, bool full_bleed) {
  const LayoutStyle& style = context.style();
  std::vector<Slice> parts;
  if (!image.empty()) {
    if (auto picture = place_picture(context, image, image_line, frame, full_bleed)) {
      Slice slice;
      slice.height = picture->height;
      add_item(slice.items, std::move(*picture));
      parts.push_back(std::move(slice));
    }
  }
  Spans spans;
  if (!caption.empty()) spans.push_back(Span{context.paragraph_text(caption), {}, false});
  if (!credit.empty()) {
    SpanStyle muted;
    muted.muted = true;
    std::string text = caption.empty() ? "" : " ";
    text += credit;
    spans.push_back(Span{context.paragraph_text(text), muted, false});
  }
  std::vector<Slice> lines = set_paragraph(context, spans, style.caption, Align::left, frame);
  if (!lines.empty()) {
    if (!parts.empty()) lines.front().space_before = style.caption_space;
    for (Slice& line : lines) parts.push_back(std::move(line));
  }
  return merge_slices(std::move(parts));
}

}  // namespace galley::layout
