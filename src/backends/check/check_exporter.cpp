#include "backends/check/check_exporter.hpp"

#include <fmt/format.h>

#include "check/preflight.hpp"
#include "text/font_set.hpp"

namespace galley::backends {
namespace {

class CheckExporter final : public Exporter {
 public:
  explicit CheckExporter(bool json) : json_(json) {}

  std::string_view name() const override { return json_ ? "check-json" : "check"; }
  std::string_view description() const override {
    return json_ ? "Preflight report as JSON (galley check --json)" : "Preflight report: fonts, characters, pictures";
  }
  std::string_view extension() const override { return json_ ? ".json" : ".txt"; }
  Target target() const override { return Target::paged; }

  void write_model(const model::Document& document, const ExportOptions& options, ByteSink& sink,
                   Diagnostics& diagnostics) const override {
    write({&document}, options, sink, diagnostics);
  }

  void write_collection(const model::Collection&, const std::vector<model::Document>& articles,
                        const ExportOptions& options, ByteSink& sink, Diagnostics& diagnostics) const override {
    std::vector<const model::Document*> pointers;
    for (const auto& article : articles) pointers.push_back(&article);
    write(pointers, options, sink, diagnostics);
  }

 private:
  void write(const std::vector<const model::Document*>& articles, const ExportOptions& options, ByteSink& sink,
             Diagnostics& diagnostics) const {
    text::FontSet fonts;
    const check::Report report = check::preflight(articles, options.style, fonts);
    sink.write(json_ ? check::report_json(report, options.pretty) : check::report_text(report));
    if (const std::size_t errors = report.count(Severity::error)) {
      diagnostics.report({Severity::error, fmt::format("preflight found {} error{}", errors, errors == 1 ? "" : "s"),
                          "", 0, 0});
    }
  }

  bool json_;
};

}  // namespace

std::unique_ptr<Exporter> make_check_exporter() { return std::make_unique<CheckExporter>(false); }
std::unique_ptr<Exporter> make_check_json_exporter() { return std::make_unique<CheckExporter>(true); }

}  // namespace galley::backends
