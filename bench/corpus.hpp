// The synthetic news corpus shared by galley-corpus and galley-read-bench: news-shaped
// Markdown articles built from word lists by a portable PRNG, so a seed names a corpus.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace galley::bench {

/// splitmix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014; Vigna's reference code). Only integer arithmetic on uint64_t, so the same
/// seed gives the same numbers with every compiler and standard library, unlike
/// std::uniform_int_distribution.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  /// A number in [0, n); n > 0. The modulo bias is far below anything a corpus shows.
  std::uint64_t below(std::uint64_t n) { return next() % n; }
  /// A number in [low, high].
  int between(int low, int high) {
    return low + static_cast<int>(below(static_cast<std::uint64_t>(high - low) + 1));
  }
  /// True with probability p; the 53 top bits make an exact double, so this is portable too.
  bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }
  /// One element of a non-empty list.
  std::string_view pick(std::span<const std::string_view> items) {
    return items[below(items.size())];
  }

 private:
  std::uint64_t state_;
};

struct CorpusOptions {
  /// Same seed, same articles, byte for byte, on any machine.
  std::uint64_t seed = 1;
  /// Share of articles (0..1) that open with YAML front matter instead of news conventions.
  double front_matter_ratio = 0.2;
};

/// The lead picture article `index` may show: a file name relative to the article
/// ("images/lead-0001.jpg"), a size (one of four, 320x213 to 800x533), PNG or JPEG (one in
/// four PNG), and the seed its pixels come from (write_picture).
struct Picture {
  std::string file;
  int width = 0;
  int height = 0;
  bool png = false;
  std::uint64_t seed = 0;
};
Picture lead_picture(const CorpusOptions& options, int index);

struct Article {
  std::string text;
  std::optional<Picture> picture;  ///< when the article refers to its lead picture
};

/// Article number `index` (1-based) of the corpus. Each article depends only on the
/// options and its index, so any subset can be regenerated on its own.
std::string generate_article(const CorpusOptions& options, int index);
/// The same, with the picture it refers to, if any.
Article generate(const CorpusOptions& options, int index);

/// The picture's bytes: a PNG or baseline JPEG (quality 85) of a synthetic photograph (sky,
/// hills, a few buildings), the same bytes for the same Picture on any machine.
std::string write_picture(const Picture& picture);

/// The file an article is written to: "article-0001.md".
std::string article_file_name(int index);

}  // namespace galley::bench
