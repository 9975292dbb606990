// Text rules of the EPUB writer: what XML may contain, which language tags are safe to write,
// ASCII file names. Safe link targets and the book's own words per language are shared with
// the other backends (model/links.hpp, model/labels.hpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/labels.hpp"
#include "model/links.hpp"

namespace galley::backends::epub {

using model::has_url_scheme;
using model::join_names;
using model::Labels;
using model::labels_for;
using model::safe_link;

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

/// A file-name stem made of a-z, 0-9 and '-' (at most 40 characters), "file" when nothing
/// of `name` survives. Keeps names in the zip ASCII and free of case twins (OPF-060).
std::string ascii_slug(std::string_view name);

}  // namespace galley::backends::epub
