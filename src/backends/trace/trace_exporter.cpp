// PageTree -> text. Numbers are printed with one decimal and no locale; strings are quoted
// with backslash escapes.
#include "backends/trace/trace_exporter.hpp"

#include <fmt/format.h>

#include "layout/layout.hpp"
#include "text/font_set.hpp"

namespace galley::backends {
namespace trace {
namespace {

std::string number(double value) {
  std::string text = fmt::format("{:.1f}", value);
  return text == "-0.0" ? "0.0" : text;
}

std::string point(double x, double y) { return number(x) + "," + number(y); }

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
  return out;
}

// A CMYK job's colours show their inks (to four decimals, as layout rounds them).
std::string colour(const layout::Colour& c) {
  if (c.cmyk) return fmt::format("cmyk({:.4g},{:.4g},{:.4g},{:.4g})", c.cmyk->c, c.cmyk->m, c.cmyk->y, c.cmyk->k);
  return fmt::format("#{:02x}{:02x}{:02x}", c.r, c.g, c.b);
}

std::string item_line(const layout::Item& item) {
  return std::visit(
      [](const auto& node) -> std::string {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, layout::TextRun>) {
          std::string kerns;
          for (const layout::Kern& kern : node.kerns) {
            kerns += fmt::format("{}{}:{}", kerns.empty() ? " kern=" : ",", kern.offset, kern.amount);
          }
          return fmt::format("text f{} {} {} w={} {} {}{}", node.font, number(node.size), point(node.x, node.y),
                             number(node.width), colour(node.colour), quoted(node.text), kerns);
        } else if constexpr (std::is_same_v<T, layout::Rule>) {
          return fmt::format("rule {} {} {} {}", point(node.x1, node.y1), point(node.x2, node.y2),
                             number(node.thickness), colour(node.colour));
        } else if constexpr (std::is_same_v<T, layout::Box>) {
          return fmt::format("box {} {}x{} fill={} stroke={}", point(node.x, node.y), number(node.width),
                             number(node.height), node.fill ? colour(*node.fill) : "-",
                             node.stroke ? colour(*node.stroke) : "-");
        } else if constexpr (std::is_same_v<T, layout::Picture>) {
          return fmt::format("picture {} {}x{} {}{}", point(node.x, node.y), number(node.width), number(node.height),
                             quoted(node.source), node.full_bleed ? " full-bleed" : "");
        } else if constexpr (std::is_same_v<T, layout::Circle>) {
          return fmt::format("circle {} r={} {} {}", point(node.x, node.y), number(node.radius), number(node.thickness),
                             colour(node.colour));
        } else {
          return fmt::format("link {} {}x{} {} {}", point(node.x, node.y), number(node.width), number(node.height),
                             node.uri.empty() ? "dest" : "uri", quoted(node.uri.empty() ? node.destination : node.uri));
        }
      },
      item);
}

}  // namespace

std::string print(const layout::PageTree& tree) {
  std::string out;
  const layout::DocumentInfo& info = tree.info;
  out += fmt::format("document title={} author={} subject={} keywords={} lang={} date={}\n", quoted(info.title),
                     quoted(info.author), quoted(info.subject), quoted(info.keywords), quoted(info.lang),
                     info.date ? info.date->iso() : "-");
  if (tree.cmyk) out += "colour-space cmyk\n";
  for (std::size_t i = 0; i < tree.fonts.size(); ++i) {
    out += fmt::format("font f{} {} {}\n", i, quoted(tree.fonts[i].family), text::style_name(tree.fonts[i].style));
  }
  for (std::size_t p = 0; p < tree.pages.size(); ++p) {
    const layout::Page& page = tree.pages[p];
    out += fmt::format("page {} {}x{}", p + 1, number(page.width), number(page.height));
    if (page.trim) {
      out += fmt::format(" trim {} {}x{} bleed {}", point(page.trim->x, page.trim->y), number(page.trim->width),
                         number(page.trim->height), number(page.trim->bleed));
    }
    out += '\n';
    for (const layout::Item& item : page.items) {
      out += "  ";
      out += item_line(item);
      out += '\n';
    }
  }
  for (const auto& destination : tree.destinations) {
    out += fmt::format("destination {} page {} y={}\n", quoted(destination.name), destination.page + 1,
                       number(destination.y));
  }
  for (const auto& entry : tree.outline) {
    out += fmt::format("outline {} {} page {} y={}\n", entry.level, quoted(entry.title), entry.page + 1,
                       number(entry.y));
  }
  return out;
}

}  // namespace trace

namespace {

class TraceExporter final : public Exporter {
 public:
  std::string_view name() const override { return "trace"; }
  std::string_view description() const override { return "the PDF's page layout as text, for tests and debugging"; }
  std::string_view extension() const override { return ".txt"; }
  Target target() const override { return Target::paged; }

  void write_model(const model::Document& document, const ExportOptions& options, ByteSink& sink,
                   Diagnostics& diagnostics) const override {
    const text::FontSetPool::Lease fonts = font_sets_.borrow();
    const layout::LayoutStyle style = layout::layout_style(options.style, diagnostics);
    sink.write(trace::print(layout::lay_out(document, style, *fonts, diagnostics)));
  }

  void write_collection(const model::Collection& collection, const std::vector<model::Document>& articles,
                        const ExportOptions& options, ByteSink& sink, Diagnostics& diagnostics) const override {
    std::vector<const model::Document*> pointers;
    for (const auto& article : articles) pointers.push_back(&article);
    const text::FontSetPool::Lease fonts = font_sets_.borrow();
    const layout::PooledWorkers workers(font_sets_, options.threads);
    const layout::LayoutStyle style = layout::layout_style(options.style, diagnostics);
    sink.write(trace::print(layout::lay_out(collection, pointers, style, *fonts, diagnostics, nullptr, workers.workers())));
  }

 private:
  // Fonts opened and measured once for every article this exporter sets, on any thread.
  mutable text::FontSetPool font_sets_;
};

}  // namespace

std::unique_ptr<Exporter> make_trace_exporter() { return std::make_unique<TraceExporter>(); }

}  // namespace galley::backends
