// Atomic output: a temporary file beside the target, flushed, renamed over it. A failed run
// never leaves a half-written file or clobbers the previous good output.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "galley/job.hpp"

namespace galley {
namespace {

// Closes and, unless released, removes the temporary file.
class TemporaryFile {
 public:
  TemporaryFile(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  ~TemporaryFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!released_) ::unlink(path_.c_str());
  }
  int fd() const { return fd_; }
  const std::string& path() const { return path_; }
  int close() {
    int result = ::close(fd_);
    fd_ = -1;
    return result;
  }
  void release() { released_ = true; }

 private:
  std::string path_;
  int fd_;
  bool released_ = false;
};

// The umask, read without umask(2), which would change it for every thread for a moment.
mode_t current_umask() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("Umask:")) return static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
  }
  return 022;
}

[[noreturn]] void fail(ErrorKind kind, const std::string& path, std::string_view what) {
  throw Error(kind, path, 0, fmt::format("{}: {}", what, std::strerror(errno)));
}

// Writes everything to `fd`, retrying short writes.
void write_all(int fd, std::string_view bytes, const std::string& path) {
  for (std::size_t written = 0; written < bytes.size();) {
    ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(ErrorKind::io, path, "cannot write output");
    written += static_cast<std::size_t>(n);
  }
}

// A device or pipe named as output (/dev/null, /dev/stdout, a FIFO) is written to as it is:
// renaming a temporary file over it would replace the device with a regular file.
bool write_to_special_file(const std::string& path, std::string_view bytes) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0 || S_ISREG(status.st_mode) || S_ISDIR(status.st_mode)) return false;
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) fail(ErrorKind::cant_create, path, "cannot open output");
  TemporaryFile device(path, fd);
  device.release();  // closed, never unlinked
  write_all(fd, bytes, path);
  if (device.close() != 0) fail(ErrorKind::io, path, "cannot close output");
  return true;
}

}  // namespace

void write_file_atomically(const std::string& path, std::string_view bytes) {
  if (write_to_special_file(path, bytes)) return;
  std::filesystem::path target(path);
  std::filesystem::path folder = target.parent_path().empty() ? "." : target.parent_path();
  // Hidden, beside the target (same file system, so rename is atomic), unique per run.
  std::string name = ".";
  name += target.filename().string();
  name += ".galley-XXXXXX";
  std::string pattern = (folder / name).string();
  int fd = ::mkstemp(pattern.data());
  if (fd < 0) fail(ErrorKind::cant_create, path, "cannot create output");
  TemporaryFile temporary(pattern, fd);
  // mkstemp makes the file 0600; outputs are ordinary files, readable as the umask allows.
  ::fchmod(fd, 0666 & ~current_umask());

  write_all(fd, bytes, path);
  if (::fsync(fd) != 0) fail(ErrorKind::io, path, "cannot flush output");
  if (temporary.close() != 0) fail(ErrorKind::io, path, "cannot close output");
  if (::rename(temporary.path().c_str(), path.c_str()) != 0) {
    fail(ErrorKind::cant_create, path, "cannot replace output");
  }
  temporary.release();
  // Flush the folder too, so the rename itself survives a crash.
  int folder_fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (folder_fd >= 0) {
    ::fsync(folder_fd);
    ::close(folder_fd);
  }
}

}  // namespace galley
