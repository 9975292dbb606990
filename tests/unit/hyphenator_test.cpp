// Tests for src/text/hyphenator.cpp and hyphen_dictionary.cpp with Debian's dictionaries
// (scripts/setup installs the hyphen-* packages).
#include "text/hyphenator.hpp"

#include "text/hyphen_dictionary.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <string>
#include <thread>

namespace galley::text {
namespace {

// The word with '=' at each break point (a soft hyphen's place shows as '=' instead of it).
std::string marked(const Hyphenator& hyphenator, std::string_view word) {
  const std::vector<std::size_t> points = hyphenator.break_points(word);
  std::string out;
  std::size_t from = 0;
  for (const std::size_t point : points) {
    out.append(word.substr(from, point - from));
    out += '=';
    from = point;
    if (word.substr(point).starts_with("\u00AD")) from += 2;
  }
  out.append(word.substr(from));
  return out;
}

// Fragments at the break points joined give the word back, and every point is inside it at
// the start of a UTF-8 character.
void expect_valid_points(const Hyphenator& hyphenator, std::string_view word) {
  std::size_t previous = 0;
  for (const std::size_t point : hyphenator.break_points(word)) {
    EXPECT_GT(point, previous) << word;
    EXPECT_LT(point, word.size()) << word;
    EXPECT_NE(static_cast<unsigned char>(word[point]) & 0xC0, 0x80) << word << " at " << point;
    previous = point;
  }
}

TEST(Hyphenator, English) {
  const Hyphenator en("en");
  ASSERT_TRUE(en.available());
  EXPECT_TRUE(en.dictionary_path().ends_with("hyph_en_US.dic"));
  EXPECT_EQ(marked(en, "hyphenation"), "hy=phen=ation");
  EXPECT_EQ(marked(en, "typesetting"), "type=set=ting");
  EXPECT_EQ(marked(en, "Typesetting,"), "Type=set=ting,");  // capitalised, punctuation kept out
}

TEST(Hyphenator, BritishAndAmerican) {
  const Hyphenator us("en-US");
  const Hyphenator gb("en-GB");
  EXPECT_TRUE(gb.dictionary_path().ends_with("hyph_en_GB.dic"));
  std::cout << "[ en       ] US " << marked(us, "democracy") << " " << marked(us, "progress") << " "
            << marked(us, "knowledge") << "; GB " << marked(gb, "democracy") << " " << marked(gb, "progress")
            << " " << marked(gb, "knowledge") << "\n";
  EXPECT_NE(marked(us, "knowledge"), marked(gb, "knowledge"));
}

TEST(Hyphenator, OtherLanguages) {
  // hyph_de_DE.dic is 1 MB: libhyphen's own loader takes seconds, galley's about 0.1 s (hyphen_patterns.cpp).
  const auto start = std::chrono::steady_clock::now();
  const Hyphenator de("de-AT");
  std::cout << "[ cost     ] de: load "
            << std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() << " ms\n";
  EXPECT_EQ(marked(de, "Silbentrennung"), "Sil=ben=tren=nung");
  const Hyphenator fr("fr");
  EXPECT_EQ(marked(fr, "typographie"), "ty=po=gra=phie");
  const Hyphenator es("es");
  EXPECT_EQ(marked(es, "tipografía"), "ti=po=gra=fía");
  const Hyphenator pl("pl");
  EXPECT_EQ(marked(pl, "wydawnictwo"), "wy=daw=nic=two");
  const Hyphenator it("it");
  EXPECT_EQ(marked(it, "tipografia"), "ti=po=gra=fia");
  // Brazilian if hyphen-pt-br is installed, else the language's default (Portugal).
  const Hyphenator pt_br("pt-BR");
  EXPECT_TRUE(pt_br.available());
  expect_valid_points(pt_br, "tipografia");
}

TEST(Hyphenator, ChoosesTheDictionaryForTheTag) {
  const auto file = [](std::string_view tag) { return detail::find_hyphen_dictionary(tag, "/usr/share/hyphen"); };
  EXPECT_EQ(file("pt"), "/usr/share/hyphen/hyph_pt_PT.dic");
  EXPECT_EQ(file("de-CH"), "/usr/share/hyphen/hyph_de_CH.dic");
  EXPECT_EQ(file("de"), "/usr/share/hyphen/hyph_de_DE.dic");
  EXPECT_EQ(file("en_GB"), "/usr/share/hyphen/hyph_en_GB.dic");
  EXPECT_EQ(file("en-Latn-GB"), "/usr/share/hyphen/hyph_en_GB.dic");
  EXPECT_EQ(file("EN-ca"), "/usr/share/hyphen/hyph_en_US.dic");  // none for Canada
  EXPECT_EQ(file("ru"), "/usr/share/hyphen/hyph_ru_RU.dic");
  EXPECT_EQ(file("uk"), "/usr/share/hyphen/hyph_uk_UA.dic");
  EXPECT_EQ(file("x"), "");
}

TEST(Hyphenator, RussianThroughKoi8) {
  const Hyphenator ru("ru");
  ASSERT_TRUE(ru.available());
  // What hyph_ru_RU.dic (2003, small) says; every break is at a syllable boundary, which a
  // wrong recoding would not give.
  EXPECT_EQ(marked(ru, "гипертекстовый"), "гипер=тек=сто=вый");
  EXPECT_EQ(marked(ru, "Правительство"), "Пра=ви=тельство");
  EXPECT_EQ(marked(ru, "ёлочка"), "ёлочка");  // "ка" is under right_min
  EXPECT_EQ(marked(Hyphenator("ru", HyphenationOptions{2, 2, "/usr/share/hyphen"}), "ёлочка"), "ёлоч=ка");
  for (std::string_view word : {"гипертекстовый", "ёлочка", "переосмысление", "Правительство"}) {
    expect_valid_points(ru, word);
  }
}

TEST(Hyphenator, Ukrainian) {
  const Hyphenator uk("uk-UA");
  ASSERT_TRUE(uk.available());
  EXPECT_EQ(marked(uk, "українська"), "украї=нська");  // hyph_uk_UA.dic's answer
  expect_valid_points(uk, "м'ясорубка");
}

TEST(Hyphenator, MinimumFragments) {
  const Hyphenator en("en");
  for (std::size_t point : en.break_points("hyphenation")) {
    EXPECT_GE(point, 2u);
    EXPECT_LE(point, 11u - 3u);
  }
  const Hyphenator strict("en", HyphenationOptions{4, 5, "/usr/share/hyphen"});
  EXPECT_EQ(marked(strict, "hyphenation"), "hyphen=ation");
  EXPECT_EQ(marked(en, "the"), "the");
  EXPECT_EQ(marked(en, "also"), "also");
}

TEST(Hyphenator, ExistingHyphens) {
  const Hyphenator en("en");
  EXPECT_EQ(marked(en, "well-known"), "well-=known");
  EXPECT_EQ(marked(en, "typesetting-hyphenation"), "type=set=ting-=hy=phen=ation");
  const Hyphenator ru("ru");
  EXPECT_EQ(marked(ru, "санкт-петербургский"), "санкт-=пе=тер=бург=ский");
}

TEST(Hyphenator, SoftHyphensOnly) {
  const Hyphenator en("en");
  EXPECT_EQ(marked(en, "hyphen\u00ADation"), "hyphen=ation");
  EXPECT_EQ(marked(Hyphenator("xx"), "a\u00ADb\u00ADc"), "a=b=c");  // even without a dictionary
}

TEST(Hyphenator, LeavesAloneWhatIsNotAWord) {
  const Hyphenator en("en");
  EXPECT_EQ(marked(en, "UNESCO"), "UNESCO");
  EXPECT_EQ(marked(en, "INTERNATIONAL"), "INTERNATIONAL");
  EXPECT_EQ(marked(en, "https://example.com/typesetting"), "https://example.com/typesetting");
  EXPECT_EQ(marked(en, "typesetting@example.com"), "typesetting@example.com");
  EXPECT_EQ(marked(en, "typesetting.hyphenation"), "typesetting.hyphenation");
  EXPECT_EQ(marked(en, "hyphenation_rules"), "hyphenation_rules");
  EXPECT_EQ(marked(en, "hyphenation2"), "hyphenation2");
  EXPECT_EQ(marked(en, "COVID-19"), "COVID-19");
  EXPECT_EQ(marked(en, "hyphenation."), "hy=phen=ation.");  // a full stop at the end is fine
  EXPECT_EQ(marked(en, "\xff\xfehyphenation"), "\xff\xfehyphenation");  // invalid UTF-8
  const Hyphenator ru("ru");
  EXPECT_EQ(marked(ru, "ПРАВИТЕЛЬСТВО"), "ПРАВИТЕЛЬСТВО");
  EXPECT_EQ(marked(ru, "гипер\u00e9текст"), "гипер\u00e9текст");  // é is not in KOI8-R
}

TEST(Hyphenator, UnknownLanguageHyphenatesNothing) {
  const Hyphenator none("tlh");
  EXPECT_FALSE(none.available());
  EXPECT_TRUE(none.dictionary_path().empty());
  EXPECT_TRUE(none.break_points("hyphenation").empty());
  EXPECT_FALSE(Hyphenator("").available());
  EXPECT_FALSE(Hyphenator("en", HyphenationOptions{2, 3, "/nonexistent"}).available());
}

TEST(Hyphenator, ThreadsShareOneHyphenator) {
  const Hyphenator ru("ru");
  const std::vector<std::string> words = {"гипертекстовый", "переосмысление", "санкт-петербургский",
                                          "Правительство", "достопримечательность"};
  std::vector<std::vector<std::size_t>> expected;
  for (const auto& word : words) expected.push_back(ru.break_points(word));
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 2000; ++round) {
        const std::size_t i = static_cast<std::size_t>(round + t) % words.size();
        if (ru.break_points(words[i]) != expected[i]) ++mismatches[static_cast<std::size_t>(t)];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

TEST(Hyphenator, SharedPerDictionaryFile) {
  const auto de = shared_hyphenator("de");
  ASSERT_NE(de, nullptr);
  EXPECT_EQ(shared_hyphenator("de-DE"), de);  // the same file, hyph_de_DE.dic
  EXPECT_EQ(shared_hyphenator("de"), de);
  EXPECT_NE(shared_hyphenator("en-GB"), shared_hyphenator("en-US"));
  EXPECT_EQ(shared_hyphenator("xx"), nullptr);
  // Threads asking at once get the one instance.
  std::vector<std::thread> threads;
  std::vector<const Hyphenator*> got(4, nullptr);
  for (std::size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&, t] { got[t] = shared_hyphenator("ru-RU").get(); });
  }
  for (auto& thread : threads) thread.join();
  for (const Hyphenator* one : got) EXPECT_EQ(one, shared_hyphenator("ru").get());
}

TEST(Hyphenator, Cost) {
  using Clock = std::chrono::steady_clock;
  const auto millis = [](Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };
  for (const char* language : {"en", "ru"}) {
    const auto start = Clock::now();
    const Hyphenator hyphenator(language);
    const auto loaded = Clock::now();
    const std::vector<std::string> words =
        std::string_view(language) == "ru"
            ? std::vector<std::string>{"гипертекстовый", "правительство", "переосмысление", "история", "газета"}
            : std::vector<std::string>{"hyphenation", "typesetting", "Constantinople", "international", "newspaper"};
    const int runs = 20000;
    std::size_t points = 0;
    for (int i = 0; i < runs; ++i) points += hyphenator.break_points(words[static_cast<std::size_t>(i) % words.size()]).size();
    const auto done = Clock::now();
    std::cout << "[ cost     ] " << language << ": load " << millis(loaded - start) << " ms, "
              << millis(done - loaded) * 1000 / runs << " us a word\n";
    EXPECT_GT(points, 0u);
  }
}

}  // namespace
}  // namespace galley::text
