// Name-based UUIDs and zip entry times: what makes two builds of one book equal.
#include "backends/epub/identifier.hpp"

#include <fmt/format.h>
#include <uuid/uuid.h>


namespace galley::backends::epub {

std::string ContentUuid::digest(std::string_view part) {
  // libuuid's SHA-1 behind a version-5 UUID of the part: 122 bits of it are enough to tell
  // parts apart, and it is the one hash galley's dependencies offer here.
  uuid_t id;
  uuid_generate_sha1(id, *uuid_get_template("oid"), part.data(), part.size());
  char text[37];
  uuid_unparse_lower(id, text);
  return text;
}

void ContentUuid::add_digest(std::string_view digest) {
  name_ += digest;
  name_ += ':';
}

std::string ContentUuid::urn() const {
  // Hashed under the RFC 4122 URL namespace with a "galley:epub:" prefix, so a galley book
  // never shares an identifier with a UUID derived from a URL.
  uuid_t id;
  uuid_generate_sha1(id, *uuid_get_template("url"), name_.data(), name_.size());
  char text[37];
  uuid_unparse_lower(id, text);
  return fmt::format("urn:uuid:{}", text);
}

DosTime dos_time(UnixSeconds seconds) {
  UtcTime t = utc_time(seconds);
  if (t.year < 1980) t = UtcTime{1980, 1, 1, 0, 0, 0};
  if (t.year > 2107) t = UtcTime{2107, 12, 31, 23, 59, 58};
  DosTime dos;
  dos.time = static_cast<std::uint16_t>(t.hour << 11 | t.minute << 5 | t.second / 2);
  dos.date = static_cast<std::uint16_t>((t.year - 1980) << 9 | t.month << 5 | t.day);
  return dos;
}

}  // namespace galley::backends::epub
