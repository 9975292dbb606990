// Date lines in English, German, French, Spanish, Italian, Portuguese, Russian, Ukrainian.
#include "read/dates.hpp"

#include <array>
#include <charconv>
#include <string>
#include <vector>

#include "read/unicode.hpp"

namespace galley::read {
namespace {

struct MonthName {
  std::string_view name;
  int month;
};

// Lower case, without a trailing period. Genitive forms for Russian and Ukrainian, as dates
// are written ("7 марта").
constexpr std::array month_names = std::to_array<MonthName>({
    {"january", 1}, {"jan", 1}, {"february", 2}, {"feb", 2}, {"march", 3}, {"mar", 3},
    {"april", 4}, {"apr", 4}, {"may", 5}, {"june", 6}, {"jun", 6}, {"july", 7}, {"jul", 7},
    {"august", 8}, {"aug", 8}, {"september", 9}, {"sep", 9}, {"sept", 9}, {"october", 10},
    {"oct", 10}, {"november", 11}, {"nov", 11}, {"december", 12}, {"dec", 12},
    // German
    {"januar", 1}, {"jänner", 1}, {"februar", 2}, {"märz", 3}, {"mär", 3}, {"mai", 5},
    {"juni", 6}, {"juli", 7}, {"oktober", 10}, {"okt", 10}, {"dezember", 12}, {"dez", 12},
    // French
    {"janvier", 1}, {"janv", 1}, {"février", 2}, {"fevrier", 2}, {"févr", 2}, {"fév", 2},
    {"mars", 3}, {"avril", 4}, {"avr", 4}, {"juin", 6}, {"juillet", 7}, {"juil", 7},
    {"août", 8}, {"aout", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11},
    {"décembre", 12}, {"decembre", 12}, {"déc", 12},
    // Spanish, Italian, Portuguese
    {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6},
    {"julio", 7}, {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},
    {"noviembre", 11}, {"diciembre", 12}, {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4},
    {"maggio", 5}, {"giugno", 6}, {"luglio", 7}, {"settembre", 9}, {"ottobre", 10},
    {"dicembre", 12}, {"janeiro", 1}, {"fevereiro", 2}, {"março", 3}, {"maio", 5},
    {"junho", 6}, {"julho", 7}, {"setembro", 9}, {"outubro", 10}, {"dezembro", 12},
    // Russian (genitive, nominative, abbreviated)
    {"января", 1}, {"февраля", 2}, {"марта", 3}, {"апреля", 4}, {"мая", 5}, {"июня", 6},
    {"июля", 7}, {"августа", 8}, {"сентября", 9}, {"октября", 10}, {"ноября", 11},
    {"декабря", 12}, {"январь", 1}, {"февраль", 2}, {"март", 3}, {"апрель", 4}, {"май", 5},
    {"июнь", 6}, {"июль", 7}, {"август", 8}, {"сентябрь", 9}, {"октябрь", 10},
    {"ноябрь", 11}, {"декабрь", 12}, {"янв", 1}, {"фев", 2}, {"мар", 3}, {"апр", 4},
    {"июн", 6}, {"июл", 7}, {"авг", 8}, {"сен", 9}, {"сент", 9}, {"окт", 10}, {"ноя", 11},
    {"дек", 12},
    // Ukrainian (genitive)
    {"січня", 1}, {"лютого", 2}, {"березня", 3}, {"квітня", 4}, {"травня", 5}, {"червня", 6},
    {"липня", 7}, {"серпня", 8}, {"вересня", 9}, {"жовтня", 10}, {"листопада", 11},
    {"грудня", 12},
});

// Words that may lead a date line and carry no date themselves.
constexpr std::array lead_words = std::to_array<std::string_view>({
    "published", "updated", "posted", "last", "on", "veröffentlicht", "aktualisiert", "am",
    "vom", "publié", "publiée", "mis", "à", "jour", "le", "publicado", "actualizado", "el",
    "pubblicato", "il", "опубликовано", "обновлено", "опубліковано", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu",
    "thurs", "fri", "sat", "sun", "montag", "dienstag", "mittwoch", "donnerstag", "freitag",
    "samstag", "sonnabend", "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
    "samedi", "dimanche", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado",
    "domingo", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота",
    "воскресенье",
});

// Words that may follow the date: a time of day, a time zone, "г." after a Russian year.
constexpr std::array tail_words = std::to_array<std::string_view>({
    "am", "pm", "a.m.", "p.m.", "at", "um", "uhr", "à", "a", "las", "alle", "às", "в", "utc",
    "gmt", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest", "eet",
    "eest", "msk", "мск", "г.", "г", "года", "|", "—", "–", "-", "·", "•", "et",
});

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& words, std::string_view word) {
  for (auto w : words) {
    if (w == word) return true;
  }
  return false;
}

std::optional<int> month_number(std::string_view word) {
  if (word.ends_with('.')) word.remove_suffix(1);
  for (const auto& m : month_names) {
    if (m.name == word) return m.month;
  }
  return std::nullopt;
}

std::optional<int> number(std::string_view text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// "7", "7.", "7th", "1st", "1er" (French), "07".
std::optional<int> day_number(std::string_view word) {
  for (std::string_view suffix : {".", "st", "nd", "rd", "th", "er"}) {
    if (word.size() > suffix.size() && word.ends_with(suffix)) {
      word.remove_suffix(suffix.size());
      break;
    }
  }
  if (word.empty() || word.size() > 2) return std::nullopt;
  return number(word);
}

// A four-digit year, possibly with the Russian "г." glued on ("2024г.").
std::optional<int> year_number(std::string_view word) {
  for (std::string_view suffix : {"г.", "г"}) {
    if (word.ends_with(suffix)) {
      word.remove_suffix(suffix.size());
      break;
    }
  }
  if (word.size() != 4) return std::nullopt;
  return number(word);
}

bool is_time_word(std::string_view word) {
  if (contains(tail_words, word)) return true;
  // 10:30, 10.30, 10h30, 10h, 10:30:00, +0100
  bool digit = false;
  for (char c : word) {
    if (c >= '0' && c <= '9') digit = true;
    else if (c != ':' && c != '.' && c != 'h' && c != '+') return false;
  }
  return digit;
}

std::vector<std::string> words_of(std::string_view line) {
  std::string lower = to_lower(line);
  std::string spaced;
  for (std::size_t pos = 0; pos < lower.size();) {
    std::size_t start = pos;
    auto cp = next_code_point(lower, pos);
    if (cp == ',' || cp == 0xA0 || cp == 0x202F || cp == '\t' || cp == '(' || cp == ')') {
      spaced += ' ';
    } else {
      spaced.append(lower, start, pos - start);
    }
  }
  std::vector<std::string> words;
  std::size_t pos = 0;
  while (pos < spaced.size()) {
    auto start = spaced.find_first_not_of(' ', pos);
    if (start == std::string::npos) break;
    auto end = spaced.find(' ', start);
    if (end == std::string::npos) end = spaced.size();
    std::string word = spaced.substr(start, end - start);
    if (word.ends_with(':') && word.size() > 1) word.pop_back();
    if (word != "de" && word != "del" && word != "di" && word != ":") words.push_back(word);
    pos = end;
  }
  return words;
}

std::optional<model::Date> checked(int year, int month, int day) {
  model::Date date{year, month, day};
  if (year < 1000 || year > 2999 || !date.valid()) return std::nullopt;
  return date;
}

// 2024-03-07, 2024/03/07, 2024-03-07T10:30:00Z, 07.03.2024
std::optional<model::Date> numeric(std::string_view word) {
  if (word.size() >= 10 && (word[4] == '-' || word[4] == '/') && word[7] == word[4]) {
    auto rest = word.substr(10);
    if (!rest.empty() && rest.front() != 't') return std::nullopt;
    auto y = number(word.substr(0, 4)), m = number(word.substr(5, 2)), d = number(word.substr(8, 2));
    if (y && m && d) return checked(*y, *m, *d);
    return std::nullopt;
  }
  auto first_dot = word.find('.');
  auto second_dot = word.find('.', first_dot + 1);
  if (first_dot == std::string_view::npos || second_dot == std::string_view::npos) return std::nullopt;
  auto d = number(word.substr(0, first_dot));
  auto m = number(word.substr(first_dot + 1, second_dot - first_dot - 1));
  auto y = year_number(word.substr(second_dot + 1));
  if (first_dot > 2 || !d || !m || !y) return std::nullopt;
  return checked(*y, *m, *d);
}

}  // namespace

std::optional<model::Date> parse_date_line(std::string_view line) {
  if (line.size() > 120) return std::nullopt;
  auto words = words_of(line);
  std::size_t i = 0;
  while (i < words.size() && contains(lead_words, words[i])) ++i;
  if (i >= words.size()) return std::nullopt;

  std::optional<model::Date> date;
  std::size_t used = 0;
  if (auto iso = numeric(words[i])) {
    date = iso, used = 1;
  } else if (i + 2 < words.size()) {
    auto month_first = month_number(words[i]);
    auto day_first = day_number(words[i]);
    if (month_first) {  // March 7, 2024
      auto d = day_number(words[i + 1]);
      auto y = year_number(words[i + 2]);
      if (d && y) date = checked(*y, *month_first, *d), used = 3;
    } else if (day_first) {  // 7 March 2024
      auto m = month_number(words[i + 1]);
      auto y = year_number(words[i + 2]);
      if (m && y) date = checked(*y, *m, *day_first), used = 3;
    }
  }
  if (!date) return std::nullopt;
  for (std::size_t k = i + used; k < words.size(); ++k) {
    if (!is_time_word(words[k])) return std::nullopt;
  }
  return date;
}

}  // namespace galley::read
