// Compiled hyphenation dictionaries on disk: one file per pattern file, named after it, made
// of a header (what it was made from, a checksum) and HyphenPatterns::compiled()'s bytes.
#include "text/hyphen_cache.hpp"

#include <fcntl.h>
#include <libdeflate.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <system_error>

#include <fmt/format.h>

namespace galley::text::detail {
namespace {

constexpr char magic[16] = "galley hyphen 1";

// What a compiled copy was made from, first in its file.
struct Header {
  char magic[sizeof detail::magic] = {};
  std::uint64_t source_size = 0;
  std::int64_t source_seconds = 0;  ///< its modification time
  std::int64_t source_nanoseconds = 0;
  std::uint64_t path_size = 0;     ///< the source's path follows the header
  std::uint64_t payload_size = 0;  ///< then HyphenPatterns::compiled()
  std::uint32_t payload_crc = 0;   ///< CRC-32 of the path and the payload
  std::uint32_t unused = 0;
};

struct Source {
  bool found = false;
  std::uint64_t size = 0;
  std::int64_t seconds = 0;
  std::int64_t nanoseconds = 0;
};

Source source_of(const std::string& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) return {};
  return Source{true, static_cast<std::uint64_t>(status.st_size), static_cast<std::int64_t>(status.st_mtim.tv_sec),
                static_cast<std::int64_t>(status.st_mtim.tv_nsec)};
}

// The compiled copy's file: the pattern file's name and a hash of its whole path (FNV-1a),
// so that two folders' hyph_en_US.dic do not share one.
std::string cache_file(const std::string& path, const std::string& cache_folder) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : path) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  return fmt::format("{}/{}-{:016x}.compiled", cache_folder, std::filesystem::path(path).filename().string(), hash);
}

std::uint32_t crc_of(std::string_view path, std::string_view payload) {
  std::uint32_t crc = libdeflate_crc32(0, path.data(), path.size());
  return libdeflate_crc32(crc, payload.data(), payload.size());
}

// A file mapped for reading; empty when it cannot be.
class MappedFile {
 public:
  explicit MappedFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat status {};
    if (::fstat(fd, &status) == 0 && status.st_size > 0) {
      void* data = ::mmap(nullptr, static_cast<std::size_t>(status.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
      if (data != MAP_FAILED) {
        data_ = static_cast<const char*>(data);
        size_ = static_cast<std::size_t>(status.st_size);
      }
    }
    ::close(fd);
  }
  ~MappedFile() {
    if (data_) ::munmap(const_cast<char*>(data_), size_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  std::string_view bytes() const { return {data_, size_}; }

 private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

std::unique_ptr<const HyphenPatterns> load_compiled(const std::string& file, const std::string& path,
                                                   const Source& source) {
  const MappedFile mapped(file);
  const std::string_view bytes = mapped.bytes();
  Header header;
  if (bytes.size() < sizeof header) return nullptr;
  std::memcpy(&header, bytes.data(), sizeof header);
  const std::string_view rest = bytes.substr(sizeof header);
  if (std::memcmp(header.magic, magic, sizeof magic) != 0 || header.source_size != source.size ||
      header.source_seconds != source.seconds || header.source_nanoseconds != source.nanoseconds ||
      header.path_size != path.size() || header.path_size > rest.size() ||
      header.payload_size != rest.size() - header.path_size || rest.substr(0, path.size()) != path) {
    return nullptr;
  }
  const std::string_view payload = rest.substr(path.size());
  if (crc_of(path, payload) != header.payload_crc) return nullptr;
  return HyphenPatterns::from_compiled(payload);
}

// Written whole under a temporary name, then renamed: a reader sees the old copy, the new
// one or none, never half of one.
void save_compiled(const HyphenPatterns& patterns, const std::string& file, const std::string& path,
                   const Source& source, const std::string& cache_folder) {
  std::error_code error;
  std::filesystem::create_directories(cache_folder, error);
  if (error) return;
  const std::string payload = patterns.compiled();
  Header header;
  std::memcpy(header.magic, magic, sizeof magic);
  header.source_size = source.size;
  header.source_seconds = source.seconds;
  header.source_nanoseconds = source.nanoseconds;
  header.path_size = path.size();
  header.payload_size = payload.size();
  header.payload_crc = crc_of(path, payload);
  std::string bytes(reinterpret_cast<const char*>(&header), sizeof header);
  bytes += path;
  bytes += payload;

  std::string temporary = file + ".XXXXXX";
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) return;
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  const bool closed = ::close(fd) == 0;
  if (written != bytes.size() || !closed || ::rename(temporary.c_str(), file.c_str()) != 0) {
    ::unlink(temporary.c_str());
  }
}

}  // namespace

std::string user_hyphen_cache() {
  if (const char* cache = std::getenv("XDG_CACHE_HOME"); cache && *cache == '/') {
    return std::string(cache) + "/galley/hyphen";
  }
  if (const char* home = std::getenv("HOME"); home && *home == '/') return std::string(home) + "/.cache/galley/hyphen";
  return {};
}

std::unique_ptr<const HyphenPatterns> load_patterns(const std::string& path, const std::string& cache_folder) {
  if (cache_folder.empty()) return HyphenPatterns::load(path);
  const Source source = source_of(path);
  if (!source.found) return nullptr;
  const std::string file = cache_file(path, cache_folder);
  if (auto compiled = load_compiled(file, path, source)) return compiled;
  auto patterns = HyphenPatterns::load(path);
  if (patterns) save_compiled(*patterns, file, path, source, cache_folder);
  return patterns;
}

}  // namespace galley::text::detail
