// The preflight report as text for people and as JSON for programs.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "check/preflight.hpp"

namespace galley::check {
namespace {

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::note: return "note";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

std::string counted(std::size_t n, std::string_view what) { return fmt::format("{} {}{}", n, what, n == 1 ? "" : "s"); }

}  // namespace

std::string report_text(const Report& report) {
  std::string out = fmt::format("{} checked against style {}{}\n", counted(report.articles.size(), "article"),
                                report.style, report.print ? (report.cmyk ? " (print, CMYK)" : " (print)") : "");
  for (const Finding& finding : report.findings) {
    out += fmt::format("{} [{}]\n", render(finding.diagnostic), finding.check);
  }
  const std::size_t errors = report.count(Severity::error), warnings = report.count(Severity::warning);
  if (report.findings.empty()) {
    out += "no problems found\n";
  } else {
    out += fmt::format("{}, {}, {}\n", counted(errors, "error"), counted(warnings, "warning"),
                       counted(report.count(Severity::note), "note"));
  }
  return out;
}

std::string report_json(const Report& report, bool pretty) {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const Finding& finding : report.findings) {
    const Diagnostic& d = finding.diagnostic;
    nlohmann::ordered_json item;
    item["check"] = finding.check;
    item["severity"] = severity_name(d.severity);
    item["file"] = d.file;
    item["line"] = d.line == 0 ? nlohmann::ordered_json() : nlohmann::ordered_json(d.line);
    item["message"] = d.message;
    findings.push_back(std::move(item));
  }
  nlohmann::ordered_json out;
  out["style"] = report.style;
  out["print"] = report.print;
  out["cmyk"] = report.cmyk;
  out["articles"] = report.articles;
  out["findings"] = std::move(findings);
  out["errors"] = report.count(Severity::error);
  out["warnings"] = report.count(Severity::warning);
  out["notes"] = report.count(Severity::note);
  // Invalid UTF-8 cannot reach here (the reader repairs it), but a report must never throw.
  return out.dump(pretty ? 2 : -1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace galley::check
