// Tests for split_front_matter: the YAML block at the top of an article, its known keys and
// their types, unknown keys, the body's line numbers, and the errors for broken front matter.
#include "read/front_matter.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace galley::read {
namespace {

using namespace std::string_literals;
using Strings = std::vector<std::string>;

SplitArticle split(std::string text) {
  Diagnostics diagnostics;
  return split_front_matter(std::move(text), "a.md", diagnostics);
}

FrontMatter front_matter_of(std::string text) {
  auto result = split(std::move(text));
  EXPECT_TRUE(result.front_matter);
  return result.front_matter.value_or(FrontMatter{});
}

// The error split_front_matter throws for `text`, or a failure when it throws none.
Error error_of(std::string text) {
  try {
    split(std::move(text));
  } catch (const Error& error) {
    return error;
  }
  ADD_FAILURE() << "no error";
  return Error(ErrorKind::internal, "", 0, "no error");
}

TEST(SplitFrontMatter, NoFrontMatterLeavesTheTextAsItIs) {
  std::string text = "# Title\n\nBody.\n";
  auto result = split(text);
  EXPECT_FALSE(result.front_matter);
  EXPECT_EQ(result.body, text);
  EXPECT_EQ(split("").body, "");
}

TEST(SplitFrontMatter, EveryKnownKey) {
  auto fm = front_matter_of(
      "---\n"
      "title: River Ferry Returns\n"
      "subtitle: Volunteers rebuilt the landing\n"
      "author: Ana Petrović\n"
      "date: 2024-03-07\n"
      "lang: ru\n"
      "source: https://example.org/ferry\n"
      "summary: The ferry is back.\n"
      "image: ferry.jpg\n"
      "image_caption: The north landing\n"
      "image_credit: Harbour Archive\n"
      "tags: [ferry, river]\n"
      "---\n"
      "Body.\n");
  EXPECT_EQ(fm.title, "River Ferry Returns"s);
  EXPECT_EQ(fm.subtitle, "Volunteers rebuilt the landing"s);
  EXPECT_EQ(fm.authors, (Strings{"Ana Petrović"}));
  EXPECT_EQ(fm.date_text, "2024-03-07"s);
  EXPECT_EQ(fm.date_line, 5);
  EXPECT_EQ(fm.lang, "ru"s);
  EXPECT_EQ(fm.lang_line, 6);
  EXPECT_EQ(fm.source, "https://example.org/ferry"s);
  EXPECT_EQ(fm.summary, "The ferry is back."s);
  EXPECT_EQ(fm.image, "ferry.jpg"s);
  EXPECT_EQ(fm.image_caption, "The north landing"s);
  EXPECT_EQ(fm.image_credit, "Harbour Archive"s);
  EXPECT_EQ(fm.tags, (Strings{"ferry", "river"}));
  EXPECT_TRUE(fm.extra.empty());
}

TEST(SplitFrontMatter, AbsentAndNullKeysStayUnset) {
  auto fm = front_matter_of("---\ntitle:\nsubtitle: ~\n---\n");
  EXPECT_FALSE(fm.title);
  EXPECT_FALSE(fm.subtitle);
  EXPECT_FALSE(fm.authors);
  EXPECT_FALSE(fm.date_text);
  EXPECT_FALSE(fm.tags);
}

// An empty value says nothing, so the conventions' findings stand (see read_test.cpp).
TEST(SplitFrontMatter, EmptyValuesStayUnset) {
  auto fm = front_matter_of(
      "---\ntitle: \"\"\nsubtitle: \"  \"\nauthor: \"\"\ndate: ''\nlang: \"\"\nimage: \"\"\n"
      "tags: []\nlayout: \"\"\n---\n");
  EXPECT_FALSE(fm.title);
  EXPECT_FALSE(fm.subtitle);
  EXPECT_FALSE(fm.authors);
  EXPECT_FALSE(fm.date_text);
  EXPECT_FALSE(fm.lang);
  EXPECT_FALSE(fm.image);
  EXPECT_FALSE(fm.tags);
  EXPECT_TRUE(fm.extra.empty());
  EXPECT_FALSE(front_matter_of("---\nauthor: []\n---\n").authors);
  EXPECT_FALSE(front_matter_of("---\nauthor: [\"\", ~]\n---\n").authors);
  EXPECT_FALSE(front_matter_of("---\ntags: \" , \"\n---\n").tags);
  // Empty items of a list are left out; the others stay.
  EXPECT_EQ(front_matter_of("---\nauthor: [\"\", Ana, {name: \"\"}]\n---\n").authors,
            (Strings{"Ana"}));
  EXPECT_EQ(front_matter_of("---\ntags: [ferry, \"\"]\n---\n").tags, (Strings{"ferry"}));
  // An empty list is still the wrong type for a key that takes a string.
  EXPECT_EQ(error_of("---\ntitle: []\n---\n").diagnostic().line, 2);
}

TEST(SplitFrontMatter, ValuesAreTrimmed) {
  auto fm = front_matter_of("---\ntitle: \"  Spaced  \"\n---\n");
  EXPECT_EQ(fm.title, "Spaced"s);
}

TEST(SplitFrontMatter, AuthorAsList) {
  auto fm = front_matter_of("---\nauthor:\n  - Ana Petrović\n  - Ilya Sorokin\n---\n");
  EXPECT_EQ(fm.authors, (Strings{"Ana Petrović", "Ilya Sorokin"}));
  EXPECT_EQ(front_matter_of("---\nauthor: [Ana, Ilya]\n---\n").authors, (Strings{"Ana", "Ilya"}));
}

TEST(SplitFrontMatter, AuthorAsListOfNames) {
  auto fm = front_matter_of(
      "---\n"
      "author:\n"
      "  - name: Ana Petrović\n"
      "    affiliation: Harbour Courier\n"
      "  - name: Ilya Sorokin\n"
      "  - Jana Weber\n"
      "---\n");
  EXPECT_EQ(fm.authors, (Strings{"Ana Petrović", "Ilya Sorokin", "Jana Weber"}));
}

TEST(SplitFrontMatter, AuthorOfTheWrongType) {
  auto error = error_of("---\ntitle: T\nauthor: {name: Ana}\n---\n");
  EXPECT_EQ(error.kind(), ErrorKind::data);
  EXPECT_EQ(error.diagnostic().line, 3);
  EXPECT_NE(error.diagnostic().message.find("'author'"), std::string::npos);
}

TEST(SplitFrontMatter, TagsAsListOrCommaSeparatedString) {
  EXPECT_EQ(front_matter_of("---\ntags:\n  - ferry\n  - river\n---\n").tags,
            (Strings{"ferry", "river"}));
  EXPECT_EQ(front_matter_of("---\ntags: ferry, river , local news\n---\n").tags,
            (Strings{"ferry", "river", "local news"}));
  EXPECT_EQ(front_matter_of("---\ntags: ferry\n---\n").tags, (Strings{"ferry"}));
}

TEST(SplitFrontMatter, TagsOfTheWrongType) {
  auto error = error_of("---\ntags: {a: b}\n---\n");
  EXPECT_EQ(error.kind(), ErrorKind::data);
  EXPECT_EQ(error.diagnostic().line, 2);
  EXPECT_NE(error.diagnostic().message.find("'tags'"), std::string::npos);
}

TEST(SplitFrontMatter, UnknownKeysGoToExtra) {
  auto fm = front_matter_of(
      "---\n"
      "title: T\n"
      "layout: post\n"
      "weight: 3\n"
      "params: {a: 1, b: [x, y]}\n"
      "---\n");
  EXPECT_EQ(fm.title, "T"s);
  EXPECT_EQ(fm.extra.size(), 3u);
  EXPECT_EQ(fm.extra["layout"], "post");
  EXPECT_EQ(fm.extra["weight"], "3");
  EXPECT_EQ(fm.extra["params"], "{a: 1, b: [x, y]}");
}

TEST(SplitFrontMatter, BodyKeepsItsLineNumbers) {
  std::string text = "---\ntitle: T\nauthor: Ana\n---\n# Heading\n\nBody.\n";
  auto result = split(text);
  ASSERT_TRUE(result.front_matter);
  // Four lines of front matter become four empty lines.
  EXPECT_EQ(result.body, "\n\n\n\n# Heading\n\nBody.\n");
  auto line_of = [](const std::string& s, std::string_view what) {
    return std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(s.find(what)), '\n') + 1;
  };
  EXPECT_EQ(line_of(result.body, "# Heading"), line_of(text, "# Heading"));
  EXPECT_EQ(line_of(result.body, "Body."), line_of(text, "Body."));
}

TEST(SplitFrontMatter, ClosedByDotsOrFenceWithTrailingSpaces) {
  EXPECT_EQ(front_matter_of("---\ntitle: T\n...\nBody\n").title, "T"s);
  EXPECT_EQ(front_matter_of("---  \ntitle: T\n---\t\nBody\n").title, "T"s);
  EXPECT_EQ(split("---\ntitle: T\n---").body, "\n\n");
}

TEST(SplitFrontMatter, EmptyFrontMatter) {
  auto result = split("---\n---\nBody\n");
  ASSERT_TRUE(result.front_matter);
  EXPECT_FALSE(result.front_matter->title);
  EXPECT_EQ(result.body, "\n\nBody\n");
}

TEST(SplitFrontMatter, FenceFollowedByBlankLineIsAThematicBreak) {
  std::string text = "---\n\nBody.\n\n---\n";
  auto result = split(text);
  EXPECT_FALSE(result.front_matter);
  EXPECT_EQ(result.body, text);
  EXPECT_FALSE(split("---\n").front_matter);
  EXPECT_FALSE(split("---").front_matter);
}

TEST(SplitFrontMatter, FenceNotOnTheFirstLineIsNotFrontMatter) {
  std::string text = "# Title\n---\ntitle: T\n---\n";
  auto result = split(text);
  EXPECT_FALSE(result.front_matter);
  EXPECT_EQ(result.body, text);
}

TEST(SplitFrontMatter, UnclosedFrontMatterThrowsAtLineOne) {
  auto error = error_of("---\ntitle: T\n\nBody that never closes it.\n");
  EXPECT_EQ(error.kind(), ErrorKind::data);
  EXPECT_EQ(error.diagnostic().file, "a.md");
  EXPECT_EQ(error.diagnostic().line, 1);
  EXPECT_NE(error.diagnostic().message.find("never closed"), std::string::npos);
}

TEST(SplitFrontMatter, InvalidYamlThrowsAtItsFileLine) {
  auto error = error_of("---\ntitle: Fine\nfoo: bar: baz\n---\nBody\n");
  EXPECT_EQ(error.kind(), ErrorKind::data);
  EXPECT_EQ(error.diagnostic().file, "a.md");
  EXPECT_EQ(error.diagnostic().line, 3);
  EXPECT_EQ(error.diagnostic().column, 9);
  EXPECT_NE(error.diagnostic().message.find("front matter"), std::string::npos);
}

TEST(SplitFrontMatter, TitleAsListThrowsNamingTitleAndItsLine) {
  auto error = error_of("---\nauthor: Ana\ntitle: [a, b]\n---\nBody\n");
  EXPECT_EQ(error.kind(), ErrorKind::data);
  EXPECT_EQ(error.diagnostic().line, 3);
  EXPECT_NE(error.diagnostic().message.find("'title'"), std::string::npos);
  EXPECT_NE(error.diagnostic().message.find("a list"), std::string::npos);
}

TEST(SplitFrontMatter, NotAMappingThrows) {
  auto error = error_of("---\njust some text\n---\nBody\n");
  EXPECT_EQ(error.kind(), ErrorKind::data);
  EXPECT_EQ(error.diagnostic().line, 2);
}

// A non-scalar key once let YAML::BadConversion escape instead of galley::Error.
TEST(SplitFrontMatter, KeyThatIsNotAStringThrowsDataError) {
  Diagnostics diagnostics;
  try {
    split_front_matter("---\n[a, b]: x\n---\nBody\n", "a.md", diagnostics);
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::data);
    EXPECT_EQ(error.diagnostic().line, 2);
  } catch (const std::exception& other) {
    FAIL() << "threw something other than galley::Error: " << other.what();
  }
}

TEST(SplitFrontMatter, KeysThatAreNoNamesThrowNamingFileAndLine) {
  for (std::string text : {"---\ntitle: T\n{a: 1}: x\n---\n", "---\ntitle: T\n~: x\n---\n",
                           "---\ntitle: T\n? [a]\n: x\n---\n"}) {
    auto error = error_of(text);
    EXPECT_EQ(error.kind(), ErrorKind::data) << text;
    EXPECT_EQ(error.diagnostic().file, "a.md") << text;
    EXPECT_EQ(error.diagnostic().line, 3) << text;
    EXPECT_NE(error.diagnostic().message.find("key must be a name"), std::string::npos) << text;
  }
}

// A scalar key is a name as written, even one YAML reads as a number: kept as extra.
TEST(SplitFrontMatter, NumberKeyIsAnUnknownKey) {
  auto fm = front_matter_of("---\n1: x\ntrue: y\n---\n");
  EXPECT_EQ(fm.extra, (std::map<std::string, std::string>{{"1", "x"}, {"true", "y"}}));
}

}  // namespace
}  // namespace galley::read
