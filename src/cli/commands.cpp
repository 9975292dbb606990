// Subcommands: inspect, formats. Arguments -> Job -> run -> exit code.
#include "cli/commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

#include "galley/job.hpp"
#include "galley/version.hpp"

namespace galley::cli {
namespace {

void print_diagnostics(const Diagnostics& diagnostics, bool quiet) {
  for (const auto& diagnostic : diagnostics.items()) {
    if (quiet && diagnostic.severity != Severity::error) continue;
    std::cerr << render(diagnostic) << '\n';
  }
}

// Options every reading subcommand shares.
struct ReadFlags {
  bool no_conventions = false;
  std::vector<std::string> disabled;
  std::size_t max_input_bytes = ReadOptions{}.max_input_bytes;

  void add_to(CLI::App& command) {
    command.add_flag("--no-conventions", no_conventions,
                     "Read the Markdown as written: no news conventions");
    command
        .add_option("--no-convention", disabled,
                    fmt::format("Switch one convention off (repeatable): {}", Conventions::names()))
        ->delimiter(',');
    command.add_option("--max-input-size", max_input_bytes, "Refuse larger inputs (bytes)")
        ->capture_default_str();
  }

  ReadOptions options() const {
    ReadOptions read;
    read.max_input_bytes = max_input_bytes;
    if (no_conventions) read.conventions = Conventions::none();
    for (const auto& name : disabled) {
      if (!read.conventions.set(name, false)) {
        throw Error(ErrorKind::usage, "", 0,
                    fmt::format("unknown convention '{}'; known: {}", name, Conventions::names()));
      }
    }
    return read;
  }
};

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"galley: news articles in Markdown to PDF, print PDF and EPUB", "galley"};
  app.set_version_flag("--version", std::string("galley ") + galley::version);
  app.require_subcommand(1);
  bool quiet = false;
  app.add_flag("-q,--quiet", quiet, "Print errors only, no warnings");

  Job inspect_job;
  ReadFlags inspect_flags;
  bool compact = false;
  auto* inspect = app.add_subcommand("inspect", "Print an article's model as JSON");
  inspect->add_option("input", inspect_job.inputs, "Article (.md, '-' for stdin) or collection (.toml)")
      ->required()
      ->expected(1);
  inspect->add_option("-o,--output", inspect_job.output, "Write to a file instead of stdout");
  inspect->add_flag("--compact", compact, "One line of JSON, no indentation");
  inspect_flags.add_to(*inspect);
  inspect->fallthrough();

  auto* formats = app.add_subcommand("formats", "List the output formats");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : exit_code(ErrorKind::usage);
  }

  Diagnostics diagnostics;
  const Registry registry = Registry::with_builtins();
  try {
    if (*formats) {
      for (const auto& name : registry.names()) {
        auto exporter = registry.make(name);
        std::cout << fmt::format("{:<8} {}\n", name, exporter->description());
      }
      return 0;
    }
    inspect_job.format = "json";
    inspect_job.read = inspect_flags.options();
    inspect_job.export_options.pretty = !compact;
    run(inspect_job, registry, diagnostics);
  } catch (const Error& error) {
    print_diagnostics(diagnostics, quiet);
    std::cerr << render(error.diagnostic()) << '\n';
    return exit_code(error.kind());
  } catch (const std::exception& error) {
    print_diagnostics(diagnostics, quiet);
    std::cerr << "galley: internal error: " << error.what() << '\n';
    return exit_code(ErrorKind::internal);
  }
  print_diagnostics(diagnostics, quiet);
  return 0;
}

}  // namespace galley::cli
