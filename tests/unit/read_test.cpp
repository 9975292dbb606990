// Tests for the reader's entry points: read_markdown_file's errors and standard input, front
// matter's lang and date and how front matter overrides the conventions, and Conventions.
#include "galley/read.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "model_printers.hpp"

namespace galley {
namespace {

namespace fs = std::filesystem;
using namespace galley::model;

// A fresh folder for one test's files, removed afterwards.
class ReadFile : public testing::Test {
 protected:
  void SetUp() override {
    const auto* info = testing::UnitTest::GetInstance()->current_test_info();
    folder_ = fs::temp_directory_path() /
              ("galley-read-test-" + std::to_string(::getpid()) + "-" + info->name());
    fs::remove_all(folder_);
    fs::create_directories(folder_);
  }
  void TearDown() override { fs::remove_all(folder_); }

  std::string write(const std::string& name, std::string_view bytes) {
    auto path = folder_ / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
  }

  // The error read_markdown_file throws for `path`, or a failure when it throws none.
  static Error error_of(const std::string& path, ReadOptions options = {}) {
    Diagnostics diagnostics;
    try {
      read_markdown_file(path, options, diagnostics);
    } catch (const Error& error) {
      return error;
    }
    ADD_FAILURE() << "no error for " << path;
    return Error(ErrorKind::internal, "", 0, "no error");
  }

  fs::path folder_;
};

TEST_F(ReadFile, ReadsAnArticleAndRemembersWhereFrom) {
  auto path = write("article.md", "# River Ferry Returns\n\nThe ferry is back.\n");
  Diagnostics diagnostics;
  ReadOptions options;
  options.file_name = "ignored";
  auto document = read_markdown_file(path, options, diagnostics);
  EXPECT_EQ(document.meta.title, "River Ferry Returns");
  EXPECT_EQ(document.blocks, (Blocks{Para{{Text{"The ferry is back."}}}}));
  EXPECT_EQ(document.origin, path);
  EXPECT_TRUE(diagnostics.items().empty());
}

TEST_F(ReadFile, DiagnosticsNameTheFile) {
  auto path = write("bad.md", "# Title\n\nBad \xFF byte.\n");
  Diagnostics diagnostics;
  read_markdown_file(path, {}, diagnostics);
  ASSERT_EQ(diagnostics.items().size(), 1u);
  EXPECT_EQ(diagnostics.items()[0].file, path);
  EXPECT_EQ(diagnostics.items()[0].line, 3);
}

TEST_F(ReadFile, MissingFileIsNoInput) {
  auto path = (folder_ / "missing.md").string();
  auto error = error_of(path);
  EXPECT_EQ(error.kind(), ErrorKind::no_input);
  EXPECT_EQ(error.diagnostic().file, path);
}

TEST_F(ReadFile, FolderIsNoInput) {
  auto error = error_of(folder_.string());
  EXPECT_EQ(error.kind(), ErrorKind::no_input);
  EXPECT_NE(error.diagnostic().message.find("folder"), std::string::npos);
}

TEST_F(ReadFile, DeviceIsNoInput) { EXPECT_EQ(error_of("/dev/null").kind(), ErrorKind::no_input); }

TEST_F(ReadFile, EmptyFileIsReadWithANoTitleWarning) {
  auto path = write("empty.md", "");
  Diagnostics diagnostics;
  auto document = read_markdown_file(path, {}, diagnostics);
  Document expected;
  expected.origin = path;
  EXPECT_EQ(document, expected);
  ASSERT_EQ(diagnostics.items().size(), 1u);
  EXPECT_EQ(diagnostics.items()[0].severity, Severity::warning);
  EXPECT_EQ(diagnostics.items()[0].file, path);
  EXPECT_EQ(diagnostics.items()[0].line, 1);
  EXPECT_NE(diagnostics.items()[0].message.find("no title"), std::string::npos);
}

TEST_F(ReadFile, OverTheSizeLimitIsData) {
  auto path = write("big.md", std::string(100, 'x'));
  ReadOptions options;
  options.max_input_bytes = 99;
  auto error = error_of(path, options);
  EXPECT_EQ(error.kind(), ErrorKind::data);
  EXPECT_EQ(error.diagnostic().file, path);
  EXPECT_NE(error.diagnostic().message.find("limit"), std::string::npos);

  options.max_input_bytes = 100;
  Diagnostics diagnostics;
  EXPECT_NO_THROW(read_markdown_file(path, options, diagnostics));
}

// Replaces std::cin's buffer for one test.
class StdinFrom {
 public:
  explicit StdinFrom(std::string text)
      : input_(std::move(text)), saved_(std::cin.rdbuf(input_.rdbuf())) {}
  ~StdinFrom() {
    std::cin.rdbuf(saved_);
    std::cin.clear();
  }
  StdinFrom(const StdinFrom&) = delete;
  StdinFrom& operator=(const StdinFrom&) = delete;

 private:
  std::istringstream input_;
  std::streambuf* saved_;
};

TEST(ReadStdin, DashReadsStandardInput) {
  StdinFrom stdin_text("# From Standard Input\n\nText \xFF here.\n");
  Diagnostics diagnostics;
  auto document = read_markdown_file("-", {}, diagnostics);
  EXPECT_EQ(document.meta.title, "From Standard Input");
  EXPECT_EQ(document.origin, "");
  ASSERT_EQ(diagnostics.items().size(), 1u);
  EXPECT_EQ(diagnostics.items()[0].file, "<stdin>");
}

TEST(ReadStdin, OverTheSizeLimitIsData) {
  StdinFrom stdin_text(std::string(200000, 'x'));
  ReadOptions options;
  options.max_input_bytes = 1000;
  Diagnostics diagnostics;
  try {
    read_markdown_file("-", options, diagnostics);
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::data);
    EXPECT_EQ(error.diagnostic().file, "<stdin>");
  }
}

// ---------------------------------------------------------------------------------------
// read_markdown: limits, front matter and conventions
// ---------------------------------------------------------------------------------------

Document read(std::string_view text, Diagnostics& diagnostics, ReadOptions options = {}) {
  options.file_name = "a.md";
  return read_markdown(text, options, diagnostics);
}

TEST(ReadMarkdown, OverTheSizeLimitIsData) {
  ReadOptions options;
  options.max_input_bytes = 4;
  Diagnostics diagnostics;
  try {
    read("# Too long", diagnostics, options);
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::data);
    EXPECT_EQ(error.diagnostic().file, "a.md");
  }
}

TEST(ReadMarkdown, BrokenFrontMatterIsData) {
  Diagnostics diagnostics;
  try {
    read("---\ntitle: [a, b]\n---\n# Title\n", diagnostics);
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::data);
    EXPECT_EQ(error.diagnostic().file, "a.md");
    EXPECT_EQ(error.diagnostic().line, 2);
  }
}

TEST(ReadMarkdown, LangFromFrontMatter) {
  Diagnostics diagnostics;
  EXPECT_EQ(read("---\nlang: ru\n---\n# Title\n\nThe ferry is back.\n", diagnostics).meta.lang,
            "ru");
  EXPECT_EQ(read("---\nlang: pt-BR\n---\n# Title\n", diagnostics).meta.lang, "pt-BR");
  EXPECT_EQ(read("---\nlang: sr-Latn-RS\n---\n# Title\n", diagnostics).meta.lang, "sr-Latn-RS");
  EXPECT_TRUE(diagnostics.items().empty());
}

TEST(ReadMarkdown, LangWithUnderscoreIsAccepted) {
  Diagnostics diagnostics;
  EXPECT_EQ(read("---\nlang: en_US\n---\n# Title\n", diagnostics).meta.lang, "en-US");
  EXPECT_TRUE(diagnostics.items().empty());
}

TEST(ReadMarkdown, LangThatIsNoTagIsWarnedAndIgnored) {
  Diagnostics diagnostics;
  auto document = read(
      "---\ntitle: Паром\nlang: not a tag!\n---\n"
      "Переправа между двумя торговыми городами снова открылась в четверг.\n",
      diagnostics);
  EXPECT_EQ(document.meta.lang, "ru");  // guessed from the text instead
  ASSERT_EQ(diagnostics.items().size(), 1u);
  EXPECT_EQ(diagnostics.items()[0].severity, Severity::warning);
  EXPECT_EQ(diagnostics.items()[0].file, "a.md");
  EXPECT_EQ(diagnostics.items()[0].line, 3);
  EXPECT_NE(diagnostics.items()[0].message.find("'not a tag!'"), std::string::npos);

  for (std::string_view bad : {"e", "english-language-tag", "12", "en--US", "en-"}) {
    Diagnostics each;
    read("---\nlang: \"" + std::string(bad) + "\"\n---\n# Title\n", each);
    EXPECT_EQ(each.items().size(), 1u) << bad;
  }
}

TEST(ReadMarkdown, DateFromFrontMatter) {
  Diagnostics diagnostics;
  auto iso = read("---\ndate: 2024-03-07\n---\n# Title\n", diagnostics);
  EXPECT_EQ(iso.meta.date, (Date{2024, 3, 7}));
  EXPECT_EQ(iso.meta.date_text, "2024-03-07");
  auto written = read("---\ndate: March 7, 2024\n---\n# Title\n", diagnostics);
  EXPECT_EQ(written.meta.date, (Date{2024, 3, 7}));
  EXPECT_EQ(written.meta.date_text, "March 7, 2024");
  EXPECT_TRUE(diagnostics.items().empty());
}

TEST(ReadMarkdown, DateInFrontMatterThatIsNoDateIsWarned) {
  Diagnostics diagnostics;
  auto document = read("---\ntitle: T\ndate: some day soon\n---\n", diagnostics);
  EXPECT_EQ(document.meta.date, std::nullopt);
  EXPECT_EQ(document.meta.date_text, "some day soon");
  ASSERT_EQ(diagnostics.items().size(), 1u);
  EXPECT_EQ(diagnostics.items()[0].line, 3);
  EXPECT_NE(diagnostics.items()[0].message.find("'date'"), std::string::npos);
}

TEST(ReadMarkdown, FrontMatterOverridesConventions) {
  Diagnostics diagnostics;
  auto document = read(
      "---\n"
      "title: The Title From Front Matter\n"
      "subtitle: The dek from front matter\n"
      "author: [Jana Weber]\n"
      "date: 2024-03-08\n"
      "source: https://example.org/front-matter\n"
      "image: front.jpg\n"
      "image_credit: Front Matter Archive\n"
      "tags: ferry, river\n"
      "summary: The ferry is back.\n"
      "layout: article\n"
      "---\n"
      "# River Ferry Returns\n\n"
      "## Volunteers rebuilt the landing\n\n"
      "March 7, 2024\n\n"
      "By Ana Petrović\n\n"
      "![](ferry.jpg)\n\n"
      "**The ferry at the north landing / Harbour Archive**\n\n"
      "The ferry is back.\n\n"
      "Original url: https://example.org/conventions\n",
      diagnostics);
  Document expected;
  expected.meta.title = "The Title From Front Matter";
  expected.meta.subtitle = "The dek from front matter";
  expected.meta.authors = {"Jana Weber"};
  expected.meta.date = Date{2024, 3, 8};
  expected.meta.date_text = "2024-03-08";
  expected.meta.source = "https://example.org/front-matter";
  expected.meta.tags = {"ferry", "river"};
  expected.meta.summary = "The ferry is back.";
  expected.meta.extra = {{"layout", "article"}};
  // What the front matter does not name is kept from the conventions.
  expected.lead =
      LeadFigure{"front.jpg", "", "The ferry at the north landing", "Front Matter Archive"};
  expected.blocks = {Para{{Text{"The ferry is back."}}}};
  EXPECT_EQ(document, expected);
  EXPECT_TRUE(diagnostics.items().empty());
}

// A front-matter image once kept the alt text of the Markdown image it replaced.
TEST(ReadMarkdown, FrontMatterImageDoesNotKeepTheAltTextOfTheImageItReplaced) {
  Diagnostics diagnostics;
  auto document = read(
      "---\nimage: front.jpg\n---\n# T\n\n![The north landing](ferry.jpg)\n\nBody.\n", diagnostics);
  ASSERT_TRUE(document.lead);
  EXPECT_EQ(document.lead->image, "front.jpg");
  EXPECT_EQ(document.lead->alt, "");

  // Naming the same picture keeps its alt text.
  auto same = read(
      "---\nimage: ferry.jpg\n---\n# T\n\n![The north landing](ferry.jpg)\n\nBody.\n", diagnostics);
  EXPECT_EQ(same.lead, (LeadFigure{"ferry.jpg", "The north landing", "", ""}));
  // A caption alone in the front matter leaves the picture and its alt text alone.
  auto captioned = read(
      "---\nimage_caption: The landing\n---\n# T\n\n![The north landing](ferry.jpg)\n\nBody.\n",
      diagnostics);
  EXPECT_EQ(captioned.lead, (LeadFigure{"ferry.jpg", "The north landing", "The landing", ""}));
}

// Empty front-matter strings once overrode the conventions (no title, "" author, "" image).
TEST(ReadMarkdown, EmptyFrontMatterValuesDoNotOverrideConventions) {
  Diagnostics diagnostics;
  auto document = read(
      "---\ntitle: \"\"\nauthor: \"\"\nimage: \"\"\n---\n"
      "# River Ferry Returns\n\nBy Ana Petrović\n\n![Alt](ferry.jpg)\n\nBody.\n",
      diagnostics);
  EXPECT_EQ(document.meta.title, "River Ferry Returns");
  EXPECT_EQ(document.meta.authors, (std::vector<std::string>{"Ana Petrović"}));
  EXPECT_EQ(document.lead, (LeadFigure{"ferry.jpg", "Alt", "", ""}));
  EXPECT_TRUE(diagnostics.items().empty());

  for (std::string_view empty : {"date:", "date: \"\"", "date: \" \""}) {
    std::string text = "---\n";
    text.append(empty).append("\nlang: \"\"\n---\n# T\n\nMarch 7, 2024\n\nBody.\n");
    auto dated = read(text, diagnostics);
    EXPECT_EQ(dated.meta.date, (Date{2024, 3, 7})) << empty;
    EXPECT_EQ(dated.meta.date_text, "March 7, 2024") << empty;
    EXPECT_EQ(dated.meta.lang, "en") << empty;
  }
  EXPECT_TRUE(diagnostics.items().empty());
}

TEST(ReadMarkdown, FrontMatterLeadImageWithoutOneInTheText) {
  Diagnostics diagnostics;
  auto document =
      read("---\ntitle: T\nimage: a.jpg\nimage_caption: A caption\n---\nBody.\n", diagnostics);
  EXPECT_EQ(document.lead, (LeadFigure{"a.jpg", "", "A caption", ""}));
}

TEST(ReadMarkdown, FrontMatterKeepsLineNumbersForLaterWarnings) {
  Diagnostics diagnostics;
  read("---\ntitle: T\n---\n\nSome <span>raw</span> HTML.\n", diagnostics);
  ASSERT_EQ(diagnostics.items().size(), 1u);
  EXPECT_EQ(diagnostics.items()[0].line, 5);
}

// Pictures remember the line that names them, so that a warning about a missing or damaged
// one can point there (the line is not part of equality).
TEST(ReadMarkdown, PicturesKeepTheirLines) {
  Diagnostics diagnostics;
  auto document = read(
      "---\ntitle: T\n---\n\n![Lead](lead.jpg)\n\nBody with ![an icon](icon.png) inside.\n\n"
      "![A figure](figure.png)\n\n**A caption / A credit**\n\n![Captioned](two.png)\n**Its caption**\n",
      diagnostics);
  ASSERT_TRUE(document.lead);
  EXPECT_EQ(document.lead->line, 5);
  ASSERT_GE(document.blocks.size(), 3u);
  const auto& para = std::get<Para>(document.blocks[0].node);
  EXPECT_EQ(std::get<Image>(para.content[1].node).line, 7);
  EXPECT_EQ(std::get<Figure>(document.blocks[1].node).line, 9);
  EXPECT_EQ(std::get<Figure>(document.blocks.back().node).line, 13);

  auto front = read("---\ntitle: T\nimage: front.jpg\n---\nBody.\n", diagnostics);
  ASSERT_TRUE(front.lead);
  EXPECT_EQ(front.lead->line, 3);
  EXPECT_EQ(front.lead, (LeadFigure{"front.jpg", "", "", "", 99}));  // lines are not compared
}

TEST(ReadMarkdown, NoTitleWarning) {
  Diagnostics diagnostics;
  read("Just a paragraph.\n", diagnostics);
  ASSERT_EQ(diagnostics.items().size(), 1u);
  EXPECT_NE(diagnostics.items()[0].message.find("no title"), std::string::npos);

  Diagnostics with_title;
  read("---\ntitle: T\n---\nJust a paragraph.\n", with_title);
  EXPECT_TRUE(with_title.items().empty());
}

// ---------------------------------------------------------------------------------------
// Conventions
// ---------------------------------------------------------------------------------------

TEST(ConventionSwitches, NoneTurnsEveryOneOff) {
  auto none = Conventions::none();
  for (bool on : {none.headline, none.dek, none.dateline, none.byline, none.lead_figure,
                  none.related, none.source_line, none.dead_links, none.join_paragraphs,
                  none.smart_quotes, none.language}) {
    EXPECT_FALSE(on);
  }
}

TEST(ConventionSwitches, SetByName) {
  Conventions conventions = Conventions::none();
  EXPECT_TRUE(conventions.set("lead-figure", true));
  EXPECT_TRUE(conventions.lead_figure);
  EXPECT_TRUE(conventions.set("join-paragraphs", true));
  EXPECT_TRUE(conventions.join_paragraphs);
  EXPECT_TRUE(conventions.set("join-paragraphs", false));
  EXPECT_FALSE(conventions.join_paragraphs);
}

TEST(ConventionSwitches, UnknownNameIsRefused) {
  Conventions conventions;
  EXPECT_FALSE(conventions.set("lead_figure", false));
  EXPECT_FALSE(conventions.set("Headline", false));
  EXPECT_FALSE(conventions.set("", false));
  EXPECT_TRUE(conventions.lead_figure);
  EXPECT_TRUE(conventions.headline);
}

TEST(ConventionSwitches, NamesListsEveryName) {
  std::string names(Conventions::names());
  std::stringstream list(names);
  int count = 0;
  for (std::string name; std::getline(list, name, ',');) {
    if (name.starts_with(' ')) name.erase(0, 1);
    Conventions conventions;
    EXPECT_TRUE(conventions.set(name, false)) << name;
    ++count;
  }
  EXPECT_EQ(count, 11);
}

TEST(IsManifestPath, TomlOnly) {
  EXPECT_TRUE(is_manifest_path("books/collection.toml"));
  EXPECT_FALSE(is_manifest_path("article.md"));
  EXPECT_FALSE(is_manifest_path("toml"));
}

}  // namespace
}  // namespace galley
