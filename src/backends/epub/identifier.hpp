// Content-derived identity and time for an EPUB: a name-based UUID of the content, and the
// `dcterms:modified` timestamp (model/timestamps.hpp: SOURCE_DATE_EPOCH or the articles,
// never the clock) as the time of every zip entry.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "galley/diagnostics.hpp"
#include "galley/model/document.hpp"
#include "model/timestamps.hpp"

namespace galley::backends::epub {

using model::iso_timestamp;
using model::midnight_utc;
using model::modified_time;
using model::UnixSeconds;
using model::utc_time;
using model::UtcTime;

/// Builds a name-based (version 5) UUID from everything that makes up a book, so the same
/// content always gets the same `urn:uuid:` and different content a different one.
/// The SHA-1 is libcrypto's, laid out as libuuid's (util-linux) uuid_generate_sha1 lays it out.
/// Parts are hashed one by one (SHA-1, on any thread) and the identifier is the hash of
/// their hashes, so a book of any size is identified without holding its text.
class ContentUuid {
 public:
  /// The SHA-1 of one part, as the text of a version-5 UUID; safe on any thread.
  static std::string digest(std::string_view part);
  /// Adds one part.
  void add(std::string_view part) { add_digest(digest(part)); }
  /// Adds a part by its digest().
  void add_digest(std::string_view digest);
  /// "urn:uuid:xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx".
  std::string urn() const;

 private:
  std::string name_ = "galley:epub:";  ///< the name hashed: a prefix, then every part's digest
};

/// The two 16-bit MS-DOS fields a zip entry stores its time in, from UTC fields, clamped to
/// the range DOS time can hold (1980..2107). Avoids zip_file_set_mtime, which goes through
/// the local time zone.
struct DosTime {
  std::uint16_t time = 0;
  std::uint16_t date = 0;
};
DosTime dos_time(UnixSeconds seconds);

}  // namespace galley::backends::epub
