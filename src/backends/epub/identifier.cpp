// Name-based UUIDs and clock-free timestamps: what makes two builds of one book equal.
#include "backends/epub/identifier.hpp"

#include <fmt/format.h>
#include <uuid/uuid.h>

#include <chrono>
#include <charconv>

namespace galley::backends::epub {
namespace {

// 9999-12-31T23:59:59Z: dcterms:modified has four year digits.
constexpr UnixSeconds latest_time = 253402300799;

}  // namespace

void ContentUuid::add(std::string_view part) {
  name_ += fmt::format("{}:", part.size());
  name_ += part;
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

UnixSeconds midnight_utc(const model::Date& date) {
  const std::chrono::year_month_day day{std::chrono::year(date.year),
                                        std::chrono::month(static_cast<unsigned>(date.month)),
                                        std::chrono::day(static_cast<unsigned>(date.day))};
  return std::chrono::sys_days(day).time_since_epoch() / std::chrono::seconds(1);
}

UtcTime utc_time(UnixSeconds seconds) {
  using namespace std::chrono;
  const sys_seconds moment{std::chrono::seconds(seconds)};
  const sys_days day = floor<days>(moment);
  const year_month_day date(day);
  const hh_mm_ss time(moment - day);
  return UtcTime{static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())),
                 static_cast<int>(static_cast<unsigned>(date.day())), static_cast<int>(time.hours().count()),
                 static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count())};
}

UnixSeconds modified_time(const char* source_date_epoch, const std::optional<model::Date>& newest,
                          Diagnostics& diagnostics) {
  if (source_date_epoch && *source_date_epoch) {
    std::string_view text(source_date_epoch);
    UnixSeconds seconds = -1;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    if (error == std::errc() && end == text.data() + text.size() && seconds >= 0 &&
        seconds <= latest_time) {
      return seconds;
    }
    diagnostics.warn("", 0,
                     fmt::format("SOURCE_DATE_EPOCH '{}' is not a number of seconds between 0 and "
                                 "{}; ignored",
                                 text.substr(0, 40), latest_time));
  }
  if (newest && newest->valid() && newest->year >= 1970 && newest->year <= 9999) {
    return midnight_utc(*newest);
  }
  return 0;
}

std::string iso_timestamp(UnixSeconds seconds) {
  const UtcTime t = utc_time(seconds);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", t.year, t.month, t.day, t.hour, t.minute,
                     t.second);
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
