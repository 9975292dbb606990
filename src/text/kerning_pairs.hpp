// The kerning pairs FontFace has shaped, per font file, for every FontFace of the process and
// for the runs after it. A FontSet lives for one export, and shaping a pair through HarfBuzz
// costs a few microseconds: for a hundred articles exported one by one that was most of their
// layout time, and for one article from the command line it was a tenth of the run (700
// pairs and the shaping plans for them). The pairs are a pure function of the font file and
// HarfBuzz, so sharing them changes no output: within the process in memory, and between
// runs through the user's cache (cache_entry.hpp), an entry per font file, used only while
// that file and HarfBuzz's version are the same.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace galley::text::detail {

class CacheEntry;

class KnownPairs {
 public:
  /// The process's pairs, kept in the user's cache folder for kerning. Never destroyed, so
  /// that a FontFace destroyed at exit, after it, may still save.
  static KnownPairs& instance();

  /// Pairs kept in `cache_folder` (empty: kept in memory only).
  explicit KnownPairs(std::string cache_folder);
  ~KnownPairs();
  KnownPairs(const KnownPairs&) = delete;
  KnownPairs& operator=(const KnownPairs&) = delete;

  /// The kerning of the pair `key` (left << 16 | right) in the font at `path`, when known.
  /// Safe on any thread.
  std::optional<std::int16_t> find(const std::string& path, std::uint32_t key);
  /// Adds a pair just shaped.
  void add(const std::string& path, std::uint32_t key, std::int16_t value);
  /// Writes the pairs of `path` to the cache when some were added since it was read.
  void save(const std::string& path);

 private:
  struct File {
    std::unique_ptr<CacheEntry> kept;  ///< the pairs of earlier runs: sorted (key, value) records
    std::unordered_map<std::uint32_t, std::int16_t> added;  ///< and those shaped since
    bool unsaved = false;  ///< pairs added since the last save
  };
  File& file(const std::string& path);  // with mutex_ held

  std::string cache_folder_;
  std::mutex mutex_;
  std::unordered_map<std::string, File> files_;
};

}  // namespace galley::text::detail
