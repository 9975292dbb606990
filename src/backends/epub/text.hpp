// Text rules of the EPUB writer: what XML may contain, which language tags and link targets
// are safe to write, and the few words the book itself adds (By, Source, Notes) per language.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace galley::backends::epub {

/// `text` with every character XML 1.0 forbids or discourages removed: C0 controls other
/// than tab, line feed and carriage return, DEL and C1 controls, surrogates, noncharacters
/// and bytes that are not UTF-8. Carriage returns become line feeds.
std::string xml_clean(std::string_view text);

/// As xml_clean, for attribute values: tabs and line breaks also become spaces, since
/// tinyxml2 writes them raw and XML parsers would turn them into spaces anyway.
std::string xml_clean_attribute(std::string_view text);

/// A well-formed BCP 47 tag with conventional case ("en-GB", "sr-Latn"), underscores read as
/// hyphens; nullopt for anything else ("C", "POSIX", "", "en_US.UTF-8").
std::optional<std::string> language_tag(std::string_view tag);

/// True when the tag's language is written right to left (Arabic, Hebrew, Persian, Urdu, ...).
bool right_to_left(std::string_view tag);

/// A link target safe to put in an `href`: http, https and mailto URLs only, with spaces,
/// non-ASCII bytes and characters URLs may not hold percent-encoded. nullopt for any other
/// scheme (javascript:, data:, file:), for relative paths (they would point at files the
/// book does not hold) and for fragments.
std::optional<std::string> safe_link(std::string_view target);

/// True when `source` names a remote resource (it has a URL scheme such as http:).
bool has_url_scheme(std::string_view source);

/// A file-name stem made of a-z, 0-9 and '-' (at most 40 characters), "file" when nothing
/// of `name` survives. Keeps names in the zip ASCII and free of case twins (OPF-060).
std::string ascii_slug(std::string_view name);

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

}  // namespace galley::backends::epub
