// Tests for EPUB identity and time (src/backends/epub/identifier.cpp): name-based UUIDs,
// SOURCE_DATE_EPOCH and DOS times that do not follow the time zone.
#include "backends/epub/identifier.hpp"

#include <gtest/gtest.h>
#include <uuid/uuid.h>

#include <cctype>
#include <string>

namespace galley::backends::epub {
namespace {

TEST(EpubIdentifier, UuidIsVersion5StableAndFollowsContent) {
  auto urn = [](std::initializer_list<std::string_view> parts) {
    ContentUuid uuid;
    for (auto part : parts) uuid.add(part);
    return uuid.urn();
  };
  const std::string a = urn({"<html>one</html>", "title"});
  // urn:uuid:xxxxxxxx-xxxx-5xxx-[89ab]xxx-xxxxxxxxxxxx, lower-case hex
  ASSERT_EQ(a.size(), 45u) << a;
  EXPECT_EQ(a.substr(0, 9), "urn:uuid:");
  for (std::size_t i = 9; i < a.size(); ++i) {
    const bool dash = i == 17 || i == 22 || i == 27 || i == 32;
    EXPECT_TRUE(dash ? a[i] == '-' : std::isxdigit(a[i]) && !std::isupper(a[i])) << a;
  }
  EXPECT_EQ(a[23], '5') << a;                                         // version 5: name-based, SHA-1
  EXPECT_NE(std::string_view("89ab").find(a[28]), std::string_view::npos) << a;  // RFC 4122 variant
  EXPECT_EQ(a, urn({"<html>one</html>", "title"}));
  EXPECT_NE(a, urn({"<html>one</html>", "title!"}));
  EXPECT_NE(urn({"ab", "c"}), urn({"a", "bc"}));  // parts are length-prefixed
}

// The identifier is libcrypto's SHA-1 made into a UUID as libuuid's uuid_generate_sha1 makes
// it: the same UUIDs as libuuid alone gave, so books keep their identifiers.
TEST(EpubIdentifier, UuidsAreLibuuidsVersion5) {
  auto libuuid = [](const char* space, std::string_view name) {
    uuid_t id;
    uuid_generate_sha1(id, *uuid_get_template(space), name.data(), name.size());
    char text[37];
    uuid_unparse_lower(id, text);
    return std::string(text);
  };
  for (const std::string& part : {std::string(), std::string("<html>one</html>"), std::string(100000, 'x')}) {
    const std::string digest = ContentUuid::digest(part);
    EXPECT_EQ(digest, libuuid("oid", part));
    ContentUuid uuid;
    uuid.add_digest(digest);
    EXPECT_EQ(uuid.urn(), "urn:uuid:" + libuuid("url", "galley:epub:" + digest + ":"));
  }
}

TEST(EpubIdentifier, ModifiedTimeComesFromSourceDateEpoch) {
  Diagnostics diagnostics;
  EXPECT_EQ(modified_time("1700000000", model::Date{2024, 3, 7}, diagnostics), 1700000000);
  EXPECT_EQ(iso_timestamp(1700000000), "2023-11-14T22:13:20Z");
  EXPECT_TRUE(diagnostics.items().empty());
}

TEST(EpubIdentifier, ModifiedTimeFallsBackToTheNewestDateThenTheEpoch) {
  Diagnostics diagnostics;
  EXPECT_EQ(iso_timestamp(modified_time(nullptr, model::Date{2024, 3, 7}, diagnostics)), "2024-03-07T00:00:00Z");
  EXPECT_EQ(iso_timestamp(modified_time("", model::Date{2024, 2, 29}, diagnostics)), "2024-02-29T00:00:00Z");
  EXPECT_EQ(iso_timestamp(modified_time(nullptr, std::nullopt, diagnostics)), "1970-01-01T00:00:00Z");
  EXPECT_EQ(iso_timestamp(modified_time(nullptr, model::Date{2023, 2, 30}, diagnostics)), "1970-01-01T00:00:00Z");
  EXPECT_TRUE(diagnostics.items().empty());
}

TEST(EpubIdentifier, BadSourceDateEpochIsReportedAndIgnored) {
  for (const char* bad : {"yesterday", "-5", "12abc", "99999999999999999999", "253402300800"}) {
    Diagnostics diagnostics;
    EXPECT_EQ(modified_time(bad, model::Date{2024, 3, 7}, diagnostics), midnight_utc({2024, 3, 7})) << bad;
    EXPECT_EQ(diagnostics.count(Severity::warning), 1u) << bad;
  }
}

TEST(EpubIdentifier, UtcCalendarArithmetic) {
  EXPECT_EQ(midnight_utc({1970, 1, 1}), 0);
  EXPECT_EQ(midnight_utc({2000, 3, 1}), 951868800);
  EXPECT_EQ(iso_timestamp(951868799), "2000-02-29T23:59:59Z");
  EXPECT_EQ(iso_timestamp(253402300799), "9999-12-31T23:59:59Z");
}

TEST(EpubIdentifier, DosTimeIsUtcAndClamped) {
  // 2024-03-07 13:45:30 UTC, whatever $TZ says.
  const DosTime t = dos_time(midnight_utc({2024, 3, 7}) + 13 * 3600 + 45 * 60 + 30);
  EXPECT_EQ(t.date, (2024 - 1980) << 9 | 3 << 5 | 7);
  EXPECT_EQ(t.time, 13 << 11 | 45 << 5 | 15);
  const DosTime epoch = dos_time(0);  // before DOS time begins
  EXPECT_EQ(epoch.date, 0 << 9 | 1 << 5 | 1);
  EXPECT_EQ(epoch.time, 0);
}

}  // namespace
}  // namespace galley::backends::epub
