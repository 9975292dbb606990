// libzip behind RAII: an archive written into a buffer source, read back as bytes. libzip
// takes no C++ callbacks here, so no exception can cross into it; every failure it reports
// becomes a galley::Error naming the step that failed.
#include "backends/epub/zip_archive.hpp"

#include <fmt/format.h>
#include <zip.h>

#include <deque>

#include "galley/diagnostics.hpp"

namespace galley::backends::epub {
namespace {

struct SourceFree {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};
struct ArchiveDiscard {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
using SourcePtr = std::unique_ptr<zip_source_t, SourceFree>;
using ArchivePtr = std::unique_ptr<zip_t, ArchiveDiscard>;

// Owns a zip_error_t for the calls that report through one.
class ZipError {
 public:
  ZipError() { zip_error_init(&error_); }
  ~ZipError() { zip_error_fini(&error_); }
  ZipError(const ZipError&) = delete;
  ZipError& operator=(const ZipError&) = delete;
  zip_error_t* get() { return &error_; }

 private:
  zip_error_t error_;
};

[[noreturn]] void fail(std::string_view step, const char* message) {
  throw Error(ErrorKind::internal, "", 0,
              fmt::format("libzip failed while {}: {}", step, message ? message : "unknown error"));
}

// rw-r--r-- regular file, as Info-ZIP writes it on Unix; fixed so that the umask of the
// machine building the book cannot change its bytes.
constexpr zip_uint32_t regular_file_mode = 0100644u << 16;

}  // namespace

struct ZipArchive::Impl {
  SourcePtr buffer;              ///< where the finished archive is written
  ArchivePtr archive;
  std::deque<std::string> data;  ///< entry bytes; libzip reads them only in zip_close
  DosTime time;
};

ZipArchive::ZipArchive(UnixSeconds modified) : impl_(std::make_unique<Impl>()) {
  impl_->time = dos_time(modified);
  ZipError error;
  impl_->buffer.reset(zip_source_buffer_create(nullptr, 0, 0, error.get()));
  if (!impl_->buffer) fail("creating the in-memory buffer", zip_error_strerror(error.get()));
  zip_t* archive = zip_open_from_source(impl_->buffer.get(), ZIP_CREATE | ZIP_TRUNCATE, error.get());
  if (!archive) fail("opening the in-memory archive", zip_error_strerror(error.get()));
  // The archive now owns the reference the buffer was created with; take a second one so
  // the buffer outlives zip_close and its bytes can be read back.
  zip_source_keep(impl_->buffer.get());
  impl_->archive.reset(archive);
}

ZipArchive::~ZipArchive() = default;

void ZipArchive::add(const std::string& name, std::string bytes, Method method) {
  zip_t* archive = impl_->archive.get();
  if (!archive) fail(fmt::format("adding {}", name), "the archive is already finished");
  const std::string& kept = impl_->data.emplace_back(std::move(bytes));
  SourcePtr source(zip_source_buffer(archive, kept.data(), kept.size(), 0));
  if (!source) fail(fmt::format("adding {}", name), zip_strerror(archive));
  const zip_int64_t index = zip_file_add(archive, name.c_str(), source.get(), ZIP_FL_ENC_GUESS);
  if (index < 0) fail(fmt::format("adding {}", name), zip_strerror(archive));
  source.release();  // the archive owns it now
  const auto entry = static_cast<zip_uint64_t>(index);
  // Level 6 (zlib's default): level 9 made the 1000-article book 1% smaller and took twice
  // as long to compress, the largest single cost of writing it.
  const bool ok =
      zip_set_file_compression(archive, entry, method == Method::store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                               method == Method::store ? 0 : 6) == 0 &&
      zip_file_set_dostime(archive, entry, impl_->time.time, impl_->time.date, 0) == 0 &&
      zip_file_set_external_attributes(archive, entry, 0, ZIP_OPSYS_UNIX, regular_file_mode) == 0;
  if (!ok) fail(fmt::format("setting the properties of {}", name), zip_strerror(archive));
}

std::string ZipArchive::finish() {
  zip_t* archive = impl_->archive.get();
  if (!archive) fail("finishing the archive", "it is already finished");
  if (zip_close(archive) != 0) fail("writing the archive", zip_strerror(archive));
  impl_->archive.release();  // zip_close freed it
  impl_->data.clear();

  zip_source_t* buffer = impl_->buffer.get();
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_source_stat(buffer, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE)) {
    fail("measuring the finished archive", zip_error_strerror(zip_source_error(buffer)));
  }
  if (zip_source_open(buffer) != 0) {
    fail("reopening the finished archive", zip_error_strerror(zip_source_error(buffer)));
  }
  std::string bytes(static_cast<std::size_t>(stat.size), '\0');
  const zip_int64_t read = zip_source_read(buffer, bytes.data(), stat.size);
  zip_source_close(buffer);
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) {
    fail("reading the finished archive", zip_error_strerror(zip_source_error(buffer)));
  }
  return bytes;
}

}  // namespace galley::backends::epub
