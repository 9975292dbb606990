// Cache entries: a header (what the entry was made from, the kind of data, a checksum), the
// source's path and the kind's name, then the data.
#include "text/cache_entry.hpp"

#include <fcntl.h>
#include <libdeflate.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

namespace galley::text::detail {
namespace {

constexpr char magic[16] = "galley cache 1";

struct Header {
  char magic[sizeof detail::magic] = {};
  std::uint64_t source_size = 0;
  std::int64_t source_seconds = 0;
  std::int64_t source_nanoseconds = 0;
  std::uint64_t path_size = 0;     ///< the source's path follows the header
  std::uint64_t kind_size = 0;     ///< then the kind's name
  std::uint64_t payload_size = 0;  ///< then the data
  std::uint32_t crc = 0;           ///< CRC-32 of the path, the kind and the data
  std::uint32_t unused = 0;
};

std::uint32_t crc_of(std::string_view path, std::string_view kind, std::string_view payload) {
  std::uint32_t crc = libdeflate_crc32(0, path.data(), path.size());
  crc = libdeflate_crc32(crc, kind.data(), kind.size());
  return libdeflate_crc32(crc, payload.data(), payload.size());
}

}  // namespace

std::string user_cache_folder(std::string_view what) {
  if (const char* cache = std::getenv("XDG_CACHE_HOME"); cache && *cache == '/') {
    return fmt::format("{}/galley/{}", cache, what);
  }
  if (const char* home = std::getenv("HOME"); home && *home == '/') return fmt::format("{}/.cache/galley/{}", home, what);
  return {};
}

SourceFile source_file(const std::string& path) {
  SourceFile source;
  source.path = path;
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) return source;
  source.found = true;
  source.size = static_cast<std::uint64_t>(status.st_size);
  source.seconds = static_cast<std::int64_t>(status.st_mtim.tv_sec);
  source.nanoseconds = static_cast<std::int64_t>(status.st_mtim.tv_nsec);
  return source;
}

CacheEntry::CacheEntry(const std::string& folder, SourceFile source, std::string kind)
    : folder_(folder), source_(std::move(source)), kind_(std::move(kind)) {
  if (folder_.empty() || !source_.found) return;
  std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a of the path
  for (const char c : source_.path) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  file_ = fmt::format("{}/{}-{:016x}", folder_, std::filesystem::path(source_.path).filename().string(), hash);

  const int fd = ::open(file_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  struct stat status {};
  if (::fstat(fd, &status) == 0 && status.st_size > 0) {
    void* data = ::mmap(nullptr, static_cast<std::size_t>(status.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (data != MAP_FAILED) {
      mapped_ = static_cast<const char*>(data);
      mapped_size_ = static_cast<std::size_t>(status.st_size);
    }
  }
  ::close(fd);
  const std::string_view bytes(mapped_, mapped_size_);
  Header header;
  if (bytes.size() < sizeof header) return;
  std::memcpy(&header, bytes.data(), sizeof header);
  std::string_view rest = bytes.substr(sizeof header);
  if (std::memcmp(header.magic, magic, sizeof magic) != 0 || header.unused != 0 || header.source_size != source_.size ||
      header.source_seconds != source_.seconds || header.source_nanoseconds != source_.nanoseconds ||
      header.path_size != source_.path.size() || header.kind_size != kind_.size() ||
      header.path_size > rest.size() || header.kind_size > rest.size() - header.path_size ||
      header.payload_size != rest.size() - header.path_size - header.kind_size) {
    return;
  }
  const std::string_view made_from = rest.substr(0, header.path_size);
  const std::string_view made_for = rest.substr(header.path_size, header.kind_size);
  const std::string_view payload = rest.substr(header.path_size + header.kind_size);
  if (made_from != source_.path || made_for != kind_ || crc_of(made_from, made_for, payload) != header.crc) return;
  usable_ = true;
  payload_ = payload;
}

CacheEntry::~CacheEntry() {
  if (mapped_) ::munmap(const_cast<char*>(mapped_), mapped_size_);
}

void CacheEntry::write(std::string_view payload) const {
  if (file_.empty()) return;
  std::error_code error;
  std::filesystem::create_directories(folder_, error);
  if (error) return;
  Header header;
  std::memcpy(header.magic, magic, sizeof magic);
  header.source_size = source_.size;
  header.source_seconds = source_.seconds;
  header.source_nanoseconds = source_.nanoseconds;
  header.path_size = source_.path.size();
  header.kind_size = kind_.size();
  header.payload_size = payload.size();
  header.crc = crc_of(source_.path, kind_, payload);
  std::string bytes(reinterpret_cast<const char*>(&header), sizeof header);
  bytes += source_.path;
  bytes += kind_;
  bytes += payload;

  std::string temporary = file_ + ".XXXXXX";
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) return;
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  const bool closed = ::close(fd) == 0;
  if (written != bytes.size() || !closed || ::rename(temporary.c_str(), file_.c_str()) != 0) {
    ::unlink(temporary.c_str());
  }
}

}  // namespace galley::text::detail
