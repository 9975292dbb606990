// Diagnostics: every warning and error galley reports, with the file, line and column it
// concerns, one renderer (`file:line:col: severity: message`) and one map from the kind of
// failure to the process exit code.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace galley {

enum class Severity { note, warning, error };

/// What went wrong, coarsely; decides the exit code (sysexits.h numbering).
enum class ErrorKind {
  usage,        ///< 64: the command line is wrong
  data,         ///< 65: the input is malformed or over a limit
  no_input,     ///< 66: an input is missing, unreadable or not a regular file
  internal,     ///< 70: a bug in galley or a library it uses
  cant_create,  ///< 73: an output cannot be created
  io,           ///< 74: reading or writing failed part way
};

/// The process exit code for a kind of failure; 0 is success, 1 is never used.
int exit_code(ErrorKind kind);

struct Diagnostic {
  Severity severity = Severity::error;
  std::string message;  ///< one line, no trailing period
  std::string file;     ///< the file concerned, "<stdin>" for standard input; may be empty
  int line = 0;         ///< 1-based; 0 when not tied to a line
  int column = 0;       ///< 1-based; 0 when not tied to a column
  bool operator==(const Diagnostic&) const = default;
};

/// `file:line:col: severity: message`, leaving out the parts that are unknown.
std::string render(const Diagnostic& diagnostic);

/// Collects the diagnostics of one conversion, in the order they were reported.
class Diagnostics {
 public:
  void report(Diagnostic diagnostic) { items_.push_back(std::move(diagnostic)); }
  void warn(std::string file, int line, std::string message, int column = 0) {
    report({Severity::warning, std::move(message), std::move(file), line, column});
  }
  const std::vector<Diagnostic>& items() const { return items_; }
  bool has_errors() const;
  std::size_t count(Severity severity) const;

 private:
  std::vector<Diagnostic> items_;
};

/// The one exception galley throws: a diagnostic plus the kind that picks the exit code.
class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, Diagnostic diagnostic);
  Error(ErrorKind kind, std::string file, int line, std::string message);
  ErrorKind kind() const { return kind_; }
  const Diagnostic& diagnostic() const { return diagnostic_; }

 private:
  ErrorKind kind_;
  Diagnostic diagnostic_;
};

}  // namespace galley
