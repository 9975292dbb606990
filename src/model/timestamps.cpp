// Clock-free timestamps through <chrono>'s civil calendar (no time zone, no locale).
#include "model/timestamps.hpp"

#include <fmt/format.h>

#include <charconv>
#include <chrono>

namespace galley::model {
namespace {

// 9999-12-31T23:59:59Z: dcterms:modified has four year digits.
constexpr UnixSeconds latest_time = 253402300799;

}  // namespace

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

}  // namespace galley::model
