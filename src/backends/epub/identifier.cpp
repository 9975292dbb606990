// SHA-1, name-based UUIDs and clock-free timestamps: what makes two builds of one book equal.
#include "backends/epub/identifier.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstring>

namespace galley::backends::epub {
namespace {

std::uint32_t rotate_left(std::uint32_t value, int bits) {
  return (value << bits) | (value >> (32 - bits));
}

// The RFC 4122 namespace for URLs; the name hashed under it is "galley:epub:" + content, so
// a galley book never shares an identifier with a URL-derived one.
constexpr std::array<std::uint8_t, 16> url_namespace = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad,
                                                        0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0,
                                                        0x4f, 0xd4, 0x30, 0xc8};

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-compatible
// low-level date algorithms", days_from_civil).
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

// The inverse (civil_from_days in the same paper).
void civil_from_days(std::int64_t days, int& year, int& month, int& day) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto day_of_era = static_cast<unsigned>(days - era * 146097);
  const unsigned year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const unsigned month_index = (5 * day_of_year + 2) / 153;
  day = static_cast<int>(day_of_year - (153 * month_index + 2) / 5 + 1);
  month = static_cast<int>(month_index < 10 ? month_index + 3 : month_index - 9);
  year = static_cast<int>(static_cast<std::int64_t>(year_of_era) + era * 400 + (month <= 2 ? 1 : 0));
}

// 9999-12-31T23:59:59Z: dcterms:modified has four year digits.
constexpr UnixSeconds latest_time = 253402300799;

}  // namespace

Sha1::Sha1() : state_{0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0} {}

void Sha1::compress(const std::uint8_t* block) {
  std::array<std::uint32_t, 80> w{};
  for (int i = 0; i < 16; ++i) {
    w[i] = static_cast<std::uint32_t>(block[4 * i]) << 24 |
           static_cast<std::uint32_t>(block[4 * i + 1]) << 16 |
           static_cast<std::uint32_t>(block[4 * i + 2]) << 8 | block[4 * i + 3];
  }
  for (int i = 16; i < 80; ++i) w[i] = rotate_left(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
  auto [a, b, c, d, e] = state_;
  for (int i = 0; i < 80; ++i) {
    std::uint32_t f = 0;
    std::uint32_t k = 0;
    if (i < 20) {
      f = (b & c) | (~b & d), k = 0x5A827999;
    } else if (i < 40) {
      f = b ^ c ^ d, k = 0x6ED9EBA1;
    } else if (i < 60) {
      f = (b & c) | (b & d) | (c & d), k = 0x8F1BBCDC;
    } else {
      f = b ^ c ^ d, k = 0xCA62C1D6;
    }
    const std::uint32_t next = rotate_left(a, 5) + f + e + k + w[i];
    e = d, d = c, c = rotate_left(b, 30), b = a, a = next;
  }
  state_[0] += a, state_[1] += b, state_[2] += c, state_[3] += d, state_[4] += e;
}

void Sha1::update(std::string_view bytes) {
  length_ += bytes.size();
  const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
  std::size_t size = bytes.size();
  if (buffered_ > 0) {
    const std::size_t take = std::min(size, buffer_.size() - buffered_);
    std::memcpy(buffer_.data() + buffered_, data, take);
    buffered_ += take, data += take, size -= take;
    if (buffered_ < buffer_.size()) return;
    compress(buffer_.data());
    buffered_ = 0;
  }
  for (; size >= 64; data += 64, size -= 64) compress(data);
  std::memcpy(buffer_.data(), data, size);
  buffered_ = size;
}

std::array<std::uint8_t, 20> Sha1::digest() {
  const std::uint64_t bits = length_ * 8;
  const std::uint8_t one = 0x80;
  update(std::string_view(reinterpret_cast<const char*>(&one), 1));
  const char zero = 0;
  while (buffered_ != 56) update(std::string_view(&zero, 1));
  std::array<char, 8> length_bytes{};
  for (int i = 0; i < 8; ++i) length_bytes[i] = static_cast<char>(bits >> (56 - 8 * i));
  update(std::string_view(length_bytes.data(), length_bytes.size()));
  std::array<std::uint8_t, 20> out{};
  for (int i = 0; i < 5; ++i) {
    for (int j = 0; j < 4; ++j) out[4 * i + j] = static_cast<std::uint8_t>(state_[i] >> (24 - 8 * j));
  }
  return out;
}

std::string hex(const std::uint8_t* bytes, std::size_t size) {
  std::string text;
  text.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) text += fmt::format("{:02x}", bytes[i]);
  return text;
}

ContentUuid::ContentUuid() {
  sha1_.update(std::string_view(reinterpret_cast<const char*>(url_namespace.data()), url_namespace.size()));
  sha1_.update("galley:epub:");
}

void ContentUuid::add(std::string_view part) {
  sha1_.update(fmt::format("{}:", part.size()));
  sha1_.update(part);
}

std::string ContentUuid::urn() {
  auto digest = sha1_.digest();
  digest[6] = static_cast<std::uint8_t>((digest[6] & 0x0F) | 0x50);  // version 5
  digest[8] = static_cast<std::uint8_t>((digest[8] & 0x3F) | 0x80);  // RFC 4122 variant
  const std::string h = hex(digest.data(), 16);
  return fmt::format("urn:uuid:{}-{}-{}-{}-{}", h.substr(0, 8), h.substr(8, 4), h.substr(12, 4),
                     h.substr(16, 4), h.substr(20, 12));
}

UnixSeconds midnight_utc(const model::Date& date) {
  return days_from_civil(date.year, static_cast<unsigned>(date.month), static_cast<unsigned>(date.day)) *
         86400;
}

UtcTime utc_time(UnixSeconds seconds) {
  std::int64_t days = seconds / 86400;
  std::int64_t rest = seconds % 86400;
  if (rest < 0) rest += 86400, days -= 1;
  UtcTime time{};
  civil_from_days(days, time.year, time.month, time.day);
  time.hour = static_cast<int>(rest / 3600);
  time.minute = static_cast<int>(rest / 60 % 60);
  time.second = static_cast<int>(rest % 60);
  return time;
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
