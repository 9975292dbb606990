// A complete exporter written outside galley: the article as plain text, the way a
// newsletter or a screen reader wants it. It is registered at run time, next to the
// built-in ones, without touching galley's source.
//
//   galley-plain-text ARTICLE.md     prints the article as wrapped plain text
#include <galley/galley.hpp>

#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <variant>

namespace {

// Text of inline nodes, links followed by their address in angle brackets.
void append_inlines(const galley::model::Inlines& inlines, std::string& out) {
  for (const auto& item : inlines) {
    std::visit(
        [&out](const auto& node) {
          using Node = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<Node, galley::model::Text> || std::is_same_v<Node, galley::model::Code>) {
            out += node.text;
          } else if constexpr (std::is_same_v<Node, galley::model::Link>) {
            append_inlines(node.content, out);
            out.append(" <").append(node.target).append(">");
          } else if constexpr (std::is_same_v<Node, galley::model::Image>) {
            out.append("[").append(node.alt).append("]");
          } else if constexpr (std::is_same_v<Node, galley::model::LineBreak>) {
            out += "\n";
          } else if constexpr (std::is_same_v<Node, galley::model::NoteRef>) {
            out.append("[").append(std::to_string(node.number)).append("]");
          } else {
            append_inlines(node.content, out);  // Emph, Strong, Strikeout
          }
        },
        item.node);
  }
}

// Greedy wrapping at 72 columns (bytes: good enough for an example).
std::string wrapped(const std::string& text, std::string_view indent = "") {
  std::string out, line(indent);
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (line.size() > indent.size() && line.size() + 1 + word.size() > 72) {
      out.append(line).append("\n");
      line = std::string(indent);
    }
    if (line.size() > indent.size()) line += ' ';
    line += word;
    start = end + 1;
  }
  return out.append(line).append("\n");
}

class PlainTextExporter final : public galley::Exporter {
 public:
  std::string_view name() const override { return "text"; }
  std::string_view description() const override { return "plain text, wrapped at 72 columns"; }
  std::string_view extension() const override { return ".txt"; }
  galley::Target target() const override { return galley::Target::model; }

  void write_model(const galley::model::Document& document, const galley::ExportOptions&, galley::ByteSink& sink,
                   galley::Diagnostics&) const override {
    // (append, not +: g++ 12 warns falsely about `literal + std::string` at -O3)
    std::string out = document.meta.title;
    out.append("\n").append(document.meta.title.size(), '=').append("\n\n");
    if (!document.meta.subtitle.empty()) out.append(wrapped(document.meta.subtitle)).append("\n");
    for (const auto& block : document.blocks) {
      std::string text;
      if (const auto* para = std::get_if<galley::model::Para>(&block.node)) {
        append_inlines(para->content, text);
        out.append(wrapped(text)).append("\n");
      } else if (const auto* header = std::get_if<galley::model::Header>(&block.node)) {
        append_inlines(header->content, text);
        out.append(text).append("\n").append(text.size(), '-').append("\n\n");
      } else if (const auto* code = std::get_if<galley::model::CodeBlock>(&block.node)) {
        out.append(code->text).append("\n\n");
      }
    }
    sink.write(out);
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: galley-plain-text ARTICLE.md\n";
    return 64;
  }
  try {
    galley::Registry registry = galley::Registry::with_builtins();
    registry.add("text", [] { return std::make_unique<PlainTextExporter>(); });

    std::ifstream file(argv[1], std::ios::binary);
    if (!file) throw galley::Error(galley::ErrorKind::no_input, argv[1], 0, "cannot open the article");
    const std::string markdown{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
    galley::ReadOptions read;
    read.file_name = argv[1];
    galley::RenderOptions render;
    render.registry = &registry;
    std::cout << galley::render(galley::read_markdown(markdown, read), "text", render);
  } catch (const galley::Error& error) {
    std::cerr << galley::render(error.diagnostic()) << '\n';
    return galley::exit_code(error.kind());
  }
  return 0;
}
