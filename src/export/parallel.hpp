// Independent tasks on several threads with sequential semantics: each task reports to its
// own Diagnostics, merged afterwards in task order, and the first failure in task order is
// the one rethrown, whatever the threads did. Output stays byte-identical to a one-thread run.
#pragma once

#include <cstddef>
#include <functional>

#include "galley/diagnostics.hpp"

namespace galley {

/// Runs task(0) .. task(count - 1) on up to `threads` threads (0: one per core). After a
/// failure no new task starts; tasks before it still complete. Diagnostics of the tasks that
/// ran are merged into `diagnostics` in task order up to the first failure, which is rethrown.
void run_in_parallel(std::size_t count, unsigned threads,
                     const std::function<void(std::size_t index, Diagnostics& diagnostics)>& task,
                     Diagnostics& diagnostics);

}  // namespace galley
