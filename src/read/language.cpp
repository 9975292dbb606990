// Guessing an article's language from its body when the front matter names none: the
// script first (Cyrillic or Latin), then the most frequent short words of each language.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "read/conventions.hpp"
#include "read/unicode.hpp"

namespace galley::read {
namespace {

struct Language {
  std::string_view tag;
  std::array<std::string_view, 12> words;  ///< frequent words, found nowhere else as often
};

constexpr std::array latin_languages = std::to_array<Language>({
    {"en", {"the", "and", "of", "to", "in", "is", "that", "was", "for", "with", "said", "it"}},
    {"de", {"der", "die", "und", "das", "nicht", "ist", "mit", "sich", "auf", "für", "ein", "den"}},
    {"fr", {"le", "la", "les", "et", "des", "est", "une", "dans", "pour", "qui", "sur", "du"}},
    {"es", {"el", "los", "las", "y", "que", "del", "por", "una", "con", "para", "es", "se"}},
    {"it", {"il", "che", "di", "gli", "della", "per", "una", "non", "sono", "con", "nel", "è"}},
    {"pt", {"o", "os", "que", "não", "uma", "com", "para", "da", "do", "em", "dos", "é"}},
    {"pl", {"i", "w", "nie", "na", "się", "że", "jest", "do", "z", "to", "jak", "przez"}},
});

constexpr std::size_t sample_bytes = 8000;

// A word of up to eight bytes as a number, its first byte lowest: a listed word is looked up
// as one, without a string made and hashed for each short word of the text (a ninth of the
// time of guessing).
constexpr std::size_t packed_bytes = 8;

constexpr std::uint64_t packed(std::string_view word) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < word.size(); ++i) value |= std::uint64_t{static_cast<unsigned char>(word[i])} << (8 * i);
  return value;
}

struct ListedWord {
  std::uint64_t word = 0;
  std::uint8_t languages = 0;  ///< bit i: latin_languages[i] lists it ("que" is Spanish and Portuguese)
  bool operator<(const ListedWord& other) const { return word < other.word; }
};

// Every listed word once, in order of its number, built once and never changed.
const std::vector<ListedWord>& listed_words() {
  static const auto table = [] {
    static_assert(latin_languages.size() <= 8, "ListedWord::languages has a bit a language");
    std::vector<ListedWord> words;
    for (std::size_t i = 0; i < latin_languages.size(); ++i) {
      for (auto word : latin_languages[i].words) {
        const std::uint64_t value = packed(word);
        auto found = std::find_if(words.begin(), words.end(), [&](const ListedWord& w) { return w.word == value; });
        if (found == words.end()) found = words.insert(words.end(), ListedWord{value, 0});
        found->languages = static_cast<std::uint8_t>(found->languages | 1u << i);
      }
    }
    std::sort(words.begin(), words.end());
    return words;
  }();
  return table;
}

constexpr std::size_t longest_listed_word = [] {
  std::size_t longest = 0;
  for (const auto& language : latin_languages) {
    for (auto word : language.words) longest = std::max(longest, word.size());
  }
  return longest;
}();
static_assert(longest_listed_word <= packed_bytes);

// The text's word being read, lowercased: its bytes packed while there are at most eight
// (the listed words are all short; most words of a text are not).
struct Word {
  std::uint64_t packed = 0;
  std::size_t size = 0;
  void add(unsigned char byte) {
    if (size < packed_bytes) packed |= std::uint64_t{byte} << (8 * size);
    ++size;
  }
};

}  // namespace

std::string guess_language(const std::vector<SourcedBlock>& blocks) {
  std::size_t cyrillic = 0, latin = 0, ukrainian = 0;
  std::array<std::size_t, latin_languages.size()> scores{};
  const std::vector<ListedWord>& listed = listed_words();
  Word word;
  auto score_word = [&] {
    if (word.size <= longest_listed_word) {
      const auto found = std::lower_bound(listed.begin(), listed.end(), ListedWord{word.packed, 0});
      if (found != listed.end() && found->word == word.packed) {
        for (std::size_t i = 0; i < scores.size(); ++i) scores[i] += found->languages >> i & 1u;
      }
    }
    word = Word{};
  };
  // Each character lowercased as it is read (to_lower's mapping, one character at a time):
  // ASCII, most of a Latin text, without decoding it.
  auto read = [&](std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
      const auto byte = static_cast<unsigned char>(text[pos]);
      if (byte < 0x80) {
        ++pos;
        const auto lower = static_cast<unsigned char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte);
        if (lower >= 'a' && lower <= 'z') {
          ++latin;
          word.add(lower);
        } else if (word.size > 0) {
          score_word();
        }
        continue;
      }
      // The basic Cyrillic letters, А to я, most of a Russian or Ukrainian text, without
      // utf8proc: to_lower adds 0x20 to А to Я, and each is a letter. (Guessing the 84
      // languages of a 100-article corpus, a third of it Russian: 20.4 M -> 13.1 M
      // instructions.)
      if ((byte == 0xD0 || byte == 0xD1) && pos + 1 < text.size()) {
        const auto next = static_cast<unsigned char>(text[pos + 1]);
        const std::int32_t cp = (byte & 0x1F) << 6 | (next & 0x3F);
        if ((next & 0xC0) == 0x80 && cp >= 0x410 && cp <= 0x44F) {
          const std::int32_t lower = cp < 0x430 ? cp + 0x20 : cp;
          pos += 2;
          ++cyrillic;
          word.add(static_cast<unsigned char>(0xC0 | lower >> 6));
          word.add(static_cast<unsigned char>(0x80 | (lower & 0x3F)));
          continue;
        }
      }
      const std::int32_t decoded = next_code_point(text, pos);
      if (decoded < 0) continue;  // invalid UTF-8, which to_lower drops
      const std::int32_t cp = to_lower(decoded);
      if (is_cyrillic(cp)) {
        ++cyrillic;
        ukrainian += cp == 0x0456 || cp == 0x0457 || cp == 0x0454 || cp == 0x0491;  // і ї є ґ
      } else if (is_letter(cp)) {
        ++latin;
      }
      if (is_letter(cp)) {
        std::string bytes;
        append_utf8(bytes, cp);
        for (const char b : bytes) word.add(static_cast<unsigned char>(b));
      } else if (word.size > 0) {
        score_word();
      }
    }
  };
  // The blocks' lines, a space after each, up to the block that passes sample_bytes.
  std::size_t sampled = 0;
  for (const auto& sourced : blocks) {
    for (const auto& line : sourced.lines) {
      read(line);
      read(" ");
      sampled += line.size() + 1;
    }
    if (sampled > sample_bytes) break;
  }
  if (word.size > 0) score_word();

  if (cyrillic > latin) return ukrainian * 200 > cyrillic ? "uk" : "ru";
  std::size_t best = 0;
  for (std::size_t i = 1; i < scores.size(); ++i) {
    if (scores[i] > scores[best]) best = i;
  }
  // Few words to go on, or no clear winner: English, the documented default.
  if (scores[best] < 5) return "en";
  return std::string(latin_languages[best].tag);
}

}  // namespace galley::read
