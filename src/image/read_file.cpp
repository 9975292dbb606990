// Reading an image file through one descriptor: `locate` checked the path, but the file can be
// swapped for a symbolic link or a FIFO before it is opened, and opening a FIFO for reading
// blocks forever. So the checks are made again on what was actually opened.
#include "image/image.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <fmt/format.h>
#include <system_error>

namespace galley::image {
namespace {

// Closes the descriptor on every way out.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string errno_text(int number) { return std::error_code(number, std::generic_category()).message(); }

}  // namespace

std::string read_file(const std::filesystem::path& path, std::string_view name, const Limits& limits) {
  const std::string file(name);
  // O_NONBLOCK: a FIFO opens at once instead of waiting for a writer; fstat then refuses it.
  // O_NOFOLLOW: the last component must not have become a link since `locate`.
  const Descriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY));
  if (fd.get() < 0) {
    const int number = errno;
    if (number == ELOOP) throw Error(ErrorKind::no_input, file, 0, "image refused: it became a symbolic link");
    throw Error(ErrorKind::no_input, file, 0, fmt::format("image cannot be opened: {}", errno_text(number)));
  }
  struct stat status {};
  if (::fstat(fd.get(), &status) != 0) {
    throw Error(ErrorKind::io, file, 0, fmt::format("image cannot be read: {}", errno_text(errno)));
  }
  if (!S_ISREG(status.st_mode)) throw Error(ErrorKind::no_input, file, 0, "image refused: not a regular file");
  const auto too_large = [&] {
    return Error(ErrorKind::data, file, 0,
                 fmt::format("image refused: larger than the limit of {} bytes", limits.max_file_bytes));
  };
  if (static_cast<std::uint64_t>(status.st_size) > limits.max_file_bytes) throw too_large();
  // Blocking again for the reads: O_NONBLOCK was only for opening.
  if (const int flags = ::fcntl(fd.get(), F_GETFL); flags >= 0) ::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK);

  // Read until end of file rather than trusting st_size: the file may grow or shrink meanwhile.
  std::string bytes;
  bytes.reserve(static_cast<std::size_t>(status.st_size));
  char chunk[64 * 1024];
  for (;;) {
    const ssize_t got = ::read(fd.get(), chunk, sizeof chunk);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw Error(ErrorKind::io, file, 0, fmt::format("image cannot be read: {}", errno_text(errno)));
    }
    if (got == 0) break;
    if (bytes.size() + static_cast<std::size_t>(got) > limits.max_file_bytes) throw too_large();
    bytes.append(chunk, static_cast<std::size_t>(got));
  }
  return bytes;
}

}  // namespace galley::image
