// A zip archive built with libzip, deterministic to the byte: fixed entry times and modes,
// entries in the order added. Large entries are compressed beforehand (on any thread, by
// deflate()) and set aside in a SpillFile; libzip copies them as they are. The archive itself
// is written into a SpillFile too and streamed to the sink. The only header that names
// libzip's job; zip.h and libdeflate.h stay in the .cpp.
#pragma once

#include <memory>
#include <string>

#include "backends/epub/identifier.hpp"
#include "backends/epub/spill_file.hpp"
#include "galley/export.hpp"

namespace galley::backends::epub {

/// An entry's bytes compressed as a zip stores them (raw deflate, level 6).
struct Deflated {
  std::string data;
  std::uint64_t size = 0;  ///< before compression
  std::uint32_t crc = 0;   ///< CRC-32 before compression
};

/// Compresses `bytes`; safe on any thread.
Deflated deflate(std::string_view bytes);
/// Sets `bytes` aside in `spool`, compressed or as they are (images compressed already).
Spooled spool_entry(SpillFile& spool, const Deflated& bytes);
Spooled spool_stored(SpillFile& spool, std::string_view bytes);

class ZipArchive {
 public:
  enum class Method { store, deflate };

  /// Every entry gets `modified` as its time (UTC, clamped to what DOS time can hold).
  explicit ZipArchive(UnixSeconds modified);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  /// Adds an entry held in memory; `name` is ASCII. Throws galley::Error (internal) when
  /// libzip fails.
  void add(const std::string& name, std::string bytes, Method method);
  /// Adds an entry set aside in `spool`, which must outlive finish().
  void add(const std::string& name, const SpillFile& spool, const Spooled& entry);
  /// Writes the central directory and the whole archive to `sink`. Call once, last.
  void finish(ByteSink& sink);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace galley::backends::epub
