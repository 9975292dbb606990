// Tests for the two-call facade (src/export/facade.cpp): read, render to memory, errors.
#include "galley/galley.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <thread>

namespace galley {
namespace {

constexpr std::string_view article = "# Ferry Returns\n\nMarch 7, 2024\n\nThe crossing ~~closed~~ reopened.\n";

TEST(Facade, ReadsAndRendersInTwoCalls) {
  const Document document = read_markdown(article);
  EXPECT_EQ(document.meta.title, "Ferry Returns");
  const std::string json = render(document, "json");
  EXPECT_NE(json.find("\"title\": \"Ferry Returns\""), std::string::npos);
  const std::string epub = render(document, "epub");
  EXPECT_EQ(epub.substr(0, 2), "PK");
  EXPECT_EQ(epub.substr(30, 28), "mimetypeapplication/epub+zip");
}

TEST(Facade, AnUnknownFormatIsAnError) {
  try {
    render(read_markdown(article), "docx");
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::usage);
    EXPECT_NE(error.diagnostic().message.find("unknown format 'docx'"), std::string::npos);
  }
}

TEST(Facade, AStyleChangesTheOutputAndABadOneIsAnError) {
  const Document document = read_markdown(article);
  RenderOptions ebook;
  ebook.style = "ebook";
  EXPECT_NE(render(document, "epub"), render(document, "epub", ebook));
  RenderOptions missing;
  missing.style = "no-such-style";
  EXPECT_THROW(render(document, "epub", missing), Error);
}

class Shout final : public Exporter {
 public:
  std::string_view name() const override { return "shout"; }
  std::string_view description() const override { return "the title in capitals"; }
  std::string_view extension() const override { return ".txt"; }
  Target target() const override { return Target::model; }
  void write_model(const model::Document& document, const ExportOptions&, ByteSink& sink,
                   Diagnostics&) const override {
    std::string title = document.meta.title;
    for (char& c : title) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    sink.write(title);
  }
};

TEST(Facade, RendersWithAnExporterRegisteredAtRunTime) {
  Registry registry = Registry::with_builtins();
  registry.add("shout", [] { return std::make_unique<Shout>(); });
  RenderOptions options;
  options.registry = &registry;
  EXPECT_EQ(render(read_markdown(article), "shout", options), "FERRY RETURNS");
}

TEST(Facade, ThreadsGiveTheSameBytes) {
  const std::string expected = render(read_markdown(article), "epub");
  std::vector<std::string> results(4);
  {
    std::vector<std::jthread> threads;
    for (auto& result : results) {
      threads.emplace_back([&result] {
        for (int i = 0; i < 10; ++i) result = render(read_markdown(article), "epub");
      });
    }
  }
  for (const auto& result : results) EXPECT_EQ(result, expected);
}

}  // namespace
}  // namespace galley
