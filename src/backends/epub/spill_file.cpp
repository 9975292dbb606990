// SpillFile: a string until it grows past its limit, then an O_TMPFILE file (a deleted
// tmpfile where the file system cannot make one) read and written with pread and pwrite.
#include "backends/epub/spill_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "galley/diagnostics.hpp"

namespace galley::backends::epub {
namespace {

[[noreturn]] void fail(std::string_view what) {
  throw Error(ErrorKind::io, "", 0, fmt::format("temporary file of the book: {}: {}", what, std::strerror(errno)));
}

std::string temporary_folder() {
  const char* folder = std::getenv("TMPDIR");
  return folder && *folder ? folder : "/tmp";
}

int open_temporary() {
  const std::string folder = temporary_folder();
  int fd = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0) return fd;
  std::string name = folder + "/galley-spool-XXXXXX";
  fd = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd >= 0) ::unlink(name.c_str());
  return fd;
}

}  // namespace

SpillFile::SpillFile(std::size_t memory_limit) : memory_limit_(memory_limit) {}

SpillFile::~SpillFile() {
  if (fd_ >= 0) ::close(fd_);
}

void SpillFile::spill() {
  fd_ = open_temporary();
  if (fd_ < 0) fail("cannot create it");
  const std::string bytes = std::move(memory_);
  memory_.clear();
  memory_.shrink_to_fit();
  const std::uint64_t size = size_;
  size_ = 0;
  write_at(0, bytes);
  size_ = size;
}

std::uint64_t SpillFile::append(std::string_view bytes) {
  const std::uint64_t offset = size_;
  write_at(offset, bytes);
  return offset;
}

void SpillFile::write_at(std::uint64_t offset, std::string_view bytes) {
  if (offset > size_) throw Error(ErrorKind::internal, "", 0, "temporary file of the book: write past its end");
  if (fd_ < 0 && offset + bytes.size() > memory_limit_) spill();
  if (fd_ < 0) {
    if (offset + bytes.size() > memory_.size()) memory_.resize(offset + bytes.size());
    std::memcpy(memory_.data() + offset, bytes.data(), bytes.size());
  } else {
    for (std::size_t done = 0; done < bytes.size();) {
      const ssize_t n = ::pwrite(fd_, bytes.data() + done, bytes.size() - done, static_cast<off_t>(offset + done));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) fail("cannot write it");
      done += static_cast<std::size_t>(n);
    }
  }
  size_ = std::max<std::uint64_t>(size_, offset + bytes.size());
}

void SpillFile::read_at(std::uint64_t offset, char* out, std::size_t count) const {
  if (offset + count > size_) throw Error(ErrorKind::internal, "", 0, "temporary file of the book: read past its end");
  if (fd_ < 0) {
    std::memcpy(out, memory_.data() + offset, count);
    return;
  }
  for (std::size_t done = 0; done < count;) {
    const ssize_t n = ::pread(fd_, out + done, count - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail("cannot read it back");
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace galley::backends::epub
