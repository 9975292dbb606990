// Words already turned into items, by a context or by the ones before it with the same fonts:
// most words of a collection or a batch recur, and the items of one (its break opportunities,
// hyphenation points, shaped pieces and the kerning across each cut) are a function of its
// text and of what the key below holds, for one FontMetrics.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "layout/paragraph_items.hpp"
#include "text/font_metrics.hpp"
#include "text/hyphenator.hpp"

namespace galley::layout {

/// What a word's items depend on besides its text. A word here lies in one span, has no soft
/// hyphen and at most 64 characters (paragraph_items.cpp keeps no others).
struct WordKey {
  text::FaceId face = 0;
  double size = 0;
  const text::Hyphenator* hyphenator = nullptr;  ///< null: not hyphenated
  bool last_word = false;    ///< the paragraph's last word (a hyphen keeps five characters after it)
  std::uint64_t breaks = 0;  ///< bit k: UAX #14 allows a break before character k
  std::string_view text;
  bool operator==(const WordKey&) const = default;
};

/// A word's items, as paragraph_items made them; piece indexes count from the word's first.
struct WordItems {
  std::vector<Fragment> fragments;
  std::vector<BreakItem> items;
  std::vector<ItemSource> sources;
  std::vector<bool> hyphen_piece_set;  ///< parallel to sources: hyphen_piece indexes a piece
};

class WordMemo {
 public:
  /// The items kept for `key`, or null.
  const WordItems* find(const WordKey& key) const;
  /// Keeps `items` for `key` (its text is copied), unless the memo is full.
  void keep(const WordKey& key, WordItems items);

 private:
  struct Hash {
    std::size_t operator()(const WordKey& key) const;
  };
  struct Entry {
    std::string text;  ///< owns the key's text
    WordItems items;
  };
  static constexpr std::size_t most_kept = 200000;  // a bound on memory for huge collections
  std::unordered_map<WordKey, std::unique_ptr<Entry>, Hash> words_;
};

/// One WordMemo per FontMetrics, for an exporter that sets document after document, each with
/// a FontMetrics its pool (text::FontSetPool) lends to one thread at a time: the memo goes
/// with the fonts, whose face numbers its keys hold. Each FontMetrics must live as long as
/// this: another made at a freed one's address would be given the first one's memo.
class WordMemos {
 public:
  WordMemo& for_fonts(const text::FontMetrics& fonts);

 private:
  std::mutex mutex_;
  std::map<const text::FontMetrics*, std::unique_ptr<WordMemo>> memos_;
};

}  // namespace galley::layout
