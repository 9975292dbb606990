// Rendering diagnostics and mapping failures to exit codes: the one place that decides both.
#include "galley/diagnostics.hpp"

#include <algorithm>

namespace galley {

int exit_code(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::usage: return 64;
    case ErrorKind::data: return 65;
    case ErrorKind::no_input: return 66;
    case ErrorKind::internal: return 70;
    case ErrorKind::cant_create: return 73;
    case ErrorKind::io: return 74;
  }
  return 70;
}

std::string render(const Diagnostic& d) {
  std::string out;
  if (!d.file.empty()) {
    out += d.file;
    if (d.line > 0) {
      out += ':' + std::to_string(d.line);
      if (d.column > 0) out += ':' + std::to_string(d.column);
    }
    out += ": ";
  }
  switch (d.severity) {
    case Severity::note: out += "note: "; break;
    case Severity::warning: out += "warning: "; break;
    case Severity::error: out += "error: "; break;
  }
  out += d.message;
  return out;
}

bool Diagnostics::has_errors() const { return count(Severity::error) > 0; }

std::size_t Diagnostics::count(Severity severity) const {
  return static_cast<std::size_t>(std::count_if(
      items_.begin(), items_.end(), [&](const Diagnostic& d) { return d.severity == severity; }));
}

Error::Error(ErrorKind kind, Diagnostic diagnostic)
    : std::runtime_error(render(diagnostic)), kind_(kind), diagnostic_(std::move(diagnostic)) {}

Error::Error(ErrorKind kind, std::string file, int line, std::string message)
    : Error(kind, Diagnostic{Severity::error, std::move(message), std::move(file), line, 0}) {}

}  // namespace galley
