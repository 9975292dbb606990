// Tests for src/layout/paragraph.cpp (and spans.cpp under it) with a fixed-width font: at
// 10 pt every character, the space included, is 5 pt wide.
#include "layout/paragraph.hpp"

#include <gtest/gtest.h>

#include "fake_font_metrics.hpp"
#include "layout/spans.hpp"
#include "layout/word_memo.hpp"

namespace galley::layout {
namespace {

const TextStyle text{Family::body, text::FontStyle::regular, 10, 12};

struct Fixture : ::testing::Test {
  LayoutStyle style;
  testing::FakeFontMetrics metrics;
  Diagnostics diagnostics;
  Context context{style, metrics, diagnostics};

  std::vector<Slice> set(const Spans& spans, double width, Align align = Align::justify) {
    return set_paragraph(context, spans, text, align, Frame{100, width});
  }
};

std::vector<TextRun> runs(const Slice& slice) {
  std::vector<TextRun> out;
  for (const Item& item : slice.items) {
    if (const auto* run = std::get_if<TextRun>(&item)) out.push_back(*run);
  }
  return out;
}

// A line's words where a reader sees them: a run may hold several, its spaces the font's
// own and what justification added or took as Kerns.
struct Word {
  std::string text;
  double x = 0;
};

std::vector<Word> words(const Slice& slice, int advance = 500) {
  std::vector<Word> out;
  for (const TextRun& run : runs(slice)) {
    long pen = 0;  // thousandths of an em from run.x
    bool in_word = false;
    for (std::size_t i = 0; i < run.text.size(); ++i) {
      for (const Kern& kern : run.kerns) {
        if (kern.offset == i) pen += kern.amount;
      }
      const char c = run.text[i];
      if ((c & 0xC0) == 0x80) {  // a UTF-8 continuation byte: the same character
        out.back().text += c;
        continue;
      }
      if (c == ' ') {
        in_word = false;
      } else {
        if (!in_word) out.push_back(Word{"", run.x + static_cast<double>(pen) * run.size / 1000});
        in_word = true;
        out.back().text += c;
      }
      pen += advance;
    }
  }
  return out;
}

using LayoutParagraph = Fixture;

TEST_F(LayoutParagraph, BreaksWhereTheNextWordNoLongerFitsAndJustifies) {
  // "aaaa bbbb" is 45 pt; "cccc" would make it 70.
  const auto lines = set(plain_spans(context, "aaaa bbbb cccc"), 50);
  ASSERT_EQ(lines.size(), 2u);
  // One run for the line, its space the font's.
  const auto first = runs(lines[0]);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].text, "aaaa bbbb");
  EXPECT_DOUBLE_EQ(first[0].x, 100);
  EXPECT_DOUBLE_EQ(first[0].width, 50);
  // Justified: the one space grows from 5 to 10 pt (a kern of 500 thousandths at 10 pt), so
  // "bbbb" ends at the right edge.
  EXPECT_EQ(first[0].kerns, (std::vector<Kern>{{5, 500}}));
  const auto placed = words(lines[0]);
  ASSERT_EQ(placed.size(), 2u);
  EXPECT_EQ(placed[1].text, "bbbb");
  EXPECT_DOUBLE_EQ(placed[1].x, 130);
  // The last line is set ragged.
  const auto last = runs(lines[1]);
  ASSERT_EQ(last.size(), 1u);
  EXPECT_DOUBLE_EQ(last[0].x, 100);
  EXPECT_DOUBLE_EQ(lines[0].height, 12);
}

TEST_F(LayoutParagraph, LeftAlignedLinesKeepNaturalSpaces) {
  const auto lines = set(plain_spans(context, "aaaa bbbb cccc"), 50, Align::left);
  EXPECT_DOUBLE_EQ(words(lines[0])[1].x, 125);
  EXPECT_TRUE(runs(lines[0])[0].kerns.empty());  // natural spaces need no kern
}

TEST_F(LayoutParagraph, RightAndCentredLines) {
  EXPECT_DOUBLE_EQ(runs(set(plain_spans(context, "aaaa"), 50, Align::right)[0])[0].x, 130);
  EXPECT_DOUBLE_EQ(runs(set(plain_spans(context, "aaaa"), 50, Align::center)[0])[0].x, 115);
}

TEST_F(LayoutParagraph, AWordWiderThanTheColumnIsBrokenByCharacterWithHyphens) {
  const std::string word = "abcdefghijklmnopqrstuvwxyz";  // 130 pt in a 50 pt column
  const auto lines = set(plain_spans(context, word), 50);
  ASSERT_EQ(lines.size(), 3u);
  std::string rebuilt;
  for (const Slice& line : lines) {
    for (const TextRun& run : runs(line)) {
      EXPECT_GE(run.x, 100);
      EXPECT_LE(run.x + run.width, 150 + 1e-9) << run.text;
      if (run.text != "-") rebuilt += run.text;
    }
  }
  EXPECT_EQ(rebuilt, word);
  // 9 characters and a hyphen fill 50 pt exactly.
  ASSERT_EQ(runs(lines[0]).size(), 2u);
  EXPECT_EQ(runs(lines[0])[0].text, "abcdefghi");
  EXPECT_EQ(runs(lines[0])[1].text, "-");
  EXPECT_EQ(runs(lines[2])[0].text, "stuvwxyz");
}

TEST_F(LayoutParagraph, LinesBreakAfterAHyphenOrSlashWithoutAddingOne) {
  const auto lines = set(plain_spans(context, "aaaaaa-bbbbbb"), 40);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(runs(lines[0])[0].text, "aaaaaa-");
  EXPECT_EQ(runs(lines[1])[0].text, "bbbbbb");
}

TEST_F(LayoutParagraph, NoBreakSpacesHoldWordsTogether) {
  const auto lines = set(plain_spans(context, "aa bb\u00a0cc"), 30);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(runs(lines[1])[0].text, "bb\u00a0cc");
}

TEST_F(LayoutParagraph, AHardLineBreakEndsALineAndIsNotJustified) {
  Spans spans = plain_spans(context, "aa");
  spans.push_back(Span{"", {}, true});
  spans.push_back(Span{"bb cc", {}, false});
  const auto lines = set(spans, 100);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_DOUBLE_EQ(words(lines[1])[1].x, 100 + 10 + 5);
}

TEST_F(LayoutParagraph, LinksGetOneAreaPerLineOverTheirWords) {
  SpanStyle link;
  link.uri = "https://example.org/";
  Spans spans = plain_spans(context, "see ");
  spans.push_back(Span{"the council said", link, false});
  spans.push_back(Span{" today", {}, false});
  const auto lines = set(spans, 55, Align::left);  // "see the" / "council" / "said today"
  int areas = 0;
  for (const Slice& line : lines) {
    for (const Item& item : line.items) {
      if (const auto* area = std::get_if<LinkArea>(&item)) {
        ++areas;
        EXPECT_EQ(area->uri, "https://example.org/");
        EXPECT_GT(area->width, 0);
      }
    }
  }
  EXPECT_EQ(areas, 3);
  // "see the": the area starts at "the", not at the line start.
  const auto* first = std::get_if<LinkArea>(&lines[0].items.back());
  ASSERT_NE(first, nullptr);
  EXPECT_DOUBLE_EQ(first->x, 120);
  EXPECT_DOUBLE_EQ(first->width, 15);
}

TEST_F(LayoutParagraph, NoteMarksAreSmallerRaisedAndLinkToTheirNote) {
  // Notes are numbered in the order of their first marks: the model's second note, marked
  // first, is shown as 1; marked again, it keeps its number.
  Spans spans;
  append_spans(context, {model::Text{"word"}, model::NoteRef{2}, model::Text{" again"}, model::NoteRef{2}}, {}, spans);
  const auto lines = set(spans, 100);
  const auto line = runs(lines[0]);
  ASSERT_EQ(line.size(), 4u);
  EXPECT_EQ(line[1].text, "1");
  EXPECT_EQ(line[3].text, "1");
  EXPECT_LT(line[1].size, line[0].size);
  EXPECT_LT(line[1].y, line[0].y);
  EXPECT_DOUBLE_EQ(line[1].x, line[0].x + line[0].width);
  bool linked = false;
  for (const Item& item : lines[0].items) {
    if (const auto* area = std::get_if<LinkArea>(&item)) linked = area->destination == note_destination(0, 1);
  }
  EXPECT_TRUE(linked);
  ASSERT_EQ(context.notes().size(), 1u);
  EXPECT_EQ(context.notes()[0].model_note, 1);
  // The line records the note it calls, for pagination to set at its foot.
  EXPECT_EQ(lines[0].notes, (std::vector<int>{0, 0}));
}

TEST(LayoutSpans, LinkUrlsBecomeNotesNumberedWithTheArticlesOwn) {
  LayoutStyle style;
  style.link_notes = LinkNotes::foot;
  testing::FakeFontMetrics metrics;
  Diagnostics diagnostics;
  Context context{style, metrics, diagnostics};
  auto link = [](std::string shown, std::string target) {
    return model::Inline{model::Link{{model::Inline{model::Text{std::move(shown)}}}, std::move(target), ""}};
  };
  Spans spans;
  append_spans(context,
               {link("the plan", "https://example.org/plan"), model::Inline{model::NoteRef{1}},
                link("again", "https://example.org/plan"), link("example.org/x", "https://example.org/x"),
                link("dead", "javascript:alert(1)")},
               {}, spans);
  std::vector<std::string> marks;
  for (const Span& span : spans) {
    if (span.style.note_mark) marks.push_back(span.text);
  }
  // The URL's note is 1 and comes back for the repeated URL; the article's note is 2; a link
  // showing its own address and a dead link get none.
  EXPECT_EQ(marks, (std::vector<std::string>{"1", "2", "1"}));
  ASSERT_EQ(context.notes().size(), 2u);
  EXPECT_EQ(context.notes()[0].url, "https://example.org/plan");
  EXPECT_EQ(context.notes()[1].model_note, 0);
  // The link text stays a live link.
  EXPECT_EQ(spans.front().style.uri, "https://example.org/plan");
}

TEST_F(LayoutParagraph, DeadAndUnsafeLinksStayPlainText) {
  Spans spans;
  append_spans(context,
               {model::Link{{model::Text{"a"}}, "javascript:alert(1)", ""},
                model::Link{{model::Text{"b"}}, "other.md", ""}},
               {}, spans);
  for (const Span& span : spans) EXPECT_TRUE(span.style.uri.empty());
}

TEST_F(LayoutParagraph, KeepsFirstAndLastTwoLinesTogether) {
  const auto lines = set(plain_spans(context, "aa bb cc dd ee"), 10);
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_TRUE(lines[0].keep_with_next);
  EXPECT_FALSE(lines[1].keep_with_next);
  EXPECT_FALSE(lines[2].keep_with_next);
  EXPECT_TRUE(lines[3].keep_with_next);
  EXPECT_FALSE(lines[4].keep_with_next);
}

TEST_F(LayoutParagraph, ACharacterNoFontHasIsReportedOnce) {
  metrics.uncovered = {U'\u4e2d'};
  set(plain_spans(context, "\u4e2d \u4e2d"), 100);
  context.end_article();
  ASSERT_EQ(diagnostics.count(Severity::warning), 1u);
  EXPECT_NE(diagnostics.items()[0].message.find("U+4E2D"), std::string::npos);
}

TEST_F(LayoutParagraph, EveryArticleReportsItsOwnMissingCharactersThoughWordsAreShapedOnce) {
  metrics.uncovered = {U'\u4e2d'};
  for (int article = 1; article <= 2; ++article) {
    context.begin_article("a.md", "en", article);
    set(plain_spans(context, "word \u4e2d word"), 100);
    context.end_article();
  }
  ASSERT_EQ(diagnostics.count(Severity::warning), 2u);
  EXPECT_NE(diagnostics.items()[1].message.find("U+4E2D"), std::string::npos);
}

TEST_F(LayoutParagraph, AWordShapedAgainHasTheSameFragments) {
  std::vector<Fragment> first, again;
  const double width = context.shape(0, 10, "Wave", first);
  EXPECT_EQ(context.shape(0, 10, "Wave", again), width);
  ASSERT_EQ(first.size(), again.size());
  EXPECT_EQ(first[0].text, again[0].text);
  EXPECT_EQ(first[0].width, again[0].width);
  EXPECT_NE(context.shape(0, 12, "Wave", again), width);  // another size is shaped afresh
}

TEST_F(LayoutParagraph, TextIsMadeDrawable) {
  const auto lines = set(plain_spans(context, "soft\u00adhyphen tab\there"), 200);
  for (const TextRun& run : runs(lines[0])) EXPECT_EQ(run.text.find("\u00ad"), std::string::npos);
}

// The text of a paragraph's lines, each line's runs joined with spaces.
std::vector<std::string> line_texts(const std::vector<Slice>& lines) {
  std::vector<std::string> out;
  for (const Slice& line : lines) {
    std::string joined;
    const auto all = runs(line);
    for (std::size_t i = 0; i < all.size(); ++i) {
      // Runs that touch are one word (a hyphen, a note mark); others have a space between.
      if (i > 0 && all[i].x > all[i - 1].x + all[i - 1].width + 0.01) joined += ' ';
      joined += all[i].text;
    }
    out.push_back(joined);
  }
  return out;
}

TEST_F(LayoutParagraph, HyphenatesInTheArticlesLanguage) {
  context.begin_article("a.md", "en-US", 0);
  // 14 characters a line: "hyphenation" fits nowhere but hyphenated.
  const auto lines = line_texts(set(plain_spans(context, "the hyphenation of typesetting matters"), 70));
  EXPECT_EQ(lines, (std::vector<std::string>{"the hyphen-", "ation of", "typesetting", "matters"}));
}

TEST_F(LayoutParagraph, WordsMadeBeforeAreSetAsIfMadeAfresh) {
  // The context keeps the items of each word it makes (layout/word_memo.hpp). A word's copy
  // must not carry where it was made: the last word of a paragraph keeps five characters
  // after a hyphen ("typeset-ting" is no break there), kerning across a cut stays.
  metrics.kerns[{U'A', U'V'}] = -100;
  metrics.kerns[{U'V', U'A'}] = -100;
  const std::string before = "typesetting hyphenation AVA-VA x";
  const std::string paragraph = "the AVA-VA hyphenation of typesetting";
  context.begin_article("a.md", "en-US", 0);
  set(plain_spans(context, before), 70);
  const auto again = set(plain_spans(context, paragraph), 55);

  Diagnostics fresh_diagnostics;
  Context fresh(style, metrics, fresh_diagnostics);
  fresh.begin_article("a.md", "en-US", 0);
  const auto afresh = set_paragraph(fresh, plain_spans(fresh, paragraph), text, Align::justify, Frame{100, 55});
  EXPECT_EQ(line_texts(again), line_texts(afresh));
  ASSERT_EQ(again.size(), afresh.size());
  for (std::size_t i = 0; i < again.size(); ++i) EXPECT_EQ(runs(again[i]), runs(afresh[i])) << "line " << i;
  // Where "typesetting" was first made it could break "typeset-ting"; as the last word not.
  EXPECT_EQ(line_texts(afresh), (std::vector<std::string>{"the AVA-VA", "hyphenation", "of type-", "setting"}));
}

TEST_F(LayoutParagraph, AContextWithAnotherMemoOfTheSameFontsSetsItsWordsAsItsOwn) {
  // A batch of one-article PDFs keeps one memo per FontSet: the next article's context
  // numbers the fonts of the memo's words in its own order of first use.
  WordMemo shared;
  SpanStyle italic;
  italic.italic = true;
  auto set_both = [&](Context& into) {
    into.begin_article("a.md", "en-US", 0);
    std::vector<Slice> lines = set_paragraph(into, plain_spans(into, "emphasis typesetting", italic), text,
                                             Align::justify, Frame{100, 200});
    for (Slice& line : set_paragraph(into, plain_spans(into, "plain typesetting"), text, Align::justify,
                                     Frame{100, 200})) {
      lines.push_back(std::move(line));
    }
    return lines;
  };
  Diagnostics first_diagnostics, second_diagnostics, fresh_diagnostics;
  Context first(style, metrics, first_diagnostics, &shared);
  first.begin_article("a.md", "en-US", 0);
  set_paragraph(first, plain_spans(first, "plain typesetting"), text, Align::justify, Frame{100, 200});
  Context second(style, metrics, second_diagnostics, &shared);
  Context fresh(style, metrics, fresh_diagnostics);
  const auto again = set_both(second);
  const auto afresh = set_both(fresh);
  ASSERT_EQ(again.size(), afresh.size());
  for (std::size_t i = 0; i < again.size(); ++i) EXPECT_EQ(runs(again[i]), runs(afresh[i])) << "line " << i;
  EXPECT_EQ(second.fonts(), fresh.fonts());
  ASSERT_EQ(fresh.fonts().size(), 2u);
  EXPECT_EQ(fresh.fonts()[0].style, text::FontStyle::italic);
}

TEST_F(LayoutParagraph, AHyphenatedLineNeverEndsAPage) {
  style.orphans = 1;
  style.widows = 1;
  context.begin_article("a.md", "en-US", 0);
  const auto slices = set(plain_spans(context, "the hyphenation of typesetting matters"), 70);
  const auto lines = line_texts(slices);
  ASSERT_EQ(lines.size(), 4u);
  for (std::size_t i = 0; i < lines.size(); ++i) EXPECT_EQ(slices[i].keep_with_next, i == 0) << lines[i];
}

TEST_F(LayoutParagraph, NoHyphenationWhenTheStyleSaysSo) {
  style.hyphenate = false;
  context.begin_article("a.md", "en-US", 0);
  for (const std::string& line : line_texts(set(plain_spans(context, "the hyphenation of typesetting"), 70))) {
    EXPECT_FALSE(line.ends_with("-")) << line;
  }
}

TEST_F(LayoutParagraph, SoftHyphensBreakThereAndAreNeverDrawn) {
  style.hyphenate = false;
  context.begin_article("a.md", "en-US", 0);
  const auto slices = set(plain_spans(context, "aa bbbb\u00adcccc\u00addd"), 50);
  EXPECT_EQ(line_texts(slices), (std::vector<std::string>{"aa bbbb-", "ccccdd"}));
  for (const Slice& line : slices) {
    for (const TextRun& run : runs(line)) EXPECT_EQ(run.text.find("\u00ad"), std::string::npos) << run.text;
  }
  // Unbroken, the word is one run again.
  EXPECT_EQ(line_texts(set(plain_spans(context, "bbbb\u00adcccc"), 100)), (std::vector<std::string>{"bbbbcccc"}));
  EXPECT_EQ(runs(set(plain_spans(context, "bbbb\u00adcccc"), 100)[0]).size(), 1u);
}

TEST_F(LayoutParagraph, NeverBreaksBeforeClosingPunctuation) {
  // "aa bb" fits in 25 pt, "aa bb !" does not; the space before "!" is no break (UAX #14).
  EXPECT_EQ(line_texts(set(plain_spans(context, "aa bb !"), 25)), (std::vector<std::string>{"aa", "bb !"}));
}

TEST_F(LayoutParagraph, ASpacedDashStaysWithTheWordBefore) {
  EXPECT_EQ(line_texts(set(plain_spans(context, "aa bb \u2014 cc"), 35, Align::left)),
            (std::vector<std::string>{"aa bb \u2014", "cc"}));
}

TEST_F(LayoutParagraph, LongUrlsBreakAfterSlashesWithoutHyphens) {
  const auto lines = line_texts(set(plain_spans(context, "see https://example.org/aaaa/bbbb/cccc"), 100, Align::left));
  ASSERT_GE(lines.size(), 2u);
  EXPECT_TRUE(lines[0].ends_with("/")) << lines[0];
  for (const std::string& line : lines) EXPECT_FALSE(line.ends_with("-")) << line;
}

TEST_F(LayoutParagraph, KerningIsMeasuredAndDrawn) {
  metrics.kerns[{U'A', U'V'}] = -100;
  metrics.kerns[{U'V', U'A'}] = -100;
  const Slice slice = set(plain_spans(context, "AVA x"), 100, Align::left)[0];
  const auto line = runs(slice);
  ASSERT_EQ(line.size(), 1u);
  EXPECT_EQ(line[0].text, "AVA x");
  EXPECT_DOUBLE_EQ(line[0].width, 13 + 5 + 5);  // 3 x 5 pt, less 1 pt twice; a space; "x"
  EXPECT_EQ(line[0].kerns, (std::vector<Kern>{{1, -100}, {2, -100}}));
  EXPECT_DOUBLE_EQ(words(slice)[1].x, 100 + 13 + 5);
}

TEST_F(LayoutParagraph, MeasuresWidestWordAndLongestLine) {
  const Extent extent = measure_paragraph(context, plain_spans(context, "aa bbbb c"), text);
  EXPECT_DOUBLE_EQ(extent.min, 20);
  EXPECT_DOUBLE_EQ(extent.max, 45);
}

}  // namespace
}  // namespace galley::layout
