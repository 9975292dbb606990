// Tests for parse_markdown: every block and inline type cmark-gfm gives us, footnotes, raw
// HTML, source lines, and the limits on nesting depth and table width.
#include "read/markdown.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model_printers.hpp"

namespace galley::read {
namespace {

using namespace galley::model;

ParsedMarkdown parse(std::string_view markdown, Diagnostics& diagnostics,
                     MarkdownOptions options = {"a.md"}) {
  return parse_markdown(markdown, options, diagnostics);
}

// The blocks alone, for tests that do not look at source lines.
Blocks blocks_of(std::string_view markdown, MarkdownOptions options = {"a.md"}) {
  Diagnostics diagnostics;
  Blocks blocks;
  for (auto& sourced : parse(markdown, diagnostics, options).blocks) {
    blocks.push_back(std::move(sourced.block));
  }
  EXPECT_TRUE(diagnostics.items().empty()) << render(diagnostics.items().front());
  return blocks;
}

// The blocks of Markdown holding raw HTML, which must give exactly one warning.
Blocks blocks_of_with_html(std::string_view markdown) {
  Diagnostics diagnostics;
  Blocks blocks;
  for (auto& sourced : parse(markdown, diagnostics).blocks) blocks.push_back(std::move(sourced.block));
  EXPECT_EQ(diagnostics.items().size(), 1u) << markdown;
  return blocks;
}

// The inlines of a document that is one paragraph.
Inlines inlines_of(std::string_view markdown) {
  auto blocks = blocks_of(markdown);
  if (blocks.size() != 1 || !std::holds_alternative<Para>(blocks.front().node)) {
    ADD_FAILURE() << "not one paragraph: " << testing::PrintToString(blocks);
    return {};
  }
  return std::get<Para>(blocks.front().node).content;
}

// ---------------------------------------------------------------------------------------
// Blocks
// ---------------------------------------------------------------------------------------

TEST(ParseMarkdown, EmptyDocument) {
  EXPECT_TRUE(blocks_of("").empty());
  EXPECT_TRUE(blocks_of("\n\n   \n").empty());
}

TEST(ParseMarkdown, ParaWithSoftBreakFoldedIntoSpace) {
  EXPECT_EQ(blocks_of("The ferry\nreturned."), (Blocks{Para{{Text{"The ferry returned."}}}}));
}

TEST(ParseMarkdown, SourcedBlocksCarryTheirLineAndParagraphLines) {
  Diagnostics diagnostics;
  auto parsed = parse("# Title\n\nMarch 7, 2024\nBy Ana *Petrović*\n\n> quote\n", diagnostics);
  ASSERT_EQ(parsed.blocks.size(), 3u);
  EXPECT_EQ(parsed.blocks[0].line, 1);
  EXPECT_TRUE(parsed.blocks[0].lines.empty());  // only paragraphs (and see below) carry lines
  EXPECT_EQ(parsed.blocks[1].line, 3);
  EXPECT_EQ(parsed.blocks[1].lines, (std::vector<std::string>{"March 7, 2024", "By Ana Petrović"}));
  EXPECT_EQ(parsed.blocks[2].line, 6);
}

// "7. März 2024" is an ordered list to CommonMark; its lines keep the marker as written.
TEST(ParseMarkdown, OneItemOrderedListCarriesItsLinesWithTheMarker) {
  Diagnostics diagnostics;
  auto parsed = parse("7. März 2024\n\n  07) März\n  2024\n", diagnostics);
  ASSERT_EQ(parsed.blocks.size(), 2u);
  EXPECT_EQ(parsed.blocks[0].block,
            (Block{OrderedList{{ListItem{{Para{{Text{"März 2024"}}}}, Task::none}}, 7, true}}));
  EXPECT_EQ(parsed.blocks[0].lines, (std::vector<std::string>{"7. März 2024"}));
  EXPECT_EQ(parsed.blocks[1].lines, (std::vector<std::string>{"07) März", "2024"}));

  // Lists that are lists: two items, two paragraphs in the item, bullets, an empty item.
  for (std::string_view list : {"1. one\n2. two\n", "1. one\n\n   two\n", "- one\n", "1.\n"}) {
    auto other = parse(list, diagnostics);
    ASSERT_EQ(other.blocks.size(), 1u) << list;
    EXPECT_TRUE(other.blocks[0].lines.empty()) << list;
  }
  EXPECT_TRUE(diagnostics.items().empty());
}

TEST(ParseMarkdown, Headers) {
  EXPECT_EQ(blocks_of("# One\n\n## Two *em*\n\n###### Six\n\nSetext\n======\n"),
            (Blocks{Header{1, {Text{"One"}}}, Header{2, {Text{"Two "}, Emph{{Text{"em"}}}}},
                    Header{6, {Text{"Six"}}}, Header{1, {Text{"Setext"}}}}));
}

TEST(ParseMarkdown, BlockQuote) {
  EXPECT_EQ(blocks_of("> The ferry\n> returned.\n>\n> > Nested."),
            (Blocks{BlockQuote{
                {Para{{Text{"The ferry returned."}}}, BlockQuote{{Para{{Text{"Nested."}}}}}}}}));
}

TEST(ParseMarkdown, BulletListTightAndLoose) {
  EXPECT_EQ(blocks_of("- one\n- two\n"),
            (Blocks{BulletList{{ListItem{{Para{{Text{"one"}}}}, Task::none},
                                ListItem{{Para{{Text{"two"}}}}, Task::none}},
                               true}}));
  EXPECT_EQ(blocks_of("* one\n\n* two\n"),
            (Blocks{BulletList{{ListItem{{Para{{Text{"one"}}}}, Task::none},
                                ListItem{{Para{{Text{"two"}}}}, Task::none}},
                               false}}));
}

TEST(ParseMarkdown, OrderedListWithStart) {
  EXPECT_EQ(blocks_of("3. three\n4. four\n"),
            (Blocks{OrderedList{{ListItem{{Para{{Text{"three"}}}}, Task::none},
                                 ListItem{{Para{{Text{"four"}}}}, Task::none}},
                                3,
                                true}}));
  EXPECT_EQ(blocks_of("1) one\n"),
            (Blocks{OrderedList{{ListItem{{Para{{Text{"one"}}}}, Task::none}}, 1, true}}));
}

TEST(ParseMarkdown, NestedList) {
  EXPECT_EQ(blocks_of("- one\n  - inner\n"),
            (Blocks{BulletList{
                {ListItem{{Para{{Text{"one"}}},
                           BulletList{{ListItem{{Para{{Text{"inner"}}}}, Task::none}}, true}},
                          Task::none}},
                true}}));
}

TEST(ParseMarkdown, TaskListItems) {
  EXPECT_EQ(blocks_of("- [ ] open\n- [x] done\n- plain\n"),
            (Blocks{BulletList{{ListItem{{Para{{Text{"open"}}}}, Task::open},
                                ListItem{{Para{{Text{"done"}}}}, Task::done},
                                ListItem{{Para{{Text{"plain"}}}}, Task::none}},
                               true}}));
}

TEST(ParseMarkdown, FencedCodeBlockWithLanguage) {
  EXPECT_EQ(blocks_of("```python extra words\nprint(\"hi\")\n\nx = 1\n```\n"),
            (Blocks{CodeBlock{"python", "print(\"hi\")\n\nx = 1"}}));
  EXPECT_EQ(blocks_of("~~~\nplain \"text\" -- kept\n~~~\n"),
            (Blocks{CodeBlock{"", "plain \"text\" -- kept"}}));
}

TEST(ParseMarkdown, IndentedCodeBlock) {
  EXPECT_EQ(blocks_of("    let x = 1;\n    let y = 2;\n"),
            (Blocks{CodeBlock{"", "let x = 1;\nlet y = 2;"}}));
}

TEST(ParseMarkdown, TableWithAlignmentsHeadAndBody) {
  auto cell = [](std::string text) { return Table::Cell{Text{std::move(text)}}; };
  EXPECT_EQ(
      blocks_of("| Town | Ferries | Share | Note |\n"
                "|:-----|:------:|------:|------|\n"
                "| North | 3 | 60% | *busy* |\n"
                "| South | 2 |\n"),
      (Blocks{Table{{Alignment::left, Alignment::center, Alignment::right, Alignment::default_},
                    {{cell("Town"), cell("Ferries"), cell("Share"), cell("Note")}},
                    {{cell("North"), cell("3"), cell("60%"), Table::Cell{Emph{{Text{"busy"}}}}},
                     // GFM pads a short row with empty cells.
                     {cell("South"), cell("2"), Table::Cell{}, Table::Cell{}}}}}));
}

TEST(ParseMarkdown, ImageAloneIsAFigure) {
  EXPECT_EQ(blocks_of("![The ferry at the north landing](ferry.jpg)"),
            (Blocks{Figure{"ferry.jpg", "The ferry at the north landing", "", ""}}));
}

TEST(ParseMarkdown, ImageInTextStaysInline) {
  EXPECT_EQ(inlines_of("See ![the *map*](map.png \"Map\") here."),
            (Inlines{Text{"See "}, Image{"map.png", "the map", "Map"}, Text{" here."}}));
}

TEST(ParseMarkdown, HorizontalRule) {
  EXPECT_EQ(blocks_of("Before.\n\n***\n\nAfter.\n"),
            (Blocks{Para{{Text{"Before."}}}, HorizontalRule{}, Para{{Text{"After."}}}}));
}

// ---------------------------------------------------------------------------------------
// Inlines
// ---------------------------------------------------------------------------------------

TEST(ParseMarkdown, EmphStrongStrikeout) {
  EXPECT_EQ(inlines_of("*em* _em_ **strong** ~~gone~~"),
            (Inlines{Emph{{Text{"em"}}}, Text{" "}, Emph{{Text{"em"}}}, Text{" "},
                     Strong{{Text{"strong"}}}, Text{" "}, Strikeout{{Text{"gone"}}}}));
  EXPECT_EQ(inlines_of("**bold *both***"),
            (Inlines{Strong{{Text{"bold "}, Emph{{Text{"both"}}}}}}));
}

TEST(ParseMarkdown, SingleTildeIsNotStrikeout) {
  EXPECT_EQ(inlines_of("~about~ 5 km"), (Inlines{Text{"~about~ 5 km"}}));
}

TEST(ParseMarkdown, InlineCode) {
  EXPECT_EQ(inlines_of("Run `galley \"x\"` now."),
            (Inlines{Text{"Run "}, Code{"galley \"x\""}, Text{" now."}}));
}

TEST(ParseMarkdown, Links) {
  EXPECT_EQ(
      inlines_of("The [council *said*](https://example.org/c \"Council\")."),
      (Inlines{Text{"The "},
               Link{{Text{"council "}, Emph{{Text{"said"}}}}, "https://example.org/c", "Council"},
               Text{"."}}));
  // Dead links are the conventions' business: the parser keeps them.
  EXPECT_EQ(inlines_of("[dead](#)"), (Inlines{Link{{Text{"dead"}}, "#", ""}}));
}

TEST(ParseMarkdown, Autolinks) {
  EXPECT_EQ(inlines_of("<https://example.org/a>"),
            (Inlines{Link{{Text{"https://example.org/a"}}, "https://example.org/a", ""}}));
  EXPECT_EQ(
      inlines_of("See https://example.org/a now"),
      (Inlines{Text{"See "}, Link{{Text{"https://example.org/a"}}, "https://example.org/a", ""},
               Text{" now"}}));
}

TEST(ParseMarkdown, LineBreaks) {
  Inlines expected{Text{"one"}, LineBreak{}, Text{"two"}};
  EXPECT_EQ(inlines_of("one  \ntwo"), expected);
  EXPECT_EQ(inlines_of("one\\\ntwo"), expected);
  EXPECT_EQ(inlines_of("one<br>two"), expected);
  EXPECT_EQ(inlines_of("one<br/>two"), expected);
  EXPECT_EQ(inlines_of("one<BR />two"), expected);
}

TEST(ParseMarkdown, SmartPunctuation) {
  EXPECT_EQ(inlines_of("\"Yes,\" she said -- it's 'fine'..."),
            (Inlines{Text{"“Yes,” she said – it’s ‘fine’…"}}));
  Diagnostics diagnostics;
  MarkdownOptions plain{"a.md"};
  plain.smart = false;
  auto parsed = parse("\"Yes,\" she said -- it's", diagnostics, plain);
  ASSERT_EQ(parsed.blocks.size(), 1u);
  EXPECT_EQ(parsed.blocks[0].block, (Block{Para{{Text{"\"Yes,\" she said -- it's"}}}}));
}

TEST(ParseMarkdown, EntitiesAreDecoded) {
  EXPECT_EQ(inlines_of("Fish &amp; chips &copy; 2024"), (Inlines{Text{"Fish & chips © 2024"}}));
}

// ---------------------------------------------------------------------------------------
// Footnotes
// ---------------------------------------------------------------------------------------

TEST(ParseMarkdown, NoteRefsAndNotesInReferenceOrder) {
  Diagnostics diagnostics;
  auto parsed = parse(
      "The ferry[^ferry] returned[^2] and the ferry[^ferry] again.\n"
      "\n"
      "[^2]: Second, *defined first*.\n"
      "[^ferry]: First.\n",
      diagnostics);
  ASSERT_EQ(parsed.blocks.size(), 1u);
  EXPECT_EQ(parsed.blocks[0].block,
            (Block{Para{{Text{"The ferry"}, NoteRef{1}, Text{" returned"}, NoteRef{2},
                         Text{" and the ferry"}, NoteRef{1}, Text{" again."}}}}));
  EXPECT_EQ(parsed.notes,
            (std::vector<Note>{
                Note{"ferry", {Para{{Text{"First."}}}}},
                Note{"2", {Para{{Text{"Second, "}, Emph{{Text{"defined first"}}}, Text{"."}}}}}}));
  EXPECT_TRUE(diagnostics.items().empty());
}

TEST(ParseMarkdown, ReferenceToAMissingNoteStaysText) {
  Diagnostics diagnostics;
  auto parsed = parse("Text[^nowhere].", diagnostics);
  EXPECT_TRUE(parsed.notes.empty());
  ASSERT_EQ(parsed.blocks.size(), 1u);
  EXPECT_EQ(model::plain_text(std::get<Para>(parsed.blocks[0].block.node).content),
            "Text[^nowhere].");
}

TEST(ParseMarkdown, TooManyNotesThrows) {
  Diagnostics diagnostics;
  MarkdownOptions options{"a.md"};
  options.max_notes = 1;
  try {
    parse("a[^1] b[^2]\n\n[^1]: one\n[^2]: two\n", diagnostics, options);
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::data);
  }
}

TEST(ParseMarkdown, TooManyImagesThrowsAtTheFirstOverTheLimit) {
  Diagnostics diagnostics;
  MarkdownOptions options{"a.md"};
  options.max_images = 2;
  // Every reference counts, the same file twice included, in lists and tables too.
  EXPECT_NO_THROW(parse("![a](x.png) ![b](x.png)\n", diagnostics, options));
  try {
    parse("![a](x.png)\n\n- ![b](x.png)\n\n| h |\n|---|\n| ![c](y.png) |\n", diagnostics, options);
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::data);
    EXPECT_EQ(error.diagnostic().line, 7);
    EXPECT_EQ(error.diagnostic().message, "3 images are over the limit of 2 an article");
  }
}

TEST(ParseMarkdown, ImageOpenersAreBoundedBeforeParsing) {
  // cmark-gfm 0.29 is quadratic in unmatched `![` followed by links.
  Diagnostics diagnostics;
  MarkdownOptions options{"a.md"};
  options.max_images = 2;  // 20 openers
  std::string text;
  for (int i = 0; i < 20; ++i) text += "[a](b)![";
  EXPECT_NO_THROW(parse(text, diagnostics, options));
  try {
    parse("x\n" + text + "![", diagnostics, options);
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::data);
    EXPECT_EQ(error.diagnostic().line, 2);
    EXPECT_EQ(error.diagnostic().message, "21 image openers ('![') are over the limit of 20 an article");
  }
}

// ---------------------------------------------------------------------------------------
// Raw HTML
// ---------------------------------------------------------------------------------------

TEST(ParseMarkdown, InlineHtmlTagsDroppedTextKeptOneWarning) {
  Diagnostics diagnostics;
  auto parsed =
      parse("Intro.\n\nThe <span class=\"x\">ferry</span> <b>returned</b>.\n", diagnostics);
  ASSERT_EQ(parsed.blocks.size(), 2u);
  EXPECT_EQ(parsed.blocks[1].block, (Block{Para{{Text{"The ferry returned."}}}}));
  ASSERT_EQ(diagnostics.items().size(), 1u);
  EXPECT_EQ(diagnostics.items()[0].severity, Severity::warning);
  EXPECT_EQ(diagnostics.items()[0].line, 3);
  EXPECT_NE(diagnostics.items()[0].message.find("raw HTML"), std::string::npos);
}

TEST(ParseMarkdown, HtmlBlockTagsDroppedTextKept) {
  Diagnostics diagnostics;
  auto parsed =
      parse("<div class=\"note\">\nThe ferry <em>returned</em>.\n</div>\n\n<!-- a comment -->\n",
            diagnostics);
  ASSERT_EQ(parsed.blocks.size(), 1u);
  EXPECT_EQ(parsed.blocks[0].block, (Block{Para{{Text{"The ferry returned."}}}}));
  ASSERT_EQ(diagnostics.items().size(), 1u);
  EXPECT_EQ(diagnostics.items()[0].line, 1);
}

// <br> with attributes was once dropped, not a LineBreak, gluing words ("onetwo").
TEST(ParseMarkdown, LineBreakTagWithAttributes) {
  EXPECT_EQ(inlines_of("one<br class=\"x\">two"), (Inlines{Text{"one"}, LineBreak{}, Text{"two"}}));
  for (std::string_view tag : {"<br>", "<br/>", "<br />", "<BR>", "<Br class=\"x\"/>",
                               "<br\nclass=\"x\">", "<br\tdata-x=1 >"}) {
    std::string markdown = "one";
    markdown.append(tag).append("two");
    EXPECT_EQ(inlines_of(markdown), (Inlines{Text{"one"}, LineBreak{}, Text{"two"}})) << tag;
  }
}

TEST(ParseMarkdown, TagsThatOnlyStartLikeBrAreNoLineBreak) {
  for (std::string_view tag : {"<bread>", "<brx/>", "</br>"}) {
    Diagnostics diagnostics;
    std::string markdown = "one";
    markdown.append(tag).append("two");
    auto parsed = parse(markdown, diagnostics);
    ASSERT_EQ(parsed.blocks.size(), 1u) << tag;
    EXPECT_EQ(parsed.blocks[0].block, (Block{Para{{Text{"onetwo"}}}})) << tag;
    EXPECT_EQ(diagnostics.items().size(), 1u) << tag;  // raw HTML dropped
  }
}

TEST(ParseMarkdown, LineBreakTagGivesNoWarning) {
  Diagnostics diagnostics;
  parse("one<br>two", diagnostics);
  parse("one<br class=\"x\">two", diagnostics);
  EXPECT_TRUE(diagnostics.items().empty());
}

// Script and style elements hold code, not article text: their content goes with the tags.
TEST(ParseMarkdown, ScriptAndStyleBlocksAreDroppedWhole) {
  Diagnostics diagnostics;
  auto parsed = parse(
      "Before.\n\n<script type=\"text/javascript\">\nvar ad = \"banner\";\n</script>\n\n"
      "<STYLE>\np { color: red }\n</STYLE >\n\n"
      "<div>Kept <script>track();</script>text</div>\n\nAfter.\n",
      diagnostics);
  Blocks blocks;
  for (auto& sourced : parsed.blocks) blocks.push_back(std::move(sourced.block));
  EXPECT_EQ(blocks, (Blocks{Para{{Text{"Before."}}}, Para{{Text{"Kept text"}}},
                            Para{{Text{"After."}}}}));
  ASSERT_EQ(diagnostics.items().size(), 1u);
  EXPECT_EQ(diagnostics.items()[0].line, 3);

  // Never closed: a browser hides the rest of the block too.
  EXPECT_EQ(blocks_of_with_html("<div>Kept <script>var x = 1;\n</div>\n"),
            (Blocks{Para{{Text{"Kept"}}}}));
}

TEST(ParseMarkdown, ScriptAndStyleInsideAParagraphAreDroppedWhole) {
  EXPECT_EQ(blocks_of_with_html("Before <script>alert(\"x\")</script>after.\n"),
            (Blocks{Para{{Text{"Before after."}}}}));
  EXPECT_EQ(blocks_of_with_html("A <style>b { }</style>*c*.\n"),
            (Blocks{Para{{Text{"A "}, Emph{{Text{"c"}}}, Text{"."}}}}));
  // Unclosed: the rest of the paragraph goes.
  EXPECT_EQ(blocks_of_with_html("Before <script>alert(1) after.\n"),
            (Blocks{Para{{Text{"Before "}}}}));
  // Elements that only start with the same letters keep their text.
  EXPECT_EQ(blocks_of_with_html("The <scripture>verse</scripture> and <styled>text</styled>.\n"),
            (Blocks{Para{{Text{"The verse and text."}}}}));
}

// ---------------------------------------------------------------------------------------
// Limits
// ---------------------------------------------------------------------------------------

// How deep block containers nest, counting the outermost as 1.
int depth_of(const Blocks& blocks) {
  int deepest = 0;
  for (const auto& block : blocks) {
    int depth = std::visit(
        [](const auto& node) {
          using B = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<B, BlockQuote>) {
            return 1 + depth_of(node.content);
          } else if constexpr (std::is_same_v<B, BulletList> || std::is_same_v<B, OrderedList>) {
            int inner = 0;
            for (const auto& item : node.items) inner = std::max(inner, depth_of(item.content));
            return 1 + inner;
          } else {
            return 0;
          }
        },
        block.node);
    deepest = std::max(deepest, depth);
  }
  return deepest;
}

// All the text in the blocks, in order.
std::string text_of(const Blocks& blocks) {
  std::string text;
  for (const auto& block : blocks) {
    std::visit(
        [&](const auto& node) {
          using B = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<B, Para>) {
            text += plain_text(node.content) + "\n";
          } else if constexpr (std::is_same_v<B, BlockQuote>) {
            text += text_of(node.content);
          } else if constexpr (std::is_same_v<B, BulletList> || std::is_same_v<B, OrderedList>) {
            for (const auto& item : node.items) text += text_of(item.content);
          }
        },
        block.node);
  }
  return text;
}

TEST(ParseMarkdown, NestingBeyondTheLimitIsFlattenedWithAWarning) {
  Diagnostics diagnostics;
  MarkdownOptions options{"a.md"};
  options.max_nesting = 2;
  auto parsed = parse("> > > > deep\n", diagnostics, options);
  ASSERT_EQ(parsed.blocks.size(), 1u);
  EXPECT_EQ(parsed.blocks[0].block, (Block{BlockQuote{{BlockQuote{{Para{{Text{"deep"}}}}}}}}));
  ASSERT_EQ(diagnostics.items().size(), 1u);
  EXPECT_NE(diagnostics.items()[0].message.find("nesting deeper than 2"), std::string::npos);
}

TEST(ParseMarkdown, TenThousandNestedQuotesAreFlattened) {
  std::string markdown;
  for (int i = 0; i < 10000; ++i) markdown += "> ";
  markdown += "deep\n";
  Diagnostics diagnostics;
  auto parsed = parse(markdown, diagnostics);
  Blocks blocks;
  for (auto& sourced : parsed.blocks) blocks.push_back(std::move(sourced.block));
  EXPECT_LE(depth_of(blocks), 32);
  EXPECT_EQ(text_of(blocks), "deep\n");
  ASSERT_EQ(diagnostics.items().size(), 1u);
  EXPECT_NE(diagnostics.items()[0].message.find("nesting"), std::string::npos);
}

TEST(ParseMarkdown, TenThousandNestedListItemsAreFlattened) {
  std::string markdown;
  for (int i = 0; i < 10000; ++i) markdown += "- ";
  markdown += "deep\n";
  Diagnostics diagnostics;
  auto parsed = parse(markdown, diagnostics);
  Blocks blocks;
  for (auto& sourced : parsed.blocks) blocks.push_back(std::move(sourced.block));
  EXPECT_LE(depth_of(blocks), 32);
  EXPECT_EQ(text_of(blocks), "deep\n");
  ASSERT_EQ(diagnostics.items().size(), 1u);
  EXPECT_NE(diagnostics.items()[0].message.find("nesting"), std::string::npos);
}

TEST(ParseMarkdown, DeeplyNestedInlinesAreFlattenedToText) {
  Diagnostics diagnostics;
  MarkdownOptions options{"a.md"};
  options.max_nesting = 2;
  auto parsed = parse("*a **b *c* d** e*", diagnostics, options);
  ASSERT_EQ(parsed.blocks.size(), 1u);
  const auto& para = std::get<Para>(parsed.blocks[0].block.node);
  EXPECT_EQ(plain_text(para.content), "a b c d e");
  EXPECT_EQ(diagnostics.items().size(), 1u);
}

TEST(ParseMarkdown, TableWiderThanTheLimitThrowsNamingTheLine) {
  MarkdownOptions options{"a.md"};
  options.max_table_columns = 5;
  std::string markdown = "Intro.\n\n| a | b | c | d | e | f | g |\n|---|---|---|---|---|---|---|\n";
  Diagnostics diagnostics;
  try {
    parse(markdown, diagnostics, options);
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::data);
    EXPECT_EQ(error.diagnostic().file, "a.md");
    EXPECT_EQ(error.diagnostic().line, 3);
    EXPECT_NE(error.diagnostic().message.find("limit of 5 columns"), std::string::npos);
  }
}

TEST(ParseMarkdown, TableAtTheLimitIsRead) {
  MarkdownOptions options{"a.md"};
  options.max_table_columns = 3;
  auto blocks = blocks_of("| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |\n", options);
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(std::get<Table>(blocks[0].node).alignments.size(), 3u);
}

}  // namespace
}  // namespace galley::read
