// Content-derived identity and time for an EPUB: a name-based UUID of the content, and the `dcterms:modified` timestamp taken from SOURCE_DATE_EPOCH or the articles, never
// the clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "galley/diagnostics.hpp"
#include "galley/model/document.hpp"

namespace galley::backends::epub {

/// Builds a name-based (version 5) UUID from everything that makes up a book, so the same
/// content always gets the same `urn:uuid:` and different content a different one.
/// libuuid (util-linux) does the SHA-1 and the RFC 4122 bit layout.
class ContentUuid {
 public:
  /// Adds one part; parts are length-prefixed so ("ab","c") and ("a","bc") differ.
  void add(std::string_view part);
  /// "urn:uuid:xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx".
  std::string urn() const;

 private:
  std::string name_ = "galley:epub:";  ///< the name hashed: a prefix, then every part
};

/// A moment as seconds since 1970-01-01T00:00:00Z.
using UnixSeconds = std::int64_t;

/// When the book was last modified: SOURCE_DATE_EPOCH when it is given and valid (a bad
/// value is reported and ignored), else the newest article date at midnight UTC, else 0.
UnixSeconds modified_time(const char* source_date_epoch, const std::optional<model::Date>& newest,
                          Diagnostics& diagnostics);

/// "CCYY-MM-DDThh:mm:ssZ", the only form `dcterms:modified` accepts.
std::string iso_timestamp(UnixSeconds seconds);

/// The UTC calendar fields of a moment (proleptic Gregorian, no time zone involved).
struct UtcTime {
  int year, month, day, hour, minute, second;
};
UtcTime utc_time(UnixSeconds seconds);

/// Seconds since the epoch of a date at 00:00:00Z.
UnixSeconds midnight_utc(const model::Date& date);

/// The two 16-bit MS-DOS fields a zip entry stores its time in, from UTC fields, clamped to
/// the range DOS time can hold (1980..2107). Avoids zip_file_set_mtime, which goes through
/// the local time zone.
struct DosTime {
  std::uint16_t time = 0;
  std::uint16_t date = 0;
};
DosTime dos_time(UnixSeconds seconds);

}  // namespace galley::backends::epub
