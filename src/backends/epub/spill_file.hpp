// Bytes set aside while a book is made (compressed chapters, images, the zip being written):
// in memory while they are few, in an unnamed temporary file beyond that, so that memory stays
// flat however many articles the book has.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace galley::backends::epub {

/// Where one entry's bytes lie in a SpillFile, and what a zip needs to know of them.
struct Spooled {
  std::uint64_t offset = 0;
  std::uint64_t stored_size = 0;  ///< bytes in the spool (compressed when `deflated`)
  std::uint64_t size = 0;         ///< bytes once inflated
  std::uint32_t crc = 0;          ///< CRC-32 of the inflated bytes
  bool deflated = false;          ///< raw deflate data, else stored as it is
};

class SpillFile {
 public:
  /// Up to `memory_limit` bytes stay in memory; the rest goes to a temporary file in $TMPDIR
  /// (or /tmp) that has no name, so nothing is left behind whatever happens to the process.
  explicit SpillFile(std::size_t memory_limit = 4u << 20);
  ~SpillFile();
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;

  std::uint64_t size() const { return size_; }
  /// Appends; returns the offset the bytes start at.
  std::uint64_t append(std::string_view bytes);
  /// Writes at `offset` (at most size(): the file grows at its end only).
  void write_at(std::uint64_t offset, std::string_view bytes);
  /// Reads `count` bytes from `offset`; they must lie inside the file.
  void read_at(std::uint64_t offset, char* out, std::size_t count) const;

 private:
  void spill();

  std::size_t memory_limit_;
  std::string memory_;  ///< everything, until it spills
  int fd_ = -1;         ///< the temporary file, once spilt
  std::uint64_t size_ = 0;
};

}  // namespace galley::backends::epub
