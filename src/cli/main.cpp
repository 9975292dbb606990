// galley's command line: everything is in the library; this only hands over the arguments.
#include <csignal>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  // A write past the file-size limit (ulimit -f) then fails with EFBIG, which the library
  // reports as "cannot write output: File too large", instead of SIGXFSZ killing the process.
  std::signal(SIGXFSZ, SIG_IGN);
  return galley::cli::run(argc, argv);
}
