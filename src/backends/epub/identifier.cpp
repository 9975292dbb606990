// Name-based UUIDs and zip entry times: what makes two builds of one book equal.
#include "backends/epub/identifier.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <uuid/uuid.h>

#include <memory>

namespace galley::backends::epub {
namespace {

// The version-5 UUID (RFC 4122, 4.3) of `name` in the namespace `space`, as libuuid's
// uuid_generate_sha1 makes it, with the SHA-1 of OpenSSL's libcrypto, which libzip loads
// anyway: libuuid's hashes a byte at a time, and was 8% of the instructions of a book of 200
// articles. Should libcrypto refuse, libuuid's gives the same bytes.
void name_uuid(uuid_t out, const uuid_t space, std::string_view name) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  unsigned char hash[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (!context || EVP_DigestInit_ex(context.get(), EVP_sha1(), nullptr) != 1 ||
      EVP_DigestUpdate(context.get(), space, sizeof(uuid_t)) != 1 ||
      EVP_DigestUpdate(context.get(), name.data(), name.size()) != 1 ||
      EVP_DigestFinal_ex(context.get(), hash, &length) != 1 || length < sizeof(uuid_t)) {
    uuid_generate_sha1(out, space, name.data(), name.size());
    return;
  }
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
