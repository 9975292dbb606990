// The EPUB's stylesheet: the typographic rules come from the style sheet that also drives
// the PDF (fonts, sizes, leading, alignment, hyphenation, colours, spacing), written as
// relative sizes so that reading systems' font settings still scale everything; the
// structural rules below (figures, tables, asides, notes, cover) are fixed.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "backends/epub/book.hpp"

namespace galley::backends::epub {
namespace {

constexpr std::string_view structure = R"css(h1, h2, h3, h4, h5, h6 {
  line-height: 1.2;
  page-break-after: avoid;
  break-after: avoid;
  hyphens: manual;
  -epub-hyphens: manual;
}
h1 + p, h2 + p, h3 + p, h4 + p, h5 + p, h6 + p, header + p, figure + p,
blockquote + p, ul + p, ol + p, pre + p, div + p, hr + p, aside + p, .lead + p {
  text-indent: 0;
}
a { text-decoration: none; }

/* The title block of an article. */
.title-block { margin: 0 0 1.2em; }
.title-block h1 { margin-bottom: 0.3em; }
.dek {
  font-style: italic;
  text-indent: 0;
  margin-bottom: 0.6em;
}
.byline, .dateline {
  text-indent: 0;
  text-align: left;
  color: #444;
}
.byline { font-weight: bold; }

/* Figures: the picture, then its caption with the credit set apart. */
figure {
  margin: 1em 0;
  text-align: center;
  page-break-inside: avoid;
  break-inside: avoid;
}
figure img { max-width: 100%; height: auto; }
figcaption, .image-alt {
  text-align: left;
  text-indent: 0;
  margin-top: 0.4em;
}
.credit { color: #777; font-size: 0.9em; text-transform: uppercase; letter-spacing: 0.03em; }
.image-alt { font-style: italic; }

/* Quotes, lists, code and tables. */
blockquote { margin: 1em 1.5em; font-style: italic; }
blockquote p { text-indent: 0; }
ul, ol { margin: 0.6em 0 0.6em 1.5em; padding: 0; }
li p { text-indent: 0; }
ul.tasks { list-style: none; margin-left: 0.5em; }
.task-box { font-family: "DejaVu Sans", sans-serif; }
li.done { color: #555; }
code, pre { font-size: 0.85em; }
pre {
  margin: 1em 0;
  padding: 0.6em;
  background: #f4f2ee;
  white-space: pre-wrap;
  text-align: left;
}
pre code { font-size: 1em; }
div.table { margin: 1em 0; overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.85em; }
th, td { padding: 0.25em 0.6em; border-bottom: 1px solid #ccc; vertical-align: top; }
thead th { border-bottom: 2px solid #444; }
.align-left { text-align: left; }
.align-center { text-align: center; }
.align-right { text-align: right; }
hr { border: 0; width: 30%; margin: 1.5em auto; }
del { color: #666; }

/* A related-article box beside the text. */
aside.related {
  margin: 1em 0;
  padding: 0.5em 0.8em;
  background: #f6f1e7;
  font-size: 0.9em;
}
aside.related p { text-indent: 0; text-align: left; }
aside.related .label { font-weight: bold; }

/* Source line and footnotes at the end of an article. */
.source {
  margin-top: 1.5em;
  font-size: 0.8em;
  text-indent: 0;
  text-align: left;
  color: #555;
  word-wrap: break-word;
}
sup { font-size: 0.7em; line-height: 0; }
.noteref { text-decoration: none; }
section.footnotes { margin-top: 1.5em; font-size: 0.85em; }
aside.footnote p { text-indent: 0; margin: 0.4em 0; }
.backlink { font-weight: bold; }

/* Cover and title page. */
body.cover { margin: 0; padding: 0; text-align: center; }
section.cover img { max-width: 100%; max-height: 100%; }
.titlepage { margin-top: 30%; text-align: center; }
.titlepage p { text-indent: 0; text-align: center; }
.book-title { font-size: 2.2em; }
.editor { font-size: 1.1em; margin-top: 1em; }
.book-date { color: #555; margin-top: 0.5em; }
nav ol { list-style: none; margin-left: 1em; }
nav > ol { margin-left: 0; }
)css";

std::string quoted_family(const std::string& family) {
  std::string out = "\"";
  for (char c : family) {
    if (c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20) out += c;
  }
  return out + '"';
}

// The family, then the fallbacks, then a generic family, as a CSS list.
std::string families(const std::string& first, const std::vector<std::string>& fallback, std::string_view generic) {
  std::string list = quoted_family(first);
  for (const auto& family : fallback) list.append(", ").append(quoted_family(family));
  return list.append(", ").append(generic);
}

// CSS has no device CMYK that reading systems honour: convert naively, as screens would.
std::string css_color(const style::Color& color) {
  auto byte = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
  const auto& v = color.values;
  if (color.space == style::Color::Space::cmyk) {
    return fmt::format("#{:02x}{:02x}{:02x}", byte((1 - v[0]) * (1 - v[3])), byte((1 - v[1]) * (1 - v[3])),
                       byte((1 - v[2]) * (1 - v[3])));
  }
  return fmt::format("#{:02x}{:02x}{:02x}", byte(v[0]), byte(v[1]), byte(v[2]));
}

// A length relative to the body size, in em: "1.25em".
std::string em(const style::Length& length, double body) {
  const double value = body > 0 ? length.resolve(body) / body : 0;
  std::string text = fmt::format("{:.3f}", value);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text == "0" ? text : text.append("em");
}

}  // namespace

std::string stylesheet(const style::StyleSheet& style) {
  const double body = style.fonts.size.resolve(12);  // em in fonts.size refers to 12pt
  const auto& fonts = style.fonts;
  const auto& colors = style.colors;
  const bool justify = style.paragraph.align == style::Align::justify;
  const char* hyphens = style.paragraph.hyphenate ? "auto" : "manual";
  std::string css = fmt::format("/* galley: EPUB stylesheet from the style '{}' */\n", style.name);
  css += fmt::format(
      "html {{\n  font-family: {};\n  line-height: {:.3f};\n  color: {};\n  orphans: {};\n  widows: {};\n}}\n",
      families(fonts.body, fonts.fallback, "serif"), body > 0 ? fonts.leading.resolve(body) / body : 1.4,
      css_color(colors.text), style.paragraph.orphans, style.paragraph.widows);
  css += fmt::format("body {{ margin: 0 {}; }}\n", em(style.epub.margin, body));
  css += fmt::format("p {{\n  margin: 0 0 {};\n  text-indent: 0;\n  text-align: {};\n  hyphens: {};\n"
                     "  -epub-hyphens: {};\n  -webkit-hyphens: {};\n}}\n",
                     em(style.paragraph.space, body), justify ? "justify" : "left", hyphens, hyphens, hyphens);
  css += fmt::format("p + p {{ text-indent: {}; }}\n", em(style.paragraph.indent, body));
  const std::string heading_font = families(fonts.heading, fonts.fallback, "sans-serif");
  css += fmt::format("h1, h2, h3, h4, h5, h6, .byline, .dateline, figcaption, .image-alt, thead th, aside.related {{\n"
                     "  font-family: {};\n}}\n",
                     heading_font);
  css += fmt::format("h1, h2, h3, h4, h5, h6 {{ color: {}; }}\n", css_color(colors.heading));
  css += fmt::format(".title-block h1 {{ font-size: {}; margin: 0 0 0.3em; }}\n", em(style.title.headline_size, body));
  // Body headings start at h2 in the XHTML (h1 is the headline): level n is h(n+1).
  for (std::size_t level = 0; level < 5; ++level) {
    const auto& heading = style.headings[level];
    css += fmt::format("h{} {{ font-size: {}; margin: {} 0 {}; }}\n", level + 2, em(heading.size, body),
                       em(heading.space_before, body), em(heading.space_after, body));
  }
  css += fmt::format(".title-block {{ margin: 0 0 {}; }}\n", em(style.title.space_after, body));
  css += fmt::format(".dek {{ font-size: {}; }}\n", em(style.title.dek_size, body));
  css += fmt::format(".byline, .dateline {{ font-size: {}; color: {}; }}\n", em(style.title.meta_size, body),
                     css_color(colors.caption));
  css += fmt::format("figcaption, .image-alt {{ font-size: {}; color: {}; }}\n", em(style.figures.caption_size, body),
                     css_color(colors.caption));
  css += fmt::format("figure {{ margin: {} 0; }}\n", em(style.figures.space, body));
  css += fmt::format("code, pre {{ font-family: {}; }}\n", families(fonts.mono, {}, "monospace"));
  css += fmt::format("a {{ color: {}; }}\n", css_color(colors.link));
  css += fmt::format("aside.related {{ border-left: {:.2f}pt solid {}; padding: {}; }}\n",
                     std::max(style.asides.rule_width.resolve(body), 0.5) * 4, css_color(colors.accent),
                     em(style.asides.padding, body));
  css += fmt::format("hr, section.footnotes {{ border-top: 1px solid {}; }}\n", css_color(colors.rule));
  css += structure;
  return css;
}

}  // namespace galley::backends::epub
