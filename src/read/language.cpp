// Guessing an article's language from its body when the front matter names none: the
// script first (Cyrillic or Latin), then the most frequent short words of each language.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
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

constexpr std::size_t longest_listed_word = [] {
  std::size_t longest = 0;
  for (const auto& language : latin_languages) {
    for (auto word : language.words) longest = std::max(longest, word.size());
  }
  return longest;
}();

// Each listed word and the languages listing it ("que" is Spanish and Portuguese), built once
// and never changed: a lookup per word instead of comparing with all 84.
const std::unordered_map<std::string_view, std::vector<std::size_t>>& language_words() {
  static const auto table = [] {
    std::unordered_map<std::string_view, std::vector<std::size_t>> words;
    for (std::size_t i = 0; i < latin_languages.size(); ++i) {
      for (auto word : latin_languages[i].words) words[word].push_back(i);
    }
    return words;
  }();
  return table;
}

std::string sample_text(const std::vector<SourcedBlock>& blocks) {
  std::string text;
  for (const auto& sourced : blocks) {
    for (const auto& line : sourced.lines) {
      text += line;
      text += ' ';
    }
    if (text.size() > sample_bytes) break;
  }
  return text;
}

}  // namespace

std::string guess_language(const std::vector<SourcedBlock>& blocks) {
  const std::string text = sample_text(blocks);
  std::size_t cyrillic = 0, latin = 0, ukrainian = 0;
  std::array<std::size_t, latin_languages.size()> scores{};
  std::string word;
  auto score_word = [&] {
    // The listed words are all short; most words of a text are not, and skipping them here
    // halved the time of guessing.
    if (word.size() > longest_listed_word) {
      word.clear();
      return;
    }
    const auto found = language_words().find(word);
    if (found != language_words().end()) {
      for (std::size_t language : found->second) ++scores[language];
    }
    word.clear();
  };
  // Each character lowercased as it is read (to_lower's mapping, one character at a time):
  // ASCII, most of a Latin text, without decoding it.
  for (std::size_t pos = 0; pos < text.size();) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      ++pos;
      const char lower = static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte);
      if (lower >= 'a' && lower <= 'z') {
        ++latin;
        word += lower;
      } else if (!word.empty()) {
        score_word();
      }
      continue;
    }
    const std::int32_t read = next_code_point(text, pos);
    if (read < 0) continue;  // invalid UTF-8, which to_lower drops
    const std::int32_t cp = to_lower(read);
    if (is_cyrillic(cp)) {
      ++cyrillic;
      ukrainian += cp == 0x0456 || cp == 0x0457 || cp == 0x0454 || cp == 0x0491;  // і ї є ґ
    } else if (is_letter(cp)) {
      ++latin;
    }
    if (is_letter(cp)) {
      append_utf8(word, cp);
    } else if (!word.empty()) {
      score_word();
    }
  }
  if (!word.empty()) score_word();

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
