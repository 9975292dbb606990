// Tests for src/text/hyphen_patterns.cpp: the dictionaries it builds hyphenate every word
// exactly as libhyphen's own hnj_hyphen_load does, and much faster.
#include "text/hyphen_patterns.hpp"

#include <hyphen.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace galley::text::detail {
namespace {

const std::string dictionaries = "/usr/share/hyphen/";

// Words made from the pattern file itself (each pattern's letters; two patterns run together
// for compounds), in the file's own charset, so every state of the automaton gets walked.
std::vector<std::string> words_of(const std::string& path, std::size_t limit) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  std::getline(in, line);  // charset
  std::vector<std::string> words;
  std::string previous;
  while (std::getline(in, line) && words.size() < limit) {
    std::string word;
    for (const char c : line.substr(0, line.find('/'))) {
      if ((c >= '0' && c <= '9') || c == '.' || static_cast<unsigned char>(c) <= ' ') continue;
      word += c;
    }
    if (word.size() < 2 || word.find_first_of("%#") != std::string::npos) continue;
    words.push_back(word);
    if (!previous.empty()) words.push_back(previous + word);
    previous = word;
  }
  for (const char* extra : {"hyphenation", "Schiffahrt", "schifffahrt", "zucker", "typographie", "abc-def"}) {
    words.emplace_back(extra);
  }
  return words;
}

// Everything hnj_hyphen_hyphenate2 says about a word, as text.
std::string hyphenate(HyphenDict* dict, const std::string& word) {
  std::vector<char> hyphens(word.size() + 5, '0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  std::vector<char> hyphenated(word.size() * 3 + 10, '\0');
  const int failed = hnj_hyphen_hyphenate2(dict, word.c_str(), static_cast<int>(word.size()), hyphens.data(),
                                           hyphenated.data(), &rep, &pos, &cut);
  std::ostringstream out;
  out << failed << ' ' << hyphenated.data();
  if (rep != nullptr) {
    for (std::size_t i = 0; i < word.size(); ++i) {
      if (rep[i] != nullptr) out << " [" << i << ':' << rep[i] << ',' << pos[i] << ',' << cut[i] << ']';
      std::free(rep[i]);
    }
    std::free(rep);
  }
  std::free(pos);
  std::free(cut);
  return out.str();
}

// Both loaders on one file: the same answer for every word.
void expect_same(const std::string& path, std::size_t limit = 4000) {
  HyphenDict* theirs = hnj_hyphen_load(path.c_str());
  ASSERT_NE(theirs, nullptr) << path;
  const auto ours = HyphenPatterns::load(path);
  ASSERT_NE(ours, nullptr) << path;
  EXPECT_EQ(ours->dict()->num_states, theirs->num_states) << path;
  EXPECT_EQ(ours->dict()->utf8, theirs->utf8) << path;
  EXPECT_EQ(ours->dict()->lhmin, theirs->lhmin) << path;
  EXPECT_EQ(ours->dict()->rhmin, theirs->rhmin) << path;
  EXPECT_EQ(ours->dict()->clhmin, theirs->clhmin) << path;
  EXPECT_EQ(ours->dict()->crhmin, theirs->crhmin) << path;
  EXPECT_EQ(ours->dict()->nohyphenl, theirs->nohyphenl) << path;
  EXPECT_EQ(ours->dict()->nextlevel != nullptr, theirs->nextlevel != nullptr) << path;
  std::size_t differences = 0;
  const auto words = words_of(path, limit);
  for (const std::string& word : words) {
    const std::string expected = hyphenate(theirs, word);
    const std::string actual = hyphenate(ours->dict(), word);
    if (expected != actual && ++differences < 5) ADD_FAILURE() << path << ": " << word << ": " << expected << " vs " << actual;
  }
  EXPECT_EQ(differences, 0u) << path << " over " << words.size() << " words";
  hnj_hyphen_free(theirs);
}

TEST(HyphenPatterns, SameAsLibhyphenForEachLanguage) {
  for (const char* name : {"hyph_en_US.dic", "hyph_en_GB.dic", "hyph_ru_RU.dic", "hyph_uk_UA.dic", "hyph_fr.dic",
                           "hyph_es_ES.dic", "hyph_it_IT.dic", "hyph_pt_PT.dic", "hyph_pt_BR.dic", "hyph_pl_PL.dic"}) {
    if (!std::filesystem::exists(dictionaries + name)) continue;
    expect_same(dictionaries + name);
  }
}

// The German dictionary takes libhyphen seconds; a cut of it (its keywords, some first-level
// patterns, NOHYPHEN, NEXTLEVEL and the whole second level) shows the same in milliseconds.
TEST(HyphenPatterns, SameAsLibhyphenForGermanExcerpt) {
  const std::string full = dictionaries + "hyph_de_DE.dic";
  if (!std::filesystem::exists(full)) GTEST_SKIP() << "hyphen-de not installed";
  std::ifstream in(full, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::size_t nextlevel = 0;
  while (nextlevel < lines.size() && !lines[nextlevel].starts_with("NEXTLEVEL")) ++nextlevel;
  ASSERT_LT(nextlevel, lines.size());
  const std::string cut = (std::filesystem::temp_directory_path() / "galley-hyph-de-excerpt.dic").string();
  {
    std::ofstream out(cut, std::ios::binary);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i < 3000 || i + 10 >= nextlevel) out << lines[i] << '\n';
    }
  }
  expect_same(cut, 20000);
  std::filesystem::remove(cut);
}

// The whole German dictionary against libhyphen's loader (seconds: run by hand with
// --gtest_also_run_disabled_tests).
TEST(HyphenPatterns, DISABLED_SameAsLibhyphenForWholeGerman) {
  expect_same(dictionaries + "hyph_de_DE.dic", 200000);
}

// Lines longer than libhyphen's 99-byte buffer, comments, NOHYPHEN without NEXTLEVEL,
// replacements and a file without a final newline.
TEST(HyphenPatterns, SameAsLibhyphenOnOddFiles) {
  const std::string path = (std::filesystem::temp_directory_path() / "galley-hyph-odd.dic").string();
  {
    std::ofstream out(path, std::ios::binary);
    out << "ISO8859-1\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\n% comment\n# hash\nNOHYPHEN x,yz\n"
        << "a1b\n" << std::string(150, 'q') << "1r\n" << ".ab1c\nf1f/ff=f,1,2\nc1k/k=k\nzz1\n\nb1c2d";
  }
  HyphenDict* theirs = hnj_hyphen_load(path.c_str());
  const auto ours = HyphenPatterns::load(path);
  ASSERT_NE(theirs, nullptr);
  ASSERT_NE(ours, nullptr);
  EXPECT_EQ(ours->dict()->num_states, theirs->num_states);
  EXPECT_EQ(ours->dict()->nextlevel->nohyphenl, theirs->nextlevel->nohyphenl);
  for (const char* word : {"abcd", "schiffahrt", "ffff", "ackbar", "zzzz", "bcd", "qqqqr", "abxyz"}) {
    EXPECT_EQ(hyphenate(ours->dict(), word), hyphenate(theirs, word)) << word;
  }
  hnj_hyphen_free(theirs);
  std::filesystem::remove(path);
}

TEST(HyphenPatterns, MissingFile) { EXPECT_EQ(HyphenPatterns::load("/nonexistent/hyph_xx.dic"), nullptr); }

TEST(HyphenPatterns, GermanLoadsFast) {
  const std::string full = dictionaries + "hyph_de_DE.dic";
  if (!std::filesystem::exists(full)) GTEST_SKIP() << "hyphen-de not installed";
  const auto start = std::chrono::steady_clock::now();
  const auto german = HyphenPatterns::load(full);
  ASSERT_NE(german, nullptr);
  // Reported, not asserted (no timing thresholds in tests): libhyphen takes 5-10 s here.
  std::cout << "[ cost     ] hyph_de_DE.dic: " << german->states() << " states in "
            << std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() << " ms\n";
  EXPECT_EQ(hyphenate(german->dict(), "silbentrennung").substr(0, 20), "0 sil=ben=tren=nung");
}

}  // namespace
}  // namespace galley::text::detail
