// Lengths, colours and page sizes as style files write them.
#include "style/values.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>

namespace galley::style {
namespace {

struct Unit {
  std::string_view name;
  double points;  ///< 0 marks em, which is relative
};

constexpr std::array units = std::to_array<Unit>({
    {"mm", points_per_mm},
    {"cm", 10 * points_per_mm},
    {"in", 72.0},
    {"pt", 1.0},
    {"pc", 12.0},
    {"px", 0.75},
    {"em", 0},
});

struct NamedSize {
  std::string_view name;
  double width_mm, height_mm;
};

// ISO 216 sizes in millimetres; the North American ones are exact in inches (x 25.4).
constexpr std::array sizes = std::to_array<NamedSize>({
    {"A3", 297, 420},
    {"A4", 210, 297},
    {"A5", 148, 210},
    {"B5", 176, 250},
    {"Letter", 8.5 * 25.4, 11 * 25.4},
    {"Legal", 8.5 * 25.4, 14 * 25.4},
    {"Tabloid", 11 * 25.4, 17 * 25.4},
});

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// A decimal number at the start of `text`; the rest is left in `text`.
std::optional<double> leading_number(std::string_view& text) {
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || !std::isfinite(value)) return std::nullopt;
  text.remove_prefix(static_cast<std::size_t>(end - text.data()));
  return value;
}

// Three decimals at most, no trailing zeros: 10.5, 14, 0.353.
std::string short_number(double value) {
  std::string text = fmt::format("{:.3f}", value);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text == "-0" ? "0" : text;
}

}  // namespace

std::optional<Length> parse_length(std::string_view text, std::string& problem) {
  std::string_view rest = trimmed(text);
  const auto value = leading_number(rest);
  if (!value) {
    problem = fmt::format("'{}' is not a length (write a number and a unit: mm, cm, in, pt, pc, px, em)", text);
    return std::nullopt;
  }
  rest = trimmed(rest);
  if (rest.empty()) {
    if (*value == 0) return Length{};
    problem = fmt::format("'{}' has no unit (mm, cm, in, pt, pc, px or em)", text);
    return std::nullopt;
  }
  for (const auto& unit : units) {
    if (equal_ignoring_case(rest, unit.name)) {
      return unit.points == 0 ? Length{0, *value} : Length{*value * unit.points, 0};
    }
  }
  problem = fmt::format("'{}': unknown unit '{}' (mm, cm, in, pt, pc, px or em)", text, rest);
  return std::nullopt;
}

std::optional<Color> parse_color(std::string_view text, std::string& problem) {
  const std::string_view value = trimmed(text);
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  };
  if (value.starts_with('#') && (value.size() == 7 || value.size() == 4)) {
    const bool short_form = value.size() == 4;
    Color color{Color::Space::rgb, {}};
    for (int i = 0; i < 3; ++i) {
      const int high = hex(value[1 + (short_form ? i : 2 * i)]);
      const int low = hex(value[short_form ? 1 + i : 2 + 2 * i]);
      if (high < 0 || low < 0) break;
      color.values[static_cast<std::size_t>(i)] = (high * 16 + low) / 255.0;
      if (i == 2) return color;
    }
  } else if (value.starts_with("cmyk(") && value.ends_with(')')) {
    std::string_view rest = value.substr(5, value.size() - 6);
    Color color{Color::Space::cmyk, {}};
    for (std::size_t i = 0; i < 4; ++i) {
      rest = trimmed(rest);
      auto part = leading_number(rest);
      if (!part) break;
      rest = trimmed(rest);
      if (rest.starts_with('%')) *part /= 100, rest.remove_prefix(1);
      if (*part < 0 || *part > 1) {
        problem = fmt::format("'{}': each part of cmyk() is 0..1 or 0%..100%", text);
        return std::nullopt;
      }
      color.values[i] = *part;
      rest = trimmed(rest);
      if (i < 3 && !rest.starts_with(',')) break;
      if (i < 3) rest.remove_prefix(1);
      if (i == 3 && rest.empty()) return color;
    }
  }
  problem = fmt::format("'{}' is not a colour (write \"#rrggbb\" or \"cmyk(c, m, y, k)\")", text);
  return std::nullopt;
}

std::optional<std::pair<double, double>> named_page_size(std::string_view name) {
  for (const auto& size : sizes) {
    if (equal_ignoring_case(name, size.name)) {
      return std::pair{size.width_mm * points_per_mm, size.height_mm * points_per_mm};
    }
  }
  return std::nullopt;
}

std::string_view page_size_names() { return "A3, A4, A5, B5, Letter, Legal, Tabloid"; }

std::string format_length(const Length& length) {
  // A parsed length has either points or ems, never both. Whole and half millimetres are
  // written in mm, as style files write margins; everything else in points.
  if (length.ems != 0) return short_number(length.ems).append("em");
  const double millimetres = length.points / points_per_mm;
  if (length.points != 0 && std::abs(millimetres * 2 - std::round(millimetres * 2)) < 1e-6) {
    return short_number(millimetres).append("mm");
  }
  return short_number(length.points).append("pt");
}

std::string format_color(const Color& color) {
  if (color.space == Color::Space::cmyk) {
    return fmt::format("cmyk({}, {}, {}, {})", short_number(color.values[0]), short_number(color.values[1]),
                       short_number(color.values[2]), short_number(color.values[3]));
  }
  auto byte = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
  return fmt::format("#{:02x}{:02x}{:02x}", byte(color.values[0]), byte(color.values[1]), byte(color.values[2]));
}

}  // namespace galley::style
