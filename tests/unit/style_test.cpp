// Tests for style files (src/style/): built-ins, extends, units, colours, landscape, the
// printed form, and every kind of mistake reported with file, line, column and key.
#include "galley/style.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "style/keys.hpp"
#include "style/values.hpp"

namespace galley::style {
namespace {

namespace fs = std::filesystem;

constexpr double mm = 72.0 / 25.4;

Diagnostic error_of(std::string_view toml, std::string_view file = "test.toml") {
  try {
    load_text(toml, file);
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::data);
    return error.diagnostic();
  }
  ADD_FAILURE() << "no error for: " << toml;
  return {};
}

TEST(Style, EveryBuiltinLoadsAndPrintsBackToItself) {
  const auto names = builtin_names();
  ASSERT_GE(names.size(), 5u);
  EXPECT_EQ(names.front(), "article");
  for (const auto& name : {"article", "letter", "book-a5", "tabloid", "ebook"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
  }
  for (const auto& name : names) {
    const StyleSheet style = load(name);
    EXPECT_FALSE(style.description.empty()) << name;
    StyleSheet again = load_text(to_toml(style), name);
    again.name = style.name;
    EXPECT_EQ(to_toml(again), to_toml(style)) << name;
  }
}

// Found by fuzz/style_fuzz.cpp: a template holding a newline (written "\n" in the file)
// printed raw, and the printed style could not be read back.
TEST(Style, StringsWithControlCharactersPrintBackAsValidToml) {
  const StyleSheet style =
      load_text("[header]\nleft = \"{a\\nb}\\t\\u0001\\\"q\\\\\"\n", "/nonexistent/control.toml");
  EXPECT_EQ(style.header.left, "{a\nb}\t\x01\"q\\");
  const std::string printed = to_toml(style);
  EXPECT_NE(printed.find(R"(left = "{a\nb}\t\u0001\"q\\")"), std::string::npos);
  EXPECT_EQ(load_text(printed, "/nonexistent/control.toml").header.left, style.header.left);
}

TEST(Style, TheArticleStyleIsTheBuiltInDefault) {
  StyleSheet defaults;
  StyleSheet article = load("article");
  defaults.description = article.description;
  EXPECT_EQ(to_toml(article), to_toml(defaults));
}

TEST(Style, PrintStylesHaveTheirGeometry) {
  const StyleSheet book = load("book-a5");
  EXPECT_NEAR(book.page.width.points, 148 * mm, 0.01);
  EXPECT_NEAR(book.page.height.points, 210 * mm, 0.01);
  EXPECT_NEAR(book.print.bleed.points, 3 * mm, 0.01);
  EXPECT_TRUE(book.page.mirror);
  EXPECT_EQ(book.print.color_space, Color::Space::cmyk);
  EXPECT_EQ(book.links, LinkMode::footnotes);
  EXPECT_EQ(book.print.marks, (std::vector<Mark>{Mark::crop, Mark::registration}));
  EXPECT_EQ(book.colors.text.space, Color::Space::cmyk);
  const StyleSheet tabloid = load("tabloid");
  EXPECT_EQ(tabloid.columns.count, 4);
  EXPECT_NEAR(tabloid.page.width.points, 11 * 72, 0.01);
  EXPECT_NEAR(tabloid.page.height.points, 17 * 72, 0.01);
}

TEST(Style, LandscapeTurnsTheInheritedSize) {
  const StyleSheet style = load_text("extends = \"article\"\n[page]\nlandscape = true\n", "wide.toml");
  EXPECT_NEAR(style.page.width.points, 297 * mm, 0.01);
  EXPECT_NEAR(style.page.height.points, 210 * mm, 0.01);
  const StyleSheet explicit_size =
      load_text("[page]\nwidth = \"100mm\"\nheight = \"50mm\"\n[page.margin]\ntop = \"5mm\"\nbottom = \"5mm\"\n", "banner.toml");
  EXPECT_NEAR(explicit_size.page.width.points, 100 * mm, 0.01);
  EXPECT_TRUE(explicit_size.page.size.empty());
}

TEST(Style, UnitsAndColours) {
  std::string problem;
  EXPECT_NEAR(parse_length("1in", problem)->points, 72, 1e-9);
  EXPECT_NEAR(parse_length("2.54 cm", problem)->points, 72, 1e-9);
  EXPECT_NEAR(parse_length("1pc", problem)->points, 12, 1e-9);
  EXPECT_NEAR(parse_length("96px", problem)->points, 72, 1e-9);
  EXPECT_NEAR(parse_length("1.5em", problem)->ems, 1.5, 1e-9);
  EXPECT_EQ(parse_length("0", problem), Length{});
  EXPECT_FALSE(parse_length("12", problem));
  EXPECT_NE(problem.find("no unit"), std::string::npos);
  EXPECT_FALSE(parse_length("12 furlongs", problem));
  EXPECT_NE(problem.find("unknown unit"), std::string::npos);

  const auto red = parse_color("#ff0000", problem);
  ASSERT_TRUE(red);
  EXPECT_EQ(red->space, Color::Space::rgb);
  EXPECT_DOUBLE_EQ(red->values[0], 1.0);
  EXPECT_EQ(format_color(*parse_color("#abc", problem)), "#aabbcc");
  const auto ink = parse_color("cmyk(0, 100%, 0.5, 0)", problem);
  ASSERT_TRUE(ink);
  EXPECT_EQ(ink->space, Color::Space::cmyk);
  EXPECT_DOUBLE_EQ(ink->values[1], 1.0);
  EXPECT_DOUBLE_EQ(ink->values[2], 0.5);
  for (auto bad : {"red", "#12345", "cmyk(0, 0, 0)", "cmyk(0, 0, 0, 2)", "#gg0000"}) {
    EXPECT_FALSE(parse_color(bad, problem)) << bad;
  }
}

TEST(Style, MistakesNameFileLineColumnAndKey) {
  Diagnostic d = error_of("[page]\nmargn = { top = \"1mm\" }\n");
  EXPECT_EQ(d.file, "test.toml");
  EXPECT_EQ(d.line, 2);
  EXPECT_GT(d.column, 0);
  EXPECT_NE(d.message.find("page.margn.top"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("did you mean page.margin.top?"), std::string::npos) << d.message;

  d = error_of("[fonts]\nsize = 12\n");
  EXPECT_NE(d.message.find("fonts.size: a length needs a unit"), std::string::npos) << d.message;
  d = error_of("[columns]\ncount = \"two\"\n");
  EXPECT_NE(d.message.find("expected an integer"), std::string::npos) << d.message;
  d = error_of("[columns]\ncount = 20\n");
  EXPECT_NE(d.message.find("out of range 1..8"), std::string::npos) << d.message;
  d = error_of("[colors]\ntext = \"blue\"\n");
  EXPECT_NE(d.message.find("colors.text"), std::string::npos) << d.message;
  d = error_of("[paragraph]\nalign = \"center\"\n");
  EXPECT_NE(d.message.find("\"justify\", \"left\""), std::string::npos) << d.message;
  d = error_of("[page]\nsize = \"A9\"\n");
  EXPECT_NE(d.message.find("unknown size 'A9'"), std::string::npos) << d.message;
  d = error_of("[print]\nmarks = [\"crop\", \"stars\"]\n");
  EXPECT_NE(d.message.find("print.marks"), std::string::npos) << d.message;
  d = error_of("[page\nsize = \"A4\"\n");
  EXPECT_EQ(d.line, 1);
  d = error_of("headline_size = \"20pt\"\n");
  EXPECT_NE(d.message.find("did you mean title.headline_size?"), std::string::npos) << d.message;
}

class StyleFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() / std::string("galley-style-").append(std::to_string(::getpid()));
    fs::create_directories(folder_ / "sub");
  }
  void TearDown() override { fs::remove_all(folder_); }
  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(folder_ / name) << text;
    return (folder_ / name).string();
  }
  fs::path folder_;
};

TEST_F(StyleFiles, ExtendsAFileRelativeToItselfAndOverridesIt) {
  write("sub/base.toml", "extends = \"book-a5\"\n[fonts]\nbody = \"DejaVu Serif\"\n");
  const std::string path = write("mine.toml", "extends = \"sub/base.toml\"\n[columns]\ncount = 2\n");
  const StyleSheet style = load(path);
  EXPECT_EQ(style.fonts.body, "DejaVu Serif");
  EXPECT_EQ(style.columns.count, 2);
  EXPECT_TRUE(style.page.mirror);  // from book-a5, two links up
  EXPECT_EQ(style.name, path);
}

TEST_F(StyleFiles, AnExtendsCycleIsAnError) {
  write("a.toml", "extends = \"b.toml\"\n");
  write("b.toml", "extends = \"a.toml\"\n");
  try {
    load((folder_ / "a.toml").string());
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::data);
    EXPECT_NE(error.diagnostic().message.find("circle"), std::string::npos) << error.diagnostic().message;
  }
}

TEST_F(StyleFiles, AMissingStyleIsNoInput) {
  for (const std::string& name : {std::string("no-such-style"), (folder_ / "missing.toml").string()}) {
    try {
      load(name);
      FAIL() << "no error for " << name;
    } catch (const Error& error) {
      EXPECT_EQ(error.kind(), ErrorKind::no_input) << name;
    }
  }
}

}  // namespace
}  // namespace galley::style

namespace galley::style {
namespace {

TEST(Style, EveryKeyIsDocumentedInTheStylesReadme) {
  std::ifstream file(std::string(GALLEY_SOURCE_DIR) + "/styles/README.md");
  const std::string readme{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
  ASSERT_FALSE(readme.empty());
  for (const auto& key : keys()) {
    EXPECT_NE(readme.find("| `" + key.path + "` |"), std::string::npos) << key.path;
  }
}

}  // namespace
}  // namespace galley::style
