// Tests for the EPUB article writer (src/backends/epub/xhtml.cpp): model trees built in code,
// every block and inline type, escaping, forbidden characters, footnotes and images.
#include "backends/epub/xhtml.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "galley/read.hpp"

namespace galley::backends::epub {
namespace {

using namespace galley::model;

std::string xhtml_of(const Document& document, ArticleOptions options = {}) {
  return write_article(document, options).xhtml;
}

Document with_blocks(Blocks blocks) {
  Document document;
  document.meta.title = "Headline";
  document.blocks = std::move(blocks);
  return document;
}

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(EpubXhtml, WritesTheTitleBlock) {
  Document document;
  document.meta.title = "Ferry Returns";
  document.meta.subtitle = "Volunteers rebuilt the landing";
  document.meta.authors = {"Ana Petrović", "Ilya Sorokin", "Jo Bloggs"};
  document.meta.date = Date{2024, 3, 7};
  document.meta.date_text = "March 7, 2024";
  const std::string x = xhtml_of(document);
  EXPECT_TRUE(contains(x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html "));
  EXPECT_TRUE(contains(x, "lang=\"en\" xml:lang=\"en\""));
  EXPECT_TRUE(contains(x, "<title>Ferry Returns</title>"));
  EXPECT_TRUE(contains(x, "<h1>Ferry Returns</h1>"));
  EXPECT_TRUE(contains(x, "<p class=\"dek\">Volunteers rebuilt the landing</p>"));
  EXPECT_TRUE(contains(x, "<p class=\"byline\">By Ana Petrović, Ilya Sorokin and Jo Bloggs</p>"));
  EXPECT_TRUE(contains(x, "<time datetime=\"2024-03-07\">March 7, 2024</time>"));
}

TEST(EpubXhtml, UsesTheArticleLanguageForLabelsAndAttributes) {
  Document document;
  document.meta.authors = {"Élodie Marchetti", "François Nguyen"};
  ArticleOptions options;
  options.lang = "fr";
  const auto out = write_article(document, options);
  EXPECT_TRUE(contains(out.xhtml, "lang=\"fr\" xml:lang=\"fr\""));
  EXPECT_TRUE(contains(out.xhtml, "Par Élodie Marchetti et François Nguyen"));
  EXPECT_EQ(out.title, "Sans titre");  // no headline: a title all the same
  options.lang = "ar";
  EXPECT_TRUE(contains(write_article(document, options).xhtml, "dir=\"rtl\""));
}

TEST(EpubXhtml, WritesTheLeadFigureWithCaptionAndCredit) {
  Document document;
  document.lead = LeadFigure{"ferry.jpg", "The ferry", "At the landing", "Harbour Archive"};
  ArticleOptions options;
  options.images["ferry.jpg"] = "images/ferry.jpg";
  EXPECT_TRUE(contains(xhtml_of(document, options),
                       "<figure class=\"lead\"><img src=\"images/ferry.jpg\" alt=\"The ferry\"/>"
                       "<figcaption>At the landing <span class=\"credit\">Harbour Archive</span>"
                       "</figcaption>"));
}

TEST(EpubXhtml, ARefusedImageKeepsItsAltTextAndCaption) {
  auto x = xhtml_of(with_blocks({Figure{"https://example.org/a.png", "A photo", "Caption", ""}}));
  EXPECT_FALSE(contains(x, "<img"));
  EXPECT_TRUE(contains(x, "<p class=\"image-alt\">A photo</p>"));
  EXPECT_TRUE(contains(x, "<figcaption>Caption</figcaption>"));
  x = xhtml_of(with_blocks({Para{{Text{"see "}, Image{"../secret.png", "the secret", ""}}}}));
  EXPECT_TRUE(contains(x, "<p>see <span class=\"image-alt\">the secret</span></p>"));
}

TEST(EpubXhtml, WritesEveryInline) {
  ArticleOptions options;
  options.images["a.png"] = "images/a.png";
  const auto x = xhtml_of(with_blocks({Para{{
                              Text{"t "},
                              Emph{{Text{"e"}}},
                              Strong{{Text{"s"}}},
                              Strikeout{{Text{"x"}}},
                              Code{"c<d>"},
                              Link{{Text{"l"}}, "https://example.org/a b", "tt"},
                              Image{"a.png", "alt", "title"},
                              LineBreak{},
                              Text{"end"},
                          }}}),
                          options);
  EXPECT_TRUE(contains(x, "<p>t <em>e</em><strong>s</strong><del>x</del><code>c&lt;d&gt;</code>"
                          "<a href=\"https://example.org/a%20b\" title=\"tt\">l</a>"
                          "<img src=\"images/a.png\" alt=\"alt\" title=\"title\"/><br/>end</p>"));
}

TEST(EpubXhtml, UnsafeOrDeadLinksBecomeText) {
  const auto x = xhtml_of(with_blocks({Para{{Link{{Text{"js"}}, "javascript:alert(1)", ""},
                                             Link{{Text{" rel"}}, "other.md", ""},
                                             Link{{Text{" data"}}, "data:text/html,hi", ""}}}}));
  EXPECT_TRUE(contains(x, "<p>js rel data</p>"));
  EXPECT_FALSE(contains(x, "href=\"javascript"));
}

TEST(EpubXhtml, WritesEveryBlock) {
  Table table;
  table.alignments = {Alignment::left, Alignment::center, Alignment::right, Alignment::default_};
  table.head = {{{Text{"a"}}, {Text{"b"}}, {Text{"c"}}, {Text{"d"}}}};
  table.body = {{{Text{"1"}}, {Text{"2"}}, {Text{"3"}}, {}}};
  OrderedList ordered{{ListItem{{Para{{Text{"three"}}}}}}, 3, true};
  BulletList loose{{ListItem{{Para{{Text{"p1"}}}, Para{{Text{"p2"}}}}}}, false};
  const auto x = xhtml_of(with_blocks({
      Header{2, {Text{"Section"}}},
      BlockQuote{{Para{{Text{"quoted"}}}}},
      BulletList{{ListItem{{Para{{Text{"one"}}}, BulletList{{ListItem{{Para{{Text{"inner"}}}}}}}}}}},
      ordered,
      loose,
      CodeBlock{"c++", "a < b && c\n\tindented"},
      table,
      HorizontalRule{},
      Aside{"Related article", {Link{{Text{"Other"}}, "https://example.org/o", ""}}},
  }));
  EXPECT_TRUE(contains(x, "<h2 id=\"sec-1\">Section</h2>"));
  EXPECT_TRUE(contains(x, "<blockquote><p>quoted</p>\n</blockquote>"));
  EXPECT_TRUE(contains(x, "<ul><li>one<ul><li>inner</li>\n</ul>\n</li>\n</ul>"));
  EXPECT_TRUE(contains(x, "<ol start=\"3\"><li>three</li>"));
  EXPECT_TRUE(contains(x, "<ul><li><p>p1</p>\n<p>p2</p>\n</li>"));
  EXPECT_TRUE(contains(x, "<pre><code class=\"language-cpp\">a &lt; b &amp;&amp; c\n\tindented</code></pre>"));
  EXPECT_TRUE(contains(x, "<thead><tr><th scope=\"col\" class=\"align-left\">a</th>"));
  EXPECT_TRUE(contains(x, "<th scope=\"col\" class=\"align-center\">b</th>"));
  EXPECT_TRUE(contains(x, "<td class=\"align-right\">3</td>\n<td/>"));
  EXPECT_TRUE(contains(x, "<hr/>"));
  EXPECT_TRUE(contains(x, "<aside class=\"related\"><p><span class=\"label\">Related article:</span> "
                          "<a href=\"https://example.org/o\">Other</a></p>"));
}

TEST(EpubXhtml, TaskItemsShowTheirState) {
  BulletList tasks{{ListItem{{Para{{Text{"open"}}}}, Task::open}, ListItem{{Para{{Text{"done"}}}}, Task::done}}, true};
  const auto x = xhtml_of(with_blocks({tasks}));
  EXPECT_TRUE(contains(x, "<ul class=\"tasks\"><li class=\"task open\"><span class=\"task-box\">\u2610</span> open</li>"));
  EXPECT_TRUE(contains(x, "<li class=\"task done\"><span class=\"task-box\">\u2611</span> done</li>"));
}

TEST(EpubXhtml, ShiftsHeadingsSoTheShallowestIsH2AndListsThem) {
  const auto out = write_article(with_blocks({Header{3, {Text{"Deep"}}}, Header{4, {Emph{{Text{"Deeper"}}}}},
                                              Header{3, {Text{"Again"}}}, Header{3, {}}}),
                                 {});
  EXPECT_TRUE(contains(out.xhtml, "<h2 id=\"sec-1\">Deep</h2>"));
  EXPECT_TRUE(contains(out.xhtml, "<h3 id=\"sec-2\"><em>Deeper</em></h3>"));
  EXPECT_TRUE(contains(out.xhtml, "<h2 id=\"sec-3\">Again</h2>"));
  const std::vector<TocHeading> expected = {{2, "sec-1", "Deep"}, {3, "sec-2", "Deeper"}, {2, "sec-3", "Again"}};
  EXPECT_EQ(out.headings, expected);  // the empty heading is not listed
}

TEST(EpubXhtml, HeadingsBelowLevelOneMoveDownAndStopAtH6) {
  const auto x = xhtml_of(with_blocks({Header{1, {Text{"Top"}}}, Header{6, {Text{"Bottom"}}}}));
  EXPECT_TRUE(contains(x, "<h2 id=\"sec-1\">Top</h2>"));  // h1 is the headline's alone
  EXPECT_TRUE(contains(x, "<h6 id=\"sec-2\">Bottom</h6>"));
}

TEST(EpubXhtml, FootnotesArePopUpNotesWithBackLinks) {
  Document document = with_blocks({Para{{Text{"a"}, NoteRef{1}, Text{" b"}, NoteRef{1}, NoteRef{2}, NoteRef{9}}}});
  document.notes = {Note{"first", {Para{{Text{"Note one."}}}}},
                    Note{"second", {CodeBlock{"", "code"}}},
                    Note{"unused", {Para{{Text{"Never referred to."}}}}}};
  const auto x = xhtml_of(document);
  EXPECT_TRUE(contains(x, "<sup><a epub:type=\"noteref\" href=\"#fn1\" id=\"fnref1\" class=\"noteref\">1</a></sup>"));
  EXPECT_TRUE(contains(x, "<a epub:type=\"noteref\" href=\"#fn1\" id=\"fnref1-2\" class=\"noteref\">1</a>"));
  EXPECT_TRUE(contains(x, "<sup>9</sup>"));  // no such note: no dead link
  EXPECT_TRUE(contains(x, "<aside epub:type=\"footnote\" id=\"fn1\" class=\"footnote\"><p><a href=\"#fnref1\" "
                          "class=\"backlink\" title=\"Back to text\">1</a> Note one.</p>"));
  EXPECT_TRUE(contains(x, "<aside epub:type=\"footnote\" id=\"fn2\" class=\"footnote\"><p><a href=\"#fnref2\" "
                          "class=\"backlink\" title=\"Back to text\">2</a> </p>\n<pre><code>code</code></pre>"));
  EXPECT_TRUE(contains(x, "id=\"fn3\" class=\"footnote\"><p><span class=\"backlink\">3</span> Never"));
  EXPECT_FALSE(contains(x, "#fnref3"));
}

TEST(EpubXhtml, WritesTheSourceLine) {
  Document document;
  document.meta.source = "https://example.org/a?b=1&c=2";
  EXPECT_TRUE(contains(xhtml_of(document), "<p class=\"source\">Source: <a href=\"https://example.org/a?b=1&amp;c=2\">"
                                           "https://example.org/a?b=1&amp;c=2</a></p>"));
}

TEST(EpubXhtml, EscapesMarkupAndRemovesCharactersXmlForbids) {
  Document document;
  document.meta.title = "A <b>&amp;</b> \"q\"";
  document.blocks = {Para{{Text{"ctl\x01\x0b\x1f|\x7f|\xC2\x85|\xEF\xBF\xBE|\xED\xA0\x80|\xFF|ok"}}}};
  document.lead = LeadFigure{std::nullopt, "alt\twith\nbreaks", "", ""};
  const auto x = xhtml_of(document);
  EXPECT_TRUE(contains(x, "<h1>A &lt;b&gt;&amp;amp;&lt;/b&gt; \"q\"</h1>"));
  EXPECT_TRUE(contains(x, "<p>ctl||||||ok</p>"));
  for (unsigned char c : x) EXPECT_TRUE(c >= 0x20 || c == '\n' || c == '\t') << int(c);
}

TEST(EpubXhtml, DeepNestingIsFlattenedNotOverflowed) {
  Block block = Para{{Text{"bottom"}}};
  Inline deep = Text{"inner"};
  for (int i = 0; i < 1000; ++i) {  // moved, not copied: an initializer list would copy
    Blocks blocks;
    blocks.push_back(std::move(block));
    block = BlockQuote{std::move(blocks)};
    Inlines inlines;
    inlines.push_back(std::move(deep));
    deep = Emph{std::move(inlines)};
  }
  const auto x = xhtml_of(with_blocks({block, Para{{deep}}}));
  EXPECT_TRUE(contains(x, "bottom"));
  EXPECT_TRUE(contains(x, "inner"));
}

// Every run of text in the model, as the words an XHTML file must contain (escaped).
void collect_words(const Inlines& inlines, std::vector<std::string>& words);
void collect_words(const Blocks& blocks, std::vector<std::string>& words);

void add_words(const std::string& text, std::vector<std::string>& words) {
  std::istringstream in(text);
  for (std::string word; in >> word;) {
    std::string escaped;
    for (char c : word) escaped += c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : std::string(1, c);
    words.push_back(escaped);
  }
}

void collect_words(const Inlines& inlines, std::vector<std::string>& words) {
  for (const auto& item : inlines) {
    std::visit(
        [&](const auto& n) {
          if constexpr (requires { n.content; }) collect_words(n.content, words);
          else if constexpr (requires { n.text; }) add_words(n.text, words);
        },
        item.node);
  }
}

void collect_words(const Blocks& blocks, std::vector<std::string>& words) {
  for (const auto& block : blocks) {
    std::visit(
        [&](const auto& n) {
          using T = std::decay_t<decltype(n)>;
          if constexpr (std::is_same_v<T, BulletList> || std::is_same_v<T, OrderedList>) {
            for (const auto& item : n.items) collect_words(item.content, words);
          } else if constexpr (std::is_same_v<T, Table>) {
            for (const auto* rows : {&n.head, &n.body}) {
              for (const auto& row : *rows) {
                for (const auto& cell : row) collect_words(cell, words);
              }
            }
          } else if constexpr (std::is_same_v<T, Figure>) {
            add_words(n.caption + " " + n.credit + " " + n.alt, words);
          } else if constexpr (std::is_same_v<T, CodeBlock>) {
            add_words(n.text, words);
          } else if constexpr (requires { n.content; }) {
            collect_words(n.content, words);
          }
        },
        block.node);
  }
}

TEST(EpubXhtml, EveryWordOfEverySampleComesBack) {
  const std::filesystem::path samples = std::filesystem::path(GALLEY_SOURCE_DIR) / "samples";
  if (!std::filesystem::exists(samples)) GTEST_SKIP() << "no samples/";
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(samples)) {
    const auto path = entry.path() / "article.md";
    if (!std::filesystem::exists(path)) continue;
    Diagnostics diagnostics;
    const Document document = read_markdown_file(path.string(), {}, diagnostics);
    std::vector<std::string> words;
    add_words(document.meta.title + " " + document.meta.subtitle + " " + document.meta.date_text, words);
    for (const auto& author : document.meta.authors) add_words(author, words);
    if (document.lead) add_words(document.lead->caption + " " + document.lead->credit, words);
    collect_words(document.blocks, words);
    for (const auto& note : document.notes) collect_words(note.content, words);
    const std::string x = xhtml_of(document);
    for (const auto& word : words) EXPECT_TRUE(contains(x, word)) << path << ": " << word;
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

}  // namespace
}  // namespace galley::backends::epub
