// Compiled hyphenation dictionaries in the user's cache (cache_entry.hpp): one entry per
// pattern file, holding HyphenPatterns::compiled()'s bytes.
#include "text/hyphen_cache.hpp"

#include "text/cache_entry.hpp"

namespace galley::text::detail {

std::unique_ptr<const HyphenPatterns> load_patterns(const std::string& path, const std::string& cache_folder) {
  if (cache_folder.empty()) return HyphenPatterns::load(path);
  const CacheEntry entry(cache_folder, source_file(path), "hyphenation patterns, compiled");
  if (entry.usable()) {
    if (auto compiled = HyphenPatterns::from_compiled(entry.payload())) return compiled;
  }
  auto patterns = HyphenPatterns::load(path);
  if (patterns) entry.write(patterns->compiled());
  return patterns;
}

}  // namespace galley::text::detail
