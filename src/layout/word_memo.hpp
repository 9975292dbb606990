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

/// A text shaped in one face and size (Context::shape): its fragments, whose `font` indexes
/// the font table of the context that shaped it, and its width.
struct Shape {
  std::vector<Fragment> fragments;
  double width = 0;
};

/// The words made into items (the file comment), and what making a word's items afresh asks
/// for, which repeats as much: texts shaped, and words' hyphenation points. Every context on
/// one thread may share one, one context at a time: a collection's runs each have a context
/// of their own, and a batch's articles too.
class WordMemo {
 public:
  /// The items kept for `key`, or null.
  const WordItems* find(const WordKey& key) const;
  /// Keeps `items` for `key` (its text is copied), unless the memo is full.
  void keep(const WordKey& key, WordItems items);

  /// The shape kept for `text` in `face` at `size`, or null.
  const Shape* find_shape(text::FaceId face, double size, std::string_view text) const;
  /// Keeps `shape` (`text` is copied), unless the memo is full.
  void keep_shape(text::FaceId face, double size, std::string_view text, Shape shape);

  /// The hyphenation points `hyphenator` gave `word`, or null.
  const std::vector<std::size_t>* find_points(const text::Hyphenator* hyphenator, std::string_view word) const;
  /// Keeps them; returns what is kept, which lives as long as the memo (unless the memo is
  /// full: then until this is called again).
  const std::vector<std::size_t>& keep_points(const text::Hyphenator* hyphenator, std::string_view word,
                                              std::vector<std::size_t> points);

 private:
  struct Hash {
    std::size_t operator()(const WordKey& key) const;
  };
  struct Entry {
    std::string text;  ///< owns the key's text
    WordKey key;       ///< its text a view of `text`
    WordItems items;
  };
  // The words by hash, open addressing with linear probing in a power-of-two table at most
  // half full: a lookup reads one slot and, when the hash matches, its entry. (A node-based
  // unordered_map took a division and a cache miss for every node of a bucket it walked:
  // 4% of a 100-article PDF's time.)
  struct Slot {
    std::size_t hash = 0;
    Entry* entry = nullptr;  ///< null: empty
  };
  static constexpr std::size_t most_kept = 200000;  // of each kind: a bound on memory for huge collections
  std::vector<std::unique_ptr<Entry>> entries_;
  std::vector<Slot> slots_;

  struct ShapeKey {
    text::FaceId face;
    double size;
    std::string_view text;
    bool operator==(const ShapeKey&) const = default;
  };
  struct ShapeHash {
    std::size_t operator()(const ShapeKey& key) const;
  };
  struct ShapeEntry {
    std::string text;  ///< owns the key's text
    Shape shape;
  };
  std::unordered_map<ShapeKey, std::unique_ptr<ShapeEntry>, ShapeHash> shapes_;

  // Looked up by the word's view, without a string made for each lookup.
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view word) const { return std::hash<std::string_view>{}(word); }
  };
  using Points = std::unordered_map<std::string, std::vector<std::size_t>, TextHash, std::equal_to<>>;
  std::unordered_map<const text::Hyphenator*, Points> points_;  ///< by dictionary, then word
  std::size_t points_kept_ = 0;
  std::vector<std::size_t> unkept_points_;
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
