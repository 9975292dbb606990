// UAX #14 line break opportunities through libunibreak (1.1 on Debian 12: the algorithm of
// UAX #14 revision 30, Unicode 6.2 classes).
#include "text/line_breaks.hpp"

#include <linebreak.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <mutex>
#include <string>

#include "text/unicode.hpp"

namespace galley::text {
namespace {

// libunibreak asks for init_linebreak() once before any use; it is not documented as safe to
// call from two threads at once.
void ensure_initialised() {
  static std::once_flag once;
  std::call_once(once, [] { init_linebreak(); });
}

// Letters of class AL (alphabetic) in UAX #14, in every language libunibreak tailors: Latin
// (Basic, Latin-1, Extended-A) and basic Cyrillic. No line breaks between two AL (LB28), and a
// run of them leaves the algorithm as one of them does, so libunibreak is handed each run as
// one letter: it finds every character's class by a binary search of its table, and letters
// are most of a paragraph (2 December 2026: 10% of the instructions of a 100-article PDF).
// tests/unit/text_line_breaks_test.cpp checks the results against libunibreak's own.
bool plain_letter(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') ||
         (c >= 0xC0 && c <= 0x17F && c != 0xD7 && c != 0xF7) || (c >= 0x410 && c <= 0x44F);
}

// `text` with every run of plain letters shortened to one 'a' into `out`; `source[j]` is the
// byte of `text` that byte j of `out` stands for (for a run: its last byte). A single space
// between two such runs is left out too, the runs made one, and marked in `breaks` itself:
// after "AL SP" before AL, UAX #14 always allows a break (LB18; no rule before it looks past
// the space at an AL on either side), and the letters after it leave the algorithm where the
// letters before it did. That is most of a paragraph's spaces. False when `text` is not
// UTF-8: libunibreak reads such bytes its own way, which can take in the letters after them,
// so it is given the text as it is.
bool shorten(std::string_view text, std::string& out, std::vector<std::uint32_t>& source,
             std::vector<LineBreak>& breaks) {
  out.reserve(text.size());
  source.reserve(text.size());
  bool in_run = false;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t c = next_code_point(text, pos);
    if (not_utf8(c, pos - start)) return false;
    if (c == U' ' && in_run && pos < text.size()) {
      std::size_t after = pos;
      const char32_t next = next_code_point(text, after);
      if (plain_letter(next)) {  // (U+FFFD, for a byte that is not UTF-8, is none)
        breaks[start] = LineBreak::allowed;
        continue;  // the run goes on
      }
    }
    if (plain_letter(c)) {
      if (in_run) {
        source.back() = static_cast<std::uint32_t>(pos - 1);  // the run's 'a' stands for its end
      } else {
        out += 'a';
        source.push_back(static_cast<std::uint32_t>(pos - 1));
        in_run = true;
      }
      continue;
    }
    in_run = false;
    for (std::size_t b = start; b < pos; ++b) {
      out += text[b];
      source.push_back(static_cast<std::uint32_t>(b));
    }
  }
  return true;
}

LineBreak ours(char libunibreak) {
  return libunibreak == LINEBREAK_MUSTBREAK    ? LineBreak::mandatory
         : libunibreak == LINEBREAK_ALLOWBREAK ? LineBreak::allowed
                                                : LineBreak::none;
}

}  // namespace

std::vector<LineBreak> line_breaks(std::string_view text, std::string_view language) {
  std::vector<LineBreak> out(text.size(), LineBreak::none);
  if (text.empty()) return out;
  ensure_initialised();
  // libunibreak matches its tailorings by prefix ("de" for "de-AT"), in lower case.
  std::string lang(language);
  std::transform(lang.begin(), lang.end(), lang.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string short_text;
  std::vector<std::uint32_t> source;
  const bool shortened = shorten(text, short_text, source, out);
  const std::string_view shown = shortened ? std::string_view(short_text) : text;
  std::vector<char> breaks(shown.size());
  set_linebreaks_utf8(reinterpret_cast<const utf8_t*>(shown.data()), shown.size(), lang.empty() ? nullptr : lang.c_str(),
                      breaks.data());
  // (Unshortened, every byte is written here, the spaces shorten marked before it gave up too.)
  for (std::size_t j = 0; j < shown.size(); ++j) out[shortened ? source[j] : j] = ours(breaks[j]);
  // The end of the text always reads as a mandatory break: it is none of ours.
  out.back() = LineBreak::none;
  return out;
}

}  // namespace galley::text
