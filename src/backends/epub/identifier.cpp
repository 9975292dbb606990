// Name-based UUIDs and zip entry times: what makes two builds of one book equal.
#include "backends/epub/identifier.hpp"

#include <fmt/format.h>
// OpenSSL 3 deprecates SHA1_Init and its kin for EVP, whose first digest loads the default
// provider: 4.6 M instructions, a third of a one-article EPUB's own work. These are the
// same SHA-1 code without that. (They are in every OpenSSL 3 release; should one drop
// them, libuuid's uuid_generate_sha1 gives the same bytes.)
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
#include <uuid/uuid.h>

namespace galley::backends::epub {
namespace {

// The version-5 UUID (RFC 4122, 4.3) of `name` in the namespace `space`, as libuuid's
// uuid_generate_sha1 makes it, with the SHA-1 of OpenSSL's libcrypto, which libzip loads
// anyway: libuuid's hashes a byte at a time, and was 8% of the instructions of a book of 200
// articles.
void name_uuid(uuid_t out, const uuid_t space, std::string_view name) {
  SHA_CTX context;
  unsigned char hash[SHA_DIGEST_LENGTH];
  SHA1_Init(&context);
  SHA1_Update(&context, space, sizeof(uuid_t));
  SHA1_Update(&context, name.data(), name.size());
  SHA1_Final(hash, &context);
  static_assert(sizeof(hash) >= sizeof(uuid_t));
  for (std::size_t i = 0; i < sizeof(uuid_t); ++i) out[i] = hash[i];
  out[6] = static_cast<unsigned char>((out[6] & 0x0F) | 0x50);  // version 5
  out[8] = static_cast<unsigned char>((out[8] & 0x3F) | 0x80);  // the RFC 4122 variant
}

}  // namespace

std::string ContentUuid::digest(std::string_view part) {
  // A version-5 UUID of the part: 122 bits of its SHA-1 are enough to tell parts apart.
  uuid_t id;
  name_uuid(id, *uuid_get_template("oid"), part);
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
  name_uuid(id, *uuid_get_template("url"), name_);
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
