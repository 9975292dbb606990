// Atomic output: a temporary file beside the target, flushed, renamed over it. A failed or
// killed run never leaves a half-written file or clobbers the previous good output.
#include "export/atomic_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <thread>

#include "galley/job.hpp"

namespace galley {
namespace {

// Closes and, unless released, removes the temporary file (if it has a name yet).
class TemporaryFile {
 public:
  TemporaryFile(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  ~TemporaryFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!released_ && !path_.empty()) ::unlink(path_.c_str());
  }
  int fd() const { return fd_; }
  const std::string& path() const { return path_; }
  void name(std::string path) { path_ = std::move(path); }  ///< it has a name now
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

// O_TMPFILE makes a file with no name in `folder`: until it is complete and linked, a run
// killed at any moment (SIGTERM, SIGKILL, a full disk's SIGXFSZ, a power cut) leaves nothing
// behind. -1 where the file system cannot (errno EOPNOTSUPP or EISDIR).
int open_unnamed(const std::filesystem::path& folder) {
  return ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
}

// Gives the unnamed file `fd` a hidden name beside `target`, unique among concurrent runs
// (pid, thread and a counter; EEXIST tries the next), and returns it. Through /proc, since
// linkat with AT_EMPTY_PATH needs a capability ordinary users lack.
std::string link_unnamed(int fd, const std::filesystem::path& folder, const std::string& target) {
  const std::string from = fmt::format("/proc/self/fd/{}", fd);
  const std::size_t thread = std::hash<std::thread::id>{}(std::this_thread::get_id());
  for (unsigned attempt = 0;; ++attempt) {
    const std::string path = (folder / fmt::format(".{}.galley-{}-{:x}-{}", std::filesystem::path(target).filename().string(),
                                                   ::getpid(), thread, attempt))
                                 .string();
    if (::linkat(AT_FDCWD, from.c_str(), AT_FDCWD, path.c_str(), AT_SYMLINK_FOLLOW) == 0) return path;
    if (errno != EEXIST) fail(ErrorKind::cant_create, target, "cannot create output");
  }
}

// A named hidden temporary, for file systems without O_TMPFILE; removed on failure (but
// left behind if the process is killed while writing).
int open_named(const std::filesystem::path& folder, const std::string& target, std::string& name) {
  name = (folder / fmt::format(".{}.galley-XXXXXX", std::filesystem::path(target).filename().string())).string();
  const int fd = ::mkstemp(name.data());
  if (fd >= 0) ::fchmod(fd, 0666 & ~current_umask());  // mkstemp makes it 0600
  return fd;
}

}  // namespace

struct AtomicFile::Impl {
  std::string path;
  std::filesystem::path folder;
  std::optional<TemporaryFile> temporary;  ///< empty for a device or pipe
  bool unnamed = false;
  std::string buffered;                    ///< a device's bytes, written on commit
  std::size_t unflushed = 0;               ///< bytes written since writeback was last started
};

namespace {

// How many written bytes start their writeback to the disk (without waiting for it), so that
// commit's fsync finds most of the file already on its way: the exporter frees what it made
// between its last write and commit, and the disk works meanwhile.
constexpr std::size_t writeback_batch = 256u << 10;

}  // namespace

AtomicFile::AtomicFile(std::string path) : impl_(std::make_unique<Impl>()) {
  impl_->path = std::move(path);
  struct stat status {};
  // A device or pipe named as output (/dev/null, /dev/stdout, a FIFO) is written to as it is,
  // on commit: renaming a temporary file over it would replace it with a regular file.
  if (::stat(impl_->path.c_str(), &status) == 0 && !S_ISREG(status.st_mode) && !S_ISDIR(status.st_mode)) return;
  const std::filesystem::path target(impl_->path);
  impl_->folder = target.parent_path().empty() ? "." : target.parent_path();
  // Beside the target: the same file system, so the rename is atomic.
  std::string named;
  int fd = open_unnamed(impl_->folder);
  impl_->unnamed = fd >= 0;
  if (!impl_->unnamed) {
    if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) {
      fail(ErrorKind::cant_create, impl_->path, "cannot create output");
    }
    fd = open_named(impl_->folder, impl_->path, named);
  }
  if (fd < 0) fail(ErrorKind::cant_create, impl_->path, "cannot create output");
  impl_->temporary.emplace(named, fd);
}

AtomicFile::~AtomicFile() = default;

void AtomicFile::write(std::string_view bytes) {
  if (!impl_->temporary) {
    impl_->buffered.append(bytes);
    return;
  }
  write_all(impl_->temporary->fd(), bytes, impl_->path);
  impl_->unflushed += bytes.size();
  if (impl_->unflushed >= writeback_batch) {
    // Only a hint: where it fails (a file system without writeback), fsync does it all.
    ::sync_file_range(impl_->temporary->fd(), 0, 0, SYNC_FILE_RANGE_WRITE);
    impl_->unflushed = 0;
  }
}

void AtomicFile::commit() {
  const std::string& path = impl_->path;
  if (!impl_->temporary) {
    if (!write_to_special_file(path, impl_->buffered)) fail(ErrorKind::cant_create, path, "cannot open output");
    return;
  }
  TemporaryFile& temporary = *impl_->temporary;
  if (::fsync(temporary.fd()) != 0) fail(ErrorKind::io, path, "cannot flush output");
  if (impl_->unnamed) temporary.name(link_unnamed(temporary.fd(), impl_->folder, path));
  if (temporary.close() != 0) fail(ErrorKind::io, path, "cannot close output");
  if (::rename(temporary.path().c_str(), path.c_str()) != 0) {
    fail(ErrorKind::cant_create, path, "cannot replace output");
  }
  temporary.release();
  // The folder is not flushed: its fsync cost a run 5 ms on the build machine (a third of a
  // one-article EPUB), and what it would add is only that the rename survives a crash. The
  // file's own fsync above is what matters: after a crash the name holds the old output or
  // the whole new one, never a part.
  impl_->temporary.reset();
}

void write_file_atomically(const std::string& path, std::string_view bytes) {
  AtomicFile file(path);
  file.write(bytes);
  file.commit();
}

}  // namespace galley
