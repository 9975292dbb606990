// What galley works out from an installed file (a hyphenation dictionary compiled, a font's
// kerning pairs) kept between runs in the user's cache folder, as fontconfig keeps its font
// lists and TeX its format files. An entry is only an optimisation: it is used when it was
// made from the very file (path, size, modification time), for the same kind of data (a name
// that carries its format's version), and its checksum holds; the data is worked out afresh
// otherwise. Writing one is best effort (a read-only home, a full disk: nothing is kept,
// nothing fails), whole under a temporary name, then renamed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace galley::text::detail {

/// $XDG_CACHE_HOME/galley/`what`, else $HOME/.cache/galley/`what`; empty when neither is set.
std::string user_cache_folder(std::string_view what);

/// The file an entry is made from, as it is now.
struct SourceFile {
  std::string path;
  bool found = false;
  std::uint64_t size = 0;
  std::int64_t seconds = 0;  ///< its modification time
  std::int64_t nanoseconds = 0;
};
SourceFile source_file(const std::string& path);

/// The entry for `source` and `kind` in `folder`, mapped for reading. Its file is named after
/// the source and a hash of its whole path, so that two folders' files of one name do not
/// share one.
class CacheEntry {
 public:
  CacheEntry(const std::string& folder, SourceFile source, std::string kind);
  ~CacheEntry();
  CacheEntry(const CacheEntry&) = delete;
  CacheEntry& operator=(const CacheEntry&) = delete;

  /// True when the entry is there, made from this source for this kind, and whole.
  bool usable() const { return usable_; }
  /// Its data when usable(); it stays mapped for the entry's life.
  std::string_view payload() const { return payload_; }
  /// Replaces the entry's data (in the file; payload() is unchanged). Nothing when the folder
  /// is empty or the source was not found.
  void write(std::string_view payload) const;

 private:
  std::string folder_;
  std::string file_;
  SourceFile source_;
  std::string kind_;
  const char* mapped_ = nullptr;
  std::size_t mapped_size_ = 0;
  bool usable_ = false;
  std::string_view payload_;
};

}  // namespace galley::text::detail
