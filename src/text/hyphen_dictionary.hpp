// One libhyphen dictionary: finding the file for a language tag, loading it, and looking a
// lowercase word up in the dictionary's own charset. The word rules are in hyphenator.cpp.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace galley::text::detail {

/// The dictionary file for a BCP 47 tag in `dir`, or "" (see Hyphenator's constructor).
std::string find_hyphen_dictionary(std::string_view language, const std::string& dir);

/// A loaded dictionary. Immutable once made; lookups may run in several threads.
class HyphenDictionary {
 public:
  /// Loads `path`, through its compiled copy in `cache_folder` when there is a good one
  /// (hyphen_cache.hpp); null when it cannot be read, libhyphen rejects it, or its charset
  /// (the file's first line) is neither UTF-8 nor an 8-bit charset iconv knows.
  static std::unique_ptr<const HyphenDictionary> load(const std::string& path, const std::string& cache_folder = {});
  ~HyphenDictionary();
  HyphenDictionary(const HyphenDictionary&) = delete;
  HyphenDictionary& operator=(const HyphenDictionary&) = delete;

  /// For a lowercase word of n code points: n - 1 flags, flag i true when the patterns allow
  /// a hyphen between code points i and i + 1 (the dictionary's own minimums applied).
  /// Empty when the word has a character the dictionary's charset cannot encode.
  std::vector<bool> hyphenate(std::u32string_view word) const;

 private:
  struct Handle;
  HyphenDictionary() = default;
  std::unique_ptr<Handle> handle_;
  bool utf8_ = true;
  /// 8-bit charsets: the code point of bytes 0x80-0xFF (0: none), and the reverse, sorted.
  std::vector<char32_t> upper_half_;
  std::vector<std::pair<char32_t, unsigned char>> to_byte_;
};

}  // namespace galley::text::detail
