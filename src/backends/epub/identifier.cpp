// Name-based UUIDs and zip entry times: what makes two builds of one book equal.
#include "backends/epub/identifier.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <uuid/uuid.h>

#include <cstring>
#include <memory>

#include "galley/diagnostics.hpp"

namespace galley::backends::epub {

std::string ContentUuid::digest(std::string_view part) {
  // A version-5 UUID of the part (122 bits of a SHA-1 are enough to tell parts apart), made
  // as uuid_generate_sha1 makes it (RFC 4122: the SHA-1 of the namespace and the name, the
  // version and variant bits set) but hashed by OpenSSL, which libzip loads anyway: parts
  // are whole chapters and pictures, and libuuid's SHA-1 took twice as long (7% of a
  // 100-article book's work).
  const unsigned char* space = *uuid_get_template("oid");
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  unsigned char hash[EVP_MAX_MD_SIZE];
  unsigned length = 0;
  if (!context || !EVP_DigestInit_ex(context.get(), EVP_sha1(), nullptr) ||
      !EVP_DigestUpdate(context.get(), space, sizeof(uuid_t)) ||
      !EVP_DigestUpdate(context.get(), part.data(), part.size()) ||
      !EVP_DigestFinal_ex(context.get(), hash, &length) || length < sizeof(uuid_t)) {
    throw Error(ErrorKind::internal, "", 0, "OpenSSL could not compute a SHA-1");
  }
  uuid_t id;
  std::memcpy(id, hash, sizeof(id));
  id[6] = static_cast<unsigned char>((id[6] & 0x0F) | 0x50);  // version 5
  id[8] = static_cast<unsigned char>((id[8] & 0x3F) | 0x80);  // the RFC 4122 variant
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
