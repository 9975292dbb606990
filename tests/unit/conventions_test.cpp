// Tests for the news conventions, read through galley::read_markdown: each convention where
// it must fire, where it must not, and switched off; and the example of ARTICLE-FORMAT.md.
#include "read/conventions.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "galley/read.hpp"
#include "model_printers.hpp"

namespace galley {
namespace {

using namespace std::string_literals;
using namespace galley::model;

Document read(std::string_view text, const Conventions& conventions = {}) {
  ReadOptions options;
  options.conventions = conventions;
  Diagnostics diagnostics;
  return read_markdown(text, options, diagnostics);
}

// Every convention on except the one named.
Conventions without(std::string_view name) {
  Conventions conventions;
  EXPECT_TRUE(conventions.set(name, false)) << name;
  return conventions;
}

Block para(std::string text) { return Para{{Text{std::move(text)}}}; }

// ---------------------------------------------------------------------------------------
// The example of ARTICLE-FORMAT.md
// ---------------------------------------------------------------------------------------

constexpr std::string_view format_example = R"(# River Ferry Returns After Four-Year Pause

## Volunteers rebuilt the landing with salvaged timber

March 7, 2024

By Ana Petrović and Ilya Sorokin

![The ferry at the north landing](ferry.jpg)

**The ferry at the north landing / Harbour Archive**

The crossing between the two market towns reopened on Thursday, the
[council said](https://example.org/council/ferry) in a statement.

“We kept the old bell,” said Мария Кузнецова, who chairs the volunteer board.

**Related article:** [How the Old Landing Was Lost](#)

Original url:

<https://example.org/2024/03/07/river-ferry-returns>
)";

TEST(Conventions, ArticleFormatExampleGivesTheDocumentedModel) {
  Document expected;
  expected.meta.title = "River Ferry Returns After Four-Year Pause";
  expected.meta.subtitle = "Volunteers rebuilt the landing with salvaged timber";
  expected.meta.authors = {"Ana Petrović", "Ilya Sorokin"};
  expected.meta.date = Date{2024, 3, 7};
  expected.meta.date_text = "March 7, 2024";
  expected.meta.lang = "en";
  expected.meta.source = "https://example.org/2024/03/07/river-ferry-returns";
  expected.lead = LeadFigure{"ferry.jpg", "The ferry at the north landing",
                             "The ferry at the north landing", "Harbour Archive"};
  expected.blocks = {
      Para{{Text{"The crossing between the two market towns reopened on Thursday, the "},
            Link{{Text{"council said"}}, "https://example.org/council/ferry", ""},
            Text{" in a statement."}}},
      para("“We kept the old bell,” said Мария Кузнецова, who chairs the volunteer board."),
      Aside{"Related article", {Text{"How the Old Landing Was Lost"}}},
  };

  ReadOptions options;
  Diagnostics diagnostics;
  EXPECT_EQ(read_markdown(format_example, options, diagnostics), expected);
  EXPECT_TRUE(diagnostics.items().empty());
}

TEST(Conventions, ArticleFormatExampleWithEveryConventionOffIsTheMarkdownAsWritten) {
  Document expected;
  expected.blocks = {
      Header{1, {Text{"River Ferry Returns After Four-Year Pause"}}},
      Header{2, {Text{"Volunteers rebuilt the landing with salvaged timber"}}},
      para("March 7, 2024"),
      para("By Ana Petrović and Ilya Sorokin"),
      Figure{"ferry.jpg", "The ferry at the north landing", "", ""},
      Para{{Strong{{Text{"The ferry at the north landing / Harbour Archive"}}}}},
      Para{{Text{"The crossing between the two market towns reopened on Thursday, the "},
            Link{{Text{"council said"}}, "https://example.org/council/ferry", ""},
            Text{" in a statement."}}},
      para("“We kept the old bell,” said Мария Кузнецова, who chairs the volunteer board."),
      Para{{Strong{{Text{"Related article:"}}}, Text{" "},
            Link{{Text{"How the Old Landing Was Lost"}}, "#", ""}}},
      para("Original url:"),
      Para{{Link{{Text{"https://example.org/2024/03/07/river-ferry-returns"}},
                 "https://example.org/2024/03/07/river-ferry-returns",
                 ""}}},
  };
  EXPECT_EQ(read(format_example, Conventions::none()), expected);

  // Switching every convention off by name is the same as Conventions::none().
  Conventions by_name;
  for (std::string_view name :
       {"headline", "dek", "dateline", "byline", "lead-figure", "related", "source-line",
        "dead-links", "join-paragraphs", "smart-quotes", "language"}) {
    EXPECT_TRUE(by_name.set(name, false)) << name;
  }
  EXPECT_EQ(read(format_example, by_name), expected);
}

// ---------------------------------------------------------------------------------------
// One convention at a time
// ---------------------------------------------------------------------------------------

TEST(Conventions, Headline) {
  auto fires = read("# River Ferry Returns\n\nThe ferry is back.\n");
  EXPECT_EQ(fires.meta.title, "River Ferry Returns");
  EXPECT_EQ(fires.blocks, (Blocks{para("The ferry is back.")}));
  EXPECT_EQ(read("# The *Ferry* `Returns`\n").meta.title, "The Ferry Returns");

  // Not the first block.
  auto later = read("The ferry is back.\n\n# Not a Headline\n");
  EXPECT_EQ(later.meta.title, "");
  EXPECT_EQ(later.blocks,
            (Blocks{para("The ferry is back."), Header{1, {Text{"Not a Headline"}}}}));
  // Not level 1.
  auto level_two = read("## A Section\n\nThe ferry is back.\n");
  EXPECT_EQ(level_two.meta.title, "");
  EXPECT_EQ(level_two.blocks, (Blocks{Header{2, {Text{"A Section"}}}, para("The ferry is back.")}));

  auto off = read("# River Ferry Returns\n\nThe ferry is back.\n", without("headline"));
  EXPECT_EQ(off.meta.title, "");
  EXPECT_EQ(off.blocks,
            (Blocks{Header{1, {Text{"River Ferry Returns"}}}, para("The ferry is back.")}));
}

// Switching the headline off once stopped every convention at the top of the article.
TEST(Conventions, HeadlineOffLeavesTheOtherTopConventionsWorking) {
  constexpr std::string_view top =
      "# River Ferry Returns\n\n## Volunteers rebuilt it\n\nMarch 7, 2024\n\nBy Ana Petrović\n\n"
      "![Alt](ferry.jpg)\n\nBody.\n";
  const Block heading{Header{1, {Text{"River Ferry Returns"}}}};
  auto off = read(top, without("headline"));
  EXPECT_EQ(off.meta.title, "");
  EXPECT_EQ(off.meta.subtitle, "Volunteers rebuilt it");
  EXPECT_EQ(off.meta.date, (Date{2024, 3, 7}));
  EXPECT_EQ(off.meta.authors, (std::vector<std::string>{"Ana Petrović"}));
  EXPECT_EQ(off.lead, (LeadFigure{"ferry.jpg", "Alt", "", ""}));
  EXPECT_EQ(off.blocks, (Blocks{heading, para("Body.")}));

  // The dek switched off too, or alone: it stays in the body, and what follows is still read.
  const Block dek{Header{2, {Text{"Volunteers rebuilt it"}}}};
  Conventions no_heads = without("headline");
  no_heads.dek = false;
  auto both_off = read(top, no_heads);
  EXPECT_EQ(both_off.meta.subtitle, "");
  EXPECT_EQ(both_off.meta.date, (Date{2024, 3, 7}));
  EXPECT_EQ(both_off.meta.authors, (std::vector<std::string>{"Ana Petrović"}));
  EXPECT_EQ(both_off.blocks, (Blocks{heading, dek, para("Body.")}));
  auto dek_off = read(top, without("dek"));
  EXPECT_EQ(dek_off.meta.title, "River Ferry Returns");
  EXPECT_EQ(dek_off.meta.date, (Date{2024, 3, 7}));
  EXPECT_EQ(dek_off.lead, (LeadFigure{"ferry.jpg", "Alt", "", ""}));
  EXPECT_EQ(dek_off.blocks, (Blocks{dek, para("Body.")}));

  // Still only at the top: a level-2 heading first is a body heading, and ends the top.
  auto section_first = read("## A Section\n\nMarch 7, 2024\n\nBody.\n", without("headline"));
  EXPECT_EQ(section_first.meta.date, std::nullopt);
  EXPECT_EQ(section_first.blocks.size(), 3u);
}

TEST(Conventions, Dek) {
  auto fires = read("# River Ferry Returns\n\n## Volunteers rebuilt the landing\n\nBody.\n");
  EXPECT_EQ(fires.meta.subtitle, "Volunteers rebuilt the landing");
  EXPECT_EQ(fires.blocks, (Blocks{para("Body.")}));

  // A section heading after the body has started.
  auto section = read("# River Ferry Returns\n\nBody.\n\n## The Landing\n\nMore.\n");
  EXPECT_EQ(section.meta.subtitle, "");
  EXPECT_EQ(section.blocks,
            (Blocks{para("Body."), Header{2, {Text{"The Landing"}}}, para("More.")}));
  // No headline before it.
  auto alone = read("## Volunteers rebuilt the landing\n\nBody.\n");
  EXPECT_EQ(alone.meta.subtitle, "");
  EXPECT_EQ(alone.blocks.front(), (Block{Header{2, {Text{"Volunteers rebuilt the landing"}}}}));
  // Not level 2.
  auto level_three = read("# River Ferry Returns\n\n### Small heading\n\nBody.\n");
  EXPECT_EQ(level_three.meta.subtitle, "");
  EXPECT_EQ(level_three.blocks.front(), (Block{Header{3, {Text{"Small heading"}}}}));

  auto off =
      read("# River Ferry Returns\n\n## Volunteers rebuilt the landing\n\nBody.\n", without("dek"));
  EXPECT_EQ(off.meta.title, "River Ferry Returns");
  EXPECT_EQ(off.meta.subtitle, "");
  EXPECT_EQ(off.blocks,
            (Blocks{Header{2, {Text{"Volunteers rebuilt the landing"}}}, para("Body.")}));
}

TEST(Conventions, Dateline) {
  auto fires = read("# Title\n\nMarch 7, 2024\n\nBody.\n");
  EXPECT_EQ(fires.meta.date, (Date{2024, 3, 7}));
  EXPECT_EQ(fires.meta.date_text, "March 7, 2024");
  EXPECT_EQ(fires.blocks, (Blocks{para("Body.")}));

  auto after_dek = read("# Заголовок\n\n## Подзаголовок\n\n7 марта 2024 г.\n\nТекст.\n");
  EXPECT_EQ(after_dek.meta.date, (Date{2024, 3, 7}));
  EXPECT_EQ(after_dek.meta.date_text, "7 марта 2024 г.");

  auto without_headline = read("Published: 7 March 2024 10:30 GMT\n\nBody.\n");
  EXPECT_EQ(without_headline.meta.date, (Date{2024, 3, 7}));
  EXPECT_EQ(without_headline.meta.date_text, "Published: 7 March 2024 10:30 GMT");

  // After the body has started.
  auto late = read("# Title\n\nThe ferry returned.\n\nMarch 7, 2024\n");
  EXPECT_EQ(late.meta.date, std::nullopt);
  EXPECT_EQ(late.meta.date_text, "");
  EXPECT_EQ(late.blocks, (Blocks{para("The ferry returned."), para("March 7, 2024")}));
  // A sentence holding a date.
  auto sentence = read("# Title\n\nOn March 7, 2024 the ferry returned.\n");
  EXPECT_EQ(sentence.meta.date, std::nullopt);
  EXPECT_EQ(sentence.blocks, (Blocks{para("On March 7, 2024 the ferry returned.")}));

  auto off = read("# Title\n\nMarch 7, 2024\n\nBody.\n", without("dateline"));
  EXPECT_EQ(off.meta.date, std::nullopt);
  EXPECT_EQ(off.meta.date_text, "");
  EXPECT_EQ(off.blocks, (Blocks{para("March 7, 2024"), para("Body.")}));
}

// "7. März 2024" alone on a line is an ordered list to CommonMark; it was never a date.
TEST(Conventions, GermanDatelineThatMarkdownReadsAsAList) {
  auto doc = read("# Die Fähre fährt wieder\n\n7. März 2024\n\nDie Fähre fährt.\n");
  EXPECT_EQ(doc.meta.date, (Date{2024, 3, 7}));
  EXPECT_EQ(doc.meta.date_text, "7. März 2024");
  EXPECT_EQ(doc.blocks, (Blocks{para("Die Fähre fährt.")}));

  // With the byline on the next line, and without a headline.
  auto with_byline = read("7. März 2024\nVon Jana Weber\n\nDie Fähre fährt.\n");
  EXPECT_EQ(with_byline.meta.date, (Date{2024, 3, 7}));
  EXPECT_EQ(with_byline.meta.authors, (std::vector<std::string>{"Jana Weber"}));
  EXPECT_EQ(with_byline.blocks, (Blocks{para("Die Fähre fährt.")}));

  // A one-item list that is no date, a list of two, and a date list in the body stay lists.
  const Block list{OrderedList{{ListItem{{para("Punkt: die Fähre")}, Task::none}}, 1, true}};
  auto no_date = read("# Titel\n\n1. Punkt: die Fähre\n\nText.\n");
  EXPECT_EQ(no_date.meta.date, std::nullopt);
  EXPECT_EQ(no_date.blocks, (Blocks{list, para("Text.")}));
  auto two = read("# Titel\n\n7. März 2024\n8. März 2024\n\nText.\n");
  EXPECT_EQ(two.meta.date, std::nullopt);
  EXPECT_EQ(two.blocks.size(), 2u);
  auto late = read("# Titel\n\nText.\n\n7. März 2024\n");
  EXPECT_EQ(late.meta.date, std::nullopt);
  EXPECT_EQ(late.blocks.size(), 2u);

  auto off = read("# Titel\n\n7. März 2024\n\nText.\n", without("dateline"));
  EXPECT_EQ(off.meta.date, std::nullopt);
  EXPECT_EQ(off.blocks,
            (Blocks{OrderedList{{ListItem{{para("März 2024")}, Task::none}}, 7, true}, para("Text.")}));
}

TEST(Conventions, Byline) {
  auto fires = read("# Title\n\nBy Ana Petrović and Ilya Sorokin\n\nBody.\n");
  EXPECT_EQ(fires.meta.authors, (std::vector<std::string>{"Ana Petrović", "Ilya Sorokin"}));
  EXPECT_EQ(fires.blocks, (Blocks{para("Body.")}));

  // Date and byline on consecutive lines of one paragraph, in either order.
  for (std::string_view top :
       {"March 7, 2024\nBy Ana Petrović", "By Ana Petrović\nMarch 7, 2024"}) {
    auto both = read("# Title\n\n" + std::string(top) + "\n\nBody.\n");
    EXPECT_EQ(both.meta.authors, (std::vector<std::string>{"Ana Petrović"})) << top;
    EXPECT_EQ(both.meta.date, (Date{2024, 3, 7})) << top;
    EXPECT_EQ(both.blocks, (Blocks{para("Body.")})) << top;
  }
  // A byline carrying the date.
  auto dated = read("# Title\n\nBy Ana Petrović | March 7, 2024\n\nBody.\n");
  EXPECT_EQ(dated.meta.authors, (std::vector<std::string>{"Ana Petrović"}));
  EXPECT_EQ(dated.meta.date, (Date{2024, 3, 7}));
  EXPECT_EQ(dated.meta.date_text, "March 7, 2024");
  // A byline whose name is a link.
  auto linked = read("# Title\n\nBy [Ana Petrović](https://example.org/ana)\n\nBody.\n");
  EXPECT_EQ(linked.meta.authors, (std::vector<std::string>{"Ana Petrović"}));

  // A sentence starting with "By".
  auto sentence = read("# Title\n\nBy the time the ferry arrived, everyone had left.\n\nBody.\n");
  EXPECT_TRUE(sentence.meta.authors.empty());
  EXPECT_EQ(sentence.blocks,
            (Blocks{para("By the time the ferry arrived, everyone had left."), para("Body.")}));
  // After the body has started.
  auto late = read("# Title\n\nBody.\n\nBy Ana Petrović\n");
  EXPECT_TRUE(late.meta.authors.empty());
  EXPECT_EQ(late.blocks, (Blocks{para("Body."), para("By Ana Petrović")}));

  auto off = read("# Title\n\nBy Ana Petrović | March 7, 2024\n\nBody.\n", without("byline"));
  EXPECT_TRUE(off.meta.authors.empty());
  EXPECT_EQ(off.meta.date, std::nullopt);
  EXPECT_EQ(off.blocks, (Blocks{para("By Ana Petrović | March 7, 2024"), para("Body.")}));
}

// A paragraph that was only partly title matter stayed in the body yet set the meta.
TEST(Conventions, ParagraphThatIsNotAllTitleMatterLeavesTheMetaAlone) {
  auto doc = read("# Title\n\nMarch 7, 2024\nTickets go on sale at nine.\n\nBody.\n");
  EXPECT_EQ(doc.meta.date, std::nullopt);
  EXPECT_EQ(doc.meta.date_text, "");
  EXPECT_EQ(doc.blocks, (Blocks{para("March 7, 2024 Tickets go on sale at nine."), para("Body.")}));

  auto byline = read("# Title\n\nBy Ana Petrović\nPhotographs by the Harbour Archive\n\nBody.\n");
  EXPECT_TRUE(byline.meta.authors.empty());

  auto updated = read("# Title\n\nPublished March 7, 2024\nUpdated March 8, 2024\n\nBody.\n");
  EXPECT_EQ(updated.meta.date, std::nullopt);
  EXPECT_EQ(updated.blocks.size(), 2u);

  // A dated byline followed by body text sets neither the authors nor the date.
  auto dated = read("# Title\n\nBy Ana Petrović | March 7, 2024\nThe ferry is back.\n\nBody.\n");
  EXPECT_TRUE(dated.meta.authors.empty());
  EXPECT_EQ(dated.meta.date, std::nullopt);
  EXPECT_EQ(dated.meta.date_text, "");
  // The paragraph before it still counts.
  auto after_date = read("# Title\n\nMarch 7, 2024\n\nBy Ana Petrović\nand then some.\n\nBody.\n");
  EXPECT_EQ(after_date.meta.date, (Date{2024, 3, 7}));
  EXPECT_TRUE(after_date.meta.authors.empty());
  EXPECT_EQ(after_date.blocks,
            (Blocks{para("By Ana Petrović and then some."), para("Body.")}));
}

// Title matter is plain text: a footnote mark in it is lost, and a warning says so.
TEST(Conventions, FootnoteMarkInTitleMatterIsWarnedAbout) {
  ReadOptions options;
  options.file_name = "a.md";
  Diagnostics diagnostics;
  auto doc = read_markdown(
      "# River Ferry Returns[^1]\n\nBy Ana Petrović[^2]\n\nBody.[^3]\n\n"
      "[^1]: Corrected.\n[^2]: Freelance.\n[^3]: A note.\n",
      options, diagnostics);
  EXPECT_EQ(doc.meta.title, "River Ferry Returns");
  EXPECT_EQ(doc.meta.authors, (std::vector<std::string>{"Ana Petrović"}));
  EXPECT_EQ(doc.notes.size(), 3u);
  EXPECT_EQ(doc.blocks, (Blocks{Para{{Text{"Body."}, NoteRef{3}}}}));
  ASSERT_EQ(diagnostics.items().size(), 2u);
  EXPECT_EQ(diagnostics.items()[0].file, "a.md");
  EXPECT_EQ(diagnostics.items()[0].line, 1);
  EXPECT_NE(diagnostics.items()[0].message.find("footnote mark in the headline"), std::string::npos);
  EXPECT_EQ(diagnostics.items()[1].line, 3);
  EXPECT_NE(diagnostics.items()[1].message.find("byline"), std::string::npos);

  // A mark in a body paragraph, or in a heading the convention leaves alone, is no loss.
  Diagnostics quiet;
  read_markdown("# River Ferry Returns[^1]\n\nBody.\n\n[^1]: Corrected.\n",
                [] {
                  ReadOptions off;
                  off.conventions.headline = false;
                  return off;
                }(),
                quiet);
  EXPECT_EQ(quiet.count(Severity::warning), 1u);  // only "no title"
}

TEST(Conventions, LeadFigure) {
  LeadFigure full{"ferry.jpg", "The north landing", "The ferry at the north landing",
                  "Harbour Archive"};
  auto fires = read(
      "# Title\n\n![The north landing](ferry.jpg)\n\n"
      "**The ferry at the north landing / Harbour Archive**\n\nBody.\n");
  EXPECT_EQ(fires.lead, full);
  EXPECT_EQ(fires.blocks, (Blocks{para("Body.")}));

  // Image and caption on consecutive lines of one paragraph.
  auto one_paragraph = read(
      "# Title\n\n![The north landing](ferry.jpg)\n"
      "**The ferry at the north landing / Harbour Archive**\n\nBody.\n");
  EXPECT_EQ(one_paragraph.lead, full);
  EXPECT_EQ(one_paragraph.blocks, (Blocks{para("Body.")}));

  auto image_only = read("# Title\n\n![The north landing](ferry.jpg)\n\nBody.\n");
  EXPECT_EQ(image_only.lead, (LeadFigure{"ferry.jpg", "The north landing", "", ""}));

  auto caption_only =
      read("# Title\n\n**The ferry at the north landing / Harbour Archive**\n\nBody.\n");
  EXPECT_EQ(caption_only.lead,
            (LeadFigure{std::nullopt, "", "The ferry at the north landing", "Harbour Archive"}));

  // In the body an image keeps its own bold caption line, and is no lead figure.
  auto in_body =
      read("# Title\n\nBody.\n\n![Alt](b.jpg)\n\n**The south landing / Jana Weber**\n\nMore.\n");
  EXPECT_EQ(in_body.lead, std::nullopt);
  EXPECT_EQ(in_body.blocks,
            (Blocks{para("Body."), Figure{"b.jpg", "Alt", "The south landing", "Jana Weber"},
                    para("More.")}));
  // A bold paragraph after the body started is body text.
  auto bold = read("# Title\n\nBody.\n\n**A bold statement.**\n");
  EXPECT_EQ(bold.lead, std::nullopt);
  EXPECT_EQ(bold.blocks, (Blocks{para("Body."), Para{{Strong{{Text{"A bold statement."}}}}}}));

  auto off = read(
      "# Title\n\n![The north landing](ferry.jpg)\n\n"
      "**The ferry at the north landing / Harbour Archive**\n\nBody.\n",
      without("lead-figure"));
  EXPECT_EQ(off.lead, std::nullopt);
  EXPECT_EQ(off.blocks,
            (Blocks{Figure{"ferry.jpg", "The north landing", "", ""},
                    Para{{Strong{{Text{"The ferry at the north landing / Harbour Archive"}}}}},
                    para("Body.")}));
}

// An image title blocked the bold caption line, and could leave the image in the body.
TEST(Conventions, LeadImageWithATitleStillTakesItsBoldCaption) {
  LeadFigure expected{"ferry.jpg", "Alt", "The north landing", "Harbour Archive"};
  auto separate = read(
      "# Title\n\n![Alt](ferry.jpg \"Ferry\")\n\n"
      "**The north landing / Harbour Archive**\n\nBody.\n");
  EXPECT_EQ(separate.lead, expected);
  EXPECT_EQ(separate.blocks, (Blocks{para("Body.")}));

  auto one_paragraph = read(
      "# Title\n\n![Alt](ferry.jpg \"Ferry\")\n**The north landing / Harbour Archive**\n\nBody.\n");
  EXPECT_EQ(one_paragraph.lead, expected);
  EXPECT_EQ(one_paragraph.blocks, (Blocks{para("Body.")}));
  // A hard line break between image and caption changes nothing.
  auto broken = read(
      "# Title\n\n![Alt](ferry.jpg \"Ferry\")\\\n**The north landing / Harbour Archive**\n\nBody.\n");
  EXPECT_EQ(broken.lead, expected);
  EXPECT_EQ(broken.blocks, (Blocks{para("Body.")}));

  // Without a caption line the title stands in as the caption.
  auto title_only = read("# Title\n\n![Alt](ferry.jpg \"Ferry\")\n\nBody.\n");
  EXPECT_EQ(title_only.lead, (LeadFigure{"ferry.jpg", "Alt", "Ferry", ""}));
  // One caption line only: a second bold paragraph is body text.
  auto second = read(
      "# Title\n\n![Alt](ferry.jpg \"Ferry\")\n\n**The north landing / Harbour Archive**\n\n"
      "**A bold lede.**\n");
  EXPECT_EQ(second.lead, expected);
  EXPECT_EQ(second.blocks, (Blocks{Para{{Strong{{Text{"A bold lede."}}}}}}));
  auto caption_first = read("# Title\n\n**One caption**\n\n**Another one**\n\nBody.\n");
  EXPECT_EQ(caption_first.lead, (LeadFigure{std::nullopt, "", "One caption", ""}));
  EXPECT_EQ(caption_first.blocks.front(), (Block{Para{{Strong{{Text{"Another one"}}}}}}));
}

// In the body, an image and its bold caption line in one paragraph are a captioned figure,
// and an image title gives way to the caption line as it does at the top.
TEST(Conventions, BodyImageTakesItsCaptionLine) {
  auto same_paragraph = read(
      "# Title\n\nBody.\n\n![Alt](b.jpg \"B\")\n**The south landing / Jana Weber**\n\nMore.\n");
  EXPECT_EQ(same_paragraph.blocks,
            (Blocks{para("Body."), Figure{"b.jpg", "Alt", "The south landing", "Jana Weber"},
                    para("More.")}));
  auto titled = read(
      "# Title\n\nBody.\n\n![Alt](b.jpg \"B\")\n\n**The south landing**\n\n**Bold text.**\n");
  EXPECT_EQ(titled.blocks,
            (Blocks{para("Body."), Figure{"b.jpg", "Alt", "The south landing", ""},
                    Para{{Strong{{Text{"Bold text."}}}}}}));

  // An image inside running text, and the convention switched off.
  auto inline_image = read("# Title\n\nBody.\n\nSee ![Alt](b.jpg) **here**.\n");
  EXPECT_EQ(inline_image.blocks.back(),
            (Block{Para{{Text{"See "}, Image{"b.jpg", "Alt", ""}, Text{" "},
                         Strong{{Text{"here"}}}, Text{"."}}}}));
  auto off = read("# Title\n\nBody.\n\n![Alt](b.jpg)\n**The south landing**\n",
                  without("lead-figure"));
  EXPECT_EQ(off.blocks.back(), (Block{Para{{Image{"b.jpg", "Alt", ""}, Text{" "},
                                            Strong{{Text{"The south landing"}}}}}}));
}

// A bold dateline or byline (common when scraped) once became a lead-figure caption.
TEST(Conventions, BoldBylineAndDatelineAreNotACaption) {
  auto doc = read("# Title\n\n**March 7, 2024**\n\n**By Ana Petrović**\n\nBody.\n");
  EXPECT_EQ(doc.meta.date, (Date{2024, 3, 7}));
  EXPECT_EQ(doc.meta.authors, (std::vector<std::string>{"Ana Petrović"}));
  EXPECT_EQ(doc.lead, std::nullopt);
  EXPECT_EQ(doc.blocks, (Blocks{para("Body.")}));

  // Right after the lead image, the caption line still comes after them.
  auto after_image = read(
      "# Title\n\n![Alt](ferry.jpg)\n\n**By Ana Petrović**\n\n**March 7, 2024**\n\n"
      "**The north landing / Harbour Archive**\n\nBody.\n");
  EXPECT_EQ(after_image.meta.date, (Date{2024, 3, 7}));
  EXPECT_EQ(after_image.meta.authors, (std::vector<std::string>{"Ana Petrović"}));
  EXPECT_EQ(after_image.lead,
            (LeadFigure{"ferry.jpg", "Alt", "The north landing", "Harbour Archive"}));
  EXPECT_EQ(after_image.blocks, (Blocks{para("Body.")}));

  // A bold caption that is no date or byline is still the caption.
  auto caption = read("# Title\n\n![Alt](ferry.jpg)\n\n**By the river / Harbour Archive**\n\nBody.\n");
  EXPECT_EQ(caption.lead, (LeadFigure{"ferry.jpg", "Alt", "By the river", "Harbour Archive"}));
  EXPECT_TRUE(caption.meta.authors.empty());

  // An image whose alt text reads like a date stays a picture.
  auto alt = read("# Title\n\n![March 7, 2024](x.png)\nBy Ana Petrović\n\nBody.\n");
  EXPECT_EQ(alt.meta.date, std::nullopt);
  EXPECT_TRUE(alt.meta.authors.empty());
  EXPECT_EQ(alt.blocks.front(), (Block{Para{{Image{"x.png", "March 7, 2024", ""},
                                             Text{" By Ana Petrović"}}}}));

  // With the dateline and byline conventions off, the bold lines are what they look like.
  Conventions no_lines;
  no_lines.dateline = no_lines.byline = false;
  auto off = read("# Title\n\n**March 7, 2024**\n\nBody.\n", no_lines);
  EXPECT_EQ(off.meta.date, std::nullopt);
  EXPECT_EQ(off.lead, (LeadFigure{std::nullopt, "", "March 7, 2024", ""}));
}

TEST(Conventions, Related) {
  auto fires = read(
      "# Title\n\nBody.\n\n"
      "**Related article:** [How the Old Landing Was Lost](https://example.org/old)"
      "\n\nMore.\n");
  EXPECT_EQ(
      fires.blocks,
      (Blocks{para("Body."),
              Aside{"Related article",
                    {Link{{Text{"How the Old Landing Was Lost"}}, "https://example.org/old", ""}}},
              para("More.")}));

  auto plain_label = read("# Title\n\nBody.\n\nSee also: [The bridge](https://example.org/b)\n");
  EXPECT_EQ(plain_label.blocks.back(),
            (Block{Aside{"See also", {Link{{Text{"The bridge"}}, "https://example.org/b", ""}}}}));
  auto french = read("# Titre\n\nTexte.\n\nLire aussi : [Le bac](https://example.org/bac)\n");
  EXPECT_EQ(french.blocks.back(),
            (Block{Aside{"Lire aussi", {Link{{Text{"Le bac"}}, "https://example.org/bac", ""}}}}));
  auto russian = read("# Паром\n\nТекст.\n\nЧитайте также: [Пристань](https://example.org/p)\n");
  EXPECT_EQ(
      russian.blocks.back(),
      (Block{Aside{"Читайте также", {Link{{Text{"Пристань"}}, "https://example.org/p", ""}}}}));

  // A label with no link, and a sentence starting with the word.
  auto no_link = read("# Title\n\nBody.\n\nRelated: no link in this one.\n");
  EXPECT_EQ(no_link.blocks.back(), para("Related: no link in this one."));
  auto sentence =
      read("# Title\n\nRelated to the vote, [the council](https://example.org/c) met.\n");
  EXPECT_EQ(
      sentence.blocks,
      (Blocks{Para{{Text{"Related to the vote, "},
                    Link{{Text{"the council"}}, "https://example.org/c", ""}, Text{" met."}}}}));

  auto off = read("# Title\n\nBody.\n\n**Related article:** [The bridge](https://example.org/b)\n",
                  without("related"));
  EXPECT_EQ(off.blocks.back(),
            (Block{Para{{Strong{{Text{"Related article:"}}}, Text{" "},
                         Link{{Text{"The bridge"}}, "https://example.org/b", ""}}}}));
}

TEST(Conventions, SourceLine) {
  auto same_paragraph = read("# Title\n\nBody.\n\nOriginal url: https://example.org/a\n");
  EXPECT_EQ(same_paragraph.meta.source, "https://example.org/a"s);
  EXPECT_EQ(same_paragraph.blocks, (Blocks{para("Body.")}));

  auto next_paragraph = read("# Title\n\nBody.\n\nOriginal url:\n\n<https://example.org/a>\n");
  EXPECT_EQ(next_paragraph.meta.source, "https://example.org/a"s);
  EXPECT_EQ(next_paragraph.blocks, (Blocks{para("Body.")}));

  // A rule that only separated the body from the source line goes with it.
  auto ruled = read("# Title\n\nBody.\n\n---\n\nOriginal url: https://example.org/a\n");
  EXPECT_EQ(ruled.meta.source, "https://example.org/a"s);
  EXPECT_EQ(ruled.blocks, (Blocks{para("Body.")}));

  auto linked = read("# Title\n\nBody.\n\nSource: [the Courier](https://example.org/c)\n");
  EXPECT_EQ(linked.meta.source, "https://example.org/c"s);
  EXPECT_EQ(linked.blocks, (Blocks{para("Body.")}));

  // Not at the end.
  auto early = read("# Title\n\nOriginal url: https://example.org/a\n\nThe body goes on.\n");
  EXPECT_EQ(early.meta.source, std::nullopt);
  EXPECT_EQ(early.blocks.size(), 2u);
  // A source that is no URL.
  auto agency = read("# Title\n\nBody.\n\nSource: Reuters\n");
  EXPECT_EQ(agency.meta.source, std::nullopt);
  EXPECT_EQ(agency.blocks, (Blocks{para("Body."), para("Source: Reuters")}));

  auto off = read("# Title\n\nBody.\n\nOriginal url:\n\n<https://example.org/a>\n",
                  without("source-line"));
  EXPECT_EQ(off.meta.source, std::nullopt);
  EXPECT_EQ(off.blocks,
            (Blocks{para("Body."), para("Original url:"),
                    Para{{Link{{Text{"https://example.org/a"}}, "https://example.org/a", ""}}}}));
}

// The source URL came from plain text, so it took the closing period too.
TEST(Conventions, SourceUrlDoesNotTakeTheClosingPeriod) {
  auto doc = read("# Title\n\nBody.\n\nOriginal url: https://example.org/a.\n");
  EXPECT_EQ(doc.meta.source, "https://example.org/a"s);
  EXPECT_EQ(doc.blocks, (Blocks{para("Body.")}));

  // The link's target is the URL, whatever its text; punctuation after it is the sentence's.
  for (std::string_view line :
       {"Original url: <https://example.org/a>.",
        "**Source:** [the Courier](https://example.org/a).", "Source: `https://example.org/a`;",
        "Original url: [https://example.org/a.](https://example.org/a)"}) {
    std::string text = "# Title\n\nBody.\n\n";
    text.append(line).append("\n");
    auto linked = read(text);
    EXPECT_EQ(linked.meta.source, "https://example.org/a"s) << line;
    EXPECT_EQ(linked.blocks, (Blocks{para("Body.")})) << line;
  }
  auto next_paragraph = read("# Title\n\nBody.\n\nOriginal url:\n\nhttps://example.org/a.\n");
  EXPECT_EQ(next_paragraph.meta.source, "https://example.org/a"s);
  EXPECT_EQ(next_paragraph.blocks, (Blocks{para("Body.")}));

  // A link among other words is no source line.
  auto sentence = read("# Title\n\nBody.\n\nSource: [the Courier](https://example.org/a) says so.\n");
  EXPECT_EQ(sentence.meta.source, std::nullopt);
  EXPECT_EQ(sentence.blocks.size(), 2u);
}

TEST(Conventions, DeadLinks) {
  auto fires = read(
      "# Title\n\n"
      "The [council said](#) that [nothing]() and [this](javascript:void(0)) changed.\n");
  EXPECT_EQ(fires.blocks, (Blocks{para("The council said that nothing and this changed.")}));

  // Everywhere: inside emphasis, lists, quotes, tables, headings and notes.
  auto everywhere = read(
      "# Title\n\n"
      "*An [emphasised](#) link.*\n\n"
      "- [item](#)\n\n"
      "> [quoted](#)\n\n"
      "## [Heading](#)\n\n"
      "| [cell](#) |\n|---|\n\n"
      "Noted.[^1]\n\n"
      "[^1]: See [this](#).\n");
  EXPECT_EQ(everywhere.blocks, (Blocks{Para{{Emph{{Text{"An emphasised link."}}}}},
                                       BulletList{{ListItem{{para("item")}, Task::none}}, true},
                                       BlockQuote{{para("quoted")}}, Header{2, {Text{"Heading"}}},
                                       Table{{Alignment::default_}, {{{Text{"cell"}}}}, {}},
                                       Para{{Text{"Noted."}, NoteRef{1}}}}));
  ASSERT_EQ(everywhere.notes.size(), 1u);
  EXPECT_EQ(everywhere.notes[0].content, (Blocks{para("See this.")}));

  // Live links and links to an anchor stay.
  auto live = read("# Title\n\n[The council](https://example.org/c) and [below](#section).\n");
  EXPECT_EQ(live.blocks,
            (Blocks{Para{{Link{{Text{"The council"}}, "https://example.org/c", ""}, Text{" and "},
                          Link{{Text{"below"}}, "#section", ""}, Text{"."}}}}));

  auto off = read("# Title\n\nThe [council said](#) so.\n", without("dead-links"));
  EXPECT_EQ(off.blocks,
            (Blocks{Para{{Text{"The "}, Link{{Text{"council said"}}, "#", ""}, Text{" so."}}}}));
}

TEST(Conventions, JoinParagraphs) {
  auto fires =
      read("# Title\n\nThe crossing between the two\n\nmarket towns reopened on Thursday.\n");
  EXPECT_EQ(fires.blocks,
            (Blocks{para("The crossing between the two market towns reopened on Thursday.")}));

  auto three = read("# Title\n\nThe crossing between\n\nthe two market towns\n\nreopened.\n");
  EXPECT_EQ(three.blocks, (Blocks{para("The crossing between the two market towns reopened.")}));

  auto with_inlines = read(
      "# Title\n\nThe [council](https://example.org/c) said that\n\nthe ferry would *return*.\n");
  EXPECT_EQ(
      with_inlines.blocks,
      (Blocks{Para{{Text{"The "}, Link{{Text{"council"}}, "https://example.org/c", ""},
                    Text{" said that the ferry would "}, Emph{{Text{"return"}}}, Text{"."}}}}));

  // A finished sentence, or a next paragraph starting in upper case.
  auto finished = read("# Title\n\nThe ferry returned.\n\nmarket day followed.\n");
  EXPECT_EQ(finished.blocks, (Blocks{para("The ferry returned."), para("market day followed.")}));
  auto capital = read("# Title\n\nThe ferry returned\n\nMarket day followed.\n");
  EXPECT_EQ(capital.blocks, (Blocks{para("The ferry returned"), para("Market day followed.")}));
  auto quoted = read("# Title\n\nShe said “yes”\n\nand left.\n");
  EXPECT_EQ(quoted.blocks.size(), 2u);

  auto off = read("# Title\n\nThe crossing between the two\n\nmarket towns reopened.\n",
                  without("join-paragraphs"));
  EXPECT_EQ(off.blocks,
            (Blocks{para("The crossing between the two"), para("market towns reopened.")}));
}

// Split paragraphs were joined only at top level, not in quotes or list items.
TEST(Conventions, JoinParagraphsInsideQuotesAndListItems) {
  auto quote = read("# Title\n\n> The crossing between the two\n>\n> market towns reopened.\n");
  EXPECT_EQ(quote.blocks,
            (Blocks{BlockQuote{{para("The crossing between the two market towns reopened.")}}}));
  auto item = read("# Title\n\n- The crossing between the two\n\n  market towns reopened.\n");
  EXPECT_EQ(
      item.blocks,
      (Blocks{BulletList{
          {ListItem{{para("The crossing between the two market towns reopened.")}, Task::none}},
          false}}));

  // Nested, and in footnotes.
  auto nested = read("# Title\n\n> 1. The crossing between\n>\n>    the two towns.\n");
  EXPECT_EQ(nested.blocks,
            (Blocks{BlockQuote{{OrderedList{
                {ListItem{{para("The crossing between the two towns.")}, Task::none}}, 1, false}}}}));
  auto note = read("# Title\n\nBody.[^1]\n\n[^1]: The crossing between\n\n    the two towns.\n");
  ASSERT_EQ(note.notes.size(), 1u);
  EXPECT_EQ(note.notes[0].content, (Blocks{para("The crossing between the two towns.")}));

  // Never across the edge of a quote or an item, nor when the sentence ended.
  auto apart = read("# Title\n\n> The crossing between the two\n\nmarket towns reopened.\n");
  EXPECT_EQ(apart.blocks, (Blocks{BlockQuote{{para("The crossing between the two")}},
                                  para("market towns reopened.")}));
  auto items = read("# Title\n\n- The crossing between the two\n- market towns reopened.\n");
  EXPECT_EQ(items.blocks,
            (Blocks{BulletList{{ListItem{{para("The crossing between the two")}, Task::none},
                                ListItem{{para("market towns reopened.")}, Task::none}},
                               true}}));
  auto finished = read("# Title\n\n> The ferry returned.\n>\n> market day followed.\n");
  EXPECT_EQ(finished.blocks, (Blocks{BlockQuote{{para("The ferry returned."),
                                                 para("market day followed.")}}}));

  auto off = read("# Title\n\n> The crossing between the two\n>\n> market towns reopened.\n",
                  without("join-paragraphs"));
  EXPECT_EQ(off.blocks, (Blocks{BlockQuote{{para("The crossing between the two"),
                                            para("market towns reopened.")}}}));
}

TEST(Conventions, SmartQuotes) {
  auto fires = read("# Title\n\n\"We kept the old bell,\" she said. It's here -- for now...\n");
  EXPECT_EQ(fires.blocks, (Blocks{para("“We kept the old bell,” she said. It’s here – for now…")}));

  auto russian = read(
      "# Паром\n\n\"Мы сохранили старый колокол\", - сказала Мария Кузнецова, которая "
      "возглавляет совет волонтёров.\n");
  EXPECT_EQ(russian.meta.lang, "ru");
  EXPECT_EQ(russian.blocks,
            (Blocks{para("«Мы сохранили старый колокол», - сказала Мария Кузнецова, "
                         "которая возглавляет совет волонтёров.")}));

  auto french = read("---\nlang: fr\n---\n# Titre\n\n\"Oui\", dit-elle.\n");
  EXPECT_EQ(french.blocks, (Blocks{para("«\u00A0Oui\u00A0», dit-elle.")}));

  // Code is never touched.
  auto code = read("# Title\n\nRun `echo \"x\"` now.\n");
  EXPECT_EQ(code.blocks, (Blocks{Para{{Text{"Run "}, Code{"echo \"x\""}, Text{" now."}}}}));

  auto off = read("# Title\n\n\"We kept the old bell,\" she said -- it's here.\n",
                  without("smart-quotes"));
  EXPECT_EQ(off.blocks, (Blocks{para("\"We kept the old bell,\" she said -- it's here.")}));
  auto russian_off =
      read("# Паром\n\n\"Мы сохранили старый колокол\", - сказала она.\n", without("smart-quotes"));
  EXPECT_EQ(russian_off.blocks, (Blocks{para("\"Мы сохранили старый колокол\", - сказала она.")}));
}

constexpr std::string_view russian_article =
    "# Паром вернулся\n\nПереправа между двумя торговыми городами снова открылась в четверг, "
    "сообщил совет.\n";
constexpr std::string_view german_article =
    "# Die Fähre fährt wieder\n\nDie Verbindung zwischen den beiden Städten ist wieder offen, "
    "und der Rat sagt, dass die Fähre mit dem Verein auf dem Fluss fährt. Das ist nicht "
    "selbstverständlich.\n";

TEST(Conventions, Language) {
  EXPECT_EQ(read(russian_article).meta.lang, "ru");
  EXPECT_EQ(read(german_article).meta.lang, "de");
  EXPECT_EQ(
      read("# Пором\n\nПереправа між двома містами знову відкрилася, і її чекали.\n").meta.lang,
      "uk");

  // Too few words to tell, and English.
  EXPECT_EQ(read("# Title\n\nHola.\n").meta.lang, "en");
  EXPECT_EQ(read(format_example).meta.lang, "en");
  // Front matter names the language.
  EXPECT_EQ(read("---\nlang: de\n---\n" + std::string(russian_article)).meta.lang, "de");

  EXPECT_EQ(read(russian_article, without("language")).meta.lang, "en");
  EXPECT_EQ(read(german_article, without("language")).meta.lang, "en");
}

// ---------------------------------------------------------------------------------------
// Each convention switched off by name, in one article that triggers them all
// ---------------------------------------------------------------------------------------

constexpr std::string_view every_convention = R"(# Die Fähre fährt wieder

## Freiwillige haben den Anleger mit altem Holz neu gebaut

7\. März 2024

Von Jana Weber und Max Müller

![Die Fähre am Nordanleger](faehre.jpg)

**Die Fähre am Nordanleger / Hafenarchiv**

Die Verbindung zwischen den beiden Marktstädten ist seit Donnerstag wieder

offen, wie der [Gemeinderat](https://example.org/rat) mitteilte.
"Wir haben die alte Glocke behalten", sagte die Vorsitzende, und das ist mit dem Verein
abgestimmt.

**Lesen Sie auch:** [Wie der alte Anleger verloren ging](#)

Quelle: https://example.org/2024/03/07/faehre
)";

const Link council{{Text{"Gemeinderat"}}, "https://example.org/rat", ""};
constexpr std::string_view body_start =
    "Die Verbindung zwischen den beiden Marktstädten ist seit Donnerstag wieder";
constexpr std::string_view body_end =
    " mitteilte. „Wir haben die alte Glocke behalten“, sagte die Vorsitzende, und das ist mit "
    "dem Verein abgestimmt.";

Document every_convention_read() {
  Document expected;
  expected.meta.title = "Die Fähre fährt wieder";
  expected.meta.subtitle = "Freiwillige haben den Anleger mit altem Holz neu gebaut";
  expected.meta.authors = {"Jana Weber", "Max Müller"};
  expected.meta.date = Date{2024, 3, 7};
  expected.meta.date_text = "7. März 2024";
  expected.meta.lang = "de";
  expected.meta.source = "https://example.org/2024/03/07/faehre";
  expected.lead = LeadFigure{"faehre.jpg", "Die Fähre am Nordanleger", "Die Fähre am Nordanleger",
                             "Hafenarchiv"};
  expected.blocks = {
      Para{{Text{std::string(body_start) + " offen, wie der "}, council,
            Text{std::string(body_end)}}},
      Aside{"Lesen Sie auch", {Text{"Wie der alte Anleger verloren ging"}}},
  };
  return expected;
}

TEST(Conventions, EveryConventionOnInOneArticle) {
  EXPECT_EQ(read(every_convention), every_convention_read());
}

TEST(Conventions, EachConventionSwitchedOffLeavesItsMarkdownAsWritten) {
  Document on = every_convention_read();
  const Block heading{Header{1, {Text{"Die Fähre fährt wieder"}}}};
  const Block dek{Header{2, {Text{"Freiwillige haben den Anleger mit altem Holz neu gebaut"}}}};

  auto headline = read(every_convention, without("headline"));
  EXPECT_EQ(headline.meta.title, "");
  EXPECT_EQ(headline.blocks.front(), heading);

  auto dek_off = read(every_convention, without("dek"));
  EXPECT_EQ(dek_off.meta.title, on.meta.title);
  EXPECT_EQ(dek_off.meta.subtitle, "");
  EXPECT_EQ(dek_off.blocks.front(), dek);

  auto dateline = read(every_convention, without("dateline"));
  EXPECT_EQ(dateline.meta.subtitle, on.meta.subtitle);
  EXPECT_EQ(dateline.meta.date, std::nullopt);
  EXPECT_EQ(dateline.meta.date_text, "");
  EXPECT_EQ(dateline.blocks.front(), para("7. März 2024"));

  auto byline = read(every_convention, without("byline"));
  EXPECT_EQ(byline.meta.date, on.meta.date);
  EXPECT_TRUE(byline.meta.authors.empty());
  EXPECT_EQ(byline.blocks.front(), para("Von Jana Weber und Max Müller"));

  auto lead = read(every_convention, without("lead-figure"));
  EXPECT_EQ(lead.meta, on.meta);
  EXPECT_EQ(lead.lead, std::nullopt);
  ASSERT_GE(lead.blocks.size(), 2u);
  EXPECT_EQ(lead.blocks[0], (Block{Figure{"faehre.jpg", "Die Fähre am Nordanleger", "", ""}}));
  EXPECT_EQ(lead.blocks[1],
            (Block{Para{{Strong{{Text{"Die Fähre am Nordanleger / Hafenarchiv"}}}}}}));

  auto related = read(every_convention, without("related"));
  EXPECT_EQ(related.meta, on.meta);
  EXPECT_EQ(related.blocks.back(), (Block{Para{{Strong{{Text{"Lesen Sie auch:"}}},
                                                Text{" Wie der alte Anleger verloren ging"}}}}));

  auto source = read(every_convention, without("source-line"));
  EXPECT_EQ(source.meta.source, std::nullopt);
  EXPECT_EQ(source.blocks.back(),
            (Block{Para{{Text{"Quelle: "}, Link{{Text{"https://example.org/2024/03/07/faehre"}},
                                                "https://example.org/2024/03/07/faehre",
                                                ""}}}}));

  auto dead = read(every_convention, without("dead-links"));
  EXPECT_EQ(dead.meta, on.meta);
  EXPECT_EQ(dead.blocks.back(),
            (Block{Aside{"Lesen Sie auch",
                         {Link{{Text{"Wie der alte Anleger verloren ging"}}, "#", ""}}}}));

  auto join = read(every_convention, without("join-paragraphs"));
  EXPECT_EQ(join.meta, on.meta);
  ASSERT_GE(join.blocks.size(), 2u);
  EXPECT_EQ(join.blocks[0], para(std::string(body_start)));
  EXPECT_EQ(join.blocks[1],
            (Block{Para{{Text{"offen, wie der "}, council, Text{std::string(body_end)}}}}));

  auto quotes = read(every_convention, without("smart-quotes"));
  EXPECT_EQ(quotes.meta, on.meta);
  EXPECT_EQ(quotes.blocks.front(),
            (Block{Para{{Text{std::string(body_start) + " offen, wie der "}, council,
                         Text{" mitteilte. \"Wir haben die alte Glocke behalten\", sagte die "
                              "Vorsitzende, und das ist mit dem Verein abgestimmt."}}}}));

  auto language = read(every_convention, without("language"));
  EXPECT_EQ(language.meta.lang, "en");
  // Without a language the quotes stay English.
  EXPECT_EQ(language.blocks.front(),
            (Block{Para{{Text{std::string(body_start) + " offen, wie der "}, council,
                         Text{" mitteilte. “Wir haben die alte Glocke behalten”, sagte die "
                              "Vorsitzende, und das ist mit dem Verein abgestimmt."}}}}));
}

// ---------------------------------------------------------------------------------------
// Helpers declared in read/conventions.hpp
// ---------------------------------------------------------------------------------------

TEST(RemoveDeadLinks, KeepsTheLinkTextMergedIntoItsNeighbours) {
  Blocks blocks{Para{{Text{"a "}, Link{{Text{"b"}, Emph{{Text{"c"}}}}, "  #  ", ""}, Text{" d"}}}};
  read::remove_dead_links(blocks);
  EXPECT_EQ(blocks, (Blocks{Para{{Text{"a b"}, Emph{{Text{"c"}}}, Text{" d"}}}}));
}

}  // namespace
}  // namespace galley
