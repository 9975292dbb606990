// Line recognisers for the news conventions.
#include "read/news_lines.hpp"

#include <algorithm>
#include <array>

#include "read/dates.hpp"
#include "read/unicode.hpp"

namespace galley::read {
namespace {

// Case-insensitive prefix match of `label` followed by a colon (spaces allowed before it,
// as French writes "Lire aussi :"). Returns the bytes used up to and including the colon.
// `lower` is the start of `text` lower-cased, long enough for any label.
std::optional<Label> labelled(std::string_view text, std::string_view lower, std::string_view label_lower) {
  if (!lower.starts_with(label_lower)) return std::nullopt;
  // Lower-casing can change byte lengths; find the same number of code points in `text`.
  std::size_t label_points = 0;
  for (std::size_t pos = 0; pos < label_lower.size(); ++label_points) next_code_point(label_lower, pos);
  std::size_t end = 0;
  for (std::size_t i = 0; i < label_points && end < text.size(); ++i) next_code_point(text, end);
  std::size_t colon = end;
  while (colon < text.size() && (text[colon] == ' ' || text.substr(colon, 2) == "\u00A0")) {
    colon += text[colon] == ' ' ? 1 : 2;
  }
  if (colon >= text.size() || text[colon] != ':') return std::nullopt;
  return Label{std::string(text.substr(0, end)), colon + 1};
}

template <std::size_t N>
std::optional<Label> first_label(std::string_view text, const std::array<std::string_view, N>& labels) {
  text = trim(text);
  std::size_t longest = 0;
  for (auto label : labels) longest = std::max(longest, label.size());
  // Lower-cased once for all labels: this runs for every paragraph of every article.
  const std::string lower = to_lower(text.substr(0, longest * 2 + 8));
  for (auto label : labels) {
    if (auto found = labelled(text, lower, label)) return found;
  }
  return std::nullopt;
}

// Longest first, so "related articles" is not read as "related" + "articles".
constexpr std::array related_labels = std::to_array<std::string_view>({
    "related articles", "related article", "related stories", "related story", "related",
    "see also", "read more", "read also", "also read", "more on this", "читайте также",
    "по теме", "см. также", "lesen sie auch", "mehr zum thema", "à lire aussi",
    "a lire aussi", "lire aussi", "voir aussi", "lee también", "leggi anche", "leia também",
});

constexpr std::array source_labels = std::to_array<std::string_view>({
    "original url", "original link", "original article", "originally published at",
    "source url", "canonical url", "source", "источник", "quelle", "fuente", "fonte",
});

// Lower-case words that may stand inside a name: "Ana de la Cruz", "Ludwig van Beethoven".
constexpr std::array name_particles = std::to_array<std::string_view>({
    "de", "da", "das", "dos", "do", "del", "della", "di", "du", "des", "la", "le", "van", "von",
    "der", "den", "ter", "ten", "zu", "bin", "ibn", "al", "el", "y", "e", "st.",
});

bool looks_like_name(std::string_view name) {
  name = trim(name);
  if (name.empty() || name.size() > 60) return false;
  int words = 0;
  std::size_t pos = 0;
  while (pos < name.size()) {
    auto start = name.find_first_not_of(' ', pos);
    if (start == std::string_view::npos) break;
    auto end = name.find(' ', start);
    if (end == std::string_view::npos) end = name.size();
    auto word = name.substr(start, end - start);
    pos = end;
    ++words;
    bool particle = false;
    for (auto p : name_particles) particle = particle || word == p;
    if (particle) continue;
    if (!is_uppercase_letter(first_code_point(word))) return false;
    for (std::size_t i = 0; i < word.size();) {
      auto cp = next_code_point(word, i);
      if (!is_letter(cp) && cp != '.' && cp != '-' && cp != '\'' && cp != 0x2019) return false;
    }
  }
  return words >= 1 && words <= 5;
}

int word_count(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (char c : text) {
    if (c != ' ' && !in_word) ++words;
    in_word = c != ' ';
  }
  return words;
}

// The word for "and" between names, in several languages. " y " and " e " are also name
// particles ("José Ortega y Gasset", "Maria da Silva e Sousa"): see split_names.
struct Conjunction {
  std::string_view word;
  bool one_letter = false;     ///< a capital one may be an initial ("John E Smith")
  bool also_particle = false;
};
constexpr Conjunction conjunctions[] = {
    {" and "}, {" & "},         {" und "},        {" et "},   {" y ", true, true},
    {" e ", true, true},        {" и ", true},    {" і ", true}, {" та "},
};

// The conjunction `text` starts with, if any, in any case ("and", "And", "AND"). A word of
// one letter counts in capitals only when the whole byline is in capitals.
const Conjunction* conjunction_at(std::string_view text, bool all_capitals) {
  for (const auto& conjunction : conjunctions) {
    if (text.starts_with(conjunction.word)) return &conjunction;
    if ((all_capitals || !conjunction.one_letter) && text.size() >= conjunction.word.size() &&
        to_lower(text.substr(0, conjunction.word.size())) == conjunction.word) {
      return &conjunction;
    }
  }
  return nullptr;
}

bool has_lowercase_letter(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    if (is_lowercase_letter(next_code_point(text, pos))) return true;
  }
  return false;
}

// Splits "A, B and C" into names on commas and conjunctions. A particle conjunction between
// a full name and a single word joins a compound surname instead ("José Ortega y Gasset"),
// as a byline names people in full.
std::vector<std::string> split_names(std::string_view text) {
  const bool all_capitals = !has_lowercase_letter(text);
  std::vector<std::string> names;
  std::string_view particle;  // the particle conjunction before the current name, as written
  std::size_t start = 0;
  auto take = [&](std::size_t end) {
    auto name = trim(text.substr(start, end - start));
    if (!particle.empty() && !names.empty() && word_count(names.back()) >= 2 &&
        word_count(name) == 1) {
      names.back().append(particle).append(name);
    } else if (!name.empty()) {
      names.emplace_back(name);
    }
  };
  for (std::size_t i = 0; i < text.size();) {
    std::string_view separator;
    bool is_particle = false;
    if (text[i] == ',') {
      separator = text.substr(i, 1);
    } else if (const auto* conjunction =
                   text[i] == ' ' ? conjunction_at(text.substr(i), all_capitals) : nullptr) {
      separator = text.substr(i, conjunction->word.size());
      is_particle = conjunction->also_particle;
    }
    if (separator.empty()) {
      ++i;
      continue;
    }
    take(i);
    particle = is_particle ? separator : std::string_view{};
    i += separator.size();
    start = i;
  }
  take(text.size());
  return names;
}

// "By", "Von", "Автор:" as written, or in capitals when the whole line is ("VON JANA WEBER").
std::string_view strip_byline_prefix(std::string_view line) {
  const bool all_capitals = !has_lowercase_letter(line);
  for (std::string_view prefix : {"By ", "BY ", "by ", "Von ", "Par ", "Por ", "Di ", "Door ",
                                  "Автор: ", "Авторы: ", "Текст: ", "Автор ", "Автори: "}) {
    if (line.starts_with(prefix)) return line.substr(prefix.size());
    if (all_capitals && line.size() >= prefix.size() &&
        to_lower(line.substr(0, prefix.size())) == to_lower(prefix)) {
      return line.substr(prefix.size());
    }
  }
  return {};
}

}  // namespace

std::optional<Byline> parse_byline(std::string_view line) {
  line = trim(line);
  if (line.size() > 200) return std::nullopt;
  std::string_view rest = trim(strip_byline_prefix(line));
  if (rest.empty()) return std::nullopt;

  Byline byline;
  // A date after a separator: "By Ana Petrović | March 7, 2024".
  for (std::string_view separator : {"|", "\u2014", "\u2013", "\u00B7", "\u2022", ","}) {
    for (auto at = rest.find(separator); at != std::string_view::npos;
         at = rest.find(separator, at + 1)) {
      auto tail = trim(rest.substr(at + separator.size()));
      if (auto date = parse_date_line(tail)) {
        byline.date = date;
        byline.date_text = tail;
        rest = trim(rest.substr(0, at));
        break;
      }
    }
    if (byline.date) break;
  }
  auto names = split_names(rest);
  if (names.empty() || names.size() > 8) return std::nullopt;
  for (const auto& name : names) {
    if (!looks_like_name(name)) return std::nullopt;
  }
  byline.authors = std::move(names);
  return byline;
}

CaptionCredit split_caption_credit(std::string_view text) {
  text = trim(text);
  if (auto slash = text.rfind(" / "); slash != std::string_view::npos) {
    return {std::string(trim(text.substr(0, slash))), std::string(trim(text.substr(slash + 3)))};
  }
  // ASCII lower case keeps byte offsets; the Cyrillic marker is matched in both cases.
  std::string lower(text);
  for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  for (std::string_view marker : {"photo:", "photograph:", "picture:", "image:", "credit:",
                                  "foto:", "bild:", "фото:", "Фото:"}) {
    auto at = lower.rfind(marker);
    if (at == std::string::npos) continue;
    auto caption = trim(text.substr(0, at));
    while (!caption.empty() && (caption.back() == '(' || caption.back() == '|')) {
      caption = trim(caption.substr(0, caption.size() - 1));
    }
    auto credit = trim(text.substr(at + marker.size()));
    while (!credit.empty() && credit.back() == ')') credit = trim(credit.substr(0, credit.size() - 1));
    return {std::string(caption), std::string(credit)};
  }
  return {std::string(text), {}};
}

std::optional<Label> related_label(std::string_view text) { return first_label(text, related_labels); }

std::optional<Label> source_label(std::string_view text) { return first_label(text, source_labels); }

std::optional<std::string> standalone_url(std::string_view text) {
  text = trim(text);
  // "Original url: https://example.org/a." The period ends the sentence, not the URL (as
  // GitHub's autolinks read it); inside angle brackets the URL is exactly what is written.
  while (!text.empty() && std::string_view(".,;:!?").find(text.back()) != std::string_view::npos) {
    text.remove_suffix(1);
  }
  if (text.starts_with('<') && text.ends_with('>')) text = text.substr(1, text.size() - 2);
  if (!text.starts_with("http://") && !text.starts_with("https://")) return std::nullopt;
  if (text.size() <= 8 || text.find_first_of(" \t\n<>\"") != std::string_view::npos) return std::nullopt;
  return std::string(text);
}

bool ends_sentence(std::string_view text) {
  auto cp = last_code_point(trim(text));
  switch (cp) {
    case '.': case '!': case '?': case ':': case ';': case '"': case '\'': case ')': case ']':
    case 0x2026:  // …
    case 0x201D: case 0x2019: case 0x00BB: case 0x201C: case 0x00AB:  // ” ’ » “ «
      return true;
    default: return false;
  }
}

}  // namespace galley::read
