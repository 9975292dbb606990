// Input cleaning: encodings, line ends and characters no output format may carry.
#include "read/input_text.hpp"

#include <fmt/format.h>

#include <cstdint>

#include "read/unicode.hpp"

namespace galley::read {
namespace {

constexpr std::int32_t replacement_character = 0xFFFD;

enum class Utf16 { none, little_endian, big_endian };

// A BOM decides; without one, text whose odd (or even) bytes are mostly zero is UTF-16.
Utf16 detect_utf16(std::string_view raw, bool& had_bom) {
  had_bom = false;
  if (raw.size() >= 2) {
    auto b0 = static_cast<unsigned char>(raw[0]);
    auto b1 = static_cast<unsigned char>(raw[1]);
    if (b0 == 0xFF && b1 == 0xFE) return had_bom = true, Utf16::little_endian;
    if (b0 == 0xFE && b1 == 0xFF) return had_bom = true, Utf16::big_endian;
  }
  std::size_t sample = std::min<std::size_t>(raw.size(), 1024) & ~std::size_t{1};
  if (sample < 4) return Utf16::none;
  std::size_t zero_even = 0, zero_odd = 0;
  for (std::size_t i = 0; i < sample; i += 2) {
    zero_even += raw[i] == '\0';
    zero_odd += raw[i + 1] == '\0';
  }
  std::size_t pairs = sample / 2;
  if (zero_odd * 10 >= pairs * 4 && zero_even * 10 < pairs) return Utf16::little_endian;
  if (zero_even * 10 >= pairs * 4 && zero_odd * 10 < pairs) return Utf16::big_endian;
  return Utf16::none;
}

std::string utf16_to_utf8(std::string_view raw, Utf16 order, bool skip_bom) {
  std::string out;
  out.reserve(raw.size());
  auto unit_at = [&](std::size_t i) -> std::uint32_t {
    auto lo = static_cast<unsigned char>(raw[order == Utf16::little_endian ? i : i + 1]);
    auto hi = static_cast<unsigned char>(raw[order == Utf16::little_endian ? i + 1 : i]);
    return static_cast<std::uint32_t>(hi) << 8 | lo;
  };
  for (std::size_t i = skip_bom ? 2 : 0; i + 1 < raw.size(); i += 2) {
    std::uint32_t unit = unit_at(i);
    std::int32_t cp = static_cast<std::int32_t>(unit);
    if (unit >= 0xD800 && unit <= 0xDBFF && i + 3 < raw.size()) {
      std::uint32_t low = unit_at(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = static_cast<std::int32_t>(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
      } else {
        cp = replacement_character;
      }
    } else if (unit >= 0xD800 && unit <= 0xDFFF) {
      cp = replacement_character;
    }
    append_utf8(out, cp);
  }
  if (raw.size() % 2 != 0) append_utf8(out, replacement_character);
  return out;
}

// Counts one kind of repair and remembers where it first happened, for one warning.
struct Repair {
  std::size_t count = 0;
  int line = 0;
  int column = 0;
  void note(int at_line, int at_column) {
    if (count++ == 0) line = at_line, column = at_column;
  }
};

// XML 1.0 forbids these (besides tab and LF, which are kept); PDF viewers show boxes.
bool is_forbidden_control(std::int32_t cp) {
  return (cp >= 0 && cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0xFFFE || cp == 0xFFFF;
}

}  // namespace

std::string clean_input(std::string_view raw, const std::string& file, std::size_t max_bytes,
                        Diagnostics& diagnostics) {
  if (raw.size() > max_bytes) {
    throw Error(ErrorKind::data, file, 0,
                fmt::format("input is {} bytes, over the limit of {} bytes", raw.size(), max_bytes));
  }

  std::string transcoded;
  bool had_bom = false;
  if (auto order = detect_utf16(raw, had_bom); order != Utf16::none) {
    diagnostics.warn(file, 0,
                     fmt::format("input is UTF-16 ({}); converted to UTF-8",
                                 order == Utf16::little_endian ? "little-endian" : "big-endian"));
    transcoded = utf16_to_utf8(raw, order, had_bom);
    raw = transcoded;
  }
  if (raw.starts_with("\xEF\xBB\xBF")) raw.remove_prefix(3);

  std::string out;
  out.reserve(raw.size());
  Repair invalid, nul, control;
  int line = 1;
  int column = 1;
  for (std::size_t pos = 0; pos < raw.size();) {
    // A run of printable ASCII is copied at once: nothing in it needs repair.
    std::size_t run = pos;
    while (run < raw.size() && static_cast<unsigned char>(raw[run]) >= 0x20 &&
           static_cast<unsigned char>(raw[run]) < 0x7F) {
      ++run;
    }
    if (run > pos) {
      out.append(raw.substr(pos, run - pos));
      column += static_cast<int>(run - pos);
      pos = run;
      continue;
    }
    char byte = raw[pos];
    if (byte == '\r') {  // CRLF and lone CR both end a line
      pos += (pos + 1 < raw.size() && raw[pos + 1] == '\n') ? 2 : 1;
      out += '\n';
      ++line, column = 1;
      continue;
    }
    std::size_t start = pos;
    std::int32_t cp = next_code_point(raw, pos);
    if (cp < 0) {
      invalid.note(line, column);
      append_utf8(out, replacement_character);
    } else if (cp == 0) {
      nul.note(line, column);
      append_utf8(out, replacement_character);
    } else if (is_forbidden_control(cp)) {
      control.note(line, column);
      append_utf8(out, replacement_character);
    } else {
      out.append(raw.substr(start, pos - start));
    }
    if (cp == '\n') {
      ++line, column = 1;
    } else {
      ++column;
    }
  }

  auto report = [&](const Repair& repair, std::string_view what) {
    if (repair.count == 0) return;
    diagnostics.warn(file, repair.line,
                     fmt::format("{} ({} replaced by U+FFFD)", what, repair.count), repair.column);
  };
  report(invalid, "invalid UTF-8");
  report(nul, "NUL byte in text");
  report(control, "control character in text");
  return out;
}

}  // namespace galley::read
