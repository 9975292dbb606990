// galley-typst: articles read by galley's own reader, written as Typst markup, so that the
// Typst peer typesets exactly what galley sees (Debian's pandoc 2.17 has no Typst writer; it
// came with pandoc 3.1.2). Page and type follow galley's `article` style: A4, Liberation Serif
// 10.5/14 pt justified, Liberation Sans headings, each article from a new page.
//
// Usage: galley-typst ARTICLE.md... -o OUT.typ   (image paths stay relative to OUT.typ's folder)
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "galley/galley.hpp"

namespace {

using namespace galley::model;

// Typst markup escapes: every character that could start markup, a comment or a math span.
std::string escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += ' ';
      continue;
    }
    if (std::string_view("\\*_`$#[]<>@~/=-+'\"").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// A Typst string literal.
std::string typst_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out + "\"";
}

bool local_image(const std::string& source) {
  return !source.empty() && source.find("://") == std::string::npos && source.front() != '/';
}

class Writer {
 public:
  Writer(const Document& article, const std::filesystem::path& folder) : article_(article), folder_(folder) {}

  std::string inlines(const Inlines& content) {
    std::string out;
    for (const auto& item : content) {
      std::visit(
          [&](const auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, Text>) out += escaped(n.text);
            else if constexpr (std::is_same_v<T, Emph>) out += "#emph[" + inlines(n.content) + "]";
            else if constexpr (std::is_same_v<T, Strong>) out += "#strong[" + inlines(n.content) + "]";
            else if constexpr (std::is_same_v<T, Strikeout>) out += "#strike[" + inlines(n.content) + "]";
            else if constexpr (std::is_same_v<T, Code>) out += "#raw(" + typst_string(n.text) + ")";
            else if constexpr (std::is_same_v<T, Link>) out += "#link(" + typst_string(n.target) + ")[" + inlines(n.content) + "]";
            else if constexpr (std::is_same_v<T, Image>) out += image(n.source, "1em", n.alt);
            else if constexpr (std::is_same_v<T, LineBreak>) out += "#linebreak()";
            else if constexpr (std::is_same_v<T, NoteRef>) out += note(n.number);
          },
          item.node);
    }
    return out;
  }

  std::string blocks(const Blocks& content) {
    std::string out;
    for (const auto& block : content) {
      std::visit([&](const auto& n) { out += this->block(n); }, block.node);
    }
    return out;
  }

  std::string article() {
    const Meta& meta = article_.meta;
    std::string out = "#pagebreak(weak: true)\n";
    out += "#text(font: \"Liberation Sans\", size: 20pt, weight: \"bold\")[" + escaped(meta.title) + "]\n\n";
    if (!meta.subtitle.empty()) out += "#text(size: 13pt, style: \"italic\")[" + escaped(meta.subtitle) + "]\n\n";
    std::string byline;
    for (const auto& author : meta.authors) byline += (byline.empty() ? "" : ", ") + author;
    if (!byline.empty()) out += "#text(font: \"Liberation Sans\", size: 9pt, weight: \"bold\")[" + escaped(byline) + "]\n\n";
    if (!meta.date_text.empty()) out += "#text(font: \"Liberation Sans\", size: 9pt)[" + escaped(meta.date_text) + "]\n\n";
    if (article_.lead && article_.lead->image && local_image(*article_.lead->image)) {
      out += figure(*article_.lead->image, article_.lead->caption, article_.lead->credit);
    }
    out += blocks(article_.blocks);
    if (meta.source) out += "#text(size: 8pt)[Source: #link(" + typst_string(*meta.source) + ")]\n\n";
    return out;
  }

 private:
  std::string image(const std::string& source, std::string_view height, const std::string& alt) {
    if (!local_image(source) || !std::filesystem::is_regular_file(folder_ / source)) return escaped(alt);
    return fmt::format("#box(image({}, height: {}))", typst_string(source), height);
  }

  std::string figure(const std::string& source, const std::string& caption, const std::string& credit) {
    if (!local_image(source) || !std::filesystem::is_regular_file(folder_ / source)) return "";
    std::string text = caption + (credit.empty() ? "" : " / " + credit);
    return fmt::format("#figure(image({}, width: 100%), caption: [{}])\n\n", typst_string(source), escaped(text));
  }

  std::string note(int number) {
    if (number < 1 || static_cast<std::size_t>(number) > article_.notes.size()) return "";
    std::string body = blocks(article_.notes[static_cast<std::size_t>(number - 1)].content);
    while (!body.empty() && body.back() == '\n') body.pop_back();
    return "#footnote[" + body + "]";
  }

  std::string block(const Para& n) { return inlines(n.content) + "\n\n"; }
  std::string block(const Header& n) { return std::string(static_cast<std::size_t>(std::clamp(n.level, 2, 4) - 1), '=') + " " + inlines(n.content) + "\n\n"; }
  std::string block(const BlockQuote& n) { return "#quote(block: true)[" + blocks(n.content) + "]\n\n"; }
  std::string items(const std::vector<ListItem>& list) {
    std::string out;
    for (const auto& item : list) out += fmt::format("[{}],", blocks(item.content));
    return out;
  }
  std::string block(const BulletList& n) { return "#list(" + items(n.items) + ")\n\n"; }
  std::string block(const OrderedList& n) { return fmt::format("#enum(start: {}, {})\n\n", n.start, items(n.items)); }
  std::string block(const CodeBlock& n) { return "#raw(block: true, " + typst_string(n.text) + ")\n\n"; }
  std::string block(const Table& n) {
    std::size_t columns = 1;
    for (const auto* rows : {&n.head, &n.body}) {
      for (const auto& row : *rows) columns = std::max(columns, row.size());
    }
    std::string out = fmt::format("#table(columns: {}, ", columns);
    for (const auto& row : n.head) {
      for (const auto& cell : row) out += "[#strong[" + inlines(cell) + "]],";
    }
    for (const auto& row : n.body) {
      for (std::size_t c = 0; c < columns; ++c) out += fmt::format("[{}],", c < row.size() ? inlines(row[c]) : "");
    }
    return out + ")\n\n";
  }
  std::string block(const Figure& n) { return figure(n.image, n.caption, n.credit); }
  std::string block(const HorizontalRule&) { return "#line(length: 100%)\n\n"; }
  std::string block(const Aside& n) {
    return "#block(stroke: (left: 2pt + rgb(\"#1a4f8a\")), inset: 6pt)[#strong[" + escaped(n.label) + ":] " +
           inlines(n.content) + "]\n\n";
  }

  const Document& article_;
  std::filesystem::path folder_;
};

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> inputs;
  std::string output;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "-o" && i + 1 < argc) {
      output = argv[++i];
    } else {
      inputs.emplace_back(arg);
    }
  }
  if (inputs.empty() || output.empty()) {
    std::cerr << "usage: galley-typst ARTICLE.md... -o OUT.typ\n";
    return 64;
  }
  const std::filesystem::path folder = std::filesystem::absolute(output).parent_path();
  std::string out =
      "#set page(paper: \"a4\", margin: (x: 2cm, top: 2.2cm, bottom: 2.5cm), numbering: \"1 / 1\")\n"
      "#set text(font: \"Liberation Serif\", size: 10.5pt, lang: \"en\")\n"
      "#set par(justify: true, leading: 0.55em)\n"
      "#show heading: set text(font: \"Liberation Sans\")\n\n";
  galley::Diagnostics diagnostics;
  for (const auto& input : inputs) {
    try {
      const Document article = galley::read_markdown_file(input, {}, diagnostics);
      out += Writer(article, folder).article();
    } catch (const galley::Error& error) {
      std::cerr << galley::render(error.diagnostic()) << '\n';
      return 65;
    }
  }
  std::ofstream(output, std::ios::binary) << out;
  return 0;
}
