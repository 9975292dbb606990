// A zip archive built in memory with libzip, deterministic to the byte: fixed entry times
// and modes, entries in the order added. The only header that names libzip's job; zip.h
// itself stays in the .cpp.
#pragma once

#include <memory>
#include <string>

#include "backends/epub/identifier.hpp"

namespace galley::backends::epub {

class ZipArchive {
 public:
  enum class Method { store, deflate };

  /// Every entry gets `modified` as its time (UTC, clamped to what DOS time can hold).
  explicit ZipArchive(UnixSeconds modified);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  /// Adds an entry; `name` is ASCII. Throws galley::Error (internal) when libzip fails.
  void add(const std::string& name, std::string bytes, Method method);
  /// Writes the central directory and returns the whole archive. Call once, last.
  std::string finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace galley::backends::epub
