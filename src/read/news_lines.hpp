// Recognisers for the single lines news conventions look for: bylines, caption/credit lines,
// related-article labels, source-URL labels and sentence ends. Each takes plain text and
// says what the line is, so each is tested on its own with literal strings.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "galley/model/document.hpp"

namespace galley::read {

struct Byline {
  std::vector<std::string> authors;
  std::optional<model::Date> date;  ///< "By Ana Petrović | March 7, 2024"
  std::string date_text;
};

/// "By Ana Petrović and Ilya Sorokin", "Von Jana Weber", "Par Claire Dubois et Luc Martin",
/// "Автор: Мария Кузнецова". Names must look like names (capitalised words), so "By the
/// time we arrived" is not a byline.
std::optional<Byline> parse_byline(std::string_view line);

struct CaptionCredit {
  std::string caption;
  std::string credit;
};

/// "Caption / Credit", "Caption. Photo: Credit", or just a caption.
CaptionCredit split_caption_credit(std::string_view text);

/// If `text` starts with a related-article label ("Related article:", "See also:",
/// "Читайте также:"), the label as written without its colon, and how many bytes the
/// label and colon take.
struct Label {
  std::string text;
  std::size_t length = 0;
};
std::optional<Label> related_label(std::string_view text);

/// If `text` starts with a source label ("Original url:", "Source:"), the same.
std::optional<Label> source_label(std::string_view text);

/// An http(s) URL standing alone (angle brackets allowed), or nothing.
std::optional<std::string> standalone_url(std::string_view text);

/// True when the text ends a sentence or a clause that may stand alone (. ! ? … : ; or a
/// closing quote or bracket), so the next paragraph is not its continuation.
bool ends_sentence(std::string_view text);

}  // namespace galley::read
