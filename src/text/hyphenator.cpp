// Hyphenation points of a word: the rules that decide whether a word is hyphenated at all,
// then the dictionary lookup (hyphen_dictionary.cpp).
#include "text/hyphenator.hpp"

#include <utf8proc.h>

#include <map>
#include <mutex>

#include "text/cache_entry.hpp"
#include "text/hyphen_dictionary.hpp"
#include "text/unicode.hpp"

namespace galley::text {

struct Hyphenator::Dictionary {
  std::unique_ptr<const detail::HyphenDictionary> patterns;
};

namespace {

constexpr char32_t soft_hyphen = 0x00AD;
constexpr char32_t hyphen = 0x2010;
constexpr char32_t non_breaking_hyphen = 0x2011;
// Longer runs of letters are not words a dictionary knows; and libhyphen's work grows with them.
constexpr std::size_t longest_part = 100;

// A decoded character and where it is in the word.
struct Char {
  char32_t code = 0;
  std::size_t offset = 0;  ///< byte offset in the word
  std::size_t size = 0;    ///< bytes
};

bool decode(std::string_view word, std::vector<Char>& out) {
  std::size_t at = 0;
  while (at < word.size()) {
    utf8proc_int32_t code = 0;
    const auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(word.data() + at),
                                         static_cast<utf8proc_ssize_t>(word.size() - at), &code);
    if (length <= 0) return false;
    out.push_back(Char{static_cast<char32_t>(code), at, static_cast<std::size_t>(length)});
    at += static_cast<std::size_t>(length);
  }
  return true;
}

utf8proc_category_t category(char32_t c) { return utf8proc_category(static_cast<utf8proc_int32_t>(c)); }

bool is_digit(char32_t c) {
  const auto kind = category(c);
  return kind == UTF8PROC_CATEGORY_ND || kind == UTF8PROC_CATEGORY_NL || kind == UTF8PROC_CATEGORY_NO;
}

bool is_hyphen(char32_t c) { return c == U'-' || c == hyphen; }

// Rule 2: addresses, paths, code; a '.' inside a word (not its last character but one
// followed by more word) means a domain, a file name or an abbreviation.
bool looks_like_code(const std::vector<Char>& chars) {
  for (std::size_t i = 0; i < chars.size(); ++i) {
    const char32_t c = chars[i].code;
    if (c == U'@' || c == U'/' || c == U'\\' || c == U'_') return true;
    if (c == U'.' && i + 1 < chars.size() && (is_letter(chars[i + 1].code) || is_digit(chars[i + 1].code))) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string default_hyphen_cache() { return detail::user_cache_folder("hyphen"); }

Hyphenator::Hyphenator(std::string_view language, HyphenationOptions options) : options_(std::move(options)) {
  path_ = detail::find_hyphen_dictionary(language, options_.dictionary_dir);
  if (path_.empty()) return;
  auto patterns = detail::HyphenDictionary::load(path_, options_.cache_dir);
  if (!patterns) {
    path_.clear();
    return;
  }
  dictionary_ = std::make_unique<const Dictionary>(Dictionary{std::move(patterns)});
}

Hyphenator::~Hyphenator() = default;
Hyphenator::Hyphenator(Hyphenator&&) noexcept = default;
Hyphenator& Hyphenator::operator=(Hyphenator&&) noexcept = default;

std::vector<std::size_t> Hyphenator::break_points(std::string_view word) const {
  std::vector<std::size_t> points;
  std::vector<Char> chars;
  if (word.empty() || !decode(word, chars)) return points;

  // Rule 1: the author's soft hyphens, and nothing else (hyphenated or not, the author chose).
  bool soft = false;
  for (std::size_t i = 0; i < chars.size(); ++i) {
    if (chars[i].code != soft_hyphen) continue;
    soft = true;
    if (i > 0 && i + 1 < chars.size()) points.push_back(chars[i].offset);
  }
  if (soft || !dictionary_) return points;

  // Rules 2 and 3.
  if (looks_like_code(chars)) return points;
  for (const Char& c : chars) {
    if (is_digit(c.code)) return points;
  }

  // Rule 5 for one part [begin, end) of the word, then rules 6-8.
  const std::size_t left_min = options_.left_min;
  const std::size_t right_min = options_.right_min;
  const auto hyphenate_part = [&](std::size_t begin, std::size_t end) {
    while (begin < end && !is_letter(chars[begin].code)) ++begin;
    while (end > begin && !is_letter(chars[end - 1].code)) --end;
    const std::size_t length = end - begin;
    if (length < left_min + right_min || length < 2 || length > longest_part) return;
    std::u32string lowercase;
    bool has_lowercase = false;
    for (std::size_t i = begin; i < end; ++i) {
      const char32_t c = chars[i].code;
      if (category(c) == UTF8PROC_CATEGORY_LL) has_lowercase = true;
      lowercase += static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c)));
    }
    if (!has_lowercase) return;  // rule 6: capitals only (or no cased letters: left alone too)
    const std::vector<bool> breaks = dictionary_->patterns->hyphenate(lowercase);
    for (std::size_t i = 0; i < breaks.size(); ++i) {
      const std::size_t before = i + 1;  // characters left of the break
      if (breaks[i] && before >= left_min && length - before >= right_min) {
        points.push_back(chars[begin + before].offset);
      }
    }
  };

  // Rule 4: parts between hyphens; after each hyphen a break of its own.
  std::size_t part_begin = 0;
  for (std::size_t i = 0; i <= chars.size(); ++i) {
    const bool separator = i < chars.size() && (is_hyphen(chars[i].code) || chars[i].code == non_breaking_hyphen);
    if (i < chars.size() && !separator) continue;
    hyphenate_part(part_begin, i);
    if (i < chars.size() && is_hyphen(chars[i].code)) {
      const std::size_t left = i + 1;  // with the hyphen itself
      if (left >= left_min && chars.size() - left >= right_min) points.push_back(chars[i].offset + chars[i].size);
    }
    part_begin = i + 1;
  }
  return points;
}

const std::shared_ptr<const Hyphenator>& PendingHyphenator::get() const {
  static const std::shared_ptr<const Hyphenator> none;
  return loading_.valid() ? loading_.get() : none;
}

PendingHyphenator load_shared_hyphenator(std::string_view language) {
  // The one process-wide cache in galley: it holds only immutable dictionaries, each a pure
  // function of its file, so sharing them changes no output. At exit its destructor waits
  // for a load still running.
  static std::mutex mutex;
  static std::map<std::string, std::shared_future<std::shared_ptr<const Hyphenator>>, std::less<>> by_path;
  // And each language's file, found once: every article of a collection asks again.
  static std::map<std::string, std::string, std::less<>> path_of;
  PendingHyphenator out;
  const HyphenationOptions options;
  const std::lock_guard lock(mutex);
  auto known = path_of.find(language);
  if (known == path_of.end()) {
    known = path_of.emplace(std::string(language), detail::find_hyphen_dictionary(language, options.dictionary_dir)).first;
  }
  out.path_ = known->second;
  if (out.path_.empty()) return out;
  auto found = by_path.find(out.path_);
  if (found == by_path.end()) {
    auto load = [language = std::string(language), options]() -> std::shared_ptr<const Hyphenator> {
      auto hyphenator = std::make_shared<const Hyphenator>(language, options);
      if (!hyphenator->available()) return nullptr;
      return hyphenator;
    };
    found = by_path.emplace(out.path_, std::async(std::launch::async, std::move(load)).share()).first;
  }
  out.loading_ = found->second;
  return out;
}

std::shared_ptr<const Hyphenator> shared_hyphenator(std::string_view language) {
  return load_shared_hyphenator(language).get();
}

}  // namespace galley::text
