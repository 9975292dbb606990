// galley's command line: everything is in the library; this only hands over the arguments.
#include "cli/commands.hpp"

int main(int argc, char** argv) { return galley::cli::run(argc, argv); }
