// Tests for the EPUB text rules (src/backends/epub/text.cpp): XML cleaning, language tags,
// safe link targets, ASCII file names and the labels per language.
#include "backends/epub/text.hpp"

#include <gtest/gtest.h>

namespace galley::backends::epub {
namespace {

TEST(EpubText, XmlCleanKeepsTextAndWhitespace) {
  EXPECT_EQ(xml_clean("plain ÄÖÜ Мария 😀 \t\n"), "plain ÄÖÜ Мария 😀 \t\n");
  EXPECT_EQ(xml_clean("a\r\nb"), "a\n\nb");  // CR becomes LF, as an XML parser would read it
}

TEST(EpubText, XmlCleanRemovesForbiddenCharacters) {
  EXPECT_EQ(xml_clean(std::string("a\0b", 3)), "ab");
  EXPECT_EQ(xml_clean("a\x01\x08\x0b\x0c\x1f" "b"), "ab");       // C0 controls
  EXPECT_EQ(xml_clean("a\x7f\xC2\x80\xC2\x9F" "b"), "ab");       // DEL and C1 controls
  EXPECT_EQ(xml_clean("a\xEF\xBF\xBE\xEF\xBF\xBF" "b"), "ab");   // U+FFFE, U+FFFF
  EXPECT_EQ(xml_clean("a\xEF\xB7\x90" "b"), "ab");               // U+FDD0 noncharacter
  EXPECT_EQ(xml_clean("a\xED\xA0\x80" "b"), "ab");               // a surrogate
  EXPECT_EQ(xml_clean("a\xC0\xAF" "b"), "ab");                   // overlong '/'
  EXPECT_EQ(xml_clean("a\xE2\x82" "b"), "ab");                   // truncated sequence
  EXPECT_EQ(xml_clean("a\xF4\x90\x80\x80" "b"), "ab");           // beyond U+10FFFF
}

TEST(EpubText, AttributeCleaningTurnsBreaksIntoSpaces) {
  EXPECT_EQ(xml_clean_attribute("a\tb\nc\rd\x01"), "a b c d");
}

TEST(EpubText, LanguageTagsAreCheckedAndCased) {
  EXPECT_EQ(language_tag("en"), "en");
  EXPECT_EQ(language_tag("EN-gb"), "en-GB");
  EXPECT_EQ(language_tag("en_US"), "en-US");
  EXPECT_EQ(language_tag("sr-latn-RS"), "sr-Latn-RS");
  EXPECT_EQ(language_tag("x-klingon"), "x-klingon");
  EXPECT_EQ(language_tag("gsw"), "gsw");
  EXPECT_EQ(language_tag("C"), std::nullopt);
  EXPECT_EQ(language_tag("POSIX"), std::nullopt);
  EXPECT_EQ(language_tag(""), std::nullopt);
  EXPECT_EQ(language_tag("en_US.UTF-8"), std::nullopt);
  EXPECT_EQ(language_tag("en--GB"), std::nullopt);
  EXPECT_EQ(language_tag("en-"), std::nullopt);
  EXPECT_EQ(language_tag("de-toolongsubtag"), std::nullopt);
  EXPECT_EQ(language_tag("e1"), std::nullopt);
}

TEST(EpubText, RightToLeftLanguages) {
  EXPECT_TRUE(right_to_left("ar"));
  EXPECT_TRUE(right_to_left("he-IL"));
  EXPECT_FALSE(right_to_left("en"));
  EXPECT_FALSE(right_to_left("hr"));
}

TEST(EpubText, SafeLinksKeepWebAndMailOnly) {
  EXPECT_EQ(safe_link("https://example.org/a?b=1&c=2#d"), "https://example.org/a?b=1&c=2#d");
  EXPECT_EQ(safe_link("HTTP://example.org/"), "HTTP://example.org/");
  EXPECT_EQ(safe_link("mailto:desk@example.org"), "mailto:desk@example.org");
  EXPECT_EQ(safe_link("https://example.org/a b/ä\"<>"), "https://example.org/a%20b/%C3%A4%22%3C%3E");
  EXPECT_EQ(safe_link("https://example.org/100%"), "https://example.org/100%25");
  EXPECT_EQ(safe_link("https://example.org/%41"), "https://example.org/%41");
  EXPECT_EQ(safe_link("https://matrix.to/#/#room:example.org"), "https://matrix.to/#/%23room:example.org");
  EXPECT_EQ(safe_link("https://[::1]:8080/a[1]"), "https://[::1]:8080/a%5B1%5D");
  EXPECT_EQ(safe_link("javascript:alert(1)"), std::nullopt);
  EXPECT_EQ(safe_link("JavaScript:alert(1)"), std::nullopt);
  EXPECT_EQ(safe_link("data:text/html,hi"), std::nullopt);
  EXPECT_EQ(safe_link("file:///etc/passwd"), std::nullopt);
  EXPECT_EQ(safe_link("other.md"), std::nullopt);
  EXPECT_EQ(safe_link("#section"), std::nullopt);
  EXPECT_EQ(safe_link("https://"), std::nullopt);
}

TEST(EpubText, UrlSchemes) {
  EXPECT_TRUE(has_url_scheme("http://a/b.png"));
  EXPECT_TRUE(has_url_scheme("data:image/png;base64,AAA"));
  EXPECT_FALSE(has_url_scheme("photo.png"));
  EXPECT_FALSE(has_url_scheme("dir/photo:1.png"));
  EXPECT_FALSE(has_url_scheme(":x"));
}

TEST(EpubText, AsciiSlugs) {
  EXPECT_EQ(ascii_slug("Photo 1 (Final)"), "photo-1-final");
  EXPECT_EQ(ascii_slug("Фото"), "file");
  EXPECT_EQ(ascii_slug("café-au-lait"), "caf-au-lait");
  EXPECT_EQ(ascii_slug(std::string(100, 'a')).size(), 40u);
}

TEST(EpubText, LabelsAndNames) {
  EXPECT_EQ(labels_for("de-AT").by, "Von");
  EXPECT_EQ(labels_for("xx").by, "By");
  const Labels& en = labels_for("en");
  EXPECT_EQ(join_names({}, en), "");
  EXPECT_EQ(join_names({"A"}, en), "A");
  EXPECT_EQ(join_names({"A", "B"}, en), "A and B");
  EXPECT_EQ(join_names({"A", "B", "C"}, en), "A, B and C");
  EXPECT_EQ(join_names({"A", "B"}, labels_for("ru")), "A и B");
}

}  // namespace
}  // namespace galley::backends::epub
