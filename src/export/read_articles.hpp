// Reading the articles of a collection on several threads at once.
#pragma once

#include <string>
#include <vector>

#include "galley/diagnostics.hpp"
#include "galley/model/document.hpp"
#include "galley/read.hpp"

namespace galley {

/// Reads every article in `paths` with up to `threads` threads (0: one per core). The result
/// and the diagnostics are in the order of `paths`, whatever the threads did, so output stays
/// byte-identical. Throws the error of the first failing article in that order.
std::vector<model::Document> read_articles(const std::vector<std::string>& paths, const ReadOptions& options,
                                           unsigned threads, Diagnostics& diagnostics);

}  // namespace galley
