// Where a word may be hyphenated, in the article's language: TeX's patterns through
// libhyphen, with Debian's dictionaries (/usr/share/hyphen/hyph_LL_CC.dic, from the
// hyphen-* packages), plus the rules that keep hyphens out of what must not be broken.
#pragma once

#include <cstddef>
#include <future>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace galley::text {

/// The user's cache folder for compiled dictionaries: $XDG_CACHE_HOME/galley/hyphen, else
/// ~/.cache/galley/hyphen (empty when neither variable is set).
std::string default_hyphen_cache();

/// How words are hyphenated.
struct HyphenationOptions {
  /// Fewest characters before the first hyphen (TeX's \lefthyphenmin is 2).
  std::size_t left_min = 2;
  /// Fewest characters after the last hyphen (TeX's \righthyphenmin is 3).
  std::size_t right_min = 3;
  /// Where the hyph_*.dic files are.
  std::string dictionary_dir = "/usr/share/hyphen";
  /// Where compiled copies of them are kept (hyphen_cache.hpp); empty: none.
  std::string cache_dir = default_hyphen_cache();
};

/// One language's hyphenation. Loading a dictionary takes milliseconds, the German one (1 MB,
/// 292,000 automaton states) about 0.1 s (hyphen_patterns.hpp), so make one per language and
/// share it (shared_hyphenator below): after construction it is immutable, and
/// break_points() may be called from several threads at once (libhyphen 2.8.8's
/// hnj_hyphen_hyphenate2 only reads the loaded dictionary, and allocates its work buffers
/// per call: hyphen.c, hnj_hyphen_hyph_; the 8-bit charset tables are built once here).
class Hyphenator {
 public:
  /// For a BCP 47 tag ("en", "en-GB", "ru", "de-AT", "pt-BR", also "en_GB"): the file of the
  /// tag's region if installed, else the language's usual one (en: en_US, de: de_DE, pt:
  /// pt_PT then pt_BR, ...), else hyph_LL.dic, else the first hyph_LL_*.dic. No dictionary,
  /// or one that does not load, is not an error: available() is false and no word is
  /// hyphenated (the caller warns once).
  explicit Hyphenator(std::string_view language, HyphenationOptions options = {});
  ~Hyphenator();
  Hyphenator(Hyphenator&&) noexcept;
  Hyphenator& operator=(Hyphenator&&) noexcept;

  /// True when a dictionary was found and loaded.
  bool available() const { return dictionary_ != nullptr; }
  /// The dictionary file used (empty when none).
  const std::string& dictionary_path() const { return path_; }

  /// Byte offsets in the UTF-8 `word` before which a line may break, ascending. At an offset
  /// the line ends with word[0, offset) and a hyphen is added, except:
  /// - right after an existing hyphen ('-' or U+2010): the hyphen is already there;
  /// - at a soft hyphen (U+00AD): the offset is the soft hyphen's own; the line ends with
  ///   the text before it plus a drawn hyphen and the next starts after it (soft hyphens are
  ///   never drawn: text::drawable removes them, so call this on the text before that).
  /// The rules, in order:
  /// 1. A word with soft hyphens breaks there and only there (the author chose).
  /// 2. Nothing for a word with '@', '/', '\\' or '_', or a '.' followed by more of the word:
  ///    e-mail addresses, URLs, paths, code, abbreviations. Long URLs are the line breaker's
  ///    business (break after slashes), not hyphenation's.
  /// 3. Nothing for a word with a digit ("COVID-19", "1990s", "A4"): patterns are for words.
  /// 4. A word with hyphens ("well-known", "санкт-петербургский") is split there: after each
  ///    hyphen may break (left fragment with the hyphen >= left_min, right >= right_min
  ///    characters), and each part is hyphenated by the rules below on its own.
  /// 5. Leading and trailing characters that are not letters (quotes, brackets, trailing
  ///    punctuation) are kept out of the lookup and out of the counts.
  /// 6. Nothing for a part in capitals only (acronyms, names set in capitals: NATO, ООН).
  /// 7. Nothing for a part shorter than left_min + right_min characters, or over 100.
  /// 8. The part is lowercased (one code point to one, so positions stay) and looked up;
  ///    breaks leaving fewer than left_min / right_min characters are dropped (the
  ///    dictionary's own LEFTHYPHENMIN / RIGHTHYPHENMIN apply too), as are the dictionary's
  ///    non-standard breaks that change the spelling (old German "Schiff-fahrt"), which an
  ///    offset cannot express. A part with a character the dictionary's charset lacks
  ///    (KOI8-R for Russian, ISO 8859-2 for Polish) is not hyphenated.
  /// Counts are in characters (code points), never bytes. Invalid UTF-8 gives nothing.
  std::vector<std::size_t> break_points(std::string_view word) const;

 private:
  struct Dictionary;  // libhyphen's handle and the charset tables, kept out of this header
  std::unique_ptr<const Dictionary> dictionary_;
  std::string path_;
  HyphenationOptions options_;
};

/// shared_hyphenator's answer before it is needed: the dictionary may still be loading on
/// another thread, and get() waits for it. Loading takes a few milliseconds for English (a
/// sixth of a one-article PDF), which a caller overlaps with the work before its first word.
class PendingHyphenator {
 public:
  PendingHyphenator() = default;  ///< no dictionary
  /// True when a dictionary file is installed for the language (it may still fail to load).
  bool installed() const { return loading_.valid(); }
  /// The dictionary file (empty when none).
  const std::string& path() const { return path_; }
  /// Waits for the load; null when nothing is installed or the file did not load.
  const std::shared_ptr<const Hyphenator>& get() const;

 private:
  friend PendingHyphenator load_shared_hyphenator(std::string_view language);
  std::string path_;
  std::shared_future<std::shared_ptr<const Hyphenator>> loading_;
};

/// The Hyphenator for `language` with default options, loaded on first use (on a thread of
/// its own, returning at once) and then shared by every caller in the process, threads
/// included (it is immutable once loaded; the German dictionary takes 0.1 s to load, which
/// would otherwise be paid by every German article). Tags that name the same dictionary
/// file share one. Loaded dictionaries stay until the process ends (German: ~15 MB).
PendingHyphenator load_shared_hyphenator(std::string_view language);

/// load_shared_hyphenator(language).get(): null when no dictionary is installed for the
/// language or it does not load.
std::shared_ptr<const Hyphenator> shared_hyphenator(std::string_view language);

}  // namespace galley::text
