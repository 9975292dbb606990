// Builds one news-shaped Markdown article from a seed: headline, dek, dateline, byline,
// lead figure, a body with the markup scraped news carries, and the closing source line.
#include "corpus.hpp"

#include <array>
#include <string>
#include <vector>

#include "words.hpp"

namespace galley::bench {
namespace {

using List = std::span<const std::string_view>;

constexpr auto month_names = std::to_array<std::string_view>({
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"});
// AP style, as American news sites write them.
constexpr auto month_abbreviations = std::to_array<std::string_view>({
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec."});
constexpr auto ru_month_genitives = std::to_array<std::string_view>({
    "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
    "октября", "ноября", "декабря"});
constexpr auto month_days = std::to_array({31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31});

// Tables an article may carry: a caption-like lead-in is written separately.
struct TableShape {
  std::array<std::string_view, 4> header;
  int columns;
  std::string_view first_column;  // "year", "place", "name" or "route"
};
constexpr auto table_shapes = std::to_array<TableShape>({
    {{"Year", "Passengers", "Change", ""}, 3, "year"},
    {{"District", "Budget (£m)", "Share", ""}, 3, "place"},
    {{"Candidate", "Votes", "Percent", ""}, 3, "name"},
    {{"Route", "Weekday trips", "Weekend trips", "Change"}, 4, "route"},
});
constexpr TableShape ru_table_shape = {{"Год", "Пассажиры", "Изменение", ""}, 3, "year"};

std::string two_digits(int n) {
  std::string text = std::to_string(n);
  if (text.size() < 2) text.insert(text.begin(), '0');
  return text;
}

std::string with_commas(int n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// Upper-cases the first letter of ASCII or Russian text.
std::string capitalized(std::string text) {
  if (text.empty()) return text;
  auto c0 = static_cast<unsigned char>(text[0]);
  auto c1 = text.size() > 1 ? static_cast<unsigned char>(text[1]) : 0u;
  if (c0 >= 'a' && c0 <= 'z') {
    text[0] = static_cast<char>(c0 - 'a' + 'A');
  } else if (c0 == 0xD0 && c1 >= 0xB0 && c1 <= 0xBF) {  // а..п -> А..П
    text[1] = static_cast<char>(c1 - 0x20);
  } else if (c0 == 0xD1 && c1 >= 0x80 && c1 <= 0x8F) {  // р..я -> Р..Я
    text[0] = static_cast<char>(0xD0);
    text[1] = static_cast<char>(c1 + 0x20);
  }
  return text;
}

std::string upper_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// A URL path segment from ASCII words; other bytes are dropped.
std::string slug(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    } else if (c == ' ' || c == '-') {
      if (!out.empty() && out.back() != '-') out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string yaml_quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

int characters(std::string_view text) {
  int count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

// Hard-wraps a paragraph as some exports do. Lines break only before a letter, a quote or
// a link, so no line can start a list, heading or block quote by accident.
std::string wrapped(std::string_view text, int width) {
  std::string out;
  int column = 0;
  for (std::size_t at = 0; at <= text.size();) {
    std::size_t end = text.find(' ', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(at, end - at);
    if (column > 0) {
      auto first = word.empty() ? ' ' : static_cast<unsigned char>(word[0]);
      bool safe = (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') ||
                  first >= 0xC0 || first == '"' || first == '[';
      if (safe && column + 1 + characters(word) > width) {
        out += '\n';
        column = 0;
      } else {
        out += ' ';
        ++column;
      }
    }
    out += word;
    column += characters(word);
    at = end + 1;
  }
  return out;
}

// The kinds of block a body is planned from, before any text is drawn.
enum class Part {
  para, quote, split, bullets, ordered, table, block_quote, subhead, related, russian
};

class ArticleWriter {
 public:
  ArticleWriter(const CorpusOptions& options, int index)
      : rng_(Rng(options.seed).next() ^
             (static_cast<std::uint64_t>(index) * 0xD1B54A32D192ED03ull)),
        picture_(lead_picture(options, index)) {
    front_matter_ = rng_.chance(options.front_matter_ratio);
    russian_ = rng_.chance(0.12);
    width_ = rng_.chance(0.4) ? rng_.between(68, 80) : 0;
    footnotes_ = rng_.chance(0.15);
  }

  bool uses_picture() const { return uses_picture_; }

  std::string write() {
    std::string headline = russian_ ? russian_headline() : english_headline();
    std::string dek = russian_ ? capitalized(words_from(7, 14, false, true))
                               : capitalized(words_from(7, 14, false, false));
    int year = rng_.between(2012, 2024);
    int month = rng_.between(1, 12);
    int day = rng_.between(1, month_days[month - 1]);
    std::string iso = std::to_string(year) + "-" + two_digits(month) + "-" + two_digits(day);
    std::string source = "https://example.org/" + std::string(rng_.pick(words::sections)) +
                         "/" + std::to_string(year) + "/" + two_digits(month) + "/" +
                         two_digits(day) + "/";
    source += russian_ ? "ru-" + std::to_string(rng_.between(100000, 999999)) : slug(headline);
    std::vector<std::string> authors;
    int author_count = rng_.chance(0.5) ? 1 : (rng_.chance(0.9) ? 2 : 3);
    for (int i = 0; i < author_count; ++i) authors.push_back(russian_ ? ru_person() : person());

    if (front_matter_) {
      write_front_matter(headline, dek, iso, source, authors);
    } else {
      out_ += "# " + headline + "\n\n";
      if (rng_.chance(0.9)) out_ += "## " + dek + "\n\n";
      if (rng_.chance(0.92)) out_ += date_line(year, month, day) + "\n\n";
      if (rng_.chance(0.9)) out_ += byline(authors) + "\n\n";
      if (rng_.chance(0.5)) lead_figure();
    }
    body();
    for (std::size_t i = 0; i < notes_.size(); ++i) {
      out_ += "[^" + std::to_string(i + 1) + "]: " + notes_[i] + "\n\n";
    }
    if (!front_matter_ || rng_.chance(0.5)) {
      int form = rng_.between(0, 19);
      if (form < 16) {
        out_ += "Original url:\n\n<" + source + ">\n";
      } else if (form < 19) {
        out_ += "Original url: <" + source + ">\n";
      } else {
        out_ += "Original url: " + source + "\n";
      }
    }
    while (out_.ends_with("\n\n")) out_.pop_back();
    return std::move(out_);
  }

 private:
  // ---- Names, numbers, links: the pieces sentences are made of ----------------------

  std::string person() {
    if (rng_.chance(0.08)) return ru_person();
    std::string name(rng_.pick(words::first_names));
    return name + " " + std::string(rng_.pick(words::last_names));
  }

  std::string ru_person() {
    last_female_ = rng_.chance(0.5);
    std::string name(rng_.pick(last_female_ ? List(words::ru_female_names)
                                            : List(words::ru_male_names)));
    return name + " " + std::string(rng_.pick(last_female_ ? List(words::ru_female_surnames)
                                                           : List(words::ru_male_surnames)));
  }

  std::string number_phrase() {
    switch (rng_.below(5)) {
      case 0: return "about " + with_commas(rng_.between(20, 9000));
      case 1: return "£" + with_commas(rng_.between(10, 950) * 1000);
      case 2: {
        std::string whole = std::to_string(rng_.between(1, 40));
        return "$" + whole + "." + std::to_string(rng_.between(1, 9)) + " million";
      }
      case 3: return std::to_string(rng_.between(2, 95)) + " percent";
      default: return "in " + std::to_string(rng_.between(1950, 2023));
    }
  }

  std::string link_url() {
    std::string section(rng_.pick(words::sections));
    return "https://example.org/" + section + "/" + slug(words_from(2, 4, false, false));
  }

  std::string link(bool russian) {
    std::string text = russian ? words_from(2, 4, false, true) : words_from(2, 5, false, false);
    int kind = rng_.between(0, 9);
    if (kind < 6) return "[" + text + "](" + link_url() + ")";
    if (kind < 9) return "[" + text + "](#)";
    return "[" + text + "]()";
  }

  // ---- Sentences: returned without closing punctuation --------------------------------

  std::string english_piece() {
    int kind = rng_.between(0, 99);
    if (kind < 20) return person();
    if (kind < 30) return std::string(rng_.pick(words::places));
    if (kind < 48) return number_phrase();
    if (kind < 78) return link(false);
    if (kind < 86) return "*The " + std::string(rng_.pick(words::places)) + " Courier*";
    if (kind < 92) return "**" + std::string(rng_.pick(words::content_words)) + "**";
    return "the " + std::string(rng_.pick(words::organisations));
  }

  std::string russian_piece() {
    int kind = rng_.between(0, 99);
    if (kind < 25) return ru_person();
    if (kind < 40) return std::string(rng_.pick(words::ru_places));
    if (kind < 60) return std::to_string(rng_.between(2, 900)) + " тысяч рублей";
    if (kind < 90) return link(true);
    return "**" + std::string(rng_.pick(words::ru_content_words)) + "**";
  }

  std::string words_from(int min_words, int max_words, bool markup, bool russian) {
    int count = rng_.between(min_words, max_words);
    int pieces = 0;
    std::string text;
    for (int i = 0; i < count; ++i) {
      if (i > 0) text += (i + 1 < count && rng_.chance(0.07)) ? ", " : " ";
      if (markup && i > 0 && pieces < 2 && rng_.chance(0.06)) {
        text += russian ? russian_piece() : english_piece();
        ++pieces;
      } else if (i > 0 && rng_.chance(0.4)) {
        text += rng_.pick(russian ? List(words::ru_function_words)
                                  : List(words::function_words));
      } else {
        text += rng_.pick(russian ? List(words::ru_content_words)
                                  : List(words::content_words));
      }
    }
    return text;
  }

  std::string sentence(bool russian) {
    std::string text = capitalized(words_from(8, 26, true, russian));
    text += rng_.chance(0.03) ? "?" : ".";
    if (footnotes_ && notes_.size() < 4 && rng_.chance(0.08)) {
      notes_.push_back(capitalized(words_from(6, 20, true, russian)) + ".");
      text += "[^" + std::to_string(notes_.size()) + "]";
    }
    return text;
  }

  std::string sentences(int min_count, int max_count, bool russian) {
    std::string text;
    for (int i = rng_.between(min_count, max_count); i > 0; --i) {
      if (!text.empty()) text += ' ';
      text += sentence(russian);
    }
    return text;
  }

  // ---- Top of the article -----------------------------------------------------------

  std::string english_headline() {
    auto place = std::string(rng_.pick(words::places));
    auto noun = std::string(rng_.pick(words::headline_nouns));
    switch (rng_.below(5)) {
      case 0: {
        std::string verb(rng_.pick(words::headline_verbs));
        std::string years(rng_.pick(words::number_words));
        return place + " " + noun + " " + verb + " After " + years + "-Year " +
               std::string(rng_.pick(words::headline_pauses));
      }
      case 1:
        return "Council Approves " + std::string(rng_.pick(words::headline_adjectives)) +
               " Plan for " + place + " " + noun;
      case 2: return "Why " + place + "'s " + noun + " Keeps Making Headlines";
      case 3:
        return std::string(rng_.pick(words::number_words)) + " Things to Know About the New " +
               place + " " + noun;
      default:
        return place + " Residents Split Over " +
               std::string(rng_.pick(words::headline_adjectives)) + " " + noun + " Plan";
    }
  }

  std::string russian_headline() {
    std::string place(rng_.pick(words::ru_places));
    return place + ": " + std::string(rng_.pick(words::ru_headlines));
  }

  std::string date_line(int year, int month, int day) {
    std::string d = std::to_string(day);
    std::string y = std::to_string(year);
    std::string iso = y + "-" + two_digits(month) + "-" + two_digits(day);
    if (russian_) {
      return rng_.chance(0.7) ? d + " " + std::string(ru_month_genitives[month - 1]) + " " + y
                              : iso;
    }
    std::string prefix = rng_.chance(0.08) ? "Published " : "";
    switch (rng_.below(4)) {
      case 0: return prefix + std::string(month_names[month - 1]) + " " + d + ", " + y;
      case 1: return prefix + d + " " + std::string(month_names[month - 1]) + " " + y;
      case 2: return prefix + std::string(month_abbreviations[month - 1]) + " " + d + ", " + y;
      default: return prefix + iso;
    }
  }

  std::string byline(const std::vector<std::string>& authors) {
    bool russian_label = russian_ && rng_.chance(0.6);
    std::string line =
        russian_label ? (authors.size() == 1 ? "Автор: " : "Авторы: ") : std::string("By ");
    for (std::size_t i = 0; i < authors.size(); ++i) {
      if (i > 0) line += i + 1 < authors.size() ? ", " : (russian_label ? " и " : " and ");
      line += authors[i];
    }
    return line;
  }

  std::string caption_text() { return capitalized(words_from(6, 14, false, false)); }

  std::string credit() {
    switch (rng_.below(3)) {
      case 0: return person();
      case 1: return std::string(rng_.pick(words::places)) + " Archive";
      default: {
        std::string name = person();
        return name + " for the " + std::string(rng_.pick(words::places)) + " Courier";
      }
    }
  }

  void lead_figure() {
    bool image = rng_.chance(0.9);
    bool caption = !image || rng_.chance(0.85);
    if (image) {
      out_ += "![" + caption_text() + "](" + picture_.file + ")\n\n";
      uses_picture_ = true;
    }
    if (caption) {
      out_ += "**" + caption_text();
      if (rng_.chance(0.85)) out_ += " / " + credit();
      out_ += "**\n\n";
    }
  }

  void write_front_matter(const std::string& headline, const std::string& dek,
                          const std::string& iso, const std::string& source,
                          const std::vector<std::string>& authors) {
    out_ += "---\ntitle: " + yaml_quoted(headline) + "\n";
    if (rng_.chance(0.8)) out_ += "subtitle: " + yaml_quoted(dek) + "\n";
    if (authors.size() == 1) {
      out_ += "author: " + yaml_quoted(authors[0]) + "\n";
    } else {
      out_ += "author:\n";
      for (const auto& name : authors) out_ += "  - " + yaml_quoted(name) + "\n";
    }
    out_ += "date: " + iso + "\n";
    out_ += russian_ ? "lang: ru\n" : "lang: en\n";
    out_ += "source: " + yaml_quoted(source) + "\n";
    out_ += "tags:\n";
    for (int i = rng_.between(1, 4); i > 0; --i) {
      out_ += "  - " + std::string(rng_.pick(words::sections)) + "\n";
    }
    if (rng_.chance(0.4)) out_ += "summary: " + yaml_quoted(sentence(russian_)) + "\n";
    if (rng_.chance(0.4)) {
      out_ += "image: " + picture_.file + "\nimage_caption: " + yaml_quoted(caption_text()) + "\n";
      uses_picture_ = true;
      out_ += "image_credit: " + yaml_quoted(credit()) + "\n";
    }
    out_ += "---\n\n";
  }

  // ---- Body ---------------------------------------------------------------------------

  void paragraph(std::string text) {
    out_ += width_ > 0 ? wrapped(text, width_) : text;
    out_ += "\n\n";
  }

  void quote_paragraph(bool russian) {
    if (russian) {
      std::string name = ru_person();
      std::string verb = last_female_ ? "сказала" : "сказал";
      std::string role(rng_.pick(words::ru_roles));
      paragraph("\"" + sentences(1, 2, true) + "\", — " + verb + " " + name + ", " + role + ".");
      return;
    }
    std::string name = person();
    std::string role(rng_.pick(words::roles));
    role += rng_.pick(words::organisations);
    std::string said = capitalized(words_from(6, 20, true, false));
    switch (rng_.below(3)) {
      case 0: {
        std::string before = sentences(1, 2, false);
        paragraph("\"" + before + " " + said + ",\" said " + name + ", " + role + ".");
        break;
      }
      case 1: paragraph("\"" + said + ",\" " + name + " said."); break;
      default: paragraph(name + ", " + role + ", said: \"" + said + ".\""); break;
    }
  }

  void split_paragraph() {
    // The first half stops mid-sentence; the second goes on in lower case.
    std::string first = sentences(1, 3, russian_);
    paragraph(first + " " + capitalized(words_from(5, 12, false, russian_)));
    std::string rest = words_from(5, 14, false, russian_) + ".";
    if (rng_.chance(0.6)) rest += " " + sentences(1, 2, russian_);
    paragraph(std::move(rest));
  }

  void list(bool ordered) {
    paragraph(capitalized(words_from(6, 16, true, russian_)) + ":");
    bool periods = rng_.chance(0.5);
    std::string_view bullet = rng_.chance(0.7) ? "- " : "* ";
    for (int i = 1, count = rng_.between(3, 7); i <= count; ++i) {
      out_ += ordered ? std::to_string(i) + ". " : std::string(bullet);
      out_ += capitalized(words_from(3, 14, true, russian_)) + (periods ? ".\n" : "\n");
    }
    out_ += "\n";
  }

  void table() {
    const TableShape& shape = russian_ ? ru_table_shape : table_shapes[rng_.below(4)];
    paragraph(capitalized(words_from(8, 20, true, russian_)) + ":");
    std::string header = "|";
    std::string rule = "|";
    for (int c = 0; c < shape.columns; ++c) {
      header += ' ';
      header += shape.header[static_cast<std::size_t>(c)];
      header += " |";
      rule += c == 0 ? " --- |" : " ---: |";
    }
    out_ += header + "\n" + rule + "\n";
    int year = rng_.between(2005, 2018);
    for (int row = 0, rows = rng_.between(3, 8); row < rows; ++row) {
      std::string line = "| ";
      if (shape.first_column == "year") line += std::to_string(year + row);
      if (shape.first_column == "place") line += rng_.pick(words::places);
      if (shape.first_column == "name") line += person();
      if (shape.first_column == "route") {
        // Appended in two steps: "Route " + to_string() trips GCC 12's -Wrestrict (bug 105651).
        line += "Route ";
        line += std::to_string(rng_.between(1, 99));
      }
      for (int c = 1; c < shape.columns; ++c) {
        line += " | ";
        if (c + 1 == shape.columns) {
          line += rng_.chance(0.5) ? "+" : "-";
          line += std::to_string(rng_.between(0, 40)) + "%";
        } else {
          line += with_commas(rng_.between(100, 90000));
        }
      }
      out_ += line + " |\n";
    }
    out_ += "\n";
  }

  void block_quote() {
    out_ += "> " + sentences(1, 3, russian_) + "\n";
    if (rng_.chance(0.4)) out_ += ">\n> " + sentences(1, 2, russian_) + "\n";
    if (rng_.chance(0.5)) out_ += ">\n> — " + (russian_ ? ru_person() : person()) + "\n";
    out_ += "\n";
  }

  void subhead() {
    std::string text;
    for (int i = rng_.between(2, 5); i > 0; --i) {
      if (!text.empty()) text += ' ';
      text += capitalized(std::string(russian_ ? rng_.pick(words::ru_content_words)
                                               : rng_.pick(words::content_words)));
    }
    out_ += "## " + text + "\n\n";
  }

  void related() {
    std::string title = russian_ ? russian_headline() : english_headline();
    if (rng_.chance(0.85)) {
      out_ += "**Related article:** [" + title + "](#)\n\n";
    } else {
      out_ += "See also: [" + title + "](" + link_url() + ")\n\n";
    }
  }

  std::vector<Part> plan() {
    std::vector<Part> parts(static_cast<std::size_t>(rng_.between(6, 30)), Part::para);
    for (std::size_t i = 1; i < parts.size(); ++i) {
      if (rng_.chance(0.22)) parts[i] = Part::quote;
    }
    bool long_article = parts.size() >= 14;
    auto insert = [&](Part part) {
      parts.insert(parts.begin() + rng_.between(1, static_cast<int>(parts.size())), part);
    };
    if (rng_.chance(0.25)) insert(Part::split);
    if (rng_.chance(0.2)) insert(Part::bullets);
    if (rng_.chance(0.1)) insert(Part::ordered);
    if (rng_.chance(0.15)) insert(Part::table);
    if (rng_.chance(0.2)) insert(Part::block_quote);
    if (rng_.chance(0.35)) insert(Part::related);
    if (!russian_ && rng_.chance(0.15)) insert(Part::russian);
    if (long_article && rng_.chance(0.5)) {
      for (int i = rng_.between(1, 3); i > 0; --i) insert(Part::subhead);
    }
    return parts;
  }

  void body() {
    bool first = true;
    for (Part part : plan()) {
      switch (part) {
        case Part::para: {
          std::string text = sentences(1, 4, russian_);
          if (first && !russian_ && rng_.chance(0.3)) {
            text = upper_ascii(rng_.pick(words::places)) + " — " + text;
          }
          paragraph(std::move(text));
          break;
        }
        case Part::quote: quote_paragraph(russian_ || rng_.chance(0.05)); break;
        case Part::split: split_paragraph(); break;
        case Part::bullets: list(false); break;
        case Part::ordered: list(true); break;
        case Part::table: table(); break;
        case Part::block_quote: block_quote(); break;
        case Part::subhead: subhead(); break;
        case Part::related: related(); break;
        case Part::russian:
          rng_.chance(0.5) ? quote_paragraph(true) : paragraph(sentences(1, 4, true));
          break;
      }
      first = false;
    }
  }

  Rng rng_;
  Picture picture_;
  bool uses_picture_ = false;
  bool front_matter_ = false;
  bool russian_ = false;
  bool footnotes_ = false;
  bool last_female_ = false;  // the gender of the last Russian name, for the verb after it
  int width_ = 0;             // hard-wrap width; 0 writes each paragraph on one line
  std::vector<std::string> notes_;
  std::string out_;
};

}  // namespace

std::string generate_article(const CorpusOptions& options, int index) {
  return ArticleWriter(options, index).write();
}

Article generate(const CorpusOptions& options, int index) {
  ArticleWriter writer(options, index);
  Article article;
  article.text = writer.write();
  if (writer.uses_picture()) article.picture = lead_picture(options, index);
  return article;
}

Picture lead_picture(const CorpusOptions& options, int index) {
  // Its own generator, so that the article's words are what they were before pictures.
  Rng rng(Rng(options.seed ^ 0x5049435455524553ull).next() ^ (static_cast<std::uint64_t>(index) * 0x9E3779B97F4A7C15ull));
  static constexpr int sizes[][2] = {{320, 213}, {480, 320}, {640, 427}, {800, 533}};
  const auto& size = sizes[rng.below(4)];
  Picture picture;
  picture.width = size[0];
  picture.height = size[1];
  picture.png = rng.chance(0.25);
  picture.seed = rng.next();
  std::string number = std::to_string(index);
  if (number.size() < 4) number.insert(0, 4 - number.size(), '0');
  picture.file = "images/lead-" + number + (picture.png ? ".png" : ".jpg");
  return picture;
}

std::string article_file_name(int index) {
  std::string number = std::to_string(index);
  if (number.size() < 4) number.insert(0, 4 - number.size(), '0');
  return "article-" + number + ".md";
}

}  // namespace galley::bench
