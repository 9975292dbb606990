// Moments without the clock: SOURCE_DATE_EPOCH or an article's date, as seconds and as UTC
// calendar fields, so that every output format dates a document the same reproducible way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "galley/diagnostics.hpp"
#include "galley/model/document.hpp"

namespace galley::model {

/// A moment as seconds since 1970-01-01T00:00:00Z.
using UnixSeconds = std::int64_t;

/// When a book or PDF was made, for its metadata: SOURCE_DATE_EPOCH when it is given and
/// valid (a bad value is reported and ignored), else the newest article date at midnight UTC,
/// else 0. Never the clock, so the same input gives the same bytes.
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

}  // namespace galley::model
