// The "trace" exporter: the PageTree as text, one line per item with coordinates rounded to
// 0.1 pt, so golden tests show layout changes as readable diffs (SILE's debug backend).
#pragma once

#include <memory>
#include <string>

#include "galley/export.hpp"
#include "layout/page_tree.hpp"

namespace galley::backends {

std::unique_ptr<Exporter> make_trace_exporter();

namespace trace {

/// The text of a PageTree.
std::string print(const layout::PageTree& tree);

}  // namespace trace
}  // namespace galley::backends
