// Preflight (`galley check`): what would go wrong when these articles are typeset in this style,
// found before anything is written: font families not installed, characters no installed font
// has, pictures that are missing, refused or damaged, pictures under 300 ppi at the size they
// are placed in a print style, RGB pictures in a CMYK job, and front-matter keys galley does
// not know. The findings carry file, line and severity like every diagnostic.
#pragma once

#include <string>
#include <vector>

#include "galley/diagnostics.hpp"
#include "galley/model/document.hpp"
#include "galley/style.hpp"
#include "text/font_metrics.hpp"

namespace galley::check {

/// One problem found, named by the check that found it.
struct Finding {
  std::string check;  ///< "font", "glyphs", "image", "resolution", "colour", "front-matter"
  Diagnostic diagnostic;
};

struct Report {
  std::string style;         ///< the style checked against, as named ("book-a5", "my.toml")
  bool print = false;        ///< a print style: bleed, marks or CMYK
  bool cmyk = false;         ///< every colour of the output is CMYK
  std::vector<std::string> articles;  ///< the files checked, in order ("" for stdin)
  std::vector<Finding> findings;      ///< in article order, each article's by check
  std::size_t count(Severity severity) const;
};

/// The resolution a picture needs at its placed size in a print style.
inline constexpr double print_ppi = 300;

/// Checks `articles` against `style`, laying them out with `fonts` to know where each
/// picture goes. Never throws for a problem it is meant to find (a missing font family is a
/// finding); throws galley::Error only for failures of its own.
Report preflight(const std::vector<const model::Document*>& articles, const style::StyleSheet& style,
                 text::FontMetrics& fonts);

/// The report for people: one line a finding (`file:line: severity: message`), then a summary.
std::string report_text(const Report& report);

/// The report as JSON (documented in docs/check-json.md).
std::string report_json(const Report& report, bool pretty);

}  // namespace galley::check
