// Code blocks: every source line kept as written (tabs expanded), wrapped between
// characters where it is wider than the frame, on a tinted ground.
#include <string>

#include "layout/blocks.hpp"
#include "layout/paragraph.hpp"
#include "text/unicode.hpp"

namespace galley::layout {
namespace {

std::string expand_tabs(std::string_view line, int tab_width) {
  std::string out;
  int column = 0;
  for (std::size_t pos = 0; pos < line.size();) {
    const std::size_t at = pos;
    const char32_t c = text::next_code_point(line, pos);
    if (c == U'\t') {
      const int spaces = tab_width - column % tab_width;
      out.append(static_cast<std::size_t>(spaces), ' ');
      column += spaces;
    } else {
      out.append(line.substr(at, pos - at));
      ++column;
    }
  }
  return out;
}

// Splits one drawable source line into pieces no wider than `width`: at the last space when
// that leaves the piece at least half full, else between characters.
std::vector<std::string> wrap(Context& context, text::FaceId face, double size, const std::string& line, double width) {
  std::vector<std::string> pieces;
  std::size_t start = 0;
  std::size_t last_space = std::string::npos;
  double used = 0;
  double used_at_space = 0;
  for (std::size_t pos = 0; pos < line.size();) {
    const std::size_t at = pos;
    const char32_t c = text::next_code_point(line, pos);
    const double w = context.measure(face, size, std::string_view(line).substr(at, pos - at));
    if (used + w > width && at > start) {
      std::size_t cut = at;
      if (last_space != std::string::npos && used_at_space >= width / 2) cut = last_space;
      pieces.push_back(line.substr(start, cut - start));
      start = cut;
      used = context.measure(face, size, std::string_view(line).substr(start, at - start));
      last_space = std::string::npos;
    }
    used += w;
    if (c == U' ' && at > start) {
      last_space = pos;
      used_at_space = used;
    }
  }
  pieces.push_back(line.substr(start));
  return pieces;
}

}  // namespace

std::vector<Slice> set_code(Context& context, const std::string& code, Frame frame) {
  const LayoutStyle& style = context.style();
  const TextStyle& text = style.code;
  const text::FaceId face = context.face(text);
  const double pad = style.code_padding;
  const double width = frame.width - 2 * pad;
  const double baseline = baseline_in_line(context, face, text.size, text.leading);
  std::vector<Slice> slices;
  std::size_t begin = 0;
  while (begin <= code.size()) {
    std::size_t end = code.find('\n', begin);
    if (end == std::string::npos) end = code.size();
    std::string line = context.drawable(expand_tabs(std::string_view(code).substr(begin, end - begin), style.tab_width));
    while (!line.empty() && line.back() == ' ') line.pop_back();
    for (const std::string& piece : wrap(context, face, text.size, line, width)) {
      Slice slice;
      slice.height = text.leading;
      slice.baseline = baseline;
      add_item(slice.items, Box{frame.x, 0, frame.width, text.leading, style.code_background, std::nullopt, 0});
      std::vector<Fragment> fragments;
      context.shape(face, text.size, piece, fragments);
      double x = frame.x + pad;
      for (const Fragment& f : fragments) {
        add_item(slice.items, TextRun{f.font, f.size, x, baseline, f.width, f.text, text.colour, f.kerns});
        x += f.width;
      }
      slices.push_back(std::move(slice));
    }
    begin = end + 1;
  }
  if (slices.empty()) return slices;
  // The ground reaches `pad` above the first line and below the last.
  Slice& first = slices.front();
  shift_down(first, pad);
  std::get<Box>(first.items.front()).y = 0;
  std::get<Box>(first.items.front()).height += pad;
  Slice& last = slices.back();
  std::get<Box>(last.items.front()).height += pad;
  last.height += pad;
  return slices;
}

}  // namespace galley::layout
