// The subcommands of the `galley` program. Each fills a Job (or asks the Registry) and
// returns an exit code; none does anything a program embedding galley could not.
#pragma once

#include <string>
#include <vector>

namespace galley::cli {

/// Parses the command line, runs the subcommand, prints diagnostics; returns the exit code.
int run(int argc, char** argv);

}  // namespace galley::cli
