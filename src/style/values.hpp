// The value syntax of style files: lengths with units, colours, named page sizes, and the
// way each is written back. Parsers return an explanation instead of throwing, so the
// loader can attach the file, line, column and key.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "galley/style.hpp"

namespace galley::style {

/// "12pt", "3mm", "1.5em", "0", "0.5in"; units mm, cm, in, pt, pc, px (1/96 in), em.
/// On failure returns nullopt and sets `problem`.
std::optional<Length> parse_length(std::string_view text, std::string& problem);

/// "#rrggbb", "#rgb" or "cmyk(c, m, y, k)" with each part 0..1 or a percentage.
std::optional<Color> parse_color(std::string_view text, std::string& problem);

/// Width and height in points of a named size (A3, A4, A5, B5, Letter, Legal, Tabloid; any
/// case), portrait.
std::optional<std::pair<double, double>> named_page_size(std::string_view name);

/// The names above, for messages and documentation.
std::string_view page_size_names();

/// The words style files use for each choice.
template <typename Enum>
using Names = std::pair<std::string_view, Enum>;
inline constexpr std::array align_names{Names<Align>{"justify", Align::justify}, Names<Align>{"left", Align::left}};
inline constexpr std::array link_names{Names<LinkMode>{"live", LinkMode::live},
                                       Names<LinkMode>{"footnotes", LinkMode::footnotes},
                                       Names<LinkMode>{"endnotes", LinkMode::endnotes}};
inline constexpr std::array space_names{Names<Color::Space>{"rgb", Color::Space::rgb},
                                        Names<Color::Space>{"cmyk", Color::Space::cmyk}};
inline constexpr std::array mark_names{Names<Mark>{"crop", Mark::crop},
                                       Names<Mark>{"registration", Mark::registration},
                                       Names<Mark>{"color-bar", Mark::color_bar}};

/// The word for `value` in `names`.
template <typename Enum, std::size_t N>
std::string_view name_of(Enum value, const std::array<Names<Enum>, N>& names) {
  for (const auto& [name, candidate] : names) {
    if (candidate == value) return name;
  }
  return {};
}

/// "10.5pt" or "1em", with up to three decimals.
std::string format_length(const Length& length);

/// "#1a1a1a" or "cmyk(0, 0.5, 1, 0)".
std::string format_color(const Color& color);

}  // namespace galley::style
