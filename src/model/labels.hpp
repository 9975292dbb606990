// The few words galley itself adds around an article's text (By, Source, Notes, ...), per
// language, shared by every backend so a PDF and an EPUB of one article say the same.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace galley::model {

/// The words the book adds around the article text, in one language.
struct Labels {
  std::string_view by;             ///< "By" before the byline; empty where none is used
  std::string_view and_;           ///< joins the last two names
  std::string_view source;         ///< "Source:" before the source link
  std::string_view notes;          ///< heading of the footnotes
  std::string_view contents;       ///< heading of the table of contents
  std::string_view cover;          ///< landmark name of the cover
  std::string_view edited_by;      ///< before the editor on the title page
  std::string_view untitled;       ///< title of an article that has none
  std::string_view back_to_text;   ///< label of a footnote's back-link
  std::string_view title_page;     ///< landmark name of the title page
  std::string_view start;          ///< landmark name of the first article
};

/// Labels for a language tag's primary language; English for languages not listed.
const Labels& labels_for(std::string_view tag);

/// "A", "A and B", "A, B and C" with the language's word for "and".
std::string join_names(const std::vector<std::string>& names, const Labels& labels);

}  // namespace galley::model
