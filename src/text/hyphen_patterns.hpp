// A libhyphen pattern file loaded into libhyphen's own structures (hyphen.h's HyphenDict) in
// linear time, for hnj_hyphen_hyphenate2 to use. libhyphen 2.8.8's hnj_hyphen_load keeps
// every state of the pattern automaton in a chained hash table of a fixed 31,627 buckets
// and finds each state's fallback by looking up every suffix of its string there; for the
// German dictionary (77,849 patterns, 288,740 states, one chain node a cache miss) that is
// 5-10 s on the build machine. This file reads the same file the same way (the same
// keywords, the same 99-byte line chunks, the same two levels, the same defaults) but with
// a hash map sized to the states, and keeps the result in a few flat arrays.
#pragma once

#include <memory>
#include <string>
#include <string_view>

struct _HyphenDict;

namespace galley::text::detail {

/// A loaded pattern file; owns every array the HyphenDict points into. Immutable once made.
class HyphenPatterns {
 public:
  /// Reads `path`; null when it cannot be read.
  static std::unique_ptr<const HyphenPatterns> load(const std::string& path);
  ~HyphenPatterns();
  HyphenPatterns(const HyphenPatterns&) = delete;
  HyphenPatterns& operator=(const HyphenPatterns&) = delete;

  /// The dictionary as hnj_hyphen_load would have returned it (its `nextlevel` set). Not to
  /// be given to hnj_hyphen_free: this object owns it. libhyphen only reads it.
  _HyphenDict* dict() const;

  /// States of the automaton (both levels), for tests and measurements.
  int states() const;

  /// The loaded dictionary as bytes: every array, with offsets for its pointers, for
  /// hyphen_cache.cpp to keep on disk. Native byte order and sizes: for this machine only.
  std::string compiled() const;
  /// The dictionary compiled() gave these bytes for; null when they are not such bytes.
  /// Every count, offset and state is checked (strings end within the text, transitions
  /// make a tree, a fallback is a shorter string), so that no damaged file makes libhyphen
  /// read astray or loop.
  static std::unique_ptr<const HyphenPatterns> from_compiled(std::string_view bytes);

 private:
  struct Levels;
  HyphenPatterns() = default;
  std::unique_ptr<Levels> levels_;
};

}  // namespace galley::text::detail
