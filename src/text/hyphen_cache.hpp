// Hyphenation dictionaries kept compiled in the user's cache (cache_entry.hpp), as TeX keeps
// its patterns in a format file: reading a pattern file is 3-4 ms for English and 0.1 s for
// German (hyphen_patterns.hpp), and a one-article PDF waited for it; its compiled copy loads
// in a fifth of that or less. A copy is also checked through and through by
// HyphenPatterns::from_compiled before it is used.
#pragma once

#include <memory>
#include <string>

#include "text/hyphen_patterns.hpp"

namespace galley::text::detail {

/// The patterns of the libhyphen file `path`: from `cache_folder` when it holds a good
/// compiled copy of this file, else read from the file and a copy then written there. An
/// empty `cache_folder` keeps none. Null when the file cannot be read.
std::unique_ptr<const HyphenPatterns> load_patterns(const std::string& path, const std::string& cache_folder);

}  // namespace galley::text::detail
