// Recognising an image by its first bytes: a scraped article's "photo.jpg" may be a PNG, an
// HTML error page or anything else, so the name is never trusted.
#include "image/image.hpp"

namespace galley::image {
namespace {

bool has_at(std::string_view bytes, std::string_view magic, std::size_t offset = 0) {
  return bytes.size() >= offset + magic.size() && bytes.substr(offset, magic.size()) == magic;
}

// Skips `text` up to and including `end`; false when `end` never comes.
bool skip_past(std::string_view& text, std::string_view end) {
  const std::size_t at = text.find(end);
  if (at == std::string_view::npos) return false;
  text.remove_prefix(at + end.size());
  return true;
}

// A DOCTYPE may carry an internal subset in brackets, which may hold '>' of its own.
bool skip_doctype(std::string_view& text) {
  int depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '[') ++depth;
    if (text[i] == ']' && depth > 0) --depth;
    if (text[i] == '>' && depth == 0) {
      text.remove_prefix(i + 1);
      return true;
    }
  }
  return false;
}

// SVG is XML whose first element is <svg>: skips the prolog (declaration, comments,
// processing instructions, DOCTYPE) rather than searching for "<svg" anywhere, so that an
// HTML page with an inline <svg> is not taken for an image.
bool looks_like_svg(std::string_view bytes) {
  // A prolog longer than this is not something a picture starts with.
  std::string_view text = bytes.substr(0, std::size_t{64} * 1024);
  if (has_at(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  for (;;) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return false;
    text.remove_prefix(first);
    if (text.starts_with("<?")) {
      if (!skip_past(text, "?>")) return false;
    } else if (text.starts_with("<!--")) {
      if (!skip_past(text, "-->")) return false;
    } else if (text.starts_with("<!DOCTYPE")) {
      if (!skip_doctype(text)) return false;
    } else {
      if (!text.starts_with("<svg") || text.size() < 5) return false;
      const char after = text[4];
      return after == ' ' || after == '\t' || after == '\r' || after == '\n' || after == '>' || after == '/';
    }
  }
}

}  // namespace

Kind sniff(std::string_view bytes) {
  if (has_at(bytes, "\x89PNG\r\n\x1A\n")) return Kind::png;
  if (has_at(bytes, "\xFF\xD8\xFF")) return Kind::jpeg;
  if (has_at(bytes, "GIF87a") || has_at(bytes, "GIF89a")) return Kind::gif;
  if (has_at(bytes, "RIFF") && has_at(bytes, "WEBP", 8)) return Kind::webp;
  if (looks_like_svg(bytes)) return Kind::svg;
  return Kind::unknown;
}

std::string_view media_type(Kind kind) {
  switch (kind) {
    case Kind::png: return "image/png";
    case Kind::jpeg: return "image/jpeg";
    case Kind::gif: return "image/gif";
    case Kind::webp: return "image/webp";
    case Kind::svg: return "image/svg+xml";
    case Kind::unknown: break;
  }
  return "";
}

}  // namespace galley::image
