// An output file written as its bytes are made, yet atomically: nothing appears under the
// target's name until commit(), and a failed or killed run leaves no file behind.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "galley/export.hpp"

namespace galley {

/// A sink into an unnamed temporary file beside `path` (O_TMPFILE; a hidden named one where
/// the file system cannot), flushed, linked and renamed over `path` by commit(). Destroyed
/// without commit(), it leaves nothing. A device or pipe named as output is written as it
/// is, on commit(). Throws galley::Error: cant_create when the file cannot be made, io when
/// writing fails.
class AtomicFile final : public ByteSink {
 public:
  explicit AtomicFile(std::string path);
  ~AtomicFile() override;
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view bytes) override;
  /// Makes the file appear under its name. Call once, after the last write.
  void commit();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace galley
