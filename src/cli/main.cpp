// galley's command line: everything is in the library; this only hands over the arguments.
#include <csignal>
#include <cstdlib>

#include "cli/commands.hpp"

#ifdef GALLEY_MIMALLOC
#include <mimalloc.h>
#endif

int main(int argc, char** argv) {
  // A write past the file-size limit (ulimit -f) then fails with EFBIG, which the library
  // reports as "cannot write output: File too large", instead of SIGXFSZ killing the process.
  std::signal(SIGXFSZ, SIG_IGN);
#ifdef GALLEY_MIMALLOC
  // The heap in 2 MiB pages (transparent huge pages, where the kernel gives them on
  // madvise), each thread's first segment too, unless MIMALLOC_LARGE_OS_PAGES says
  // otherwise: a PDF of 100 articles faulted 7,900 pages in at some 2 us each, now 4,900.
  // A few MB more memory (a batch of one-article PDFs on 2 threads: 41 -> 68 MB).
  if (!std::getenv("MIMALLOC_LARGE_OS_PAGES")) {
    mi_option_enable(mi_option_large_os_pages);
    mi_option_set(mi_option_eager_commit_delay, 0);
  }
#endif
  return galley::cli::run(argc, argv);
}
