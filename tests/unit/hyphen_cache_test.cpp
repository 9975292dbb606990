// Tests for src/text/hyphen_cache.cpp and HyphenPatterns' compiled form: a compiled copy is
// the same dictionary, it is used only for the very file it was made from, and a damaged one
// is refused, never followed.
#include "text/hyphen_cache.hpp"

#include <hyphen.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "text/hyphen_patterns.hpp"

namespace galley::text::detail {
namespace {

namespace fs = std::filesystem;

const std::string dictionaries = "/usr/share/hyphen/";

std::string text_or_none(const char* text) { return text ? std::string("\"") + text + "\"" : "none"; }

// Every field of both levels, every state and transition, as text: two dictionaries are the
// same when these are.
std::string describe(const HyphenDict* dict) {
  std::ostringstream out;
  for (int level = 0; dict; ++level, dict = dict->nextlevel) {
    out << "level " << level << ": " << int{dict->lhmin} << ' ' << int{dict->rhmin} << ' ' << int{dict->clhmin} << ' '
        << int{dict->crhmin} << " utf8 " << dict->utf8 << " cset " << dict->cset << " states " << dict->num_states
        << " nohyphen " << dict->nohyphenl << ' ';
    const char* nohyphen = dict->nohyphen;
    for (int i = 0; nohyphen && i <= dict->nohyphenl; ++i, nohyphen += std::strlen(nohyphen) + 1) {
      out << '[' << nohyphen << ']';
    }
    out << '\n';
    for (int s = 0; s < dict->num_states; ++s) {
      const HyphenState& state = dict->states[s];
      out << s << ' ' << text_or_none(state.match) << ' ' << text_or_none(state.repl) << ' ' << int{state.replindex}
          << ' ' << int{state.replcut} << ' ' << state.fallback_state << ':';
      for (int t = 0; t < state.num_trans; ++t) out << ' ' << int{state.trans[t].ch} << '>' << state.trans[t].new_state;
      out << '\n';
    }
  }
  return out.str();
}

std::string hyphenated(const HyphenDict* dict, const std::string& word) {
  std::vector<char> hyphens(word.size() + 5, '0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  hnj_hyphen_hyphenate2(const_cast<HyphenDict*>(dict), word.c_str(), static_cast<int>(word.size()), hyphens.data(),
                        nullptr, &rep, &pos, &cut);
  if (rep) {
    for (std::size_t i = 0; i < word.size(); ++i) std::free(rep[i]);
    std::free(rep);
  }
  std::free(pos);
  std::free(cut);
  return std::string(hyphens.data(), word.size());
}

fs::path fresh_folder(const std::string& name) {
  const fs::path folder = fs::temp_directory_path() / ("galley-hyphen-cache-" + name);
  fs::remove_all(folder);
  fs::create_directories(folder);
  return folder;
}

std::vector<fs::path> files_in(const fs::path& folder) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(folder)) out.push_back(entry.path());
  return out;
}

void write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void set_mtime(const fs::path& path, long seconds) {
  const timespec times[2] = {{seconds, 0}, {seconds, 0}};
  ASSERT_EQ(::utimensat(AT_FDCWD, path.c_str(), times, 0), 0);
}

TEST(HyphenCache, TheCompiledFormIsTheSameDictionary) {
  int tried = 0;
  for (const char* name : {"hyph_en_US.dic", "hyph_ru_RU.dic", "hyph_uk_UA.dic", "hyph_fr.dic", "hyph_es_ES.dic",
                           "hyph_it_IT.dic", "hyph_pt_BR.dic", "hyph_pl_PL.dic", "hyph_de_DE.dic"}) {
    const std::string path = dictionaries + name;
    if (!fs::exists(path)) continue;
    ++tried;
    const auto read = HyphenPatterns::load(path);
    ASSERT_NE(read, nullptr) << path;
    const auto copy = HyphenPatterns::from_compiled(read->compiled());
    ASSERT_NE(copy, nullptr) << path;
    EXPECT_EQ(describe(copy->dict()), describe(read->dict())) << path;
  }
  EXPECT_GT(tried, 0);
}

// The compiled copy is what a later run loads, and it is used only while the pattern file is
// the one it was made from: the same path, size and modification time.
TEST(HyphenCache, ACopyServesOnlyTheFileItWasMadeFrom) {
  const fs::path folder = fresh_folder("serves");
  const fs::path cache = folder / "cache";
  const fs::path patterns = folder / "hyph_xx.dic";
  write_file(patterns, "UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\na1b\n");
  set_mtime(patterns, 1700000000);
  const auto first = load_patterns(patterns.string(), cache.string());
  ASSERT_NE(first, nullptr);
  ASSERT_EQ(files_in(cache).size(), 1u);
  EXPECT_EQ(hyphenated(first->dict(), "ab"), "10");

  // Other patterns of the same size and time: the copy answers (it was made from "this" file).
  write_file(patterns, "UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\nb1c\n");
  set_mtime(patterns, 1700000000);
  EXPECT_EQ(hyphenated(load_patterns(patterns.string(), cache.string())->dict(), "ab"), "10");

  // A new time: the file is read again, and the copy replaced.
  set_mtime(patterns, 1700000100);
  const auto changed = load_patterns(patterns.string(), cache.string());
  EXPECT_EQ(hyphenated(changed->dict(), "ab"), "00");
  EXPECT_EQ(hyphenated(changed->dict(), "bc"), "10");
  EXPECT_EQ(files_in(cache).size(), 1u);  // no temporary file left beside it
  EXPECT_EQ(hyphenated(load_patterns(patterns.string(), cache.string())->dict(), "bc"), "10");

  // A new size, the same time.
  write_file(patterns, "UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\nb1cd\n");
  set_mtime(patterns, 1700000100);
  EXPECT_EQ(hyphenated(load_patterns(patterns.string(), cache.string())->dict(), "bcd"), "100");
  fs::remove_all(folder);
}

// Any byte of a copy changed, or the copy cut short: the pattern file is read instead, and
// the answer is the file's.
TEST(HyphenCache, ADamagedCopyIsNotUsed) {
  const std::string path = dictionaries + "hyph_ru_RU.dic";
  if (!fs::exists(path)) GTEST_SKIP() << "hyphen-ru not installed";
  const fs::path cache = fresh_folder("damaged");
  const auto expected = describe(load_patterns(path, cache.string())->dict());
  const fs::path copy = files_in(cache).at(0);
  const std::string good = read_file(copy);
  std::mt19937 random(7);
  for (int trial = 0; trial < 40; ++trial) {
    std::string bad = good;
    if (trial % 4 == 0) {
      bad.resize(random() % bad.size());
    } else {
      bad[random() % bad.size()] ^= static_cast<char>(1 + random() % 255);
    }
    write_file(copy, bad);
    const auto loaded = load_patterns(path, cache.string());
    ASSERT_NE(loaded, nullptr);
    EXPECT_EQ(describe(loaded->dict()), expected) << "trial " << trial;
  }
  fs::remove_all(cache);
}

// Under the checksum, the compiled form itself is checked: bytes changed anywhere give no
// dictionary or one libhyphen can walk without reading astray (AddressSanitizer would tell).
TEST(HyphenCache, CompiledBytesAreCheckedBeforeUse) {
  const std::string path = dictionaries + "hyph_ru_RU.dic";
  if (!fs::exists(path)) GTEST_SKIP() << "hyphen-ru not installed";
  const std::string good = HyphenPatterns::load(path)->compiled();
  std::mt19937 random(11);
  const std::vector<std::string> words = {"\xd0\xbf\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82", "abc", "xxxxxxxxxxxx"};
  int refused = 0;
  for (int trial = 0; trial < 2000; ++trial) {
    std::string bad = good;
    if (trial % 10 == 0) {
      bad.resize(random() % bad.size());
    } else {
      for (int flips = 0; flips < 1 + trial % 3; ++flips) bad[random() % bad.size()] = static_cast<char>(random());
    }
    const auto loaded = HyphenPatterns::from_compiled(bad);
    if (!loaded) {
      ++refused;
      continue;
    }
    for (const std::string& word : words) hyphenated(loaded->dict(), word);
  }
  EXPECT_GT(refused, 200);
  EXPECT_EQ(HyphenPatterns::from_compiled(""), nullptr);
  EXPECT_EQ(HyphenPatterns::from_compiled(good.substr(0, good.size() - 1)), nullptr);
  EXPECT_EQ(HyphenPatterns::from_compiled(good + "x"), nullptr);
}

TEST(HyphenCache, NoCacheFolderOrAnUnwritableOneStillLoads) {
  const std::string path = dictionaries + "hyph_en_US.dic";
  if (!fs::exists(path)) GTEST_SKIP() << "hyphen-en-us not installed";
  const auto expected = describe(HyphenPatterns::load(path)->dict());
  EXPECT_EQ(describe(load_patterns(path, "")->dict()), expected);
  EXPECT_EQ(describe(load_patterns(path, "/proc/galley-cannot-be-made")->dict()), expected);
  EXPECT_EQ(load_patterns("/nonexistent/hyph_xx.dic", fresh_folder("missing").string()), nullptr);
}

}  // namespace
}  // namespace galley::text::detail
