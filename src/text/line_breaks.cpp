// UAX #14 line break opportunities through libunibreak (1.1 on Debian 12: the algorithm of
// UAX #14 revision 30, Unicode 6.2 classes).
#include "text/line_breaks.hpp"

#include <linebreak.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <string>

namespace galley::text {
namespace {

// libunibreak asks for init_linebreak() once before any use; it is not documented as safe to
// call from two threads at once.
void ensure_initialised() {
  static std::once_flag once;
  std::call_once(once, [] { init_linebreak(); });
}

}  // namespace

std::vector<LineBreak> line_breaks(std::string_view text, std::string_view language) {
  std::vector<LineBreak> out(text.size(), LineBreak::none);
  if (text.empty()) return out;
  ensure_initialised();
  // libunibreak matches its tailorings by prefix ("de" for "de-AT"), in lower case.
  std::string lang(language);
  std::transform(lang.begin(), lang.end(), lang.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::vector<char> breaks(text.size());
  set_linebreaks_utf8(reinterpret_cast<const utf8_t*>(text.data()), text.size(), lang.empty() ? nullptr : lang.c_str(),
                      breaks.data());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (breaks[i] == LINEBREAK_MUSTBREAK) out[i] = LineBreak::mandatory;
    if (breaks[i] == LINEBREAK_ALLOWBREAK) out[i] = LineBreak::allowed;
  }
  // The end of the text always reads as a mandatory break: it is none of ours.
  out.back() = LineBreak::none;
  return out;
}

}  // namespace galley::text
