#include "check/preflight.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <type_traits>
#include <variant>

#include "image/image.hpp"
#include "layout/layout.hpp"
#include "model/pictures.hpp"
#include "text/font_catalog.hpp"
#include "text/unicode.hpp"

namespace galley::check {
namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------
// Text: every character an article would draw
// ---------------------------------------------------------------------------------------

class TextCollector {
 public:
  void add(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
      const char32_t c = text::next_code_point(text, pos);
      if (c > 0xFFFF) outside_bmp_.insert(c);
    }
    const std::string drawn = text::drawable(text);
    for (std::size_t pos = 0; pos < drawn.size();) {
      const char32_t c = text::next_code_point(drawn, pos);
      if (!text::is_break_space(c) && c != U'\u00A0') characters_.insert(c);
    }
  }

  void inlines(const model::Inlines& content) {
    for (const auto& item : content) {
      std::visit(
          [&](const auto& node) {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, model::Text> || std::is_same_v<T, model::Code>) {
              add(node.text);
            } else if constexpr (std::is_same_v<T, model::Image>) {
              add(node.alt);
            } else if constexpr (requires { node.content; }) {
              inlines(node.content);
            }
          },
          item.node);
    }
  }

  void blocks(const model::Blocks& content) {
    for (const auto& block : content) {
      std::visit(
          [&](const auto& node) {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, model::CodeBlock>) {
              add(node.text);
            } else if constexpr (std::is_same_v<T, model::Figure>) {
              add(node.caption);
              add(node.credit);
            } else if constexpr (std::is_same_v<T, model::Aside>) {
              add(node.label);
              inlines(node.content);
            } else if constexpr (std::is_same_v<T, model::BulletList> || std::is_same_v<T, model::OrderedList>) {
              for (const auto& item : node.items) blocks(item.content);
            } else if constexpr (std::is_same_v<T, model::Table>) {
              for (const auto* rows : {&node.head, &node.body}) {
                for (const auto& row : *rows) {
                  for (const auto& cell : row) inlines(cell);
                }
              }
            } else if constexpr (std::is_same_v<T, model::BlockQuote>) {
              blocks(node.content);
            } else if constexpr (requires { node.content; }) {
              inlines(node.content);
            }
          },
          block.node);
    }
  }

  void document(const model::Document& article) {
    const model::Meta& meta = article.meta;
    for (const std::string* text : {&meta.title, &meta.subtitle, &meta.date_text}) add(*text);
    for (const auto& author : meta.authors) add(author);
    if (meta.source) add(*meta.source);
    if (article.lead) {
      add(article.lead->caption);
      add(article.lead->credit);
    }
    blocks(article.blocks);
    for (const auto& note : article.notes) blocks(note.content);
  }

  const std::set<char32_t>& characters() const { return characters_; }
  /// Characters beyond U+FFFF (emoji, historic scripts): libharu cannot draw them at all.
  const std::set<char32_t>& outside_bmp() const { return outside_bmp_; }

 private:
  std::set<char32_t> characters_;
  std::set<char32_t> outside_bmp_;
};

std::string described(char32_t c) {
  std::string glyph;
  text::append_utf8(glyph, c);
  return fmt::format("U+{:04X} {}", static_cast<unsigned>(c), glyph);
}

// ---------------------------------------------------------------------------------------
// The checks
// ---------------------------------------------------------------------------------------

class Preflight {
 public:
  Preflight(const style::StyleSheet& style, text::FontMetrics& fonts) : style_(style), fonts_(fonts) {
    report_.style = style.name;
    const style::Print& print = style.print;
    report_.cmyk = print.color_space == style::Color::Space::cmyk;
    report_.print = report_.cmyk || print.bleed.points > 0 || !print.marks.empty();
  }

  // The style's families: a missing primary family stops the PDF (an error), a missing
  // fallback only narrows what it can draw (a warning). Returns false when layout cannot run.
  bool families() {
    bool complete = true;
    const std::pair<const char*, const std::string*> primaries[] = {
        {"fonts.body", &style_.fonts.body}, {"fonts.heading", &style_.fonts.heading}, {"fonts.mono", &style_.fonts.mono}};
    for (const auto& [key, family] : primaries) {
      if (text::find_font_file(*family, text::FontStyle::regular)) continue;
      complete = false;
      add("font", Severity::error, style_.name, 0,
          fmt::format("{}: font family '{}' is not installed{}", key, *family, closest(*family)));
    }
    for (const auto& family : style_.fonts.fallback) {
      if (text::find_font_file(family, text::FontStyle::regular)) continue;
      add("font", Severity::warning, style_.name, 0,
          fmt::format("fonts.fallback: font family '{}' is not installed{}", family, closest(family)));
    }
    return complete;
  }

  void article(const model::Document& document, bool can_lay_out) {
    report_.articles.push_back(document.origin);
    front_matter(document);
    if (can_lay_out) glyphs(document);
    const std::map<std::string, image::Info> pictures = checked_pictures(document);
    if (!can_lay_out) return;
    std::map<std::string, double> worst_ppi;  // by source, the lowest at any placement
    std::map<std::string, std::pair<double, double>> placed;  // the size at that placement, pt
    try {
      Diagnostics scratch;  // layout's own warnings repeat what the checks here report
      const layout::PageTree tree = layout::lay_out(document, layout::layout_style(style_, scratch), fonts_, scratch);
      for (const layout::Page& page : tree.pages) {
        for (const layout::Item& item : page.items) {
          const auto* picture = std::get_if<layout::Picture>(&item);
          if (!picture) continue;
          const auto info = pictures.find(picture->source);
          if (info == pictures.end() || picture->width <= 0 || picture->height <= 0) continue;
          const double ppi = std::min(info->second.width / (picture->width / 72), info->second.height / (picture->height / 72));
          auto [it, fresh] = worst_ppi.emplace(picture->source, ppi);
          if (fresh || ppi < it->second) {
            it->second = ppi;
            placed[picture->source] = {picture->width, picture->height};
          }
        }
      }
    } catch (const Error& error) {
      add("layout", Severity::error, document.origin, error.diagnostic().line, error.diagnostic().message);
      return;
    }
    for (const auto& ref : model::pictures(document)) {
      const auto ppi = worst_ppi.find(ref.source);
      if (ppi == worst_ppi.end() || !report_.print || ppi->second >= print_ppi) continue;
      const double lowest = ppi->second;
      worst_ppi.erase(ppi);  // reported once a picture, however often it is named
      const auto [width, height] = placed[ref.source];
      const image::Info& info = pictures.at(ref.source);
      add("resolution", Severity::warning, document.origin, ref.line,
          fmt::format("{} is {:.0f} ppi at its placed size ({:.0f} x {:.0f} mm): print needs {:.0f}, that is {} x {} "
                      "pixels ({} x {} now)",
                      ref.source, std::floor(lowest), width / 72 * 25.4, height / 72 * 25.4, print_ppi,
                      static_cast<long>(std::ceil(width / 72 * print_ppi)),
                      static_cast<long>(std::ceil(height / 72 * print_ppi)), info.width, info.height));
    }
  }

  Report take() { return std::move(report_); }

 private:
  void add(std::string check, Severity severity, std::string file, int line, std::string message) {
    report_.findings.push_back(Finding{std::move(check), Diagnostic{severity, std::move(message), std::move(file), line, 0}});
  }

  static std::string closest(const std::string& family) {
    const auto near = text::closest_families(family, 3);
    if (near.empty()) return "";
    std::string list;
    for (const auto& name : near) list += (list.empty() ? "" : ", ") + name;
    return fmt::format(" (closest installed: {})", list);
  }

  void front_matter(const model::Document& document) {
    for (const auto& [key, value] : document.meta.extra) {
      add("front-matter", Severity::note, document.origin, 0,
          fmt::format("front matter key '{}' is not one galley reads; it is kept as extra metadata", key));
    }
  }

  // Characters no installed font has draw as boxes; those only a font outside the style has
  // are drawn in a face the style did not choose.
  void glyphs(const model::Document& document) {
    TextCollector collector;
    collector.document(document);
    std::vector<std::string> chain{style_.fonts.body};
    chain.insert(chain.end(), style_.fonts.fallback.begin(), style_.fonts.fallback.end());
    const std::set<std::string> styled = [&] {
      std::set<std::string> names(chain.begin(), chain.end());
      names.insert(style_.fonts.heading);
      names.insert(style_.fonts.mono);
      return names;
    }();
    auto listed = [](const std::vector<char32_t>& characters) {
      std::string list;
      for (std::size_t i = 0; i < characters.size() && i < 8; ++i) list += (i ? ", " : "") + described(characters[i]);
      if (characters.size() > 8) list += ", ...";
      return list;
    };
    const text::FaceId body = fonts_.face(chain, text::FontStyle::regular);
    if (!collector.outside_bmp().empty()) {
      const std::vector<char32_t> astral(collector.outside_bmp().begin(), collector.outside_bmp().end());
      add("glyphs", Severity::error, document.origin, 0,
          fmt::format("{} character{} beyond U+FFFF ({}) cannot be drawn in a PDF (libharu draws only the Basic "
                      "Multilingual Plane); they would show as U+FFFD",
                      astral.size(), astral.size() == 1 ? "" : "s", listed(astral)));
    }
    std::vector<char32_t> missing;
    std::map<std::string, std::vector<char32_t>> elsewhere;  // by the family that has them
    for (const char32_t c : collector.characters()) {
      const text::FaceId face = fonts_.face_for(body, c);
      if (face < 0) {
        missing.push_back(c);
      } else if (!styled.count(fonts_.info(face).family)) {
        elsewhere[fonts_.info(face).family].push_back(c);
      }
    }
    if (!missing.empty()) {
      add("glyphs", Severity::error, document.origin, 0,
          fmt::format("no installed font has {} of the characters used ({}); they would be left blank on the page", missing.size(),
                      listed(missing)));
    }
    for (const auto& [family, characters] : elsewhere) {
      add("glyphs", Severity::note, document.origin, 0,
          fmt::format("{} character{} no family of the style has ({}) will be drawn in {}", characters.size(),
                      characters.size() == 1 ? "" : "s", listed(characters), family));
    }
  }

  // Each picture located, read and probed once; what can be drawn, by source.
  std::map<std::string, image::Info> checked_pictures(const model::Document& document) {
    std::map<std::string, image::Info> usable;
    std::set<std::string> seen;
    const std::vector<fs::path> folders = image::image_folders(document);
    for (const auto& ref : model::pictures(document)) {
      if (!seen.insert(ref.source).second) continue;
      const image::Located located = image::locate(folders, ref.source);
      if (!located.problem.empty()) {
        add("image", Severity::error, document.origin, ref.line, fmt::format("{}: {}", located.problem, ref.source));
        continue;
      }
      try {
        const std::string bytes = image::read_file(located.path, ref.source);
        if (image::sniff(bytes) == image::Kind::svg) {
          add("image", Severity::warning, document.origin, ref.line,
              fmt::format("{} is an SVG drawing: EPUBs show it, PDFs show only its caption", ref.source));
          continue;
        }
        const image::Info info = image::probe(bytes, ref.source);
        (void)image::decode(bytes, ref.source);  // damage past the header shows only here
        if (report_.cmyk && info.colours == image::Colours::rgb) {
          add("colour", Severity::warning, document.origin, ref.line,
              fmt::format("{} is an RGB picture in a CMYK job: it is converted when exported; proof its colours",
                          ref.source));
        }
        usable.emplace(ref.source, info);
      } catch (const Error& error) {
        add("image", Severity::error, document.origin, ref.line, fmt::format("{}: {}", error.diagnostic().message, ref.source));
      }
    }
    return usable;
  }

  const style::StyleSheet& style_;
  text::FontMetrics& fonts_;
  Report report_;
};

}  // namespace

std::size_t Report::count(Severity severity) const {
  return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(), [&](const Finding& finding) {
    return finding.diagnostic.severity == severity;
  }));
}

Report preflight(const std::vector<const model::Document*>& articles, const style::StyleSheet& style,
                 text::FontMetrics& fonts) {
  Preflight checks(style, fonts);
  const bool can_lay_out = checks.families();
  for (const model::Document* article : articles) checks.article(*article, can_lay_out);
  return checks.take();
}

}  // namespace galley::check
