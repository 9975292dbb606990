// libhyphen dictionaries: which file for a language, loading it, charsets.
#include "text/hyphen_dictionary.hpp"

#include <hyphen.h>
#include <iconv.h>

#include "text/hyphen_cache.hpp"
#include "text/hyphen_patterns.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace galley::text::detail {
namespace {

// The usual region of a language when the tag names none or one without a dictionary of its
// own; tried in order. Languages not listed fall back to hyph_LL.dic or any hyph_LL_*.dic.
struct DefaultRegions {
  std::string_view language;
  std::array<std::string_view, 2> regions;
};
constexpr std::array<DefaultRegions, 12> default_regions{{
    {"en", {"US", "GB"}}, {"de", {"DE", "AT"}}, {"fr", {"FR", ""}}, {"es", {"ES", ""}},
    {"it", {"IT", ""}},   {"pt", {"PT", "BR"}}, {"ru", {"RU", ""}}, {"uk", {"UA", ""}},
    {"pl", {"PL", ""}},   {"nl", {"NL", ""}},   {"sv", {"SE", ""}}, {"cs", {"CZ", ""}},
}};

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}
std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool is_dictionary_file(const std::filesystem::path& path) {
  std::error_code error;
  return std::filesystem::is_regular_file(path, error);  // follows Debian's symlinks
}

// An ASCII-compatible 8-bit charset's upper half as code points, through glibc's iconv
// (once, at load, so that lookups need no iconv state and can run in parallel).
bool upper_half_of(const std::string& charset, std::vector<char32_t>& out) {
  iconv_t convert = iconv_open("UTF-32LE", charset.c_str());
  if (convert == reinterpret_cast<iconv_t>(-1)) return false;
  out.assign(128, 0);
  for (unsigned byte = 0x80; byte <= 0xFF; ++byte) {
    char in_byte = static_cast<char>(byte);
    std::array<unsigned char, 8> utf32{};
    char* in = &in_byte;
    std::size_t in_left = 1;
    char* result = reinterpret_cast<char*>(utf32.data());
    std::size_t out_left = utf32.size();
    iconv(convert, nullptr, nullptr, nullptr, nullptr);  // reset the shift state
    if (iconv(convert, &in, &in_left, &result, &out_left) == static_cast<std::size_t>(-1)) continue;
    if (utf32.size() - out_left != 4) continue;  // not one byte to one character
    out[byte - 0x80] = static_cast<char32_t>(utf32[0] | utf32[1] << 8 | utf32[2] << 16 | utf32[3] << 24);
  }
  iconv_close(convert);
  return true;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace

std::string find_hyphen_dictionary(std::string_view language, const std::string& dir) {
  // language[-script][-region][-variant...], '-' or '_'.
  std::vector<std::string_view> subtags;
  while (!language.empty()) {
    const std::size_t cut = language.find_first_of("-_");
    subtags.push_back(language.substr(0, cut));
    language = cut == std::string_view::npos ? std::string_view{} : language.substr(cut + 1);
  }
  if (subtags.empty() || subtags[0].size() < 2 || subtags[0].size() > 3) return {};
  const std::string primary = lower(subtags[0]);
  std::string region;
  for (std::size_t i = 1; i < subtags.size() && region.empty(); ++i) {
    if (subtags[i].size() == 2 || (subtags[i].size() == 3 && std::isdigit(static_cast<unsigned char>(subtags[i][0])))) {
      region = upper(subtags[i]);
    }
  }
  const std::filesystem::path base(dir);
  // hyph_LL_CC.dic, or hyph_LL.dic for no region (built with append: g++ 12 warns falsely
  // about `"_" + std::string`, -Wrestrict, GCC bug 105329).
  const auto file = [&](std::string_view region_name) {
    std::string name = "hyph_";
    name.append(primary);
    if (!region_name.empty()) name.append("_").append(region_name);
    name.append(".dic");
    return base / name;
  };
  if (!region.empty() && is_dictionary_file(file(region))) return file(region).string();
  for (const DefaultRegions& entry : default_regions) {
    if (entry.language != primary) continue;
    for (std::string_view candidate : entry.regions) {
      if (!candidate.empty() && is_dictionary_file(file(candidate))) return file(candidate).string();
    }
  }
  if (is_dictionary_file(file(""))) return file("").string();
  // Any region of the language, the same one every time.
  std::vector<std::string> others;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(base, error)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("hyph_" + primary + "_") && name.ends_with(".dic") && is_dictionary_file(entry.path())) {
      others.push_back(entry.path().string());
    }
  }
  std::sort(others.begin(), others.end());
  return others.empty() ? std::string{} : others.front();
}

struct HyphenDictionary::Handle {
  std::unique_ptr<const HyphenPatterns> patterns;
  HyphenDict* dict = nullptr;
};

HyphenDictionary::~HyphenDictionary() = default;

std::unique_ptr<const HyphenDictionary> HyphenDictionary::load(const std::string& path,
                                                                const std::string& cache_folder) {
  // The first line names the charset ("UTF-8", "KOI8-R", "ISO8859-2"); libhyphen reads it
  // too but only to set its utf8 flag: the words given it must already be in that charset.
  std::ifstream in(path);
  std::string charset;
  if (!in || !std::getline(in, charset)) return nullptr;
  while (!charset.empty() && std::isspace(static_cast<unsigned char>(charset.back()))) charset.pop_back();
  std::unique_ptr<HyphenDictionary> dictionary(new HyphenDictionary);
  dictionary->utf8_ = upper(charset) == "UTF-8";
  if (!dictionary->utf8_) {
    if (!upper_half_of(charset, dictionary->upper_half_)) return nullptr;
    for (unsigned i = 0; i < dictionary->upper_half_.size(); ++i) {
      if (dictionary->upper_half_[i] != 0) {
        dictionary->to_byte_.emplace_back(dictionary->upper_half_[i], static_cast<unsigned char>(0x80 + i));
      }
    }
    std::sort(dictionary->to_byte_.begin(), dictionary->to_byte_.end());
  }
  dictionary->handle_ = std::make_unique<Handle>();
  // Not hnj_hyphen_load: it takes seconds over the German dictionary (hyphen_patterns.hpp).
  dictionary->handle_->patterns = load_patterns(path, cache_folder);
  if (!dictionary->handle_->patterns) return nullptr;
  dictionary->handle_->dict = dictionary->handle_->patterns->dict();
  return dictionary;
}

std::vector<bool> HyphenDictionary::hyphenate(std::u32string_view word) const {
  // The word in the dictionary's charset, one byte per character when 8-bit.
  std::string encoded;
  for (const char32_t c : word) {
    if (utf8_) {
      append_utf8(encoded, c);
    } else if (c < 0x80) {
      encoded += static_cast<char>(c);
    } else {
      const auto found = std::lower_bound(to_byte_.begin(), to_byte_.end(), std::pair<char32_t, unsigned char>{c, 0});
      if (found == to_byte_.end() || found->first != c) return {};
      encoded += static_cast<char>(found->second);
    }
  }
  const int size = static_cast<int>(encoded.size());
  std::vector<char> hyphens(encoded.size() + 5, '0');  // libhyphen's documented minimum
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  // `encoded` is NUL-terminated (std::string): the nohyphen check uses strstr on it.
  const int failed = hnj_hyphen_hyphenate2(handle_->dict, encoded.c_str(), size, hyphens.data(), nullptr, &rep,
                                           &pos, &cut);
  std::vector<bool> breaks(word.size() > 0 ? word.size() - 1 : 0, false);
  // After hyphenate2, UTF-8 dictionaries' results are per character (hnj_hyphen_norm), and
  // 8-bit ones' per byte, which is per character: either way index i is after character i.
  if (failed == 0) {
    for (std::size_t i = 0; i + 1 < word.size(); ++i) {
      const bool nonstandard = rep != nullptr && rep[i] != nullptr;
      breaks[i] = (hyphens[i] & 1) != 0 && !nonstandard;
    }
  }
  if (rep != nullptr) {
    for (int i = 0; i < size; ++i) std::free(rep[i]);
    std::free(rep);
  }
  std::free(pos);
  std::free(cut);
  return breaks;
}

}  // namespace galley::text::detail
